package dev.parley.rooms.store;

import dev.parley.shared.events.EventType;
import dev.parley.shared.events.RoomEvent;
import dev.parley.shared.plugins.FirehoseCommands;
import dev.parley.shared.plugins.FirehoseCommands.CursorHeld;
import dev.parley.shared.plugins.FirehoseCommands.EventPage;
import dev.parley.shared.plugins.FirehoseCommands.HoldCursor;
import dev.parley.shared.plugins.FirehoseCommands.LoggedEvent;
import dev.parley.shared.plugins.FirehoseCommands.Position;
import dev.parley.shared.plugins.FirehoseCommands.ReadEvents;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * The firehose read back from PostgreSQL (issue 15): every stored event of every room after a position, in the
 * order (writing transaction, room, seq). Only events of transactions below the snapshot's xmin are read: every
 * transaction before that one has ended, so nothing can appear behind a position once it has been read past (see
 * {@code V25__firehose_positions.sql}). An event whose transaction is still running waits for the next read.
 */
public final class FirehoseStore {

  /**
   * Both logs, each read along its index from the position up to the horizon, merged. {@code horizon} is xmin: the
   * oldest transaction still running (or the next to start); everything below it is final. The horizon comes from
   * this statement's own snapshot, on every row, and on a row of its own (with no event) when there is nothing to
   * read: a horizon taken by a later statement could pass a transaction that ended between the two, unread.
   */
  private static final String READ = """
      WITH horizon AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin)
      SELECT log.tx::text AS tx, log.room_id, log.seq, log.type, log.data,\s""" + columns("log") + """
      , h.xmin::text AS horizon
        FROM horizon h LEFT JOIN (
             (SELECT m.tx, m.room_id, m.seq, 'message' AS type, NULL::jsonb AS data,\s""" + MessageStore.messageColumns()
      + """
               FROM messages m JOIN users u ON u.id = m.sender_id
               LEFT JOIN message_mentions mm ON mm.room_id = m.room_id AND mm.seq = m.seq
              WHERE m.tx IS NOT NULL AND (m.tx, m.room_id, m.seq) > ($1::text::xid8, $2, $3)
                AND m.tx < (SELECT xmin FROM horizon)
              ORDER BY m.tx, m.room_id, m.seq LIMIT $4)
             UNION ALL
             (SELECT e.tx, e.room_id, e.seq, e.type, e.data,\s""" + MessageStore.noMessageColumns() + """

                FROM room_events e
               WHERE e.tx IS NOT NULL AND (e.tx, e.room_id, e.seq) > ($1::text::xid8, $2, $3)
                 AND e.tx < (SELECT xmin FROM horizon)
               ORDER BY e.tx, e.room_id, e.seq LIMIT $4)) log ON true
       ORDER BY log.tx, log.room_id, log.seq
       LIMIT $4""";

  /** The present: where a reader that starts now reads on from. */
  private static final String NOW = "SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon";

  /**
   * Holds cursor $1 for worker $2 during $4 ms (0: lets it go) when nobody else holds it, keeping position $3 when
   * given. No row comes back when another worker holds it.
   */
  private static final String HOLD = """
      INSERT INTO firehose_cursors AS c (name, position, holder, held_until)
      VALUES ($1, $3, CASE WHEN $4 > 0 THEN $2 END, now() + $4 * interval '1 millisecond')
      ON CONFLICT (name) DO UPDATE
        SET holder = excluded.holder, held_until = excluded.held_until, position = coalesce($3, c.position)
        WHERE c.holder = $2 OR c.holder IS NULL OR c.held_until < now()
      RETURNING c.position, coalesce(c.holder = $2, false) AS held""";

  private final Pool pool;

  public FirehoseStore(Pool pool) {
    this.pool = pool;
  }

  /** The columns of {@link MessageStore#messageColumns()} as the merged log names them. */
  private static String columns(String alias) {
    return String.join(", ", MessageStore.messageColumnNames().stream().map(column -> alias + "." + column).toList())
        + " ";
  }

  public Future<EventPage> read(ReadEvents command) {
    if (command.after() == null) {
      return pool.query(NOW).execute()
          .map(rows -> new EventPage(List.of(), endBefore(rows.iterator().next().getString("horizon")), false));
    }
    Position after = Position.parse(command.after());
    return pool.preparedQuery(READ)
        .execute(Tuple.of(Long.toUnsignedString(after.tx()), after.room(), after.seq(), command.limit()))
        .map(rows -> page(rows, after, command.limit()));
  }

  private static EventPage page(RowSet<Row> rows, Position after, int limit) {
    List<LoggedEvent> events = new ArrayList<>(rows.size());
    String horizon = null;
    String last = after.toString();
    for (Row row : rows) {
      horizon = row.getString("horizon");
      if (row.getString("tx") == null) {
        break; // Nothing to read: the one row carries the horizon alone.
      }
      String room = row.getUUID("room_id").toString();
      long seq = row.getLong("seq");
      String type = row.getString("type");
      JsonObject data = EventType.MESSAGE.equals(type) ? MessageStore.messageView(row, null, null).toJson()
          : (JsonObject) row.getJson("data");
      last = new Position(Long.parseUnsignedLong(row.getString("tx")), row.getUUID("room_id"), seq).toString();
      events.add(new LoggedEvent(FirehoseCommands.eventId(room, seq), last, new RoomEvent(room, seq, type, data)));
    }
    boolean full = events.size() >= limit;
    // A page that stopped short read everything below the horizon: the next read starts at the horizon.
    return new EventPage(events, full ? last : later(Position.parse(last), endBefore(horizon)), full);
  }

  /** Holds, renews or lets go of a firehose cursor (see {@link HoldCursor}). */
  public Future<CursorHeld> hold(HoldCursor command) {
    return pool.preparedQuery(HOLD)
        .execute(Tuple.of(command.name(), command.worker(), command.position(), command.leaseMillis()))
        .map(rows -> {
          if (rows.size() == 0) {
            return new CursorHeld(false, null);
          }
          Row row = rows.iterator().next();
          return new CursorHeld(row.getBoolean("held"), row.getString("position"));
        });
  }

  /** Past every event of the transactions below {@code horizon}. */
  private static String endBefore(String horizon) {
    return Position.endOf(Long.parseUnsignedLong(horizon) - 1).toString();
  }

  private static String later(Position position, String other) {
    Position that = Position.parse(other);
    return Long.compareUnsigned(that.tx(), position.tx()) > 0 ? other : position.toString();
  }
}
