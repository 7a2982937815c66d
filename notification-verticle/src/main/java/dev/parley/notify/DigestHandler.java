package dev.parley.notify;

import dev.parley.shared.contract.Requester;
import dev.parley.shared.notify.DigestCommands.DigestSent;
import dev.parley.shared.notify.DigestCommands.ReadDigest;
import dev.parley.shared.notify.OutboxCommands.Work;
import io.vertx.core.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A person's email digest, due {@code notify.emailAfterMinutes} after the first DM or mention that might need it:
 * reads what is still unread since their last digest and, if anything is (and they want email), mails it in one
 * email, then records that the digest was sent so the next starts after it. Read in time, nothing is sent.
 */
final class DigestHandler implements WorkHandler {

  private static final Logger LOG = LoggerFactory.getLogger(DigestHandler.class);

  private final Requester rooms;
  private final MailTransport transport;
  private final String from;
  private final String publicUrl;
  private final long retryMillis;
  private final int maxAttempts;

  DigestHandler(Requester rooms, MailTransport transport, String from, String publicUrl, long retryMillis,
                int maxAttempts) {
    this.rooms = rooms;
    this.transport = transport;
    this.from = from;
    this.publicUrl = publicUrl;
    this.retryMillis = retryMillis;
    this.maxAttempts = Math.max(1, maxAttempts);
  }

  @Override
  public Future<Outcome> handle(Work work) {
    return rooms.ask(new ReadDigest(work.user())).compose(digest -> {
      if (!digest.wanted() || digest.items().isEmpty() || digest.to() == null) {
        LOG.debug("No digest for {}: {}", work.user(), digest.wanted() ? "everything was read" : "email is off");
        return Future.succeededFuture(Outcome.DONE);
      }
      DigestEmail email = DigestEmail.render(digest, publicUrl);
      return transport.deliver("digest-" + work.user(), email.toMessage(from, digest.to()))
          .timeout(InviteHandler.ATTEMPT_TIMEOUT_MS, TimeUnit.MILLISECONDS)
          .compose(sent -> rooms.ask(new DigestSent(work.user(), digest.until())))
          .map(recorded -> {
            LOG.debug("Digest of {} unread message(s) mailed to {}", digest.total(), work.user());
            return Outcome.DONE;
          })
          .recover(failure -> Future.succeededFuture(work.attempts() >= maxAttempts || transport.isPermanent(failure)
              ? Outcome.failed(String.valueOf(failure.getMessage()))
              : Outcome.retry(Backoff.delay(retryMillis, work.attempts()), String.valueOf(failure.getMessage()))));
    });
  }
}
