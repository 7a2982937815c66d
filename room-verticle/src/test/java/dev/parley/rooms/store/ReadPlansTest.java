package dev.parley.rooms.store;

import static dev.parley.rooms.store.TestDatabase.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.shared.rooms.MessageCommands.ListMentions;
import dev.parley.shared.rooms.MessageCommands.MessagePage;
import dev.parley.shared.rooms.RoomCommands.ListRooms;
import dev.parley.shared.rooms.RoomCommands.RoomList;
import dev.parley.shared.rooms.RoomView;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read-state queries stay cheap however long the history: someone in 500 rooms of 400 messages each (200,000
 * messages, half of them unread) gets their room list without any scan of the messages, and a read marker that
 * passes a few messages counts only those. The plans are logged; docs/reads.md shows them.
 */
class ReadPlansTest {

  private static final Logger LOG = LoggerFactory.getLogger(ReadPlansTest.class);
  private static final int ROOMS = 500;
  private static final int MESSAGES = 400;

  private TestDatabase db;
  private UUID reader;
  private UUID firstRoom;

  @BeforeEach
  void aLongHistory() {
    db = new TestDatabase();
    reader = UUID.randomUUID();
    await(db.pool.query("""
        INSERT INTO users (id, email, name, handle)
        SELECT gen_random_uuid(), 'u' || i || '@example.org', 'User ' || i, 'user' || i FROM generate_series(1, 19) i
        """).execute());
    await(db.pool.preparedQuery("INSERT INTO users (id, email, name, handle) VALUES ($1, 'r@example.org', 'R', 'r')")
        .execute(Tuple.of(reader)));
    await(db.pool.query("""
        INSERT INTO rooms (kind, name, last_seq, message_count)
        SELECT 'channel', 'room-' || i, %d, %d FROM generate_series(1, %d) i
        """.formatted(MESSAGES, MESSAGES, ROOMS)).execute());
    await(db.pool.query("INSERT INTO memberships (room_id, user_id) SELECT r.id, u.id FROM rooms r, users u")
        .execute());
    // Each room's messages by its 20 members in turn; every 20th names the reader, every 100th calls the room.
    await(db.pool.query("""
        WITH people AS (SELECT array_agg(id ORDER BY id) AS ids FROM users)
        INSERT INTO messages (id, room_id, seq, sender_id, client_msg_id, body)
        SELECT gen_random_uuid(), r.id, s, p.ids[1 + s %% 20], 'c' || s, 'hello ' || s
        FROM rooms r, generate_series(1, %d) s, people p
        """.formatted(MESSAGES)).execute());
    await(db.pool.preparedQuery("""
        INSERT INTO mentions (user_id, room_id, seq, message_id, created_at)
        SELECT $1, x.room_id, x.seq, x.id, x.created_at FROM messages x WHERE x.seq %% 20 = 0 AND x.sender_id <> $1
        """.replace("%%", "%")).execute(Tuple.of(reader)));
    await(db.pool.query("""
        INSERT INTO message_mentions (room_id, seq, message_id, sender_id, users, channel, created_at)
        SELECT x.room_id, x.seq, x.id, x.sender_id, '{}', true, x.created_at FROM messages x WHERE x.seq % 100 = 50
        """).execute());
    // The reader has read half of every room.
    await(db.pool.preparedQuery("""
        UPDATE memberships m SET read_seq = %d, read_count = %d,
               own_unread = (SELECT count(*) FROM messages x WHERE x.room_id = m.room_id AND x.seq > %d
                             AND x.sender_id = m.user_id)
        WHERE m.user_id = $1""".formatted(MESSAGES / 2, MESSAGES / 2, MESSAGES / 2)).execute(Tuple.of(reader)));
    await(db.pool.query("ANALYZE").execute());
    firstRoom = await(db.pool.query("SELECT id FROM rooms ORDER BY name LIMIT 1").execute()).iterator().next()
        .getUUID("id");
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  @Test
  void theRoomListReadsCountersNotHistory() {
    String plan = plan(RoomStore.LIST_ROOMS, Tuple.of(reader, ReadStore.MENTION_CAP, null, null, ROOMS + 1));
    LOG.info("GET /api/v1/rooms for someone in {} rooms of {} messages:\n{}", ROOMS, MESSAGES, plan);
    assertFalse(plan.contains("on messages"), "no node reads the messages table:\n" + plan);

    RoomList rooms = await(new RoomStore(db.pool).listRooms(new ListRooms(reader.toString(), ROOMS, null)));
    assertEquals(ROOMS, rooms.rooms().size());
    RoomView first = rooms.rooms().get(0);
    // The counters against the slow way, counting the history.
    Row truth = await(db.pool.preparedQuery("""
        SELECT count(*) AS unread, count(*) FILTER (WHERE x.seq % 20 = 0 OR x.seq % 100 = 50) AS mentions
        FROM messages x WHERE x.room_id = $1 AND x.seq > $2 AND x.sender_id <> $3""")
        .execute(Tuple.of(firstRoom, MESSAGES / 2, reader))).iterator().next();
    assertEquals(truth.getLong("unread"), first.unread());
    assertEquals(truth.getLong("mentions"), first.mentions());
  }

  @Test
  void aMarkerThatPassesAFewMessagesCountsOnlyThose() {
    long seq = MESSAGES / 2 + 5;
    String plan = plan(ReadStore.MOVE, Tuple.of(firstRoom, ReadStore.MENTION_CAP, seq, reader));
    LOG.info("POST /api/v1/rooms/{room}/read passing 5 messages:\n{}", plan);
    assertTrue(rowsOf(plan, "messages") <= 5, "only the passed messages are counted:\n" + plan);

    long nearTheEnd = MESSAGES - 3;
    String tail = plan(ReadStore.MOVE, Tuple.of(firstRoom, ReadStore.MENTION_CAP, nearTheEnd, reader));
    LOG.info("POST /api/v1/rooms/{room}/read to 3 before the end:\n{}", tail);
    assertTrue(rowsOf(tail, "messages") <= 3, "only what is left after the marker is counted:\n" + tail);
  }

  @Test
  void theMentionsListTakesTheNewestFewWithoutScanningHistory() {
    String plan = plan(ReadStore.LIST_MENTIONS, Tuple.of(reader, null, 51));
    LOG.info("GET /api/v1/mentions:\n{}", plan);
    assertTrue(rowsOf(plan, "messages") <= 102, "only the page's messages are read:\n" + plan);
    MessagePage page = await(new ReadStore(db.pool).listMentions(new ListMentions(reader.toString(), null, 50)));
    assertEquals(50, page.messages().size());
    assertTrue(page.more());
  }

  /** The plan of a statement as it runs (EXPLAIN ANALYZE, in a transaction rolled back: a move changes nothing). */
  private String plan(String sql, Tuple args) {
    return await(db.pool.withConnection(conn -> conn.query("BEGIN").execute()
        .compose(begun -> conn.preparedQuery("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, TIMING OFF, SUMMARY ON) " + sql)
            .execute(args))
        .compose(rows -> conn.query("ROLLBACK").execute().map(rows))))
        .stream().map(row -> row.getString(0)).collect(Collectors.joining("\n"));
  }

  /** The most rows any node on that table produced, from an EXPLAIN ANALYZE text. */
  private static long rowsOf(String plan, String table) {
    long most = 0;
    for (String line : plan.split("\n")) {
      if (line.contains(" on " + table + " ") || line.endsWith(" on " + table)) {
        int at = line.indexOf("rows=");
        if (at > 0) {
          most = Math.max(most, Long.parseLong(line.substring(at + 5).split("[ )]")[0]));
        }
      }
    }
    return most;
  }
}
