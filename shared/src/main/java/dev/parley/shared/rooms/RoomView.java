package dev.parley.shared.rooms;

import dev.parley.shared.contract.Json;
import dev.parley.shared.contract.JsonBody;
import io.vertx.core.json.JsonObject;

/**
 * A room as someone sees it. {@code role}, {@code muted} and {@code unread} are present for a member (the caller's
 * own membership), {@code member} in the list of public channels; a DM or group DM is named by its people.
 */
public record RoomView(String id, RoomKind kind, String name, String topic, long lastSeq, boolean archived,
                       String role, Boolean muted, Long unread, Boolean member) implements JsonBody {

  /** The room alone, without anything about the one who looks at it. */
  public static RoomView of(String id, RoomKind kind, String name, String topic, long lastSeq, boolean archived) {
    return new RoomView(id, kind, name, topic, lastSeq, archived, null, null, null, null);
  }

  /** This view for a member with that role and mute, and that many unread messages. */
  public RoomView asMember(String role, boolean muted, long unread) {
    return new RoomView(id, kind, name, topic, lastSeq, archived, role, muted, unread, null);
  }

  /** This view in the list of public channels, saying whether the caller is in it. */
  public RoomView listed(boolean member) {
    return new RoomView(id, kind, name, topic, lastSeq, archived, null, null, null, member);
  }

  public RoomView named(String otherName) {
    return new RoomView(id, kind, otherName, topic, lastSeq, archived, role, muted, unread, member);
  }

  @Override
  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("id", id)
        .put("kind", kind == null ? null : kind.wireName())
        .put("name", name)
        .put("topic", topic)
        .put("lastSeq", lastSeq)
        .put("archived", archived);
    Json.putIfPresent(json, "role", role);
    Json.putIfPresent(json, "muted", muted);
    Json.putIfPresent(json, "unread", unread);
    return Json.putIfPresent(json, "member", member);
  }

  /** Reads a room; only its id is required, so a client also reads the leaner answers of other servers. */
  public static RoomView fromJson(JsonObject json) {
    Long lastSeq = Json.optWhole(json, "lastSeq");
    return new RoomView(Json.text(json, "id"), RoomKind.fromWire(Json.optText(json, "kind")),
        Json.optText(json, "name"), Json.optText(json, "topic"), lastSeq == null ? 0 : lastSeq,
        Json.flag(json, "archived", false), Json.optText(json, "role"), Json.optFlag(json, "muted"),
        Json.optWhole(json, "unread"), Json.optFlag(json, "member"));
  }
}
