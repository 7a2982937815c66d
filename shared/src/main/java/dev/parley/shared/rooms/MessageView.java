package dev.parley.shared.rooms;

import dev.parley.shared.contract.Json;
import dev.parley.shared.events.EventData;
import dev.parley.shared.events.EventType;
import io.vertx.core.json.JsonObject;

/**
 * A message as clients see it, in history pages and as the data of a {@code message} event. In a history page it
 * also names its {@code room} and {@code seq} (an event carries those itself). A deleted message keeps its place
 * with empty text and {@code deleted: true}.
 */
public record MessageView(String id, String room, Long seq, String sender, String senderName, String text, long ts,
                          Long editedTs, boolean deleted) implements EventData {

  @Override
  public String type() {
    return EventType.MESSAGE;
  }

  /** The message as the data of its event: without room and seq, which the event carries. */
  public MessageView asEventData() {
    return new MessageView(id, null, null, sender, senderName, text, ts, editedTs, deleted);
  }

  @Override
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("id", id);
    Json.putIfPresent(json, "room", room);
    Json.putIfPresent(json, "seq", seq);
    json.put("sender", sender).put("senderName", senderName).put("text", text).put("ts", ts);
    Json.putIfPresent(json, "editedTs", editedTs);
    return deleted ? json.put("deleted", true) : json;
  }

  public static MessageView fromJson(JsonObject json) {
    return new MessageView(Json.text(json, "id"), Json.optText(json, "room"), Json.optWhole(json, "seq"),
        Json.text(json, "sender"), Json.optText(json, "senderName"), Json.text(json, "text"), Json.whole(json, "ts"),
        Json.optWhole(json, "editedTs"), Json.flag(json, "deleted", false));
  }
}
