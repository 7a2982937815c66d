package dev.parley.gateway.identity;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Who a request or a connection acts for: the user, their display name, and the session they signed in with. */
public record Identity(String user, String name, String session) {

  /** Where {@link AuthApi#authenticate} leaves the caller on a request's context. */
  static final String CONTEXT_KEY = Identity.class.getName();

  /** The signed-in caller of a request that went through {@link AuthApi#authenticate}. */
  public static Identity of(RoutingContext ctx) {
    return ctx.get(CONTEXT_KEY);
  }

  /** The form a WebSocket ticket keeps in Redis until it is redeemed. */
  JsonObject toJson() {
    return new JsonObject().put("user", user).put("name", name).put("session", session);
  }

  static Identity fromJson(JsonObject json) {
    return new Identity(json.getString("user"), json.getString("name"), json.getString("session"));
  }
}
