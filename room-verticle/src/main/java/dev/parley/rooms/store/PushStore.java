package dev.parley.rooms.store;

import dev.parley.shared.ErrorCode;
import dev.parley.shared.Ids;
import dev.parley.shared.ParleyException;
import dev.parley.shared.notify.PushCommands;
import dev.parley.shared.notify.PushCommands.Subscription;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** All SQL about Web Push subscriptions. */
public final class PushStore {

  /**
   * Keeps ($1 user, $2 endpoint, $3 p256dh, $4 auth): new, renewed keys, or moved from another person; then drops
   * the person's oldest beyond $5 (a browser that resubscribes often must not pile up dead endpoints).
   */
  static final String SUBSCRIBE = """
      WITH kept AS (
        INSERT INTO push_subscriptions (user_id, endpoint, p256dh, auth) VALUES ($1, $2, $3, $4)
        ON CONFLICT (endpoint) DO UPDATE SET user_id = excluded.user_id, p256dh = excluded.p256dh,
                                             auth = excluded.auth, created_at = now()
        RETURNING id, endpoint, p256dh, auth
      ), dropped AS (
        DELETE FROM push_subscriptions WHERE id IN (
          SELECT id FROM push_subscriptions WHERE user_id = $1 AND endpoint <> $2
          ORDER BY created_at DESC OFFSET $5 - 1)
      )
      SELECT id, endpoint, p256dh, auth FROM kept""";

  private final Pool pool;

  public PushStore(Pool pool) {
    this.pool = pool;
  }

  public Future<Subscription> subscribe(String user, Subscription subscription) {
    if (!Ids.isId(user)) {
      return Future.failedFuture(new ParleyException(ErrorCode.INVALID, "user must be a user id"));
    }
    return pool.preparedQuery(SUBSCRIBE)
        .execute(Tuple.of(UUID.fromString(user), subscription.endpoint(), subscription.p256dh(), subscription.auth(),
            PushCommands.MAX_PER_PERSON))
        .map(rows -> subscription(rows.iterator().next()));
  }

  public Future<Void> unsubscribe(String user, String endpoint) {
    if (user == null) {
      return pool.preparedQuery("DELETE FROM push_subscriptions WHERE endpoint = $1").execute(Tuple.of(endpoint))
          .mapEmpty();
    }
    if (!Ids.isId(user)) {
      return Future.succeededFuture();
    }
    return pool.preparedQuery("DELETE FROM push_subscriptions WHERE endpoint = $1 AND user_id = $2")
        .execute(Tuple.of(endpoint, UUID.fromString(user))).mapEmpty();
  }

  public Future<List<Subscription>> subscriptions(String user) {
    if (!Ids.isId(user)) {
      return Future.succeededFuture(List.of());
    }
    return pool.preparedQuery("""
            SELECT id, endpoint, p256dh, auth FROM push_subscriptions WHERE user_id = $1 ORDER BY created_at""")
        .execute(Tuple.of(UUID.fromString(user)))
        .map(rows -> {
          List<Subscription> found = new ArrayList<>(rows.size());
          rows.forEach(row -> found.add(subscription(row)));
          return found;
        });
  }

  private static Subscription subscription(Row row) {
    return new Subscription(row.getUUID("id").toString(), row.getString("endpoint"), row.getString("p256dh"),
        row.getString("auth"));
  }
}
