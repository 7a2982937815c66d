package dev.parley.shared.rooms;

import dev.parley.shared.contract.Json;
import dev.parley.shared.events.EventData;
import dev.parley.shared.events.EventType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A message as clients see it, in history pages and as the data of a {@code message} event. In a history page it
 * also names its {@code room} and {@code seq} (an event carries those itself). A deleted message keeps its place
 * with empty text and {@code deleted: true}. {@code mentions} are the ids of the people its text names who could read
 * the room when it was stored, and {@code mentionsChannel} says it called the whole room ({@code @channel} or
 * {@code @here}, where the room allows that); both are left out of the JSON when empty, to keep frames small.
 */
public record MessageView(String id, String room, Long seq, String sender, String senderName, String text, long ts,
                          Long editedTs, boolean deleted, List<String> mentions, boolean mentionsChannel)
    implements EventData {

  public MessageView {
    mentions = mentions == null ? List.of() : List.copyOf(mentions);
  }

  /** A message that mentions nobody. */
  public MessageView(String id, String room, Long seq, String sender, String senderName, String text, long ts,
                     Long editedTs, boolean deleted) {
    this(id, room, seq, sender, senderName, text, ts, editedTs, deleted, List.of(), false);
  }

  @Override
  public String type() {
    return EventType.MESSAGE;
  }

  /** The message as the data of its event: without room and seq, which the event carries. */
  public MessageView asEventData() {
    return new MessageView(id, null, null, sender, senderName, text, ts, editedTs, deleted, mentions,
        mentionsChannel);
  }

  /** This message with whom it mentions. */
  public MessageView withMentions(List<String> people, boolean channel) {
    return new MessageView(id, room, seq, sender, senderName, text, ts, editedTs, deleted, people, channel);
  }

  @Override
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("id", id);
    Json.putIfPresent(json, "room", room);
    Json.putIfPresent(json, "seq", seq);
    json.put("sender", sender).put("senderName", senderName).put("text", text).put("ts", ts);
    Json.putIfPresent(json, "editedTs", editedTs);
    if (!mentions.isEmpty()) {
      json.put("mentions", new JsonArray(mentions));
    }
    if (mentionsChannel) {
      json.put("mentionsChannel", true);
    }
    return deleted ? json.put("deleted", true) : json;
  }

  public static MessageView fromJson(JsonObject json) {
    return new MessageView(Json.text(json, "id"), Json.optText(json, "room"), Json.optWhole(json, "seq"),
        Json.text(json, "sender"), Json.optText(json, "senderName"), Json.text(json, "text"), Json.whole(json, "ts"),
        Json.optWhole(json, "editedTs"), Json.flag(json, "deleted", false), Json.texts(json, "mentions"),
        Json.flag(json, "mentionsChannel", false));
  }
}
