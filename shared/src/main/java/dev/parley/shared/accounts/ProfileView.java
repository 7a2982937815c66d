package dev.parley.shared.accounts;

import dev.parley.shared.contract.Json;
import dev.parley.shared.contract.JsonBody;
import io.vertx.core.json.JsonObject;

/** What anyone signed in may see of a person: never their email. */
public record ProfileView(String id, String name, String handle, int avatarVersion) implements JsonBody {

  @Override
  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("name", name).put("handle", handle).put("avatarVersion", avatarVersion);
  }

  public static ProfileView fromJson(JsonObject json) {
    return new ProfileView(Json.text(json, "id"), Json.text(json, "name"), Json.optText(json, "handle"),
        Json.integer(json, "avatarVersion"));
  }
}
