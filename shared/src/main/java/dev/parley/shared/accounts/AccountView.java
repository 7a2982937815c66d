package dev.parley.shared.accounts;

import dev.parley.shared.contract.Json;
import dev.parley.shared.contract.JsonBody;
import io.vertx.core.json.JsonObject;

/**
 * A person's own account: what they see of themselves (their email included, and whether that address was shown to
 * be theirs: by an emailed link, or by the sign-in provider the account was made or linked through).
 */
public record AccountView(String id, String email, String name, String handle, int avatarVersion,
                          String workspaceRole, boolean emailVerified) implements JsonBody {

  public static final String OWNER = "owner";
  public static final String ADMIN = "admin";
  public static final String MEMBER = "member";

  @Override
  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("email", email).put("name", name).put("handle", handle)
        .put("avatarVersion", avatarVersion).put("workspaceRole", workspaceRole).put("emailVerified", emailVerified);
  }

  /** Reads an account; only its id is required, so a client also reads the leaner answers of other servers. */
  public static AccountView fromJson(JsonObject json) {
    Integer avatarVersion = Json.optInteger(json, "avatarVersion");
    return new AccountView(Json.text(json, "id"), Json.optText(json, "email"), Json.optText(json, "name"),
        Json.optText(json, "handle"), avatarVersion == null ? 0 : avatarVersion, Json.optText(json, "workspaceRole"),
        Json.flag(json, "emailVerified", false));
  }
}
