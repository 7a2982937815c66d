package dev.parley.notify;

import dev.parley.shared.accounts.RecoveryCommands;
import io.vertx.ext.mail.MailMessage;

/**
 * The email-verification email: the link (the only copy of its single-use token), how long it lasts, and what to do
 * when the account is not yours. As in {@link PasswordResetEmail}, the person's own name is the only value from a
 * person in it: escaped in the HTML part, stripped of control characters, and never in the subject.
 */
record VerificationEmail(String subject, String text, String html) {

  static VerificationEmail render(RecoveryCommands.VerificationEmail email) {
    String name = email.name() == null ? "" : email.name().replaceAll("\\p{Cntrl}", " ").trim();
    String greeting = name.isEmpty() ? "Hello," : "Hello " + name + ",";
    long hours = Math.max(1, email.expiresInSeconds() / 3600);
    String lasts = hours == 1 ? "an hour" : hours + " hours";
    String link = email.link().replaceAll("\\p{Cntrl}", "");
    String subject = "Confirm your email address for Parley";
    String text = greeting + "\n"
        + "\n"
        + "Please confirm that this address belongs to your Parley account by opening this link:\n"
        + link + "\n"
        + "\n"
        + "The link works once, for " + lasts + ".\n"
        + "If you did not make a Parley account with this address, ignore this email.\n";
    String html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<title>" + subject + "</title>\n</head>\n"
        + "<body style=\"margin:0;padding:24px;background:#f4f5f7;color:#1d1c1d;"
        + "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;\">\n"
        + "<p>" + InviteEmail.escapeHtml(greeting) + "</p>\n"
        + "<p>Please confirm that this address belongs to your Parley account.</p>\n"
        + "<p><a href=\"" + InviteEmail.escapeHtml(link) + "\" style=\"display:inline-block;padding:12px 20px;"
        + "background:#2f6fed;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:bold;\">"
        + "Confirm my address</a></p>\n"
        + "<p style=\"font-size:13px;color:#616061;\">The link works once, for " + lasts + ". If you did not make a"
        + " Parley account with this address, ignore this email.</p>\n"
        + "</body>\n</html>\n";
    return new VerificationEmail(subject, text, html);
  }

  MailMessage toMessage(String from, String to) {
    return InviteEmail.automatic(from, to, subject, text, html);
  }
}
