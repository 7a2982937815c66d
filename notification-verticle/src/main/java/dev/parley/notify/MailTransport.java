package dev.parley.notify;

import io.vertx.core.Future;
import io.vertx.ext.mail.MailMessage;

/** Where mail goes: an SMTP server, or the outbox folder when none is configured. */
interface MailTransport {

  /** Delivers one message; succeeds once it is handed over, failing with the reason otherwise. */
  Future<Void> deliver(String invite, MailMessage message);

  /** Whether this failure will not go away by trying again (so the mail fails at once). */
  boolean isPermanent(Throwable failure);

  Future<Void> close();
}
