package dev.parley.notify;

import dev.parley.shared.contract.Requester;
import dev.parley.shared.rooms.InviteCommands.EmailInviteStatus;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells room-verticle how an invitation email went ({@link EmailInviteStatus}). When room-verticle is
 * not there or does not answer, the report (never the email) is tried again with backoff, a few times.
 */
final class StatusReporter {

  private static final Logger LOG = LoggerFactory.getLogger(StatusReporter.class);

  /** Tries in all; with the default 2 s first wait, the last one is about four minutes after the first. */
  static final int MAX_TRIES = 8;
  private static final long REPLY_TIMEOUT_MS = 10_000;

  private final Vertx vertx;
  private final Requester requester;
  private final long firstRetryMillis;

  StatusReporter(Vertx vertx, long firstRetryMillis) {
    this.vertx = vertx;
    this.requester = new Requester(vertx.eventBus(), REPLY_TIMEOUT_MS);
    this.firstRetryMillis = firstRetryMillis;
  }

  Future<Void> sent(String invite) {
    return report(new EmailInviteStatus(invite, EmailInviteStatus.SENT, null));
  }

  Future<Void> failed(String invite, String error) {
    return report(new EmailInviteStatus(invite, EmailInviteStatus.FAILED, error));
  }

  /** Completes when room-verticle took the report, or fails once it has been given up. */
  private Future<Void> report(EmailInviteStatus body) {
    Promise<Void> done = Promise.promise();
    attempt(body, 1, done);
    return done.future();
  }

  private void attempt(EmailInviteStatus body, int tryNumber, Promise<Void> done) {
    requester.ask(body).onComplete(reply -> {
      if (reply.succeeded()) {
        done.complete();
        return;
      }
      Throwable failure = reply.cause();
      String invite = body.invite();
      if (!worthRetrying(failure)) {
        LOG.warn("room-verticle refused the email status {} of invite {}: {}", body.status(), invite,
            failure.getMessage());
        done.fail(failure);
      } else if (tryNumber >= MAX_TRIES) {
        LOG.error("Gave up reporting email status {} of invite {} after {} tries: {}", body.status(),
            invite, tryNumber, failure.getMessage());
        done.fail(failure);
      } else {
        long delay = Backoff.delay(firstRetryMillis, tryNumber);
        LOG.debug("Reporting email status of invite {} failed ({}); again in {} ms", invite, failure.getMessage(),
            delay);
        vertx.setTimer(delay, timer -> attempt(body, tryNumber + 1, done));
      }
    });
  }

  /** Nobody listening or no answer in time: room-verticle may be restarting. A refusal will not change. */
  private static boolean worthRetrying(Throwable failure) {
    return !(failure instanceof ReplyException reply) || reply.failureType() != ReplyFailure.RECIPIENT_FAILURE;
  }
}
