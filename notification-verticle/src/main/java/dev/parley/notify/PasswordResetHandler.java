package dev.parley.notify;

import dev.parley.shared.accounts.RecoveryCommands.ResetEmail;
import dev.parley.shared.notify.OutboxCommands.Work;
import io.vertx.core.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Mails one password-reset link ({@code password-reset} work), tried again with backoff like every email. */
final class PasswordResetHandler implements WorkHandler {

  private static final Logger LOG = LoggerFactory.getLogger(PasswordResetHandler.class);

  private final MailTransport transport;
  private final String from;
  private final long retryMillis;
  private final int maxAttempts;

  PasswordResetHandler(MailTransport transport, String from, long retryMillis, int maxAttempts) {
    this.transport = transport;
    this.from = from;
    this.retryMillis = retryMillis;
    this.maxAttempts = Math.max(1, maxAttempts);
  }

  @Override
  public Future<Outcome> handle(Work work) {
    if (work.payload() == null) {
      return Future.succeededFuture(Outcome.failed("the reset email's payload is gone"));
    }
    ResetEmail email = ResetEmail.fromJson(work.payload());
    return transport.deliver("password-reset-" + work.id(), PasswordResetEmail.render(email).toMessage(from, email.to()))
        .timeout(InviteHandler.ATTEMPT_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .map(sent -> {
          LOG.info("Password-reset email for user {} sent", work.user());
          return Outcome.DONE;
        })
        .recover(failure -> Future.succeededFuture(Outcome.afterFailure(failure, work.attempts(), maxAttempts,
            retryMillis, transport.isPermanent(failure))));
  }
}
