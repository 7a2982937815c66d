package dev.parley.shared;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The bodies of the commands on {@link Addresses#ROOMS_CMD} and their replies. */
public final class Commands {

  private Commands() {
  }

  /** Creates a room whose owner is {@code owner}. */
  public record CreateRoom(String owner, String name, RoomKind kind, String topic) {
    public JsonObject toJson() {
      return new JsonObject().put("owner", owner).put("name", name).put("kind", kind.wireName()).put("topic", topic);
    }

    public static CreateRoom fromJson(JsonObject json) {
      return new CreateRoom(json.getString("owner"), json.getString("name"),
          RoomKind.fromWire(json.getString("kind")), json.getString("topic"));
    }
  }

  /** A page of a room's messages for a member: after a seq, before a seq, or the latest when neither is given. */
  public record History(String room, String user, Long after, Long before, int limit) {
    public JsonObject toJson() {
      return new JsonObject().put("room", room).put("user", user).put("after", after).put("before", before)
          .put("limit", limit);
    }

    public static History fromJson(JsonObject json) {
      return new History(json.getString("room"), json.getString("user"), json.getLong("after"),
          json.getLong("before"), json.getInteger("limit", 50));
    }
  }

  /** A message to store; {@code cid} is the sender's id for it, which makes a resend harmless. */
  public record PostMessage(String room, String sender, String senderName, String cid, String text) {
    public JsonObject toJson() {
      return new JsonObject().put("room", room).put("sender", sender).put("senderName", senderName)
          .put("cid", cid).put("text", text);
    }

    public static PostMessage fromJson(JsonObject json) {
      return new PostMessage(json.getString("room"), json.getString("sender"), json.getString("senderName"),
          json.getString("cid"), json.getString("text"));
    }
  }

  /** A stored message: its id, the room's seq it got, and when it was stored (epoch ms). */
  public record MessageAck(String id, long seq, long ts) {
    public JsonObject toJson() {
      return new JsonObject().put("id", id).put("seq", seq).put("ts", ts);
    }

    public static MessageAck fromJson(JsonObject json) {
      return new MessageAck(json.getString("id"), json.getLong("seq"), json.getLong("ts"));
    }
  }

  /**
   * The events of a room after {@code since}, at most {@code limit} of them, for a member; with no {@code user}, for
   * a gateway filling a hole in what it relays (it relays only to members, whose access it checked).
   */
  public record Replay(String room, String user, Long since, int limit) {
    public JsonObject toJson() {
      return new JsonObject().put("room", room).put("user", user).put("since", since).put("limit", limit);
    }

    public static Replay fromJson(JsonObject json) {
      return new Replay(json.getString("room"), json.getString("user"), json.getLong("since"),
          json.getInteger("limit", 0));
    }
  }

  /**
   * The answer to a {@link Replay}: the room's latest seq, the events (as {@link RoomEvent} JSON, in seq order),
   * and whether more than the limit were missed ({@code gap}: the events are then empty and the client pages
   * history from {@code since + 1} to {@code latest}).
   */
  public record ReplayResult(long latest, JsonArray events, boolean gap) {
    public JsonObject toJson() {
      return new JsonObject().put("latest", latest).put("events", events).put("gap", gap);
    }

    public static ReplayResult fromJson(JsonObject json) {
      return new ReplayResult(json.getLong("latest"), json.getJsonArray("events"), json.getBoolean("gap", false));
    }
  }
}
