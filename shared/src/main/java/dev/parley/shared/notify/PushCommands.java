package dev.parley.shared.notify;

import dev.parley.shared.Addresses;
import dev.parley.shared.contract.Command;
import dev.parley.shared.contract.Done;
import dev.parley.shared.contract.Json;
import dev.parley.shared.contract.JsonBody;
import dev.parley.shared.contract.Route;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** The Web Push subscriptions of people's devices, kept by room-verticle. */
public final class PushCommands {

  /** The most subscriptions one person keeps; subscribing another device drops their oldest. */
  public static final int MAX_PER_PERSON = 20;

  private PushCommands() {
  }

  /** One device's subscription: where to POST, and the keys its pushes are encrypted to (base64url). */
  public record Subscription(String id, String endpoint, String p256dh, String auth) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("id", id).put("endpoint", endpoint).put("p256dh", p256dh).put("auth", auth);
    }

    public static Subscription fromJson(JsonObject json) {
      return new Subscription(Json.text(json, "id"), Json.text(json, "endpoint"), Json.text(json, "p256dh"),
          Json.text(json, "auth"));
    }
  }

  /**
   * Keeps a device's subscription for the person ({@code id} is ignored: the stored one is answered). An endpoint
   * already kept for someone else moves to this person (the browser was signed in to another account before).
   */
  public record Subscribe(String user, Subscription subscription) implements Command<Subscribed> {
    public static final Route<Subscribe, Subscribed> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "PUSH_SUBSCRIBE", Subscribe::fromJson, Subscribed::fromJson);

    @Override
    public Route<Subscribe, Subscribed> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("user", user).put("subscription", subscription.toJson());
    }

    public static Subscribe fromJson(JsonObject json) {
      JsonObject subscription = Json.object(json, "subscription");
      return new Subscribe(Json.text(json, "user"), new Subscription(Json.optText(subscription, "id"),
          Json.text(subscription, "endpoint"), Json.text(subscription, "p256dh"), Json.text(subscription, "auth")));
    }
  }

  /** The subscription as kept. */
  public record Subscribed(Subscription subscription) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("subscription", subscription.toJson());
    }

    public static Subscribed fromJson(JsonObject json) {
      return new Subscribed(Subscription.fromJson(Json.object(json, "subscription")));
    }
  }

  /**
   * Forgets the subscription of this endpoint: the person's own ({@code user} set: a device unsubscribing), or
   * whoever's ({@code user} null: the push service said it is gone).
   */
  public record Unsubscribe(String user, String endpoint) implements Command<Done> {
    public static final Route<Unsubscribe, Done> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "PUSH_UNSUBSCRIBE", Unsubscribe::fromJson, Done::fromJson);

    @Override
    public Route<Unsubscribe, Done> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return Json.putIfPresent(new JsonObject().put("endpoint", endpoint), "user", user);
    }

    public static Unsubscribe fromJson(JsonObject json) {
      return new Unsubscribe(Json.optText(json, "user"), Json.text(json, "endpoint"));
    }
  }

  /** The person's subscriptions, every device that wants pushes. */
  public record ListSubscriptions(String user) implements Command<Subscriptions> {
    public static final Route<ListSubscriptions, Subscriptions> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "PUSH_SUBSCRIPTIONS", ListSubscriptions::fromJson, Subscriptions::fromJson);

    @Override
    public Route<ListSubscriptions, Subscriptions> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("user", user);
    }

    public static ListSubscriptions fromJson(JsonObject json) {
      return new ListSubscriptions(Json.text(json, "user"));
    }
  }

  /** Some subscriptions. */
  public record Subscriptions(List<Subscription> subscriptions) implements JsonBody {
    public Subscriptions {
      subscriptions = List.copyOf(subscriptions);
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("subscriptions", Json.array(subscriptions));
    }

    public static Subscriptions fromJson(JsonObject json) {
      return new Subscriptions(Json.objects(json, "subscriptions", Subscription::fromJson));
    }
  }

  /**
   * The payload of a {@link OutboxCommands#WEBPUSH} work item: one push, to one device. A push to a person becomes one
   * of these per device, so that a device whose push service says "later" does not hold up (or repeat) the others.
   */
  public record Delivery(Subscription subscription, PushWork push) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("subscription", subscription.toJson()).put("push", push.toJson());
    }

    public static Delivery fromJson(JsonObject json) {
      return new Delivery(Subscription.fromJson(Json.object(json, "subscription")),
          PushWork.fromJson(Json.object(json, "push")));
    }
  }
}
