package dev.parley.notify;

import dev.parley.shared.notify.OutboxCommands.Work;
import io.vertx.core.Future;

/** Carries out one kind of outbox work. A failed future counts as a failure worth trying again. */
interface WorkHandler {

  Future<Outcome> handle(Work work);
}
