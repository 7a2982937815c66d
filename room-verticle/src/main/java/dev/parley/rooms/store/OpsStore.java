package dev.parley.rooms.store;

import dev.parley.shared.contract.Done;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

/** The SQL an operator's tools and a node's health checks run. */
public final class OpsStore {

  private final Pool pool;

  public OpsStore(Pool pool) {
    this.pool = pool;
  }

  /** Succeeds when a pooled connection answers a query: PostgreSQL is up and reachable from this node. */
  public Future<Done> ping() {
    return pool.query("SELECT 1").execute().map(Done.DONE);
  }
}
