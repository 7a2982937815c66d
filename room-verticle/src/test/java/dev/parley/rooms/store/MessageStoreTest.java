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
import io.vertx.sqlclient.Tuple;
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
    messages = new MessageStore(db.pool);
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
