package dev.parley.shared.rooms;

import dev.parley.shared.contract.Json;
import dev.parley.shared.contract.JsonBody;
import dev.parley.shared.events.EventData;
import dev.parley.shared.events.EventType;
import dev.parley.shared.files.FileView;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A message as clients see it, in history pages and as the data of a {@code message} event. In a history page it
 * also names its {@code room} and {@code seq} (an event carries those itself). A deleted message keeps its place
 * with empty text and {@code deleted: true}.
 *
 * <p>A thread reply names its root in {@code thread} ({@code alsoInChannel} when it is shown in the channel too); a
 * root carries its {@code replies}, {@code lastReplyAt} and up to five {@code participants}. {@code reactions} come
 * in history pages only: live and replayed, reactions arrive as their own events, which a count would double.
 * An edited message has {@code editedAt}, also sent as {@code editedTs} for clients of protocol v1 before edits.
 * {@code mentions} are the ids of the people its text names who could read the room when it was stored, and
 * {@code mentionsChannel} says it called the whole room ({@code @channel} or {@code @here}, where the room allows
 * that); both are left out of the JSON when empty, to keep frames small. {@code files} are the files sent with it
 * (left out when none; a deleted message has none). In an end-to-end encrypted room {@code text} is empty and
 * {@code ciphertext} carries the message: an MLS PrivateMessage in base64 that only members' devices can open.
 */
public record MessageView(String id, String room, Long seq, String sender, String senderName, String text, long ts,
                          Long editedTs, boolean deleted, String thread, boolean alsoInChannel, int replies,
                          Long lastReplyAt, List<String> participants, List<Reaction> reactions,
                          List<String> mentions, boolean mentionsChannel, List<FileView> files, String ciphertext)
    implements EventData {

  /** The most participants a thread's root names. */
  public static final int MAX_PARTICIPANTS = 5;

  public MessageView {
    participants = List.copyOf(participants);
    reactions = List.copyOf(reactions);
    mentions = mentions == null ? List.of() : List.copyOf(mentions);
    files = files == null ? List.of() : List.copyOf(files);
  }

  /** A message in clear. */
  public MessageView(String id, String room, Long seq, String sender, String senderName, String text, long ts,
                     Long editedTs, boolean deleted, String thread, boolean alsoInChannel, int replies,
                     Long lastReplyAt, List<String> participants, List<Reaction> reactions,
                     List<String> mentions, boolean mentionsChannel, List<FileView> files) {
    this(id, room, seq, sender, senderName, text, ts, editedTs, deleted, thread, alsoInChannel, replies, lastReplyAt,
        participants, reactions, mentions, mentionsChannel, files, null);
  }

  /** This message as its end-to-end encrypted room has it: no text, the MLS ciphertext (base64) instead. */
  public MessageView encryptedAs(String ciphertext) {
    return new MessageView(id, room, seq, sender, senderName, "", ts, editedTs, deleted, thread, alsoInChannel,
        replies, lastReplyAt, participants, reactions, mentions, mentionsChannel, files, ciphertext);
  }

  /** A message without files. */
  public MessageView(String id, String room, Long seq, String sender, String senderName, String text, long ts,
                     Long editedTs, boolean deleted, String thread, boolean alsoInChannel, int replies,
                     Long lastReplyAt, List<String> participants, List<Reaction> reactions,
                     List<String> mentions, boolean mentionsChannel) {
    this(id, room, seq, sender, senderName, text, ts, editedTs, deleted, thread, alsoInChannel, replies, lastReplyAt,
        participants, reactions, mentions, mentionsChannel, List.of());
  }

  /** A message outside any thread, with no replies, no reactions and no mentions. */
  public MessageView(String id, String room, Long seq, String sender, String senderName, String text, long ts,
                     Long editedTs, boolean deleted) {
    this(id, room, seq, sender, senderName, text, ts, editedTs, deleted, null, false, 0, null, List.of(), List.of());
  }

  /** A message with its thread and reactions, mentioning nobody. */
  public MessageView(String id, String room, Long seq, String sender, String senderName, String text, long ts,
                     Long editedTs, boolean deleted, String thread, boolean alsoInChannel, int replies,
                     Long lastReplyAt, List<String> participants, List<Reaction> reactions) {
    this(id, room, seq, sender, senderName, text, ts, editedTs, deleted, thread, alsoInChannel, replies, lastReplyAt,
        participants, reactions, List.of(), false);
  }

  /** A message outside any thread, with whom it mentions. */
  public MessageView(String id, String room, Long seq, String sender, String senderName, String text, long ts,
                     Long editedTs, boolean deleted, List<String> mentions, boolean mentionsChannel) {
    this(id, room, seq, sender, senderName, text, ts, editedTs, deleted, null, false, 0, null, List.of(), List.of(),
        mentions, mentionsChannel);
  }

  /** One emoji on a message: how many people chose it, and whether the reader is one of them. */
  public record Reaction(String emoji, int count, boolean me) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("emoji", emoji).put("count", count).put("me", me);
    }

    public static Reaction fromJson(JsonObject json) {
      return new Reaction(Json.text(json, "emoji"), Json.integer(json, "count"), Json.flag(json, "me", false));
    }
  }

  @Override
  public String type() {
    return EventType.MESSAGE;
  }

  /** The message as the data of its event: without room, seq and reactions, which events carry themselves. */
  public MessageView asEventData() {
    return new MessageView(id, null, null, sender, senderName, text, ts, editedTs, deleted, thread, alsoInChannel,
        replies, lastReplyAt, participants, List.of(), mentions, mentionsChannel, files, ciphertext);
  }

  /** This message with whom it mentions. */
  public MessageView withMentions(List<String> people, boolean channel) {
    return new MessageView(id, room, seq, sender, senderName, text, ts, editedTs, deleted, thread, alsoInChannel,
        replies, lastReplyAt, participants, reactions, people, channel, files, ciphertext);
  }

  @Override
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("id", id);
    Json.putIfPresent(json, "room", room);
    Json.putIfPresent(json, "seq", seq);
    json.put("sender", sender).put("senderName", senderName).put("text", text).put("ts", ts);
    Json.putIfPresent(json, "editedTs", editedTs);
    Json.putIfPresent(json, "editedAt", editedTs);
    if (deleted) {
      json.put("deleted", true);
    }
    if (thread != null) {
      json.put("thread", thread);
      if (alsoInChannel) {
        json.put("alsoInChannel", true);
      }
    }
    if (replies > 0) {
      json.put("replies", replies).put("participants", new JsonArray(participants));
      Json.putIfPresent(json, "lastReplyAt", lastReplyAt);
    }
    if (!reactions.isEmpty()) {
      json.put("reactions", Json.array(reactions));
    }
    if (!mentions.isEmpty()) {
      json.put("mentions", new JsonArray(mentions));
    }
    if (mentionsChannel) {
      json.put("mentionsChannel", true);
    }
    if (!files.isEmpty()) {
      json.put("files", Json.array(files));
    }
    return Json.putIfPresent(json, "ciphertext", ciphertext);
  }

  /**
   * Only the commit time of a message's data, 0 when absent: for the fan-out's end-to-end latency, which reads it once
   * per event and has no use for the rest.
   */
  public static long commitTimeOf(JsonObject data) {
    return data == null ? 0L : data.getLong("ts", 0L);
  }

  public static MessageView fromJson(JsonObject json) {
    Long edited = Json.optWhole(json, "editedAt");
    Integer replies = Json.optInteger(json, "replies");
    return new MessageView(Json.text(json, "id"), Json.optText(json, "room"), Json.optWhole(json, "seq"),
        Json.text(json, "sender"), Json.optText(json, "senderName"), Json.text(json, "text"), Json.whole(json, "ts"),
        edited == null ? Json.optWhole(json, "editedTs") : edited, Json.flag(json, "deleted", false),
        Json.optText(json, "thread"), Json.flag(json, "alsoInChannel", false), replies == null ? 0 : replies,
        Json.optWhole(json, "lastReplyAt"), Json.texts(json, "participants"),
        Json.objects(json, "reactions", Reaction::fromJson), Json.texts(json, "mentions"),
        Json.flag(json, "mentionsChannel", false), Json.objects(json, "files", FileView::fromJson),
        Json.optText(json, "ciphertext"));
  }
}
