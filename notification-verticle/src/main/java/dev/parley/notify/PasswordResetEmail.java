package dev.parley.notify;

import dev.parley.shared.accounts.RecoveryCommands.ResetEmail;
import io.vertx.ext.mail.MailMessage;

/**
 * The password-reset email: the link (the only copy of its single-use token), how long it lasts, and what to do when
 * the reset was not asked for. The person's own name is the only value from a person in it: escaped in the HTML part,
 * stripped of control characters, and never in the subject.
 */
record PasswordResetEmail(String subject, String text, String html) {

  static PasswordResetEmail render(ResetEmail email) {
    String name = email.name() == null ? "" : email.name().replaceAll("\\p{Cntrl}", " ").trim();
    String greeting = name.isEmpty() ? "Hello," : "Hello " + name + ",";
    long minutes = Math.max(1, email.expiresInSeconds() / 60);
    String link = email.link().replaceAll("\\p{Cntrl}", "");
    String subject = "Reset your Parley password";
    String text = greeting + "\n"
        + "\n"
        + "Someone (we hope you) asked to reset the password of your Parley account. Choose a new one here:\n"
        + link + "\n"
        + "\n"
        + "The link works once, for " + minutes + " minutes. Resetting signs you out everywhere.\n"
        + "If you did not ask for this, ignore this email: your password stays as it is.\n";
    String html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<title>" + subject + "</title>\n</head>\n"
        + "<body style=\"margin:0;padding:24px;background:#f4f5f7;color:#1d1c1d;"
        + "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;\">\n"
        + "<p>" + InviteEmail.escapeHtml(greeting) + "</p>\n"
        + "<p>Someone (we hope you) asked to reset the password of your Parley account.</p>\n"
        + "<p><a href=\"" + InviteEmail.escapeHtml(link) + "\" style=\"display:inline-block;padding:12px 20px;"
        + "background:#2f6fed;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:bold;\">"
        + "Choose a new password</a></p>\n"
        + "<p style=\"font-size:13px;color:#616061;\">The link works once, for " + minutes + " minutes. Resetting signs"
        + " you out everywhere. If you did not ask for this, ignore this email: your password stays as it is.</p>\n"
        + "</body>\n</html>\n";
    return new PasswordResetEmail(subject, text, html);
  }

  MailMessage toMessage(String from, String to) {
    return InviteEmail.automatic(from, to, subject, text, html);
  }
}
