package dev.parley.rooms.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes messages' search entries (V14: message_search) behind the writes, so a sender never waits for search
 * indexes: their maintenance costs PostgreSQL about 60 µs a message, and a GIN pending-list merge inside a batch of
 * messages held a room-verticle's writes for seconds (docs/search.md). Until a room's new messages are indexed, a
 * search makes their entries on the spot ({@link SearchStore}), so nothing is ever missing from results.
 *
 * <p>The rooms this verticle wrote to are indexed every {@link #INTERVAL_MS}, each pass one statement of at most
 * {@link #ROOM_CHUNK} messages per room. Any room behind (written by another instance, or by this one before a
 * crash, or by room events alone) is found by a sweep at start and every {@link #SWEEP_MS}. Two instances indexing
 * the same room are harmless: entries and progress are written idempotently. Belongs to one verticle and its event
 * loop.
 */
public final class SearchIndexer {

  private static final Logger LOG = LoggerFactory.getLogger(SearchIndexer.class);

  /**
   * How often new messages are indexed. The messages of the last interval are the ones a search reads from the text
   * itself: at 2,000 messages/s, about 1,000, a few per room.
   */
  static final long INTERVAL_MS = 500;
  /** The most messages of one room in one pass: a pass stays short however far behind a room is. */
  static final int ROOM_CHUNK = 2000;
  /** How often every room is checked for messages nobody indexed. */
  static final long SWEEP_MS = 60_000;

  /**
   * One pass ($1 the rooms, $2 the chunk): each room's messages between its indexed seq and its last seq get their
   * entries, and its progress moves there. Read in one snapshot, in which a room's last_seq and its messages were
   * committed together, so no message below the new progress can still appear. In room and seq order, so two
   * instances never wait on each other in a cycle. Answers the rooms with more to do.
   */
  /** The columns of a message's search entry, and their values from the row of {@code messages m}. */
  static final String ENTRY_COLUMNS = "id, room_id, created_at, document, fragments";
  static final String ENTRY = "m.id, m.room_id, m.created_at, search_entry_document(m.body, m.files), "
      + "nullif(search_fragments(m.body), '')";

  private static final String INDEX = """
      WITH due AS (
        SELECT r.id AS room_id, r.encrypted, coalesce(p.indexed_seq, 0) AS from_seq, r.last_seq,
               least(r.last_seq, coalesce(p.indexed_seq, 0) + $2) AS to_seq
        FROM rooms r LEFT JOIN search_progress p ON p.room_id = r.id
        WHERE r.id = ANY ($1) AND r.last_seq > coalesce(p.indexed_seq, 0)),
      entries AS (
        INSERT INTO message_search (%s)
        SELECT %s
        FROM due t JOIN messages m ON m.room_id = t.room_id AND m.seq > t.from_seq AND m.seq <= t.to_seq
        -- An end-to-end encrypted room's messages are ciphertext: nothing to index, its progress moves all the same.
        WHERE m.deleted_at IS NULL AND NOT t.encrypted
        ORDER BY m.room_id, m.seq
        -- Already there: an edit indexed it first, with the newer text.
        ON CONFLICT (id) DO NOTHING),
      progress AS (
        INSERT INTO search_progress AS p (room_id, indexed_seq)
        SELECT room_id, to_seq FROM due ORDER BY room_id
        ON CONFLICT (room_id) DO UPDATE SET indexed_seq = greatest(p.indexed_seq, excluded.indexed_seq))
      SELECT room_id FROM due WHERE to_seq < last_seq""".formatted(ENTRY_COLUMNS, ENTRY);

  private static final String BEHIND = """
      SELECT r.id AS room_id FROM rooms r LEFT JOIN search_progress p ON p.room_id = r.id
      WHERE r.last_seq > coalesce(p.indexed_seq, 0)""";

  private final Vertx vertx;
  private final Pool pool;
  /** Rooms with messages that may not be indexed yet. */
  private final Set<UUID> written = new HashSet<>();
  private boolean indexing;
  private long passTimer = -1;
  private long sweepTimer = -1;

  public SearchIndexer(Vertx vertx, Pool pool) {
    this.vertx = vertx;
    this.pool = pool;
  }

  /** Starts indexing: at once whatever is behind, then the rooms written to, and a sweep now and then. */
  public void start() {
    sweep();
    passTimer = vertx.setPeriodic(INTERVAL_MS, tick -> pass());
    sweepTimer = vertx.setPeriodic(SWEEP_MS, tick -> sweep());
  }

  public void stop() {
    vertx.cancelTimer(passTimer);
    vertx.cancelTimer(sweepTimer);
  }

  /** Messages were stored in these rooms (called once their batch committed). */
  void written(Collection<UUID> rooms) {
    written.addAll(rooms);
  }

  private void sweep() {
    pool.query(BEHIND).execute()
        .onSuccess(rows -> rows.forEach(row -> written.add(row.getUUID("room_id"))))
        .onFailure(failure -> LOG.warn("Could not look for rooms whose search entries are behind", failure));
  }

  /** One pass over the rooms written to since the last; a room with more to do is passed again at once. */
  private void pass() {
    if (indexing || written.isEmpty()) {
      return;
    }
    indexing = true;
    List<UUID> rooms = List.copyOf(written);
    written.clear();
    index(rooms).onComplete(done -> {
      indexing = false;
      if (done.failed()) {
        written.addAll(rooms);
        LOG.warn("Could not index the new messages of {} rooms; trying again", rooms.size(), done.cause());
        return;
      }
      written.addAll(done.result());
      if (!done.result().isEmpty()) {
        vertx.runOnContext(next -> pass());
      }
    });
  }

  /** Indexes the rooms' new messages; answers the rooms with more to do. */
  private Future<List<UUID>> index(List<UUID> rooms) {
    return pool.preparedQuery(INDEX).execute(Tuple.of(rooms.toArray(UUID[]::new), ROOM_CHUNK))
        .map(rows -> {
          List<UUID> behind = new ArrayList<>();
          rows.forEach(row -> behind.add(row.getUUID("room_id")));
          return behind;
        });
  }
}
