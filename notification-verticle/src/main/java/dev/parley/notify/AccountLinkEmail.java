package dev.parley.notify;

import io.vertx.ext.mail.MailMessage;
import java.util.List;

/**
 * An email that carries one single-use account link (a password reset, an email verification): a greeting, what was
 * asked, the link as a button, and how long it works. The person's own name is the only value from a person in it:
 * escaped in the HTML part, stripped of control characters, and never in the subject.
 */
record AccountLinkEmail(String subject, String text, String html) {

  /**
   * {@code lead}: what was asked; {@code ask}: the text part's words before the link; {@code button}: the HTML part's
   * words on it; {@code notes}: the small print, one sentence a line in the text part.
   */
  static AccountLinkEmail render(String name, String subject, String lead, String ask, String link, String button,
                                 List<String> notes) {
    String clean = name == null ? "" : name.replaceAll("\\p{Cntrl}", " ").trim();
    String greeting = clean.isEmpty() ? "Hello," : "Hello " + clean + ",";
    String href = link.replaceAll("\\p{Cntrl}", "");
    String text = greeting + "\n"
        + "\n"
        + lead + " " + ask + "\n"
        + href + "\n"
        + "\n"
        + String.join("\n", notes) + "\n";
    String html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<title>" + subject + "</title>\n</head>\n"
        + "<body style=\"margin:0;padding:24px;background:#f4f5f7;color:#1d1c1d;"
        + "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;\">\n"
        + "<p>" + InviteEmail.escapeHtml(greeting) + "</p>\n"
        + "<p>" + InviteEmail.escapeHtml(lead) + "</p>\n"
        + "<p><a href=\"" + InviteEmail.escapeHtml(href) + "\" style=\"display:inline-block;padding:12px 20px;"
        + "background:#2f6fed;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:bold;\">"
        + InviteEmail.escapeHtml(button) + "</a></p>\n"
        + "<p style=\"font-size:13px;color:#616061;\">" + InviteEmail.escapeHtml(String.join(" ", notes)) + "</p>\n"
        + "</body>\n</html>\n";
    return new AccountLinkEmail(subject, text, html);
  }

  MailMessage toMessage(String from, String to) {
    return InviteEmail.automatic(from, to, subject, text, html);
  }
}
