package dev.parley.rooms.store;

import static dev.parley.rooms.store.TestDatabase.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.shared.plugins.FirehoseCommands.EventPage;
import dev.parley.shared.plugins.FirehoseCommands.LoggedEvent;
import dev.parley.shared.plugins.FirehoseCommands.Position;
import dev.parley.shared.plugins.FirehoseCommands.ReadEvents;
import dev.parley.shared.rooms.RoomCommands.CreateRoom;
import dev.parley.shared.rooms.RoomKind;
import io.vertx.core.Future;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The firehose read while transactions commit around the reads: a reader that reads as fast as it can, while two
 * writers store events one transaction at a time, ends up with every event once, in position order. Reading the
 * horizon in a statement of its own after an empty read once moved readers past transactions that ended in between.
 */
class FirehoseStoreTest {

  private static final int EVENTS_PER_WRITER = 1_000;

  private TestDatabase db;
  private FirehoseStore firehose;
  private UUID room;

  @BeforeEach
  void setUp() {
    db = new TestDatabase();
    String ana = await(new AccountStore(db.pool).createUser("ana@example.org", "Ana", "hash")).id();
    room = UUID.fromString(await(new RoomStore(db.pool).createRoom(
        new CreateRoom(ana, "general", RoomKind.CHANNEL, null))).id());
    firehose = new FirehoseStore(db.pool);
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  @Test
  void aReaderRacingCommitsMissesNoEventAndReadsNoneTwice() {
    String start = db.onLoop(() -> firehose.read(new ReadEvents(null, 1))).next();
    Reader reader = new Reader(start);
    List<Long> written = db.onLoop(() -> {
      Future<Void> writers = Future.all(write(1_000_000), write(2_000_000)).mapEmpty();
      Future<Void> reading = reader.readUntil(writers);
      return Future.all(writers, reading).map(all -> reader.seqs);
    });

    Set<Long> once = new HashSet<>(written);
    assertEquals(written.size(), once.size(), "no event read twice");
    assertEquals(2 * EVENTS_PER_WRITER, written.size(), "every event read: " + missing(once));
    for (int i = 1; i < reader.positions.size(); i++) {
      assertTrue(compare(reader.positions.get(i - 1), reader.positions.get(i)) < 0, "in position order");
    }
  }

  /** Stores events one after the other, each in a transaction of its own. */
  private Future<Void> write(long firstSeq) {
    Future<Void> chain = Future.succeededFuture();
    for (long seq = firstSeq; seq < firstSeq + EVENTS_PER_WRITER; seq++) {
      long next = seq;
      chain = chain.compose(done -> db.pool.preparedQuery(
              "INSERT INTO room_events (room_id, seq, type, data) VALUES ($1, $2, 'test.event', '{}')")
          .execute(Tuple.of(room, next)).mapEmpty());
    }
    return chain;
  }

  /** Reads page after page, each as soon as the one before came back. */
  private final class Reader {
    final List<Long> seqs = new ArrayList<>();
    final List<String> positions = new ArrayList<>();
    private String position;

    Reader(String start) {
      position = start;
    }

    /** Reads until an empty page that began after {@code writers} completed. */
    Future<Void> readUntil(Future<Void> writers) {
      boolean last = writers.isComplete();
      return firehose.read(new ReadEvents(position, 100)).compose(page -> {
        take(page);
        return last && page.events().isEmpty() ? Future.succeededFuture() : readUntil(writers);
      });
    }

    private void take(EventPage page) {
      for (LoggedEvent event : page.events()) {
        seqs.add(event.event().seq());
        positions.add(event.position());
      }
      position = page.next();
    }
  }

  private static int compare(String one, String other) {
    Position a = Position.parse(one);
    Position b = Position.parse(other);
    // One room here: the transaction, then the seq.
    int byTx = Long.compareUnsigned(a.tx(), b.tx());
    return byTx != 0 ? byTx : Long.compare(a.seq(), b.seq());
  }

  private static List<Long> missing(Set<Long> read) {
    List<Long> missing = new ArrayList<>();
    for (long base : new long[] {1_000_000, 2_000_000}) {
      for (long seq = base; seq < base + EVENTS_PER_WRITER; seq++) {
        if (!read.contains(seq)) {
          missing.add(seq);
        }
      }
    }
    return missing;
  }
}
