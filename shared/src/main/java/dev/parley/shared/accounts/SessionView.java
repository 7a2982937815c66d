package dev.parley.shared.accounts;

import dev.parley.shared.contract.Json;
import dev.parley.shared.contract.JsonBody;
import io.vertx.core.json.JsonObject;

/** A live session (a signed-in device); {@code current} says whether it is the caller's own. */
public record SessionView(String id, String device, long createdAt, long lastSeenAt, Boolean current)
    implements JsonBody {

  public SessionView asCurrent(boolean isCurrent) {
    return new SessionView(id, device, createdAt, lastSeenAt, isCurrent);
  }

  @Override
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("id", id).put("device", device).put("createdAt", createdAt)
        .put("lastSeenAt", lastSeenAt);
    return Json.putIfPresent(json, "current", current);
  }

  public static SessionView fromJson(JsonObject json) {
    return new SessionView(Json.text(json, "id"), Json.optText(json, "device"), Json.whole(json, "createdAt"),
        Json.whole(json, "lastSeenAt"), Json.optFlag(json, "current"));
  }
}
