package dev.parley.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Edits, reactions and threads on one node against real PostgreSQL and Redis, as two people use them: each change
 * reaches the room in its seq, history shows the result, resume with {@code since} brings what was missed, and bad
 * input gets a clear error with nothing stored.
 */
class MessageActionsTest {

  private static final String THUMBS_UP = "\uD83D\uDC4D";
  private static final String TONED_THUMBS_UP = "\uD83D\uDC4D\uD83C\uDFFD";
  private static final String WOMAN_TECHNOLOGIST = "\uD83D\uDC69\uD83C\uDFFB\u200D\uD83D\uDCBB";

  private TestNodes nodes;
  private Vertx vertx;
  private TestApi api;
  private TestApi.User alice;
  private TestApi.User bob;
  private String room;

  @BeforeEach
  void startNode() {
    nodes = new TestNodes();
    ParleyNode node = nodes.start(false);
    vertx = node.vertx();
    api = new TestApi(vertx, node.gateway().port());
    api.register("Owner");
    alice = api.register("Alice");
    bob = api.register("Bob");
    room = api.createChannel(alice, "general");
    api.join(bob, room);
  }

  @AfterEach
  void stopNode() {
    nodes.close();
  }

  @Test
  void theAuthorEditsAndEveryoneSeesTheNewTextOthersCannot() {
    try (TestSocket aliceSocket = TestSocket.connect(vertx, api.port(), alice);
         TestSocket bobSocket = TestSocket.connect(vertx, api.port(), bob)) {
      bobSocket.subscribeLive(room);
      String id = aliceSocket.sendMessage(room, "helo").getString("id");
      assertEquals("message", bobSocket.nextOp("evt").getString("type"));

      JsonObject edited = TestApi.expect(200, edit(alice, id, "hello")).getJsonObject("message");
      assertEquals("hello", edited.getString("text"));
      assertEquals(id, edited.getString("id"));
      assertNotNull(edited.getLong("editedAt"));
      assertEquals(edited.getLong("editedAt"), edited.getLong("editedTs"), "v1 clients still read editedTs");

      JsonObject event = bobSocket.nextOp("evt");
      assertEquals("message.edited", event.getString("type"));
      assertEquals(new JsonObject().put("id", id).put("text", "hello").put("editedAt", edited.getLong("editedAt")),
          event.getJsonObject("data"));
      assertEquals(edited.getLong("seq") + 1, event.getLong("seq"), "the edit takes the room's next seq");

      JsonObject inHistory = api.history(bob, room, "after=0").getJsonArray("messages").getJsonObject(0);
      assertEquals("hello", inHistory.getString("text"));
      assertEquals(edited.getLong("editedAt"), inHistory.getLong("editedAt"));

      // Someone else's message: refused, whoever asks, and nothing changes.
      JsonObject refused = TestApi.expect(403, edit(bob, id, "hacked"));
      assertEquals("forbidden", refused.getJsonObject("error").getString("code"));
      assertEquals("Only its author can edit a message", refused.getJsonObject("error").getString("message"));
      TestApi.expect(404, edit(alice, UUID.randomUUID().toString(), "nothing there"));
      TestApi.expect(400, edit(alice, id, "   "));
      // The same text again stores nothing.
      TestApi.expect(200, edit(alice, id, "hello"));
      bobSocket.assertQuiet();
      assertEquals("hello", api.history(bob, room, "after=0").getJsonArray("messages").getJsonObject(0)
          .getString("text"));
    }
  }

  @Test
  void reactionsAreIdempotentReachTheRoomAndShowInHistoryPerReader() {
    try (TestSocket aliceSocket = TestSocket.connect(vertx, api.port(), alice)) {
      aliceSocket.subscribeLive(room);
      String id = aliceSocket.sendMessage(room, "lunch?").getString("id");
      aliceSocket.nextOp("evt");

      TestApi.expect(204, react(HttpMethod.PUT, bob, id, THUMBS_UP));
      TestApi.expect(204, react(HttpMethod.PUT, bob, id, THUMBS_UP));
      TestApi.expect(204, react(HttpMethod.PUT, alice, id, THUMBS_UP));
      TestApi.expect(204, react(HttpMethod.PUT, bob, id, WOMAN_TECHNOLOGIST));
      List<JsonObject> events = aliceSocket.nextEvents(3);
      assertEquals(new JsonObject().put("id", id).put("emoji", THUMBS_UP).put("user", bob.id()),
          events.get(0).getJsonObject("data"));
      assertEquals("reaction.added", events.get(0).getString("type"));
      assertEquals(alice.id(), events.get(1).getJsonObject("data").getString("user"), "the repeat stored nothing");
      assertEquals(WOMAN_TECHNOLOGIST, events.get(2).getJsonObject("data").getString("emoji"));

      assertEquals(new JsonArray()
              .add(reaction(THUMBS_UP, 2, true)).add(reaction(WOMAN_TECHNOLOGIST, 1, false)),
          firstMessage(alice).getJsonArray("reactions"));
      assertEquals(new JsonArray()
              .add(reaction(THUMBS_UP, 2, true)).add(reaction(WOMAN_TECHNOLOGIST, 1, true)),
          firstMessage(bob).getJsonArray("reactions"), "'me' is the reader's own");

      TestApi.expect(204, react(HttpMethod.DELETE, bob, id, THUMBS_UP));
      TestApi.expect(204, react(HttpMethod.DELETE, bob, id, THUMBS_UP));
      JsonObject removed = aliceSocket.nextOp("evt");
      assertEquals("reaction.removed", removed.getString("type"));
      assertEquals(new JsonObject().put("id", id).put("emoji", THUMBS_UP).put("user", bob.id()),
          removed.getJsonObject("data"));
      aliceSocket.assertQuiet();
      assertEquals(new JsonArray().add(reaction(THUMBS_UP, 1, false)).add(reaction(WOMAN_TECHNOLOGIST, 1, true)),
          firstMessage(bob).getJsonArray("reactions"));
    }
  }

  @Test
  void aReactionThatIsNotOneEmojiOrTooManyKindsIsRefusedAndNothingIsStored() {
    try (TestSocket aliceSocket = TestSocket.connect(vertx, api.port(), alice)) {
      aliceSocket.subscribeLive(room);
      String id = aliceSocket.sendMessage(room, "react to me").getString("id");
      aliceSocket.nextOp("evt");

      for (String bad : List.of("a", "+1", ":thumbsup:", THUMBS_UP + THUMBS_UP, "\u2764", "1",
          THUMBS_UP.repeat(300))) {
        JsonObject error = TestApi.expect(400, react(HttpMethod.PUT, bob, id, bad));
        assertEquals("invalid", error.getJsonObject("error").getString("code"), bad);
        assertEquals("A reaction is exactly one emoji", error.getJsonObject("error").getString("message"));
      }
      // 5 KB in the path: refused before any handler runs (the request line is over the server's limit).
      HttpResponse<Buffer> huge = react(HttpMethod.PUT, bob, id, "x".repeat(5 * 1024));
      assertTrue(huge.statusCode() >= 400 && huge.statusCode() < 500, "5 KB: " + huge.statusCode());

      // Fifty different emoji, then no more kinds (an existing one may still be added to).
      for (int i = 0; i < 50; i++) {
        TestApi.expect(204, react(HttpMethod.PUT, alice, id, Character.toString(0x1F600 + i)));
      }
      JsonObject tooMany = TestApi.expect(400, react(HttpMethod.PUT, bob, id, Character.toString(0x1F600 + 50)));
      assertEquals("A message has at most 50 different reactions",
          tooMany.getJsonObject("error").getString("message"));
      TestApi.expect(204, react(HttpMethod.PUT, bob, id, Character.toString(0x1F600)));

      List<JsonObject> events = aliceSocket.nextEvents(51);
      assertEquals(bob.id(), events.get(50).getJsonObject("data").getString("user"));
      aliceSocket.assertQuiet();
      assertEquals(50, firstMessage(bob).getJsonArray("reactions").size());
      TestApi.expect(404, react(HttpMethod.PUT, bob, UUID.randomUUID().toString(), THUMBS_UP));
    }
  }

  @Test
  void repliesFormAThreadWhoseRootCarriesItsSummaryAndBadRepliesStoreNothing() {
    String otherRoom = api.createChannel(bob, "random");
    try (TestSocket aliceSocket = TestSocket.connect(vertx, api.port(), alice);
         TestSocket bobSocket = TestSocket.connect(vertx, api.port(), bob)) {
      aliceSocket.subscribeLive(room);
      String root = aliceSocket.sendMessage(room, "who is in for lunch?").getString("id");
      aliceSocket.nextOp("evt");
      String elsewhere = bobSocket.sendMessage(otherRoom, "in another room").getString("id");

      JsonObject ack = reply(bobSocket, root, "me!", false);
      assertEquals("ack", ack.getString("op"), ack.encode());
      List<JsonObject> events = aliceSocket.nextEvents(2);
      JsonObject replyEvent = events.get(0);
      assertEquals("message", replyEvent.getString("type"));
      assertEquals(ack.getLong("seq"), replyEvent.getLong("seq"));
      assertEquals(root, replyEvent.getJsonObject("data").getString("thread"));
      assertNull(replyEvent.getJsonObject("data").getValue("alsoInChannel"));
      JsonObject updated = events.get(1);
      assertEquals("thread.updated", updated.getString("type"));
      assertEquals(ack.getLong("seq") + 1, updated.getLong("seq"), "the summary comes right after the reply");
      JsonObject summary = updated.getJsonObject("data");
      assertEquals(root, summary.getString("id"));
      assertEquals(1, summary.getInteger("replies"));
      assertEquals(new JsonArray().add(bob.id()), summary.getJsonArray("participants"));
      assertEquals(ack.getLong("ts"), summary.getLong("lastReplyAt"));

      JsonObject second;
      try (TestSocket aliceElsewhere = TestSocket.connect(vertx, api.port(), alice)) {
        second = reply(aliceElsewhere, root, "me too", true);
      }
      List<JsonObject> more = aliceSocket.nextEvents(2);
      assertTrue(more.get(0).getJsonObject("data").getBoolean("alsoInChannel"));
      assertEquals(new JsonArray().add(bob.id()).add(alice.id()),
          more.get(1).getJsonObject("data").getJsonArray("participants"));
      long latest = more.get(1).getLong("seq");

      // A reply to a reply, to another room's message, to nothing: refused with invalid, nothing stored.
      for (String badRoot : List.of(ack.getString("id"), elsewhere, UUID.randomUUID().toString())) {
        JsonObject refused = reply(bobSocket, badRoot, "lost", false);
        assertEquals("err", refused.getString("op"), refused.encode());
        assertEquals("invalid", refused.getString("code"));
        assertEquals("'thread' must be a message of this room that is not itself a reply", refused.getString("msg"));
      }
      aliceSocket.assertQuiet();

      JsonObject page = TestApi.expect(200, api.call(HttpMethod.GET,
          "/api/v1/rooms/" + room + "/messages/" + root + "/thread?limit=1", bob, null));
      assertTrue(page.getBoolean("more"));
      assertEquals("me!", page.getJsonArray("messages").getJsonObject(0).getString("text"));
      long after = page.getJsonArray("messages").getJsonObject(0).getLong("seq");
      page = TestApi.expect(200, api.call(HttpMethod.GET,
          "/api/v1/rooms/" + room + "/messages/" + root + "/thread?after=" + after, bob, null));
      assertFalse(page.getBoolean("more"));
      assertEquals(second.getString("id"), page.getJsonArray("messages").getJsonObject(0).getString("id"));

      JsonArray history = api.history(bob, room, "after=0").getJsonArray("messages");
      assertEquals(3, history.size(), "replies are messages of the room: " + history);
      JsonObject rootView = history.getJsonObject(0);
      assertEquals(2, rootView.getInteger("replies"));
      assertEquals(new JsonArray().add(bob.id()).add(alice.id()), rootView.getJsonArray("participants"));
      assertEquals(latest, TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/rooms", alice, null))
          .getJsonArray("rooms").getJsonObject(0).getLong("lastSeq"), "the refused replies took no seq");

      TestApi.expect(400, api.call(HttpMethod.GET,
          "/api/v1/rooms/" + room + "/messages/" + ack.getString("id") + "/thread", bob, null));
      TestApi.expect(404, api.call(HttpMethod.GET,
          "/api/v1/rooms/" + room + "/messages/" + elsewhere + "/thread", bob, null));
      TestApi.expect(204, api.call(HttpMethod.DELETE, "/api/v1/rooms/" + room + "/messages/" + root + "/follow",
          bob, null));
      TestApi.expect(204, api.call(HttpMethod.PUT, "/api/v1/rooms/" + room + "/messages/" + root + "/follow",
          bob, null));
      TestApi.expect(400, api.call(HttpMethod.PUT, "/api/v1/rooms/" + room + "/messages/" + ack.getString("id")
          + "/follow", bob, null));
    }
  }

  @Test
  void aClientThatWasAwayGetsEditsReactionsAndThreadRepliesWithSince() {
    long seen;
    String id;
    try (TestSocket bobSocket = TestSocket.connect(vertx, api.port(), bob)) {
      bobSocket.subscribeLive(room);
      id = bobSocket.sendMessage(room, "befor I left").getString("id");
      seen = bobSocket.nextOp("evt").getLong("seq");
    }
    try (TestSocket aliceSocket = TestSocket.connect(vertx, api.port(), alice)) {
      TestApi.expect(204, react(HttpMethod.PUT, alice, id, TONED_THUMBS_UP));
      TestApi.expect(200, edit(bob, id, "before I left"));
      reply(aliceSocket, id, "bye!", false);
    }
    try (TestSocket bobSocket = TestSocket.connect(vertx, api.port(), bob)) {
      List<JsonObject> frames = bobSocket.subscribe(room, seen);
      assertEquals(5, frames.size(), "four events, then subbed: " + frames);
      assertEquals(List.of("reaction.added", "message.edited", "message", "thread.updated"),
          frames.subList(0, 4).stream().map(frame -> frame.getString("type")).toList());
      for (int i = 0; i < 4; i++) {
        assertEquals(seen + 1 + i, frames.get(i).getLong("seq"), "in order, no gap");
      }
      assertEquals(TONED_THUMBS_UP, frames.get(0).getJsonObject("data").getString("emoji"));
      assertEquals("before I left", frames.get(1).getJsonObject("data").getString("text"));
      assertEquals(id, frames.get(2).getJsonObject("data").getString("thread"));
      assertNull(frames.get(2).getJsonObject("data").getValue("reactions"), "replayed messages carry no counts");
      assertEquals(1, frames.get(3).getJsonObject("data").getInteger("replies"));
    }
  }

  private HttpResponse<Buffer> edit(TestApi.User user, String message, String text) {
    return api.call(HttpMethod.PATCH, "/api/v1/rooms/" + room + "/messages/" + message, user,
        new JsonObject().put("text", text));
  }

  private HttpResponse<Buffer> react(HttpMethod method, TestApi.User user, String message, String emoji) {
    return api.call(method, "/api/v1/rooms/" + room + "/messages/" + message + "/reactions/"
        + URLEncoder.encode(emoji, StandardCharsets.UTF_8), user, null);
  }

  /** Sends a reply and returns its ack or err, passing over events: for a socket that follows no room. */
  private JsonObject reply(TestSocket socket, String root, String text, boolean alsoInChannel) {
    JsonObject send = new JsonObject().put("op", "send").put("room", room).put("cid", UUID.randomUUID().toString())
        .put("text", text).put("thread", root);
    if (alsoInChannel) {
      send.put("alsoInChannel", true);
    }
    return socket.nextOpAfterSend(send);
  }

  private JsonObject firstMessage(TestApi.User reader) {
    return api.history(reader, room, "after=0").getJsonArray("messages").getJsonObject(0);
  }

  private static JsonObject reaction(String emoji, int count, boolean me) {
    return new JsonObject().put("emoji", emoji).put("count", count).put("me", me);
  }
}
