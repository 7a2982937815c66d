package dev.parley.shared.http;

import dev.parley.shared.contract.Json;
import dev.parley.shared.contract.JsonBody;
import io.vertx.core.json.JsonObject;

/** {@code POST /api/v1/ws-ticket}: a single-use ticket for {@code /ws?ticket=}, valid {@code expiresIn} seconds. */
public record WsTicket(String ticket, int expiresIn) implements JsonBody {

  @Override
  public JsonObject toJson() {
    return new JsonObject().put("ticket", ticket).put("expiresIn", expiresIn);
  }

  public static WsTicket fromJson(JsonObject json) {
    return new WsTicket(Json.text(json, "ticket"), Json.integer(json, "expiresIn"));
  }
}
