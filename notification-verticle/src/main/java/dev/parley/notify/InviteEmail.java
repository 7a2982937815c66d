package dev.parley.notify;

import dev.parley.shared.notify.InviteEmailWork;
import io.vertx.core.MultiMap;
import io.vertx.ext.mail.MailMessage;
import java.net.URI;

/**
 * The invitation email: a subject, a short text part and an HTML part with a button-link. Every value that comes
 * from a person (room name, inviter name, address) is HTML-escaped in the HTML part and stripped of control
 * characters everywhere, so it can neither inject markup nor break a header. No external images or fonts.
 *
 * <p>Nothing a person typed goes into the subject, and in the body their names are defanged (addresses and domains
 * written so that mail programs do not make links of them, {@code evil[.]example}): otherwise anyone could mail any
 * address a subject and a link of their choosing, signed by this server.
 */
public record InviteEmail(String subject, String text, String html) {

  private static final String PRODUCT = "Parley";

  public static InviteEmail render(InviteEmailWork work) {
    String inviter = orElse(defang(singleLine(work.inviterName())), "Someone");
    String room = defang(singleLine(work.roomName()));
    String where = room.isEmpty() ? "a room" : "#" + room;
    String link = singleLine(work.link());
    String to = singleLine(work.to());

    String subject = "You are invited to a room on " + serverName(link) + " (" + PRODUCT + ")";
    String text = inviter + " invited you to join " + where + " on " + PRODUCT + ".\n"
        + "\n"
        + "Accept the invitation:\n"
        + link + "\n"
        + "\n"
        + "This invitation was sent to " + to + ". If you did not expect it, you can ignore this email.\n";
    String html = "<!DOCTYPE html>\n"
        + "<html lang=\"en\">\n"
        + "<head>\n"
        + "<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<title>" + escapeHtml(subject) + "</title>\n"
        + "</head>\n"
        + "<body style=\"margin:0;padding:24px;background:#f4f5f7;color:#1d1c1d;"
        + "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;\">\n"
        + "<table role=\"presentation\" width=\"100%\" cellspacing=\"0\" cellpadding=\"0\"><tr><td align=\"center\">\n"
        + "<table role=\"presentation\" width=\"100%\" cellspacing=\"0\" cellpadding=\"24\" "
        + "style=\"max-width:480px;background:#ffffff;border-radius:8px;\"><tr><td>\n"
        + "<p style=\"margin:0 0 16px;font-size:18px;\"><strong>" + escapeHtml(inviter) + "</strong> invited you to join "
        + "<strong>" + escapeHtml(where) + "</strong> on " + PRODUCT + ".</p>\n"
        + "<p style=\"margin:0 0 24px;\"><a href=\"" + escapeHtml(link) + "\" style=\"display:inline-block;"
        + "padding:12px 20px;background:#2f6fed;color:#ffffff;text-decoration:none;border-radius:6px;"
        + "font-weight:bold;\">Accept the invitation</a></p>\n"
        + "<p style=\"margin:0 0 8px;font-size:13px;color:#616061;\">If the button does not work, open this link:<br>\n"
        + "<a href=\"" + escapeHtml(link) + "\" style=\"color:#2f6fed;word-break:break-all;\">" + escapeHtml(link)
        + "</a></p>\n"
        + "<p style=\"margin:0;font-size:13px;color:#616061;\">This invitation was sent to " + escapeHtml(to)
        + ". If you did not expect it, you can ignore this email.</p>\n"
        + "</td></tr></table>\n"
        + "</td></tr></table>\n"
        + "</body>\n"
        + "</html>\n";
    return new InviteEmail(subject, text, html);
  }

  /** The message as the Mail Client sends it (and as the outbox writes it). */
  public MailMessage toMessage(String from, String to) {
    return automatic(from, to, subject, text, html);
  }

  /** A mail of both parts that says it is automatic (RFC 3834: auto-responders should not answer it). */
  static MailMessage automatic(String from, String to, String subject, String text, String html) {
    return new MailMessage()
        .setFrom(from)
        .setTo(to)
        .setSubject(subject)
        .setText(text)
        .setHtml(html)
        .setHeaders(MultiMap.caseInsensitiveMultiMap().add("Auto-Submitted", "auto-generated"));
  }

  /** Escapes the five characters that matter in HTML text and in quoted attribute values. */
  static String escapeHtml(String value) {
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** The server's own name, from the link (which Parley builds from its configured public URL). */
  private static String serverName(String link) {
    try {
      String host = URI.create(link).getHost();
      return host == null ? PRODUCT : host;
    } catch (IllegalArgumentException malformed) {
      return PRODUCT;
    }
  }

  /**
   * A name as it may appear in a mail: {@code ://}, and dots and {@code @} between letters or digits, bracketed so
   * that mail programs do not turn a room named {@code www.evil.example} into a link.
   */
  static String defang(String value) {
    return value.replace("://", "[:]//").replaceAll("(?<=[\\p{L}\\p{N}])([.@])(?=[\\p{L}\\p{N}])", "[$1]");
  }

  /** Null becomes empty; control characters (CR and LF above all: header injection) become spaces; trimmed. */
  private static String singleLine(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(value.length());
    value.codePoints().forEach(cp -> out.appendCodePoint(Character.isISOControl(cp) ? ' ' : cp));
    return out.toString().trim();
  }

  private static String orElse(String value, String fallback) {
    return value.isEmpty() ? fallback : value;
  }
}
