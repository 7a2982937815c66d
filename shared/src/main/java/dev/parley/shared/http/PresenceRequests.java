package dev.parley.shared.http;

import dev.parley.shared.contract.Json;
import dev.parley.shared.contract.JsonBody;
import dev.parley.shared.presence.Presence;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Bodies of the presence calls; the gateway reads them field by field with these names. */
public final class PresenceRequests {

  public static final String AWAY = "away";
  public static final String TEXT = "text";
  /** {@code GET /api/v1/presence?users=a,b}: the people asked about, comma separated. */
  public static final String USERS = "users";

  private PresenceRequests() {
  }

  /** {@code PUT /api/v1/presence}: {@code {"away","text"?}}, what the person sets by hand. */
  public record SetPresence(boolean away, String text) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return Json.putIfPresent(new JsonObject().put(AWAY, away), TEXT, text);
    }
  }

  /** The answer of {@code GET /api/v1/presence}: {@code {"presence":[{"user","status","text"}]}}. */
  public record PresenceList(List<Presence> presence) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("presence", Json.array(presence));
    }

    public static PresenceList fromJson(JsonObject json) {
      return new PresenceList(Json.objects(json, "presence", Presence::fromJson));
    }
  }
}
