package dev.parley.rooms;

import dev.parley.rooms.store.DatabasePools;
import dev.parley.rooms.store.Migrations;
import dev.parley.rooms.store.SearchIndexer;
import dev.parley.rooms.store.SqlFailures;
import dev.parley.shared.Addresses;
import dev.parley.shared.ErrorCode;
import dev.parley.shared.Failures;
import dev.parley.shared.ParleyConfig;
import dev.parley.shared.contract.Publisher;
import dev.parley.shared.contract.Responder;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persistence service: answers {@link Addresses#ROOMS_CMD} and {@link Addresses#ACCOUNTS_CMD}, and publishes
 * every stored room event on the room's address and on the firehose. Any number of instances, on any nodes, can run
 * side by side: PostgreSQL orders the writes.
 */
public final class RoomVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(RoomVerticle.class);
  /**
   * How long opening a connection to PostgreSQL may take: milliseconds on a network that works, so one that takes a
   * second will not be made. Failing it then lets a send answer {@code unavailable} at once while the database is
   * away, instead of waiting the client library's default minute.
   */
  private static final int CONNECT_TIMEOUT_MILLIS = 1_000;
  /** Every statement of this module is a constant well under this, so each is prepared once per connection. */
  private static final int PREPARED_STATEMENT_MAX_CHARS = 64 * 1024;
  /** The first and the longest wait between two tries of the migrations while the database is not there yet. */
  private static final long MIGRATION_RETRY_MILLIS = 500;
  private static final long MIGRATION_RETRY_MAX_MILLIS = 5_000;
  /** How long a stop waits for the commands already taken to be answered. */
  private static final long DRAIN_MILLIS = 5_000;

  private DatabasePools pools;
  private SearchIndexer searchIndexer;
  private Responder rooms;
  private Responder accounts;

  @Override
  public Future<?> start() {
    ParleyConfig config = ParleyConfig.fromJson(config());
    if (config.db().url() == null) {
      return Future.failedFuture("room-verticle needs db.url (the launcher fills it in for the embedded database)");
    }
    PgConnectOptions connect = PgConnectOptions.fromUri(config.db().url())
        .setPipeliningLimit(config.db().pipeliningLimit())
        .setCachePreparedStatements(true)
        // The client's default caches only statements under 2,048 characters: the notification decision, longer,
        // was parsed and planned at every run, and planning cost it four times its execution (docs/bench.md).
        .setPreparedStatementCacheSqlLimit(PREPARED_STATEMENT_MAX_CHARS);
    // One statement at a time on each of the two single connections: nothing ever waits behind another statement.
    PgConnectOptions single = new PgConnectOptions(connect).setPipeliningLimit(1);
    pools = new DatabasePools(pool(connect, config.db().poolSize()), pool(single, 1), pool(single, 1));
    Pool pool = pools.commands();
    Publisher publisher = new Publisher(vertx.eventBus());
    searchIndexer = new SearchIndexer(vertx, pools.background());
    rooms = new OpsHandlers(pool).register(new E2eeHandlers(pool, publisher).register(
        new OutboxHandlers(pool).register(new RoomHandlers(vertx, pools, publisher, config.db().batchIntervalMs(),
            searchIndexer, new MessageHooks(vertx.eventBus(), config.hooks(), config.limits().maxTextLength()))
            .register(new Responder(Addresses.ROOMS_CMD, LOG, SqlFailures::translate)))));
    accounts = new AccountHandlers(pool, publisher, config.workspace().defaultChannels())
        .register(new Responder(Addresses.ACCOUNTS_CMD, LOG, SqlFailures::translate));
    return migrate(MIGRATION_RETRY_MILLIS)
        .onSuccess(migrated -> searchIndexer.start())
        .compose(migrated -> Future.all(rooms.listen(vertx.eventBus()), accounts.listen(vertx.eventBus())));
  }

  /**
   * Runs the migrations; while the database is away (refused, starting up, shutting down), waits and tries again, so
   * a node started before its database, or during a database restart, comes up when the database does. Anything
   * else (a wrong password, a broken script) fails the start at once.
   */
  private Future<Void> migrate(long waitMillis) {
    return Migrations.run(vertx, pools.commands()).recover(failure -> {
      if (Failures.code(SqlFailures.translate(failure)) != ErrorCode.UNAVAILABLE) {
        return Future.failedFuture(failure);
      }
      LOG.warn("The database is not reachable yet ({}); migrations try again in {} ms", failure.getMessage(),
          waitMillis);
      return vertx.timer(waitMillis)
          .compose(waited -> migrate(Math.min(waitMillis * 2, MIGRATION_RETRY_MAX_MILLIS)));
    });
  }

  @Override
  public Future<?> stop() {
    if (searchIndexer != null) {
      searchIndexer.stop();
    }
    if (pools == null) {
      return Future.succeededFuture();
    }
    // Commands taken are answered before the pool closes: a stop (a drain, a rolling restart) fails nobody's send.
    // Bounded: a command stuck on a database that does not answer must not keep the node from leaving.
    Future<?> drained = rooms == null ? Future.succeededFuture()
        : Future.join(rooms.drain(), accounts.drain()).timeout(DRAIN_MILLIS, TimeUnit.MILLISECONDS)
            .otherwiseEmpty();
    return drained.eventually(pools::close);
  }

  private Pool pool(PgConnectOptions connect, int size) {
    return PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(size))
        .with(new NetClientOptions().setConnectTimeout(CONNECT_TIMEOUT_MILLIS))
        .connectingTo(connect)
        .using(vertx)
        .build();
  }
}
