package dev.parley.app;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.util.ArrayList;
import java.util.List;

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

  /** Every row, each as its JSON, in the query's order. */
  static List<String> rows(Vertx vertx, String databaseUrl, String sql) {
    List<String> rows = new ArrayList<>();
    run(vertx, databaseUrl, sql).forEach(row -> rows.add(row.toJson().encode()));
    return rows;
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
