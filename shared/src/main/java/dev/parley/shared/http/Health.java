package dev.parley.shared.http;

import dev.parley.shared.contract.Json;
import dev.parley.shared.contract.JsonBody;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /health/live} and {@code /health/ready}: {@code {"status":"up"|"down","reason"?,"connections"?,"checks"?}}.
 * {@code checks} (readiness only) names each check with {@code "up"} or {@code "down"}; {@code reason} says why the
 * first that is down is.
 */
public record Health(String status, String reason, Integer connections, Map<String, String> checks)
    implements JsonBody {

  public static final String UP = "up";
  public static final String DOWN = "down";

  public Health {
    checks = checks == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(checks));
  }

  public static Health up() {
    return new Health(UP, null, null, null);
  }

  public boolean isUp() {
    return UP.equals(status);
  }

  @Override
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("status", status);
    Json.putIfPresent(json, "reason", reason);
    Json.putIfPresent(json, "connections", connections);
    if (!checks.isEmpty()) {
      JsonObject named = new JsonObject();
      checks.forEach(named::put);
      json.put("checks", named);
    }
    return json;
  }

  public static Health fromJson(JsonObject json) {
    JsonObject named = json.getJsonObject("checks");
    Map<String, String> checks = new LinkedHashMap<>();
    if (named != null) {
      named.forEach(entry -> checks.put(entry.getKey(), String.valueOf(entry.getValue())));
    }
    return new Health(Json.text(json, "status"), Json.optText(json, "reason"), Json.optInteger(json, "connections"),
        checks);
  }
}
