package dev.parley.notify;

import dev.parley.shared.notify.InviteEmailWork;
import dev.parley.shared.notify.OutboxCommands.Work;
import io.vertx.core.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one invitation email from the outbox: over SMTP or into the outbox folder. A failure is tried again with
 * exponential backoff (the outbox keeps the item meanwhile, so a restart loses nothing) until {@code maxAttempts},
 * or at once given up when the address itself is refused; room-verticle hears the outcome.
 */
final class InviteHandler implements WorkHandler {

  private static final Logger LOG = LoggerFactory.getLogger(InviteHandler.class);

  /** One attempt that has not finished by then counts as failed (well within a claim's lease). */
  static final long ATTEMPT_TIMEOUT_MS = 60_000;
  private static final int MAX_ERROR_LENGTH = 200;

  private final MailTransport transport;
  private final StatusReporter reporter;
  private final String from;
  private final long retryMillis;
  private final int maxAttempts;

  InviteHandler(MailTransport transport, StatusReporter reporter, String from, long retryMillis, int maxAttempts) {
    this.transport = transport;
    this.reporter = reporter;
    this.from = from;
    this.retryMillis = retryMillis;
    this.maxAttempts = Math.max(1, maxAttempts);
  }

  @Override
  public Future<Outcome> handle(Work work) {
    InviteEmailWork invite = InviteEmailWork.fromJson(work.payload());
    return transport.deliver(invite.invite(), InviteEmail.render(invite).toMessage(from, invite.to()))
        .timeout(ATTEMPT_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .map(sent -> {
          LOG.debug("Invitation email for invite {} delivered after {} attempt(s)", invite.invite(), work.attempts());
          reporter.sent(invite.invite());
          return Outcome.DONE;
        })
        .recover(failure -> Future.succeededFuture(failed(work, invite, failure)));
  }

  private Outcome failed(Work work, InviteEmailWork invite, Throwable failure) {
    String error = describe(failure);
    if (work.attempts() >= maxAttempts || transport.isPermanent(failure)) {
      LOG.warn("Invitation email for invite {} to {} failed after {} attempt(s): {}", invite.invite(), invite.to(),
          work.attempts(), error);
      reporter.failed(invite.invite(), error);
      return Outcome.failed(error);
    }
    long delay = Backoff.delay(retryMillis, work.attempts());
    LOG.warn("Invitation email for invite {} failed (attempt {} of {}): {}; trying again in {} ms", invite.invite(),
        work.attempts(), maxAttempts, error, delay);
    return Outcome.retry(delay, error);
  }

  /** A short reason for room-verticle and the log, e.g. the SMTP server's reply or "Connection refused". */
  private static String describe(Throwable failure) {
    String message = failure instanceof TimeoutException
        ? "no answer from the mail server within " + ATTEMPT_TIMEOUT_MS / 1000 + " s"
        : failure.getMessage();
    if (message == null || message.isBlank()) {
      message = failure.getClass().getSimpleName();
    }
    message = message.replaceAll("\\s+", " ").trim();
    return message.length() > MAX_ERROR_LENGTH ? message.substring(0, MAX_ERROR_LENGTH) : message;
  }
}
