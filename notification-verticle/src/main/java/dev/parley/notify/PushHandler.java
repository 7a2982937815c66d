package dev.parley.notify;

import dev.parley.shared.notify.OutboxCommands.Work;
import dev.parley.shared.notify.PushWork;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A push decided for one person about one message. Devices cannot subscribe to Web Push yet (that comes with the
 * subscription API and the VAPID sender), so there is nowhere to deliver it: the work is done with nothing sent, and
 * the outbox keeps the record of who would have been told, and why, for a day.
 */
final class PushHandler implements WorkHandler {

  private static final Logger LOG = LoggerFactory.getLogger(PushHandler.class);

  @Override
  public Future<Outcome> handle(Work work) {
    PushWork push = PushWork.fromJson(work.payload());
    LOG.debug("Push for {} about message {} ({}): no push subscriptions yet", work.user(), push.id(), push.reason());
    return Future.succeededFuture(Outcome.DONE);
  }
}
