package dev.parley.rooms;

import dev.parley.rooms.store.Migrations;
import dev.parley.rooms.store.SqlFailures;
import dev.parley.shared.Addresses;
import dev.parley.shared.ParleyConfig;
import dev.parley.shared.contract.Publisher;
import dev.parley.shared.contract.Responder;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persistence service: answers {@link Addresses#ROOMS_CMD} and {@link Addresses#ACCOUNTS_CMD}, and publishes
 * every stored room event on the room's address and on the firehose. Any number of instances, on any nodes, can run
 * side by side: PostgreSQL orders the writes.
 */
public final class RoomVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(RoomVerticle.class);

  private Pool pool;

  @Override
  public Future<?> start() {
    ParleyConfig config = ParleyConfig.fromJson(config());
    if (config.db().url() == null) {
      return Future.failedFuture("room-verticle needs db.url (the launcher fills it in for the embedded database)");
    }
    PgConnectOptions connect = PgConnectOptions.fromUri(config.db().url())
        .setPipeliningLimit(config.db().pipeliningLimit())
        .setCachePreparedStatements(true);
    pool = PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(config.db().poolSize()))
        .connectingTo(connect)
        .using(vertx)
        .build();
    Publisher publisher = new Publisher(vertx.eventBus());
    Responder rooms = new OpsHandlers(pool).register(new OutboxHandlers(pool).register(
        new RoomHandlers(vertx, pool, publisher, config.db().batchIntervalMs())
            .register(new Responder(Addresses.ROOMS_CMD, LOG, SqlFailures::translate))));
    Responder accounts = new AccountHandlers(pool, publisher, config.workspace().defaultChannels())
        .register(new Responder(Addresses.ACCOUNTS_CMD, LOG, SqlFailures::translate));
    return Migrations.run(vertx, pool)
        .compose(migrated -> Future.all(rooms.listen(vertx.eventBus()), accounts.listen(vertx.eventBus())));
  }

  @Override
  public Future<?> stop() {
    return pool == null ? Future.succeededFuture() : pool.close();
  }
}
