package dev.parley.shared.rooms;

import dev.parley.shared.contract.Json;
import dev.parley.shared.contract.JsonBody;
import io.vertx.core.json.JsonObject;

/**
 * A room as someone sees it. {@code role}, {@code muted}, {@code unread}, {@code lastRead} (the seq of their read
 * marker) and {@code mentions} (unread messages that mention them) are present for a member (the caller's own
 * membership), {@code member} in the list of public channels; a DM or group DM is named by its people.
 * {@code allowChannelMentions} is false where the room's admins keep {@code @channel} and {@code @here} from calling
 * everyone; it is left out of the JSON when true, the default. {@code encrypted} (present only when true) marks a DM
 * or group DM encrypted end to end: its messages carry {@code ciphertext} instead of {@code text} (docs/e2ee.md).
 */
public record RoomView(String id, RoomKind kind, String name, String topic, long lastSeq, boolean archived,
                       String role, Boolean muted, Long unread, Boolean member, Long lastRead, Long mentions,
                       boolean allowChannelMentions, boolean encrypted) implements JsonBody {

  /** A room without end-to-end encryption. */
  public RoomView(String id, RoomKind kind, String name, String topic, long lastSeq, boolean archived, String role,
                  Boolean muted, Long unread, Boolean member, Long lastRead, Long mentions,
                  boolean allowChannelMentions) {
    this(id, kind, name, topic, lastSeq, archived, role, muted, unread, member, lastRead, mentions,
        allowChannelMentions, false);
  }

  /** This view of an end-to-end encrypted DM or group DM ({@code encrypted} true), or of a plain room. */
  public RoomView withEncryption(boolean encrypted) {
    return new RoomView(id, kind, name, topic, lastSeq, archived, role, muted, unread, member, lastRead, mentions,
        allowChannelMentions, encrypted);
  }

  /** The room alone, without anything about the one who looks at it. */
  public static RoomView of(String id, RoomKind kind, String name, String topic, long lastSeq, boolean archived) {
    return new RoomView(id, kind, name, topic, lastSeq, archived, null, null, null, null, null, null, true);
  }

  /** This view with the room's rule on {@code @channel}. */
  public RoomView withChannelMentions(boolean allowed) {
    return new RoomView(id, kind, name, topic, lastSeq, archived, role, muted, unread, member, lastRead, mentions,
        allowed, encrypted);
  }

  /** This view for a member with that role and mute, and that many unread messages. */
  public RoomView asMember(String role, boolean muted, long unread) {
    return new RoomView(id, kind, name, topic, lastSeq, archived, role, muted, unread, null, lastRead, mentions,
        allowChannelMentions, encrypted);
  }

  /** This view with the member's read marker and how many unread messages mention them. */
  public RoomView withReadState(long lastRead, long mentions) {
    return new RoomView(id, kind, name, topic, lastSeq, archived, role, muted, unread, member, lastRead, mentions,
        allowChannelMentions, encrypted);
  }

  /** This view in the list of public channels, saying whether the caller is in it. */
  public RoomView listed(boolean member) {
    return new RoomView(id, kind, name, topic, lastSeq, archived, null, null, null, member, null, null,
        allowChannelMentions, encrypted);
  }

  public RoomView named(String otherName) {
    return new RoomView(id, kind, otherName, topic, lastSeq, archived, role, muted, unread, member, lastRead, mentions,
        allowChannelMentions, encrypted);
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
    Json.putIfPresent(json, "lastRead", lastRead);
    Json.putIfPresent(json, "mentions", mentions);
    if (!allowChannelMentions) {
      json.put("allowChannelMentions", false);
    }
    if (encrypted) {
      json.put("encrypted", true);
    }
    return Json.putIfPresent(json, "member", member);
  }

  /** Reads a room; only its id is required, so a client also reads the leaner answers of other servers. */
  public static RoomView fromJson(JsonObject json) {
    Long lastSeq = Json.optWhole(json, "lastSeq");
    return new RoomView(Json.text(json, "id"), RoomKind.fromWire(Json.optText(json, "kind")),
        Json.optText(json, "name"), Json.optText(json, "topic"), lastSeq == null ? 0 : lastSeq,
        Json.flag(json, "archived", false), Json.optText(json, "role"), Json.optFlag(json, "muted"),
        Json.optWhole(json, "unread"), Json.optFlag(json, "member"), Json.optWhole(json, "lastRead"),
        Json.optWhole(json, "mentions"), Json.flag(json, "allowChannelMentions", true),
        Json.flag(json, "encrypted", false));
  }
}
