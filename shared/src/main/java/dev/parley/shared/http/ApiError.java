package dev.parley.shared.http;

import dev.parley.shared.ErrorCode;
import dev.parley.shared.contract.Json;
import dev.parley.shared.contract.JsonBody;
import io.vertx.core.json.JsonObject;

/** Every HTTP error answer: {@code {"error":{"code","message"}}} with the code's status. */
public record ApiError(String code, String message) implements JsonBody {

  public static ApiError of(ErrorCode code, String message) {
    return new ApiError(code.wireName(), message);
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject().put("error", new JsonObject().put("code", code).put("message", message));
  }

  public static ApiError fromJson(JsonObject json) {
    JsonObject error = Json.object(json, "error");
    return new ApiError(Json.text(error, "code"), Json.optText(error, "message"));
  }
}
