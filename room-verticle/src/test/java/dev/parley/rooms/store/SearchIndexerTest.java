package dev.parley.rooms.store;

import static dev.parley.rooms.store.TestDatabase.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.shared.rooms.MessageCommands.EditMessage;
import dev.parley.shared.rooms.MessageCommands.PostMessage;
import dev.parley.shared.rooms.ModerationAction;
import dev.parley.shared.rooms.RoomCommands.CreateRoom;
import dev.parley.shared.rooms.RoomCommands.Moderate;
import dev.parley.shared.rooms.RoomKind;
import dev.parley.shared.rooms.SearchCommands.SearchMessages;
import dev.parley.shared.rooms.SearchCommands.Sort;
import dev.parley.shared.rooms.SearchQuery;
import io.vertx.core.Future;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Search entries written behind the writes (V14, {@link SearchIndexer}): a message is found the moment it is stored,
 * before and after its entry is written, exactly once; an edit counts at once and a deletion too; a room written by
 * someone else, or far behind, is caught up in chunks.
 */
class SearchIndexerTest {

  private TestDatabase db;
  private SearchIndexer indexer;
  private MessageStore messages;
  private SearchStore search;
  private String ana;
  private String channel;

  @BeforeEach
  void setUp() {
    db = new TestDatabase();
    ana = await(new AccountStore(db.pool).createUser("ana@example.org", "Ana", "hash")).id();
    channel = await(new RoomStore(db.pool).createRoom(new CreateRoom(ana, "general", RoomKind.CHANNEL, null))).id();
    indexer = new SearchIndexer(db.vertx, db.pool);
    messages = new MessageStore(db.vertx, db.pool, db.pool, 3, indexer);
    search = new SearchStore(db.pool);
  }

  @AfterEach
  void tearDown() {
    db.onLoop(() -> {
      indexer.stop();
      return Future.succeededFuture();
    });
    db.close();
  }

  @Test
  void aMessageIsFoundOnceBeforeAndAfterItsEntryIsWrittenAndEditsAndDeletesCountAtOnce() {
    String quokka = post("c-1", "a quokka in NullPointerException land").ack().id();
    post("c-2", "nothing to see");
    assertEquals(0, entries(), "nothing indexed while the indexer is not running");
    assertEquals(List.of(quokka), found("quokka"), "found from its text before it is indexed");
    assertEquals(List.of(quokka), found("PointerExc"), "inside a code-like word too");

    startIndexer();
    awaitIndexed();
    assertEquals(2, entries());
    assertEquals(List.of(quokka), found("quokka"), "found from its entry, once");
    assertEquals(List.of(quokka), found("PointerExc"));

    db.onLoop(() -> messages.edit(new EditMessage(channel, ana, quokka, "a wombat now")));
    assertEquals(List.of(), found("quokka"), "the old text is not found after an edit");
    assertEquals(List.of(quokka), found("wombat"), "the new one is, at once");

    String late = post("c-3", "another wombat").ack().id();
    db.onLoop(() -> messages.edit(new EditMessage(channel, ana, late, "another wombat, edited")));
    assertEquals(2, found("wombat").size(), "a message edited before the indexer reached it is found once");
    awaitIndexed();
    assertEquals(2, found("wombat").size());

    await(new ModerationStore(db.pool).moderate(new Moderate(channel, ana, ModerationAction.DELETE_MESSAGE, null,
        null, null, null, quokka, null)));
    assertEquals(List.of(late), found("wombat"), "a deleted message is not found");
    assertEquals(2, entries(), "and has no entry");
  }

  @Test
  void roomsWrittenElsewhereOrFarBehindAreCaughtUpInChunks() {
    int count = SearchIndexer.ROOM_CHUNK * 2 + 17;
    // Written straight into the tables: as by another instance that crashed before indexing them.
    await(db.pool.preparedQuery("""
            WITH written AS (
              INSERT INTO messages (room_id, seq, sender_id, client_msg_id, body)
              SELECT $1, g, $2, 'bulk-' || g, 'bulk message ' || g || CASE WHEN g % 100 = 0 THEN ' quokka' ELSE '' END
              FROM generate_series(1, $3) AS g)
            UPDATE rooms SET last_seq = $3 WHERE id = $1""")
        .execute(Tuple.of(UUID.fromString(channel), UUID.fromString(ana), count)));
    assertEquals(count / 100, found("quokka", 50).size(), "found from the text while not indexed");

    startIndexer();
    awaitIndexed();
    assertEquals(count, entries());
    assertEquals(count / 100, found("quokka", 50).size(), "and from the entries, each once");
  }

  private MessageStore.Posted post(String cid, String text) {
    return db.onLoop(() -> messages.post(new PostMessage(channel, ana, "Ana", cid, text)));
  }

  private void startIndexer() {
    db.onLoop(() -> {
      indexer.start();
      return Future.succeededFuture();
    });
  }

  private List<String> found(String words) {
    return found(words, 20);
  }

  private List<String> found(String words, int limit) {
    return await(search.search(new SearchMessages(ana, SearchQuery.parse(words), Sort.RECENT, null, limit)))
        .results().stream().map(hit -> hit.message().id()).toList();
  }

  private long entries() {
    return await(db.pool.query("SELECT count(*) FROM message_search").execute()).iterator().next().getLong(0);
  }

  /** Waits until every room's progress reaches its last seq (the indexer passes every half second). */
  private void awaitIndexed() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      long behind = await(db.pool.query("""
              SELECT count(*) FROM rooms r LEFT JOIN search_progress p ON p.room_id = r.id
              WHERE r.last_seq > coalesce(p.indexed_seq, 0)""").execute()).iterator().next().getLong(0);
      if (behind == 0) {
        return;
      }
      await(Future.future(promise -> db.vertx.setTimer(50, fired -> promise.complete())));
    }
    throw new AssertionError("the search entries did not catch up within 60 s");
  }
}
