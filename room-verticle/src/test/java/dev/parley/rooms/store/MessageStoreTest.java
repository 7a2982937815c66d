package dev.parley.rooms.store;

import static dev.parley.rooms.store.TestDatabase.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.shared.ErrorCode;
import dev.parley.shared.ParleyException;
import dev.parley.shared.accounts.AccountView;
import dev.parley.shared.events.RoomEvent;
import dev.parley.shared.events.RoomEvents.ThreadUpdated;
import dev.parley.shared.rooms.MessageCommands.FollowThread;
import dev.parley.shared.rooms.MessageCommands.PostMessage;
import dev.parley.shared.rooms.MessageCommands.Replay;
import dev.parley.shared.rooms.MessageCommands.ReplayResult;
import dev.parley.shared.rooms.RoomCommands.CreateRoom;
import dev.parley.shared.rooms.RoomKind;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
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
    messages = new MessageStore(db.vertx, db.pool, db.pool, 3, new SearchIndexer(db.vertx, db.pool));
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
  void aMessageThatWaitedLongerThanItsSenderWouldIsRefusedUnwrittenAndItsResendIsStored() {
    MessageStore patient = new MessageStore(db.vertx, db.pool, db.pool, 3, new SearchIndexer(db.vertx, db.pool), 300);
    assertTrue(await(patient.post(post(ana, "p-0", "before"))).created(), "Ana's standing approved");
    // Another transaction holds the room's row: the next batch waits for it, and a message behind that batch
    // waits past its sender's patience (300 ms) before it could be written.
    SqlConnection holder = await(db.pool.getConnection());
    Transaction held = await(holder.begin());
    await(holder.preparedQuery("SELECT 1 FROM rooms WHERE id = $1 FOR UPDATE")
        .execute(Tuple.of(UUID.fromString(channel))));
    List<Future<MessageStore.Posted>> posts = new ArrayList<>();
    db.onLoop(() -> {
      posts.add(patient.post(post(ana, "p-1", "first")));
      posts.add(patient.post(post(ana, "p-2", "second")));
      return db.vertx.timer(1_000).compose(waited -> held.rollback());
    });
    await(holder.close());

    assertTrue(await(posts.get(0)).created());
    ParleyException refused = assertThrows(ParleyException.class, () -> await(posts.get(1)));
    assertEquals(ErrorCode.UNAVAILABLE, code(refused));
    assertEquals(List.of("before", "first"), texts());
    assertTrue(await(patient.post(post(ana, "p-2", "second"))).created(), "the client's resend is stored");
    assertEquals(List.of("before", "first", "second"), texts());
  }

  private List<String> texts() {
    List<String> texts = new ArrayList<>();
    await(db.pool.preparedQuery("SELECT body FROM messages WHERE room_id = $1 ORDER BY seq")
        .execute(Tuple.of(UUID.fromString(channel)))).forEach(row -> texts.add(row.getString(0)));
    return texts;
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

  @Test
  void repliesMoveTheirRootStoreTheSummaryTheyPublishAndMakeFollowers() {
    AccountStore accounts = new AccountStore(db.pool);
    RoomStore rooms = new RoomStore(db.pool);
    await(rooms.joinChannel(channel, bob));
    AccountView cy = await(accounts.createUser("cy@example.org", "Cy", "hash"));
    await(rooms.joinChannel(channel, cy.id()));
    AccountView dee = await(accounts.createUser("dee@example.org", "Dee", "hash"));
    String root = await(messages.post(post(ana, "root", "lunch?"))).ack().id();

    List<Future<MessageStore.Posted>> replies = new ArrayList<>();
    db.onLoop(() -> {
      for (int i = 0; i < 6; i++) {
        String sender = i % 2 == 0 ? bob : ana;
        replies.add(messages.post(new PostMessage(channel, sender, "x", "reply-" + i,
            "ask @" + cy.handle() + " and @" + dee.handle(), root, i == 5)));
      }
      return Future.all(replies);
    });

    Map<Long, RoomEvent> stored = new HashMap<>();
    ReplayResult log = await(messages.replay(new Replay(channel, ana, 0L, 1000)));
    for (int i = 0; i < log.events().size(); i++) {
      assertEquals(i + 1, log.events().get(i).seq(), "one dense seq for messages, replies and summaries");
      stored.put(log.events().get(i).seq(), log.events().get(i));
    }
    List<RoomEvent> published = replies.stream().map(reply -> reply.result().threadUpdated())
        .filter(java.util.Objects::nonNull).toList();
    assertFalse(published.isEmpty());
    for (RoomEvent event : published) {
      assertEquals(event, stored.get(event.seq()), "the summary stored in SQL is the one published from Java");
    }
    // The latest summary by seq: a reply that waited for its sender's standing may be stored after later ones.
    RoomEvent last = published.stream().max(java.util.Comparator.comparingLong(RoomEvent::seq)).orElseThrow();
    ThreadUpdated summary = last.data(ThreadUpdated::fromJson);
    assertEquals(6, summary.replies());
    // Bob's first reply waited for his standing to be approved, so who came first is read from the seqs.
    int firstStored = replies.get(0).result().ack().seq() < replies.get(1).result().ack().seq() ? 0 : 1;
    List<String> expected = firstStored == 0 ? List.of(bob, ana) : List.of(ana, bob);
    assertEquals(expected, summary.participants(), "in the order of their first reply");
    assertEquals(log.latest(), last.seq(), "the last summary is the room's last event");

    assertTrue(await(messages.follows(root, ana)), "the root's author follows");
    assertTrue(await(messages.follows(root, bob)), "a writer follows");
    assertTrue(await(messages.follows(root, cy.id())), "a mentioned member follows");
    assertFalse(await(messages.follows(root, dee.id())), "a mentioned outsider learns nothing");

    await(messages.follow(new FollowThread(channel, cy.id(), root, false)));
    await(messages.post(new PostMessage(channel, bob, "Bob", "again", "@" + cy.handle() + "?", root, false)));
    assertFalse(await(messages.follows(root, cy.id())), "a mention does not undo an unfollow");
    await(messages.post(new PostMessage(channel, cy.id(), "Cy", "mine", "ok, I'm in", root, false)));
    assertTrue(await(messages.follows(root, cy.id())), "writing in the thread does");

    String reply = replies.get(0).result().ack().id();
    assertEquals(ErrorCode.INVALID, code(assertThrows(ParleyException.class,
        () -> await(messages.post(new PostMessage(channel, bob, "Bob", "deep", "a reply to a reply", reply, false))))));
    long messagesBefore = await(db.pool.query("SELECT count(*) FROM messages").execute()).iterator().next().getLong(0);
    assertEquals(9, messagesBefore, "the refused reply stored nothing");
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
