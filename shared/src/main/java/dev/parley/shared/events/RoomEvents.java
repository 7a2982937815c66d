package dev.parley.shared.events;

import dev.parley.shared.contract.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The typed data of each room event (besides {@link dev.parley.shared.rooms.MessageView}, the data of a
 * {@code message}). Each record's JSON is the {@code data} of an {@code evt} frame of its type.
 */
public final class RoomEvents {

  private RoomEvents() {
  }

  /** {@code message.deleted}: the message keeps its place, its text is gone. */
  public record MessageDeleted(String id, String by) implements EventData {
    @Override
    public String type() {
      return EventType.MESSAGE_DELETED;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("id", id).put("by", by);
    }

    public static MessageDeleted fromJson(JsonObject json) {
      return new MessageDeleted(Json.text(json, "id"), Json.optText(json, "by"));
    }
  }

  /**
   * {@code message.edited}: the message's text now, and when it was edited (epoch ms). In an end-to-end encrypted
   * room {@code text} is empty and {@code ciphertext} (MLS, base64) carries the new content.
   */
  public record MessageEdited(String id, String text, long editedAt, String ciphertext) implements EventData {
    /** An edit in clear. */
    public MessageEdited(String id, String text, long editedAt) {
      this(id, text, editedAt, null);
    }

    @Override
    public String type() {
      return EventType.MESSAGE_EDITED;
    }

    @Override
    public JsonObject toJson() {
      return Json.putIfPresent(new JsonObject().put("id", id).put("text", text).put("editedAt", editedAt),
          "ciphertext", ciphertext);
    }

    public static MessageEdited fromJson(JsonObject json) {
      return new MessageEdited(Json.text(json, "id"), Json.text(json, "text"), Json.whole(json, "editedAt"),
          Json.optText(json, "ciphertext"));
    }
  }

  /** {@code reaction.added}: {@code user} put {@code emoji} on message {@code id}. */
  public record ReactionAdded(String id, String emoji, String user) implements EventData {
    @Override
    public String type() {
      return EventType.REACTION_ADDED;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("id", id).put("emoji", emoji).put("user", user);
    }

    public static ReactionAdded fromJson(JsonObject json) {
      return new ReactionAdded(Json.text(json, "id"), Json.text(json, "emoji"), Json.text(json, "user"));
    }
  }

  /** {@code reaction.removed}: {@code user} took {@code emoji} off message {@code id}. */
  public record ReactionRemoved(String id, String emoji, String user) implements EventData {
    @Override
    public String type() {
      return EventType.REACTION_REMOVED;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("id", id).put("emoji", emoji).put("user", user);
    }

    public static ReactionRemoved fromJson(JsonObject json) {
      return new ReactionRemoved(Json.text(json, "id"), Json.text(json, "emoji"), Json.text(json, "user"));
    }
  }

  /**
   * {@code thread.updated}: the root {@code id} of a thread as it stands after new replies: their count, the last
   * one's time (epoch ms) and up to five participants. Absolute values, so applying one twice changes nothing.
   * room-verticle's {@code post_messages} writes this shape in SQL too (the event is stored in the same statement as
   * the replies); a test holds the stored and the published forms equal.
   */
  public record ThreadUpdated(String id, int replies, long lastReplyAt, List<String> participants)
      implements EventData {
    public ThreadUpdated {
      participants = List.copyOf(participants);
    }

    @Override
    public String type() {
      return EventType.THREAD_UPDATED;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("id", id).put("replies", replies).put("lastReplyAt", lastReplyAt)
          .put("participants", new JsonArray(participants));
    }

    public static ThreadUpdated fromJson(JsonObject json) {
      return new ThreadUpdated(Json.text(json, "id"), Json.integer(json, "replies"), Json.whole(json, "lastReplyAt"),
          Json.texts(json, "participants"));
    }
  }

  /** {@code member.joined}: by themselves, added {@code by} a moderator, or through an {@code invite}. */
  public record MemberJoined(String user, String name, String by, String invite) implements EventData {
    @Override
    public String type() {
      return EventType.MEMBER_JOINED;
    }

    @Override
    public JsonObject toJson() {
      JsonObject json = new JsonObject().put("user", user).put("name", name);
      Json.putIfPresent(json, "by", by);
      return Json.putIfPresent(json, "invite", invite);
    }

    public static MemberJoined fromJson(JsonObject json) {
      return new MemberJoined(Json.text(json, "user"), Json.optText(json, "name"), Json.optText(json, "by"),
          Json.optText(json, "invite"));
    }
  }

  /** {@code member.left}: {@code reason} is {@code left}, {@code kicked} or {@code banned}. */
  public record MemberLeft(String user, String name, String by, String reason) implements EventData {
    @Override
    public String type() {
      return EventType.MEMBER_LEFT;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("user", user).put("name", name).put("by", by).put("reason", reason);
    }

    public static MemberLeft fromJson(JsonObject json) {
      return new MemberLeft(Json.text(json, "user"), Json.optText(json, "name"), Json.optText(json, "by"),
          Json.optText(json, "reason"));
    }
  }

  /**
   * {@code member.updated}: a member's role or mute changed ({@code role} and {@code muted} set), or someone who was
   * not a member was banned ({@code banned: true}).
   */
  public record MemberUpdated(String user, String role, Boolean muted, Boolean banned) implements EventData {
    @Override
    public String type() {
      return EventType.MEMBER_UPDATED;
    }

    @Override
    public JsonObject toJson() {
      JsonObject json = new JsonObject().put("user", user);
      Json.putIfPresent(json, "role", role);
      Json.putIfPresent(json, "muted", muted);
      return Json.putIfPresent(json, "banned", banned);
    }

    public static MemberUpdated fromJson(JsonObject json) {
      return new MemberUpdated(Json.text(json, "user"), Json.optText(json, "role"), Json.optFlag(json, "muted"),
          Json.optFlag(json, "banned"));
    }
  }

  /** {@code room.updated}: the room's name, topic and archived state after a change made {@code by} someone. */
  public record RoomUpdated(String name, String topic, boolean archived, String by, boolean allowChannelMentions)
      implements EventData {

    /** A change to a room that still lets {@code @channel} call everyone. */
    public RoomUpdated(String name, String topic, boolean archived, String by) {
      this(name, topic, archived, by, true);
    }

    @Override
    public String type() {
      return EventType.ROOM_UPDATED;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("name", name).put("topic", topic).put("archived", archived).put("by", by)
          .put("allowChannelMentions", allowChannelMentions);
    }

    public static RoomUpdated fromJson(JsonObject json) {
      return new RoomUpdated(Json.text(json, "name"), Json.optText(json, "topic"), Json.flag(json, "archived", false),
          Json.optText(json, "by"), Json.flag(json, "allowChannelMentions", true));
    }
  }

  /**
   * {@code receipt}: in a DM or group DM, {@code user} has read up to {@code seq}. Ephemeral; the current ones are in
   * {@code GET /api/v1/rooms/{room}/receipts}.
   */
  public record ReadReceipt(String user, long seq) implements EventData {
    @Override
    public String type() {
      return EventType.RECEIPT;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("user", user).put("seq", seq);
    }

    public static ReadReceipt fromJson(JsonObject json) {
      return new ReadReceipt(Json.text(json, "user"), Json.whole(json, "seq"));
    }
  }

  /** {@code typing}: ephemeral, no seq; it runs out after {@code expiresIn} ms unless another one comes. */
  public record Typing(String user, String name, long expiresIn) implements EventData {

    /**
     * How long (ms) a client shows someone as typing after their last {@code typing} event. Typing is never stored
     * and nobody announces that it stopped (a closed laptop would not), so it must run out by itself: longer than
     * the pace at which a typing person's notices come (one per 2 s at most), short enough to vanish soon after.
     */
    public static final long EXPIRES_MS = 6_000;

    /** Someone typing now, shown for the usual {@link #EXPIRES_MS}. */
    public Typing(String user, String name) {
      this(user, name, EXPIRES_MS);
    }

    @Override
    public String type() {
      return EventType.TYPING;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("user", user).put("name", name).put("expiresIn", expiresIn);
    }

    public static Typing fromJson(JsonObject json) {
      Long expiresIn = Json.optWhole(json, "expiresIn");
      return new Typing(Json.text(json, "user"), Json.optText(json, "name"),
          expiresIn == null ? EXPIRES_MS : expiresIn);
    }
  }

  /**
   * {@code user.updated}: someone's profile changed. No seq. On the address of every room they are in (as a room
   * event) and on their own address (as a notice, for their other devices).
   */
  public record UserUpdated(String user, String name, String handle, int avatarVersion) implements EventData {
    @Override
    public String type() {
      return EventType.USER_UPDATED;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("user", user).put("name", name).put("handle", handle)
          .put("avatarVersion", avatarVersion);
    }

    public static UserUpdated fromJson(JsonObject json) {
      return new UserUpdated(Json.text(json, "user"), Json.optText(json, "name"), Json.optText(json, "handle"),
          Json.integer(json, "avatarVersion"));
    }
  }
}
