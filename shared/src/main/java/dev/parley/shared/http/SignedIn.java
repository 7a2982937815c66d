package dev.parley.shared.http;

import dev.parley.shared.accounts.AccountView;
import dev.parley.shared.contract.Json;
import dev.parley.shared.contract.JsonBody;
import io.vertx.core.json.JsonObject;

/**
 * The answer to signing up, signing in, refreshing and the OAuth exchange: {@code {"user","accessToken",
 * "refreshToken","expiresIn"}} (seconds the access token lives).
 */
public record SignedIn(AccountView user, String accessToken, String refreshToken, int expiresIn) implements JsonBody {

  @Override
  public JsonObject toJson() {
    return new JsonObject().put("user", user.toJson()).put("accessToken", accessToken)
        .put("refreshToken", refreshToken).put("expiresIn", expiresIn);
  }

  public static SignedIn fromJson(JsonObject json) {
    return new SignedIn(AccountView.fromJson(Json.object(json, "user")), Json.text(json, "accessToken"),
        Json.text(json, "refreshToken"), Json.integer(json, "expiresIn"));
  }
}
