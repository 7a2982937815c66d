package dev.parley.shared.http;

import dev.parley.shared.contract.Json;
import dev.parley.shared.contract.JsonBody;
import io.vertx.core.json.JsonObject;

/**
 * Bodies of the Web Push and notification settings calls. A subscription is sent as the browser's {@code PushSubscription.toJSON()}:
 * {@code {"endpoint","expirationTime","keys":{"p256dh","auth"}}}; the gateway reads it field by field with these names.
 */
public final class PushRequests {

  public static final String ENDPOINT = "endpoint";
  public static final String KEYS = "keys";
  public static final String P256DH = "p256dh";
  public static final String AUTH = "auth";
  /** {@code PUT /api/v1/me/notifications}: email on or off, and the do-not-disturb window (or null). */
  public static final String EMAIL = "email";
  public static final String DO_NOT_DISTURB = "doNotDisturb";
  public static final String START = "start";
  public static final String END = "end";
  public static final String TIME_ZONE = "timeZone";
  /** {@code PUT /api/v1/rooms/{room}/notifications}: the level, and muted until (epoch ms, or null). */
  public static final String LEVEL = "level";
  public static final String MUTED_UNTIL = "mutedUntil";

  private PushRequests() {
  }

  /** {@code GET /api/v1/push/key}: the VAPID public key browsers subscribe with ({@code applicationServerKey}). */
  public record PushKey(String publicKey) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("publicKey", publicKey);
    }

    public static PushKey fromJson(JsonObject json) {
      return new PushKey(Json.text(json, "publicKey"));
    }
  }

  /** The answer of {@code POST /api/v1/push/subscriptions}: {@code {"subscription":{"id","endpoint"}}}. */
  public record SubscriptionView(String id, String endpoint) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("subscription", new JsonObject().put("id", id).put(ENDPOINT, endpoint));
    }
  }
}
