package dev.parley.shared.notify;

import dev.parley.shared.contract.Json;
import dev.parley.shared.contract.JsonBody;
import io.vertx.core.json.JsonObject;

/**
 * What a Web Push carries (encrypted) to the web client's service worker, which shows it: {@code title} and
 * {@code body}; {@code tag}, one per room, so that a room's notifications replace each other on screen; {@code url},
 * where a click leads; and the message it is about.
 */
public record PushNotification(String title, String body, String room, String message, long seq, String thread,
                               String reason, long ts, String tag, String url) implements JsonBody {

  @Override
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("title", title).put("body", body).put("room", room).put("message", message)
        .put("seq", seq);
    Json.putIfPresent(json, "thread", thread);
    return json.put("reason", reason).put("ts", ts).put("tag", tag).put("url", url);
  }

  public static PushNotification fromJson(JsonObject json) {
    return new PushNotification(Json.text(json, "title"), Json.text(json, "body"), Json.text(json, "room"),
        Json.text(json, "message"), Json.whole(json, "seq"), Json.optText(json, "thread"), Json.text(json, "reason"),
        Json.whole(json, "ts"), Json.text(json, "tag"), Json.text(json, "url"));
  }
}
