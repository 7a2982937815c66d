package dev.parley.shared.http;

import dev.parley.shared.contract.Json;
import dev.parley.shared.contract.JsonBody;
import io.vertx.core.json.JsonObject;

/** {@code /health/live} and {@code /health/ready}: {@code {"status":"up"|"down","reason"?,"connections"?}}. */
public record Health(String status, String reason, Integer connections) implements JsonBody {

  public static final String UP = "up";
  public static final String DOWN = "down";

  public static Health up() {
    return new Health(UP, null, null);
  }

  @Override
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("status", status);
    Json.putIfPresent(json, "reason", reason);
    return Json.putIfPresent(json, "connections", connections);
  }

  public static Health fromJson(JsonObject json) {
    return new Health(Json.text(json, "status"), Json.optText(json, "reason"), Json.optInteger(json, "connections"));
  }
}
