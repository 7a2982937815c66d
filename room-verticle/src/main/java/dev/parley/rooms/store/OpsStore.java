package dev.parley.rooms.store;

import dev.parley.shared.contract.Done;
import dev.parley.shared.ops.OpsCommands.Backlog;
import io.vertx.sqlclient.Row;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

/** The SQL an operator's tools and a node's health checks run. */
public final class OpsStore {

  /** Unfinished outbox work: what is due now, and all of it (both counts read the partial index of unfinished work). */
  static final String BACKLOG = """
      SELECT count(*) FILTER (WHERE due_at <= now()) AS due, count(*) AS pending
      FROM notification_outbox WHERE finished_at IS NULL""";

  private final Pool pool;

  public OpsStore(Pool pool) {
    this.pool = pool;
  }

  /** Succeeds when a pooled connection answers a query: PostgreSQL is up and reachable from this node. */
  public Future<Done> ping() {
    return pool.query("SELECT 1").execute().map(Done.DONE);
  }

  public Future<Backlog> notificationBacklog() {
    return pool.query(BACKLOG).execute().map(rows -> {
      Row row = rows.iterator().next();
      return new Backlog(row.getLong("due"), row.getLong("pending"));
    });
  }
}
