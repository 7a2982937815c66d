package dev.parley.rooms;

import dev.parley.rooms.store.OutboxStore;
import dev.parley.shared.contract.Done;
import dev.parley.shared.contract.Responder;
import dev.parley.shared.notify.OutboxCommands.ClaimWork;
import dev.parley.shared.notify.OutboxCommands.FinishWork;
import dev.parley.shared.notify.OutboxCommands.NotifyMessage;
import dev.parley.shared.notify.OutboxCommands.QueueWork;
import dev.parley.shared.notify.OutboxCommands.Queued;
import dev.parley.shared.notify.OutboxCommands.WorkList;
import io.vertx.sqlclient.Pool;

/**
 * The commands about notification-verticle's work queue on {@link dev.parley.shared.Addresses#ROOMS_CMD}: they
 * change no room and announce nothing.
 */
final class OutboxHandlers {

  private final OutboxStore outbox;

  OutboxHandlers(Pool pool) {
    this.outbox = new OutboxStore(pool);
  }

  Responder register(Responder responder) {
    return responder
        .on(NotifyMessage.ROUTE, command -> outbox.notifyMessage(command).map(Queued::new))
        .on(QueueWork.ROUTE, command -> outbox.queue(command).map(Queued::new))
        .on(ClaimWork.ROUTE, command -> outbox.claim(command).map(WorkList::new))
        .on(FinishWork.ROUTE, command -> outbox.finish(command).map(Done.DONE));
  }
}
