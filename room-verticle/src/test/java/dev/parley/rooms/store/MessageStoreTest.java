package dev.parley.rooms.store;

import static dev.parley.rooms.store.TestDatabase.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.shared.ErrorCode;
import dev.parley.shared.ParleyException;
import dev.parley.shared.rooms.MessageCommands.PostMessage;
import dev.parley.shared.rooms.RoomCommands.CreateRoom;
import dev.parley.shared.rooms.RoomKind;
import io.vertx.core.Future;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Posting against a real PostgreSQL: one round trip when the sender's standing was approved before, the standing
 * re-judged by Permissions whenever it changed, and a resend always answered with the original.
 */
class MessageStoreTest {

  private TestDatabase db;
  private MessageStore messages;
  private String ana;
  private String bob;
  private String channel;

  @BeforeEach
  void setUp() {
    db = new TestDatabase();
    AccountStore accounts = new AccountStore(db.pool);
    ana = await(accounts.createUser("ana@example.org", "Ana", "hash")).id();
    bob = await(accounts.createUser("bob@example.org", "Bob", "hash")).id();
    channel = await(new RoomStore(db.pool).createRoom(new CreateRoom(ana, "general", RoomKind.CHANNEL, null))).id();
    messages = new MessageStore(db.vertx, db.pool, 3);
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  @Test
  void aResendGetsTheOriginalAndTakesNoNewSeq() {
    MessageStore.Posted first = await(messages.post(post(ana, "c-1", "hello")));
    MessageStore.Posted resend = await(messages.post(post(ana, "c-1", "hello again")));
    assertTrue(first.created());
    assertFalse(resend.created());
    assertEquals(first.ack(), resend.ack());
    assertEquals("hello", resend.text(), "the stored text, not the resent one");
    assertEquals(first.ack().seq() + 1, await(messages.post(post(ana, "c-2", "next"))).ack().seq());
  }

  @Test
  void postsSentTogetherShareBatchesAndKeepEachRoomsOrderDenseAndEveryResendSingle() {
    String other = await(new RoomStore(db.pool).createRoom(new CreateRoom(ana, "random", RoomKind.CHANNEL, null)))
        .id();
    List<Future<MessageStore.Posted>> posts = new ArrayList<>();
    db.onLoop(() -> {
      for (int i = 0; i < 300; i++) {
        // Every fifth post is a resend of the one before it, often landing in the same batch.
        int original = i % 5 == 4 ? i - 1 : i;
        String room = original % 3 == 0 ? other : channel;
        posts.add(messages.post(new PostMessage(room, ana, "Ana", "c-" + original, "m" + i)));
      }
      return Future.all(posts);
    });
    Map<String, List<Long>> seqsByRoom = new HashMap<>();
    Map<String, MessageStore.Posted> firstByCid = new HashMap<>();
    for (int i = 0; i < posts.size(); i++) {
      MessageStore.Posted posted = posts.get(i).result();
      int original = i % 5 == 4 ? i - 1 : i;
      String room = original % 3 == 0 ? other : channel;
      String cid = room + "/" + original;
      MessageStore.Posted first = firstByCid.putIfAbsent(cid, posted);
      if (first == null) {
        assertTrue(posted.created(), "post " + i + " is new");
        seqsByRoom.computeIfAbsent(room, r -> new ArrayList<>()).add(posted.ack().seq());
      } else {
        assertFalse(posted.created(), "post " + i + " is a resend");
        assertEquals(first.ack(), posted.ack(), "a resend gets the original's id and seq");
      }
    }
    for (List<Long> seqs : seqsByRoom.values()) {
      for (int k = 1; k < seqs.size(); k++) {
        assertEquals(seqs.get(k - 1) + 1, seqs.get(k), "seqs follow the order of posting, with no gap");
      }
    }
    long stored = await(db.pool.query("SELECT count(*) FROM messages").execute()).iterator().next().getLong(0);
    assertEquals(firstByCid.size(), stored, "one row per client message id");
  }

  @Test
  void aChangedStandingIsJudgedAgainEvenWhenAnEarlierPostWasApproved() {
    await(messages.post(post(ana, "c-1", "first")));
    execute("UPDATE memberships SET muted = true WHERE room_id = $1 AND user_id = $2", channel, ana);
    ParleyException muted = assertThrows(ParleyException.class,
        () -> await(messages.post(post(ana, "c-2", "while muted"))));
    assertEquals(ErrorCode.FORBIDDEN, code(muted));
    assertEquals("first", await(messages.post(post(ana, "c-1", "first"))).text(), "a resend is still answered");

    execute("UPDATE memberships SET muted = false WHERE room_id = $1 AND user_id = $2", channel, ana);
    execute("UPDATE rooms SET archived_at = now() WHERE id = $1", channel);
    assertEquals(ErrorCode.FORBIDDEN, code(assertThrows(ParleyException.class,
        () -> await(messages.post(post(ana, "c-3", "archived"))))));
  }

  @Test
  void outsidersAreRefusedAsPermissionsSays() {
    assertEquals(ErrorCode.FORBIDDEN, code(assertThrows(ParleyException.class,
        () -> await(messages.post(post(bob, "c-1", "not a member"))))), "a public channel is visible");
    String secret = await(new RoomStore(db.pool).createRoom(new CreateRoom(ana, "secret", RoomKind.PRIVATE, null)))
        .id();
    assertEquals(ErrorCode.NOT_FOUND, code(assertThrows(ParleyException.class,
        () -> await(messages.post(new PostMessage(secret, bob, "Bob", "c-1", "hi"))))), "a private room is not");
    assertEquals(ErrorCode.NOT_FOUND, code(assertThrows(ParleyException.class,
        () -> await(messages.post(new PostMessage(UUID.randomUUID().toString(), ana, "Ana", "c", "hi"))))));
  }

  private PostMessage post(String sender, String cid, String text) {
    return new PostMessage(channel, sender, sender.equals(ana) ? "Ana" : "Bob", cid, text);
  }

  private void execute(String sql, Object... args) {
    Tuple tuple = Tuple.tuple();
    for (Object arg : args) {
      tuple.addValue(UUID.fromString((String) arg));
    }
    await(db.pool.preparedQuery(sql).execute(tuple));
  }

  private static ErrorCode code(ParleyException failure) {
    return failure.code();
  }
}
