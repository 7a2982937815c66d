package dev.parley.notify;

import dev.parley.shared.accounts.RecoveryCommands;
import java.util.List;

/** The email-verification email: the link (the only copy of its single-use token), how long it lasts, what if unasked. */
final class VerificationEmail {

  private VerificationEmail() {
  }

  static AccountLinkEmail render(RecoveryCommands.VerificationEmail email) {
    long hours = Math.max(1, email.expiresInSeconds() / 3600);
    return AccountLinkEmail.render(email.name(), "Confirm your email address for Parley",
        "Please confirm that this address belongs to your Parley account.", "Open this link to do so:",
        email.link(), "Confirm my address",
        List.of("The link works once, for " + (hours == 1 ? "an hour" : hours + " hours") + ".",
            "If you did not make a Parley account with this address, ignore this email."));
  }
}
