package dev.parley.notify;

import dev.parley.shared.contract.Requester;
import dev.parley.shared.notify.OutboxCommands;
import dev.parley.shared.notify.OutboxCommands.QueueWork;
import dev.parley.shared.notify.OutboxCommands.Work;
import dev.parley.shared.notify.PushCommands.Delivery;
import dev.parley.shared.notify.PushCommands.ListSubscriptions;
import dev.parley.shared.notify.PushCommands.Subscription;
import dev.parley.shared.notify.PushSummary;
import dev.parley.shared.notify.PushWork;
import io.vertx.core.Future;

/**
 * A do-not-disturb summary, due when the window ends, becomes one Web Push delivery per device the person has then
 * ({@link OutboxCommands#WEBPUSH} work, queued once per summary and device); so does a push decided by an older
 * version, which left the fan-out to this step (a decision now queues its deliveries itself). Each device's push
 * service is then dealt with on its own: one that says "later" (429) neither holds up nor repeats the others. A
 * person with no subscribed device gets nothing (email, when it comes, covers them).
 */
final class PushHandler implements WorkHandler {

  private final Requester rooms;
  private final Runnable queued;

  PushHandler(Requester rooms, Runnable queued) {
    this.rooms = rooms;
    this.queued = queued;
  }

  /** A push about one message, or a do-not-disturb summary: the message's id, or the summary's own, names it. */
  @Override
  public Future<Outcome> handle(Work work) {
    boolean summary = OutboxCommands.SUMMARY.equals(work.kind());
    PushWork push = summary ? PushSummary.fromJson(work.payload()).push() : PushWork.fromJson(work.payload());
    String name = summary ? "summary-" + work.id() : push.id();
    return rooms.ask(new ListSubscriptions(work.user()))
        .compose(found -> Future.all(found.subscriptions().stream().map(device -> queue(work, name, push, device))
                .toList())
            .map(all -> found.subscriptions().size()))
        .map(devices -> {
          if (devices > 0) {
            queued.run();
          }
          return Outcome.DONE;
        });
  }

  private Future<?> queue(Work work, String name, PushWork push, Subscription device) {
    return rooms.ask(new QueueWork(OutboxCommands.WEBPUSH, "webpush:" + name + ":" + device.id(), work.user(),
        new Delivery(device, push).toJson()));
  }
}
