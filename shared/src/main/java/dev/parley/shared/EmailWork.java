package dev.parley.shared;

import io.vertx.core.json.JsonObject;

/**
 * Work for notification-verticle on {@link Addresses#NOTIFY_EMAIL}: one invitation email. The link carries the only
 * copy of the invite's token (the database keeps its hash), so it travels here and nowhere else.
 */
public record EmailWork(String invite, String to, String link, String roomName, String inviterName) {

  public JsonObject toJson() {
    return new JsonObject().put("kind", "invite").put("invite", invite).put("to", to).put("link", link)
        .put("roomName", roomName).put("inviterName", inviterName);
  }

  public static EmailWork fromJson(JsonObject json) {
    return new EmailWork(json.getString("invite"), json.getString("to"), json.getString("link"),
        json.getString("roomName"), json.getString("inviterName"));
  }
}
