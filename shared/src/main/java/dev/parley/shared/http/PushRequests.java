package dev.parley.shared.http;

import dev.parley.shared.contract.Json;
import dev.parley.shared.contract.JsonBody;
import io.vertx.core.json.JsonObject;

/**
 * Bodies of the Web Push calls. A subscription is sent as the browser's {@code PushSubscription.toJSON()}:
 * {@code {"endpoint","expirationTime","keys":{"p256dh","auth"}}}; the gateway reads it field by field with these names.
 */
public final class PushRequests {

  public static final String ENDPOINT = "endpoint";
  public static final String KEYS = "keys";
  public static final String P256DH = "p256dh";
  public static final String AUTH = "auth";

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
