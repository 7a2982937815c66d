package dev.parley.shared.http;

import dev.parley.shared.accounts.AccountView;
import dev.parley.shared.contract.Json;
import dev.parley.shared.contract.JsonBody;
import io.vertx.core.json.JsonObject;

/**
 * The answer to signing up, signing in, refreshing and the OAuth exchange: {@code {"user","accessToken",
 * "refreshToken","expiresIn"}} (seconds the access token lives). A password sign-in also hands out a
 * {@code deviceToken}: sent back with later sign-ins (as {@code deviceToken}), it shows this browser signed in
 * before, which lets it past the slow-down that someone guessing the password from many addresses causes.
 */
public record SignedIn(AccountView user, String accessToken, String refreshToken, int expiresIn,
                       String deviceToken) implements JsonBody {

  public SignedIn withDeviceToken(String token) {
    return new SignedIn(user, accessToken, refreshToken, expiresIn, token);
  }

  @Override
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("user", user.toJson()).put("accessToken", accessToken)
        .put("refreshToken", refreshToken).put("expiresIn", expiresIn);
    return Json.putIfPresent(json, "deviceToken", deviceToken);
  }

  public static SignedIn fromJson(JsonObject json) {
    return new SignedIn(AccountView.fromJson(Json.object(json, "user")), Json.text(json, "accessToken"),
        Json.text(json, "refreshToken"), Json.integer(json, "expiresIn"), Json.optText(json, "deviceToken"));
  }
}
