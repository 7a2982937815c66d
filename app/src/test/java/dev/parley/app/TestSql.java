package dev.parley.app;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;

/** A test's own look into (or change to) the database its nodes use, through a pool of its own for one statement. */
final class TestSql {

  private TestSql() {
  }

  static void execute(Vertx vertx, String databaseUrl, String sql) {
    run(vertx, databaseUrl, sql);
  }

  /** The first column of the first row, as a number (a {@code count(*)}). */
  static long count(Vertx vertx, String databaseUrl, String sql) {
    return run(vertx, databaseUrl, sql).iterator().next().getLong(0);
  }

  private static RowSet<Row> run(Vertx vertx, String databaseUrl, String sql) {
    Pool pool = PgBuilder.pool().connectingTo(databaseUrl).using(vertx).build();
    try {
      return TestNodes.await(pool.query(sql).execute());
    } finally {
      TestNodes.await(pool.close());
    }
  }
}
