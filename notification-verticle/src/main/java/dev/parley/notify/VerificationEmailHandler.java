package dev.parley.notify;

import dev.parley.shared.accounts.RecoveryCommands;
import dev.parley.shared.notify.OutboxCommands.Work;
import io.vertx.core.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Mails one email-verification link ({@code email-verification} work), tried again with backoff like every email. */
final class VerificationEmailHandler implements WorkHandler {

  private static final Logger LOG = LoggerFactory.getLogger(VerificationEmailHandler.class);

  private final MailTransport transport;
  private final String from;
  private final long retryMillis;
  private final int maxAttempts;

  VerificationEmailHandler(MailTransport transport, String from, long retryMillis, int maxAttempts) {
    this.transport = transport;
    this.from = from;
    this.retryMillis = retryMillis;
    this.maxAttempts = Math.max(1, maxAttempts);
  }

  @Override
  public Future<Outcome> handle(Work work) {
    if (work.payload() == null) {
      return Future.succeededFuture(Outcome.failed("the verification email's payload is gone"));
    }
    RecoveryCommands.VerificationEmail email = RecoveryCommands.VerificationEmail.fromJson(work.payload());
    return transport.deliver("email-verification-" + work.id(),
            VerificationEmail.render(email).toMessage(from, email.to()))
        .timeout(InviteHandler.ATTEMPT_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .map(sent -> {
          LOG.info("Email-verification email for user {} sent", work.user());
          return Outcome.DONE;
        })
        .recover(failure -> Future.succeededFuture(Outcome.afterFailure(failure, work.attempts(), maxAttempts,
            retryMillis, transport.isPermanent(failure))));
  }
}
