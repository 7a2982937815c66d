package dev.parley.shared.events;

import dev.parley.shared.contract.Json;
import dev.parley.shared.contract.JsonBody;
import dev.parley.shared.rooms.RoomView;
import dev.parley.shared.ws.Protocol;
import io.vertx.core.json.JsonObject;
import java.util.function.Function;

/**
 * An event for one person on all their connections, published on {@link dev.parley.shared.Addresses#user(String)}:
 * {@code {"type","data"}}, no room and no seq. Connections get it as an {@code evt} frame.
 */
public record UserNotice(String type, JsonObject data) implements JsonBody {

  public static UserNotice of(EventData data) {
    return new UserNotice(data.type(), data.toJson());
  }

  public <T extends EventData> T data(Function<JsonObject, T> reader) {
    return reader.apply(data);
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject().put(Protocol.TYPE, type).put(Protocol.DATA, data);
  }

  public static UserNotice fromJson(JsonObject json) {
    return new UserNotice(Json.text(json, Protocol.TYPE), Json.object(json, Protocol.DATA));
  }

  /** The WebSocket frame for this notice. */
  public JsonObject toFrame() {
    return toJson().put(Protocol.OP, Protocol.EVT);
  }

  /** {@code room.added}: the person was added to a room (created it, joined, was added, accepted an invite). */
  public record RoomAdded(RoomView room) implements EventData {
    @Override
    public String type() {
      return EventType.ROOM_ADDED;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("room", room.toJson());
    }

    public static RoomAdded fromJson(JsonObject json) {
      return new RoomAdded(RoomView.fromJson(Json.object(json, "room")));
    }
  }

  /** {@code room.removed}: the person left or was removed from a room; their subscriptions to it end. */
  public record RoomRemoved(String room, String reason) implements EventData {
    @Override
    public String type() {
      return EventType.ROOM_REMOVED;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("room", room).put("reason", reason);
    }

    public static RoomRemoved fromJson(JsonObject json) {
      return new RoomRemoved(Json.text(json, "room"), Json.optText(json, "reason"));
    }
  }

  /**
   * {@code read.updated}: the person's read marker in {@code room} is now at {@code seq}, leaving {@code unread}
   * messages and {@code mentions} unread mentions there (the same counts as {@code GET /api/v1/rooms}).
   */
  public record ReadUpdated(String room, long seq, long unread, long mentions) implements EventData {
    @Override
    public String type() {
      return EventType.READ_UPDATED;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("room", room).put("seq", seq).put("unread", unread).put("mentions", mentions);
    }

    public static ReadUpdated fromJson(JsonObject json) {
      return new ReadUpdated(Json.text(json, "room"), Json.whole(json, "seq"), Json.whole(json, "unread"),
          Json.whole(json, "mentions"));
    }
  }

  /** {@code session.revoked}: a session of the person ended; its connections close with 4001. */
  public record SessionRevoked(String session) implements EventData {
    @Override
    public String type() {
      return EventType.SESSION_REVOKED;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("session", session);
    }

    public static SessionRevoked fromJson(JsonObject json) {
      return new SessionRevoked(Json.text(json, "session"));
    }
  }
}
