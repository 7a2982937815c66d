package dev.parley.rooms;

import dev.parley.rooms.store.OpsStore;
import dev.parley.shared.contract.Responder;
import dev.parley.shared.ops.OpsCommands.NotificationBacklog;
import dev.parley.shared.ops.OpsCommands.PingDatabase;
import io.vertx.sqlclient.Pool;

/** The commands on {@link dev.parley.shared.Addresses#ROOMS_CMD} that serve operations: health and metrics. */
final class OpsHandlers {

  private final OpsStore store;

  OpsHandlers(Pool pool) {
    this.store = new OpsStore(pool);
  }

  Responder register(Responder responder) {
    return responder.on(PingDatabase.ROUTE, command -> store.ping())
        .on(NotificationBacklog.ROUTE, command -> store.notificationBacklog());
  }
}
