package dev.parley.notify;

import dev.parley.shared.accounts.RecoveryCommands.ResetEmail;
import java.util.List;

/** The password-reset email: the link (the only copy of its single-use token), how long it lasts, what if unasked. */
final class PasswordResetEmail {

  private PasswordResetEmail() {
  }

  static AccountLinkEmail render(ResetEmail email) {
    long minutes = Math.max(1, email.expiresInSeconds() / 60);
    return AccountLinkEmail.render(email.name(), "Reset your Parley password",
        "Someone (we hope you) asked to reset the password of your Parley account.", "Choose a new one here:",
        email.link(), "Choose a new password",
        List.of("The link works once, for " + minutes + " minutes. Resetting signs you out everywhere.",
            "If you did not ask for this, ignore this email: your password stays as it is."));
  }
}
