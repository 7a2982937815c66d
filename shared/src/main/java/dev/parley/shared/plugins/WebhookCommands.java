package dev.parley.shared.plugins;

import dev.parley.shared.Addresses;
import dev.parley.shared.contract.Command;
import dev.parley.shared.contract.Json;
import dev.parley.shared.contract.JsonBody;
import dev.parley.shared.contract.Route;
import dev.parley.shared.events.RoomEvent;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Webhooks of a room (issue 15). Each has a bot account of its own, a member of the room, that posts what the hook
 * brings: an incoming hook posts what is POSTed to its secret URL; an outgoing hook sends the room's messages (all,
 * or those starting with its trigger word) to a URL, signed with HMAC-SHA256 under its secret, and posts the answer.
 */
public final class WebhookCommands {

  public static final String INCOMING = "incoming";
  public static final String OUTGOING = "outgoing";

  private WebhookCommands() {
  }

  /**
   * A new webhook, made by a room admin ({@code actor}). Incoming: {@code tokenHash} (the URL's secret, hashed by
   * the gateway). Outgoing: {@code url}, {@code secret} and, optionally, {@code trigger}.
   */
  public record CreateWebhook(String room, String actor, String kind, String name, String tokenHash, String url,
                              String secret, String trigger) implements Command<WebhookCreated> {
    public static final Route<CreateWebhook, WebhookCreated> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "CREATE_WEBHOOK", CreateWebhook::fromJson, WebhookCreated::fromJson);

    public CreateWebhook {
      if (!INCOMING.equals(kind) && !OUTGOING.equals(kind)) {
        throw Json.invalid("kind must be incoming or outgoing");
      }
      if (INCOMING.equals(kind) ? tokenHash == null : url == null || secret == null) {
        throw Json.invalid(INCOMING.equals(kind) ? "An incoming webhook needs a token hash"
            : "An outgoing webhook needs a url and a secret");
      }
    }

    @Override
    public Route<CreateWebhook, WebhookCreated> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      JsonObject json = new JsonObject().put("room", room).put("actor", actor).put("kind", kind).put("name", name);
      Json.putIfPresent(json, "tokenHash", tokenHash);
      Json.putIfPresent(json, "url", url);
      Json.putIfPresent(json, "secret", secret);
      return Json.putIfPresent(json, "trigger", trigger);
    }

    public static CreateWebhook fromJson(JsonObject json) {
      return new CreateWebhook(Json.text(json, "room"), Json.text(json, "actor"), Json.text(json, "kind"),
          Json.text(json, "name"), Json.optText(json, "tokenHash"), Json.optText(json, "url"),
          Json.optText(json, "secret"), Json.optText(json, "trigger"));
    }
  }

  /**
   * {@code {"webhook":..,"joined":..,"since":..}}: the new hook, its bot's {@code member.joined} event, and the
   * firehose position just before the hook was made (its first messages come after it).
   */
  public record WebhookCreated(WebhookView webhook, RoomEvent joined, String since) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("webhook", webhook.toJson()).put("joined", joined.toJson()).put("since", since);
    }

    public static WebhookCreated fromJson(JsonObject json) {
      return new WebhookCreated(WebhookView.fromJson(Json.object(json, "webhook")),
          RoomEvent.fromJson(Json.object(json, "joined")), Json.text(json, "since"));
    }
  }

  /** Published on {@link Addresses#WEBHOOKS} when a room's webhooks changed; {@code since}: see WebhookCreated. */
  public record WebhooksChanged(String room, String since) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("room", room).put("since", since);
    }

    public static WebhooksChanged fromJson(JsonObject json) {
      return new WebhooksChanged(Json.text(json, "room"), Json.text(json, "since"));
    }
  }

  /** A webhook as its room's admins see it: never its token or secret. */
  public record WebhookView(String id, String room, String kind, String name, String bot, String url, String trigger)
      implements JsonBody {
    @Override
    public JsonObject toJson() {
      JsonObject json = new JsonObject().put("id", id).put("room", room).put("kind", kind).put("name", name)
          .put("bot", bot);
      Json.putIfPresent(json, "url", url);
      return Json.putIfPresent(json, "trigger", trigger);
    }

    public static WebhookView fromJson(JsonObject json) {
      return new WebhookView(Json.text(json, "id"), Json.text(json, "room"), Json.text(json, "kind"),
          Json.text(json, "name"), Json.text(json, "bot"), Json.optText(json, "url"), Json.optText(json, "trigger"));
    }
  }

  /** Where an incoming webhook's token leads: {@code not_found} for a token nobody has. */
  public record FindIncoming(String tokenHash) implements Command<IncomingTarget> {
    public static final Route<FindIncoming, IncomingTarget> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "FIND_INCOMING_WEBHOOK", FindIncoming::fromJson, IncomingTarget::fromJson);

    @Override
    public Route<FindIncoming, IncomingTarget> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("tokenHash", tokenHash);
    }

    public static FindIncoming fromJson(JsonObject json) {
      return new FindIncoming(Json.text(json, "tokenHash"));
    }
  }

  /** The room an incoming webhook posts to, and the bot account (and name) it posts as. */
  public record IncomingTarget(String room, String bot, String name) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("room", room).put("bot", bot).put("name", name);
    }

    public static IncomingTarget fromJson(JsonObject json) {
      return new IncomingTarget(Json.text(json, "room"), Json.text(json, "bot"), Json.text(json, "name"));
    }
  }

  /**
   * The outgoing webhooks of a room, with their secrets: for the verticle that calls them, never for a client.
   * {@code room} null: one outgoing hook of any room, or none (whether there is anything to call at all).
   */
  public record OutgoingWebhooks(String room) implements Command<OutgoingList> {
    public static final Route<OutgoingWebhooks, OutgoingList> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "OUTGOING_WEBHOOKS", OutgoingWebhooks::fromJson, OutgoingList::fromJson);

    @Override
    public Route<OutgoingWebhooks, OutgoingList> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return Json.putIfPresent(new JsonObject(), "room", room);
    }

    public static OutgoingWebhooks fromJson(JsonObject json) {
      return new OutgoingWebhooks(Json.optText(json, "room"));
    }
  }

  /** {@code {"hooks":[..]}}. */
  public record OutgoingList(List<Outgoing> hooks) implements JsonBody {
    public OutgoingList {
      hooks = List.copyOf(hooks);
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("hooks", Json.array(hooks));
    }

    public static OutgoingList fromJson(JsonObject json) {
      return new OutgoingList(Json.objects(json, "hooks", Outgoing::fromJson));
    }
  }

  /** One outgoing webhook: where to send, the secret that signs, the trigger (null: every message), its bot. */
  public record Outgoing(String id, String bot, String name, String url, String secret, String trigger)
      implements JsonBody {
    @Override
    public JsonObject toJson() {
      JsonObject json = new JsonObject().put("id", id).put("bot", bot).put("name", name).put("url", url)
          .put("secret", secret);
      return Json.putIfPresent(json, "trigger", trigger);
    }

    public static Outgoing fromJson(JsonObject json) {
      return new Outgoing(Json.text(json, "id"), Json.text(json, "bot"), Json.text(json, "name"),
          Json.text(json, "url"), Json.text(json, "secret"), Json.optText(json, "trigger"));
    }

    /** Whether a message with this text calls the hook: every message, or one whose first word is the trigger. */
    public boolean triggeredBy(String text) {
      if (trigger == null) {
        return true;
      }
      return text.startsWith(trigger) && (text.length() == trigger.length()
          || Character.isWhitespace(text.charAt(trigger.length())));
    }

    @Override
    public String toString() {
      return "Outgoing[" + id + " " + url + "]";
    }
  }

  /**
   * What an outgoing webhook receives: {@code {"webhook","room","seq","message"}}, the message as a
   * {@link dev.parley.shared.rooms.MessageView}'s JSON.
   */
  public record Delivery(String webhook, String room, long seq, JsonObject message) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("webhook", webhook).put("room", room).put("seq", seq).put("message", message);
    }

    public static Delivery fromJson(JsonObject json) {
      return new Delivery(Json.text(json, "webhook"), Json.text(json, "room"), Json.whole(json, "seq"),
          Json.object(json, "message"));
    }
  }

  /** What an outgoing webhook may answer: {@code {"text":..}} to post in the room; anything else posts nothing. */
  public record Answer(String text) {
    /** The answer in a response body, or null when it holds no text to post (none, not JSON, no "text"). */
    public static Answer read(String body) {
      try {
        JsonObject json = body == null || body.isBlank() ? null : new JsonObject(body);
        String text = json == null || !(json.getValue("text") instanceof String value) || value.isBlank()
            ? null : value;
        return text == null ? null : new Answer(text);
      } catch (RuntimeException notJson) {
        return null;
      }
    }
  }

  /** The gateway's answer to making a webhook: {@code {"webhook":..,"url":..}} or {@code {"webhook":..,"secret":..}}. */
  public record Created(WebhookView webhook, String url, String secret) implements JsonBody {
    @Override
    public JsonObject toJson() {
      JsonObject json = new JsonObject().put("webhook", webhook.toJson());
      return url != null ? json.put("url", url) : json.put("secret", secret);
    }
  }

  /** The gateway's answer to a post through an incoming webhook: {@code {"id","seq"}} of the message. */
  public record Posted(String id, long seq) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("id", id).put("seq", seq);
    }
  }
}
