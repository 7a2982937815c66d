package dev.parley.notify;

import dev.parley.shared.notify.OutboxCommands.Work;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mails one single-use account link ({@code password-reset} or {@code email-verification} work), tried again with
 * backoff like every email. The payload (emptied once sent, since the link is the only copy of its token) says to
 * whom; {@code render} makes the email from it.
 */
final class AccountLinkHandler implements WorkHandler {

  private static final Logger LOG = LoggerFactory.getLogger(AccountLinkHandler.class);

  /** An email and the address it goes to. */
  record Addressed(String to, AccountLinkEmail email) {
  }

  private final String kind;
  private final Function<JsonObject, Addressed> render;
  private final MailTransport transport;
  private final String from;
  private final long retryMillis;
  private final int maxAttempts;

  AccountLinkHandler(String kind, Function<JsonObject, Addressed> render, MailTransport transport, String from,
                     long retryMillis, int maxAttempts) {
    this.kind = kind;
    this.render = render;
    this.transport = transport;
    this.from = from;
    this.retryMillis = retryMillis;
    this.maxAttempts = Math.max(1, maxAttempts);
  }

  @Override
  public Future<Outcome> handle(Work work) {
    if (work.payload() == null) {
      return Future.succeededFuture(Outcome.failed("the " + kind + " email's payload is gone"));
    }
    Addressed mail = render.apply(work.payload());
    return transport.deliver(kind + "-" + work.id(), mail.email().toMessage(from, mail.to()))
        .timeout(InviteHandler.ATTEMPT_TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .map(sent -> {
          LOG.info("{} email for user {} sent", kind, work.user());
          return Outcome.DONE;
        })
        .recover(failure -> Future.succeededFuture(Outcome.afterFailure(failure, work.attempts(), maxAttempts,
            retryMillis, transport.isPermanent(failure))));
  }
}
