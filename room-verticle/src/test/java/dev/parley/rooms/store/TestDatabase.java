package dev.parley.rooms.store;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A real PostgreSQL for the store tests: one embedded server per test JVM, a fresh database per test, migrated by
 * the same code the verticle runs.
 */
final class TestDatabase implements AutoCloseable {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  final Vertx vertx = Vertx.vertx();
  /** The event loop a store under test belongs to, as it belongs to its verticle's. */
  final Context context = vertx.getOrCreateContext();
  final Pool pool;

  TestDatabase() {
    String name = "store_test_" + DATABASES.incrementAndGet();
    try (Connection connection = server().getPostgresDatabase().getConnection();
         Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create " + name, e);
    }
    pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(4))
        .connectingTo(new PgConnectOptions().setHost("127.0.0.1").setPort(server.getPort()).setDatabase(name)
            .setUser("postgres"))
        .using(vertx).build();
    await(Migrations.run(vertx, pool));
  }

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
      }
    }
    return server;
  }

  /**
   * The future's result; its failure is thrown as it is, so a test can look at a refusal's code. The bound is generous:
   * a test's bulk setup (200,000 messages in ReadPlansTest) also fills the search indexes, on a machine other builds
   * may be sharing.
   */
  static <T> T await(Future<T> future) {
    try {
      return future.await(120, TimeUnit.SECONDS);
    } catch (RuntimeException refused) {
      throw refused;
    } catch (Exception e) {
      throw new AssertionError("Did not complete: " + e, e);
    }
  }

  /** Runs the work on {@link #context} and waits for its result. */
  <T> T onLoop(Supplier<Future<T>> work) {
    Promise<T> result = Promise.promise();
    context.runOnContext(ignored -> work.get().onComplete(result));
    return await(result.future());
  }

  @Override
  public void close() {
    await(pool.close());
    await(vertx.close());
  }
}
