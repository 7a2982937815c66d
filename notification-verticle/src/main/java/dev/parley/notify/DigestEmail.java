package dev.parley.notify;

import dev.parley.shared.notify.DigestCommands.Digest;
import dev.parley.shared.notify.DigestCommands.DigestItem;
import io.vertx.ext.mail.MailMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The email digest: what stayed unread, grouped by room, each room a link into the web client, with a one-click
 * unsubscribe (RFC 8058: {@code List-Unsubscribe} with an https POST target and {@code List-Unsubscribe-Post}). Every
 * value a person typed is HTML-escaped in the HTML part and kept on one line; nothing typed goes into the subject.
 */
record DigestEmail(String subject, String text, String html, String unsubscribeUrl) {

  private static final int PREVIEW_CHARACTERS = 200;

  static DigestEmail render(Digest digest, String publicUrl) {
    String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    int count = digest.total();
    String subject = count == 1 ? "1 unread message on Parley" : count + " unread messages on Parley";
    String unsubscribe = base + "/api/v1/notifications/unsubscribe?token=" + digest.unsubscribeToken();
    String settings = base + "/#/settings/notifications";

    Map<String, List<DigestItem>> byRoom = new LinkedHashMap<>();
    for (DigestItem item : digest.items()) {
      byRoom.computeIfAbsent(item.room(), room -> new ArrayList<>()).add(item);
    }
    StringBuilder text = new StringBuilder();
    StringBuilder html = new StringBuilder();
    text.append("You have ").append(count == 1 ? "an unread message" : count + " unread messages")
        .append(" on Parley.\n\n");
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(InviteEmail.escapeHtml(subject)).append("</title>\n</head>\n")
        .append("<body style=\"margin:0;padding:24px;background:#f4f5f7;color:#1d1c1d;"
            + "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;\">\n")
        .append("<div style=\"max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px;\">\n")
        .append("<p style=\"margin:0 0 16px;font-size:18px;\">You have <strong>")
        .append(count == 1 ? "an unread message" : count + " unread messages").append("</strong> on Parley.</p>\n");
    for (Map.Entry<String, List<DigestItem>> room : byRoom.entrySet()) {
      DigestItem first = room.getValue().get(0);
      String where = where(first);
      String link = base + "/#/room/" + room.getKey();
      text.append(where).append(" (").append(link).append(")\n");
      html.append("<h3 style=\"margin:16px 0 8px;font-size:15px;\"><a href=\"").append(InviteEmail.escapeHtml(link))
          .append("\" style=\"color:#2f6fed;text-decoration:none;\">").append(InviteEmail.escapeHtml(where))
          .append("</a></h3>\n");
      for (DigestItem item : room.getValue()) {
        String sender = oneLine(item.senderName() == null ? "Someone" : item.senderName());
        String preview = preview(item.text());
        text.append("  ").append(sender).append(": ").append(preview).append('\n');
        html.append("<p style=\"margin:0 0 6px;\"><strong>").append(InviteEmail.escapeHtml(sender))
            .append("</strong>: ").append(InviteEmail.escapeHtml(preview)).append("</p>\n");
      }
      text.append('\n');
    }
    if (count > digest.items().size()) {
      String more = "and " + (count - digest.items().size()) + " more.";
      text.append(more).append("\n\n");
      html.append("<p style=\"margin:12px 0 0;\">").append(more).append("</p>\n");
    }
    text.append("Stop these emails: ").append(unsubscribe).append("\n")
        .append("Notification settings: ").append(settings).append('\n');
    html.append("<p style=\"margin:24px 0 0;font-size:13px;color:#616061;\">You get this email because these messages"
            + " stayed unread. <a href=\"").append(InviteEmail.escapeHtml(settings))
        .append("\" style=\"color:#616061;\">Notification settings</a></p>\n</div>\n</body>\n</html>\n");
    return new DigestEmail(subject, text.toString(), html.toString(), unsubscribe);
  }

  /** With RFC 8058's one-click unsubscribe: mail programs POST the link when the person clicks "unsubscribe". */
  MailMessage toMessage(String from, String to) {
    MailMessage message = InviteEmail.automatic(from, to, subject, text, html);
    message.getHeaders()
        .add("List-Unsubscribe", "<" + unsubscribeUrl + ">")
        .add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    return message;
  }

  private static String where(DigestItem item) {
    String name = oneLine(item.roomName() == null ? "" : item.roomName());
    return switch (item.roomKind()) {
      case "dm" -> "Direct message from " + oneLine(item.senderName() == null ? "someone" : item.senderName());
      case "group" -> name;
      default -> "#" + name;
    };
  }

  private static String preview(String text) {
    String line = oneLine(text);
    return line.codePointCount(0, line.length()) <= PREVIEW_CHARACTERS ? line
        : line.substring(0, line.offsetByCodePoints(0, PREVIEW_CHARACTERS - 1)) + "…";
  }

  /** Control characters (CR, LF: header injection in a subject) become spaces, runs of space one. */
  private static String oneLine(String value) {
    StringBuilder out = new StringBuilder(value.length());
    value.codePoints().forEach(cp -> out.appendCodePoint(Character.isISOControl(cp) ? ' ' : cp));
    return out.toString().replaceAll("\\s+", " ").trim();
  }
}
