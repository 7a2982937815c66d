package dev.parley.notify;

import dev.parley.shared.notify.PushNotification;
import dev.parley.shared.notify.PushWork;
import java.nio.charset.StandardCharsets;

/**
 * What a push carries to the browser's service worker, which shows it: a title (the sender in a DM, the room
 * otherwise), a body (the start of the message), where a click leads (the room), and a tag per room so that the
 * notifications of one room replace each other on screen. The short form leaves the text out ("New message"), for a
 * push service that refused the full one as too large (413).
 */
final class PushMessage {

  /** The most characters of a message's text a notification shows. */
  static final int PREVIEW_CHARACTERS = 140;

  private PushMessage() {
  }

  static byte[] render(PushWork push, boolean shortened) {
    String sender = push.senderName() == null || push.senderName().isBlank() ? "Someone" : push.senderName();
    boolean dm = "dm".equals(push.roomKind());
    String room = push.roomName() == null ? "" : push.roomName();
    boolean summary = PushWork.SUMMARY.equals(push.reason());
    String title = summary ? "Parley" : dm ? sender : "group".equals(push.roomKind()) ? room : "#" + room;
    String text = shortened ? "New message" : preview(push.text());
    String body = dm || summary ? text : sender + ": " + text;
    return new PushNotification(title, body, push.room(), push.id(), push.seq(), push.thread(), push.reason(),
        push.ts(), "room-" + push.room(), "/#/room/" + push.room()).toJson().encode().getBytes(StandardCharsets.UTF_8);
  }

  private static String preview(String text) {
    String oneLine = text == null ? "" : text.replaceAll("\\s+", " ").trim();
    if (oneLine.codePointCount(0, oneLine.length()) <= PREVIEW_CHARACTERS) {
      return oneLine;
    }
    return oneLine.substring(0, oneLine.offsetByCodePoints(0, PREVIEW_CHARACTERS - 1)) + "…";
  }
}
