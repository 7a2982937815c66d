package dev.parley.shared.notify;

import dev.parley.shared.contract.Json;
import dev.parley.shared.contract.JsonBody;
import io.vertx.core.json.JsonObject;

/**
 * The payload of a {@link OutboxCommands#PUSH} work item: one person to tell about one message, and what the
 * notification shows. room-verticle writes this shape in SQL when it decides (OutboxStore.NOTIFY); the decision test
 * reads the stored payloads back with {@link #fromJson}.
 *
 * @param reason why the person is told: {@code dm}, {@code mention}, {@code channel}, {@code thread} or {@code all}
 * @param text   the start of the message's text (a preview)
 * @param thread the thread's root when the message is a reply, or null
 * @param ts     when the message was stored (epoch ms)
 */
public record PushWork(String room, String roomName, String roomKind, long seq, String id, String sender,
                       String senderName, String text, String thread, String reason, long ts) implements JsonBody {

  public static final String DM = "dm";
  public static final String MENTION = "mention";
  public static final String CHANNEL = "channel";
  public static final String THREAD = "thread";
  public static final String ALL = "all";
  /** Several messages held back by do-not-disturb, told at once when it ends. */
  public static final String SUMMARY = "summary";

  @Override
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("room", room).put("roomName", roomName).put("roomKind", roomKind)
        .put("seq", seq).put("id", id).put("sender", sender).put("senderName", senderName).put("text", text);
    Json.putIfPresent(json, "thread", thread);
    return json.put("reason", reason).put("ts", ts);
  }

  public static PushWork fromJson(JsonObject json) {
    return new PushWork(Json.text(json, "room"), Json.optText(json, "roomName"), Json.text(json, "roomKind"),
        Json.whole(json, "seq"), Json.text(json, "id"), Json.text(json, "sender"), Json.optText(json, "senderName"),
        Json.text(json, "text"), Json.optText(json, "thread"), Json.text(json, "reason"), Json.whole(json, "ts"));
  }
}
