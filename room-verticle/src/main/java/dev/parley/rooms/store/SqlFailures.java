package dev.parley.rooms.store;

import dev.parley.shared.ErrorCode;
import dev.parley.shared.ParleyException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.util.Set;

/**
 * Database failures at the persistence edge: the ones that mean "the database is away or busy, try again" become
 * {@code unavailable}; everything else stays what it is, a bug, for the failure map to report as one.
 */
public final class SqlFailures {

  /** SQLSTATE classes of a database that is unreachable, shutting down or out of resources. */
  private static final Set<String> AWAY_CLASSES = Set.of("08", "53", "57");
  /** A transaction that lost a race and may simply be tried again: serialization failure, deadlock. */
  private static final Set<String> RETRYABLE = Set.of("40001", "40P01");

  private SqlFailures() {
  }

  public static Throwable translate(Throwable failure) {
    if (failure instanceof PgException pg && pg.getSqlState() != null) {
      String state = pg.getSqlState();
      if (RETRYABLE.contains(state) || (state.length() == 5 && AWAY_CLASSES.contains(state.substring(0, 2)))) {
        return unavailable();
      }
      return failure;
    }
    // A connection lost under a query. Refused connections and waits for a free one in the pool are IOExceptions
    // and TimeoutExceptions, which the failure map already reads as unavailable.
    if (failure instanceof ClosedConnectionException) {
      return unavailable();
    }
    return failure;
  }

  private static ParleyException unavailable() {
    return new ParleyException(ErrorCode.UNAVAILABLE, "The database is unavailable, try again");
  }
}
