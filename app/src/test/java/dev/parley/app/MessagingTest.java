package dev.parley.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.shared.Addresses;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One node, real PostgreSQL and Redis: the message path as two people use it, and what bad input gets. */
class MessagingTest {

  private TestNodes nodes;
  private ParleyNode node;
  private Vertx vertx;
  private TestApi api;
  private TestApi.User alice;
  private TestApi.User bob;
  private String room;

  @BeforeEach
  void startNode() {
    startWithLimits(limits -> limits.put("maxTextLength", 100));
  }

  /** (Re)starts the node with these limits, with Alice and Bob in a fresh channel. */
  private void startWithLimits(Consumer<JsonObject> limits) {
    if (nodes != null) {
      nodes.close();
    }
    nodes = new TestNodes();
    node = nodes.start(false, config -> {
      limits.accept(config.getJsonObject("limits"));
      return config;
    });
    vertx = node.vertx();
    api = new TestApi(vertx, node.gateway().port());
    // The first account owns the workspace (and may read any public channel): Alice and Bob are plain members.
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
  void bothMembersReceiveAMessageTheSenderGetsTheNextSeqAndHistoryHasIt() {
    try (TestSocket aliceSocket = TestSocket.connect(vertx, api.port(), alice);
         TestSocket bobSocket = TestSocket.connect(vertx, api.port(), bob)) {
      assertEquals(alice.id(), aliceSocket.hello().getString("user"));
      assertEquals(30, aliceSocket.hello().getInteger("heartbeat"));
      long latest = aliceSocket.subscribeLive(room);
      bobSocket.subscribe(room, null);

      JsonObject ack = aliceSocket.sendMessage(room, "hello, <b>Bob</b>");
      assertEquals(latest + 1, ack.getLong("seq"), "the ack carries the room's next seq");
      assertNotNull(ack.getString("id"));

      JsonObject atBob = bobSocket.nextOp("evt");
      assertEquals("message", atBob.getString("type"));
      assertEquals(room, atBob.getString("room"));
      assertEquals(ack.getLong("seq"), atBob.getLong("seq"));
      JsonObject data = atBob.getJsonObject("data");
      assertEquals("hello, <b>Bob</b>", data.getString("text"));
      assertEquals(alice.id(), data.getString("sender"));
      assertEquals("Alice", data.getString("senderName"));
      assertEquals(ack.getString("id"), data.getString("id"));
      assertEquals(ack.getLong("seq"), aliceSocket.nextOp("evt").getLong("seq"), "the sender gets the event too");

      JsonArray messages = api.history(bob, room, "after=0").getJsonArray("messages");
      assertEquals(1, messages.size());
      assertEquals("hello, <b>Bob</b>", messages.getJsonObject(0).getString("text"));
      assertEquals(ack.getLong("seq"), messages.getJsonObject(0).getLong("seq"));
    }
  }

  @Test
  void theSameCidStoresOneMessageAndGetsTheSameAckEvenFromTwoSocketsAtOnce() {
    try (TestSocket first = TestSocket.connect(vertx, api.port(), alice);
         TestSocket second = TestSocket.connect(vertx, api.port(), alice)) {
      JsonObject send = new JsonObject().put("op", "send").put("room", room).put("cid", "once").put("text", "hi");
      first.send(send);
      JsonObject ack = first.nextOp("ack");
      first.send(send);
      assertEquals(ack, first.nextOp("ack"), "a resend gets the original ack");

      JsonObject racing = send.copy().put("cid", "raced");
      first.send(racing);
      second.send(racing);
      JsonObject firstAck = first.nextOp("ack");
      JsonObject secondAck = second.nextOp("ack");
      assertEquals(firstAck, secondAck, "concurrent sends of one cid get one ack");

      JsonArray messages = api.history(alice, room, "after=0").getJsonArray("messages");
      assertEquals(2, messages.size(), "one stored message per cid: " + messages);
    }
  }

  @Test
  void concurrentSendersGetGaplessSeqsInOneRoom() {
    try (TestSocket aliceSocket = TestSocket.connect(vertx, api.port(), alice);
         TestSocket bobSocket = TestSocket.connect(vertx, api.port(), bob)) {
      long start = bobSocket.subscribeLive(room);
      int each = 50;
      for (int i = 0; i < each; i++) {
        aliceSocket.send(new JsonObject().put("op", "send").put("room", room).put("cid", "a" + i).put("text", "a" + i));
        bobSocket.send(new JsonObject().put("op", "send").put("room", room).put("cid", "b" + i).put("text", "b" + i));
      }
      Set<Long> seqs = new HashSet<>();
      long previous = start;
      int events = 0;
      while (events < 2 * each) {
        JsonObject frame = bobSocket.next();
        if (frame.getString("op").equals("evt")) {
          long seq = frame.getLong("seq");
          assertEquals(previous + 1, seq, "events arrive in seq order without gaps");
          previous = seq;
          seqs.add(seq);
          events++;
        }
      }
      assertEquals(2 * each, seqs.size());
    }
  }

  @Test
  void aLostPublishIsFetchedFromPostgresAndEventsStillArriveInOrder() {
    try (TestSocket aliceSocket = TestSocket.connect(vertx, api.port(), alice);
         TestSocket bobSocket = TestSocket.connect(vertx, api.port(), bob)) {
      long latest = bobSocket.subscribeLive(room);
      // The event bus is best effort: drop the publish of the next message as if a node had crashed after commit.
      AtomicBoolean dropped = new AtomicBoolean();
      vertx.eventBus().addOutboundInterceptor(delivery -> {
        Object body = delivery.message().body();
        if (delivery.message().address().equals(Addresses.room(room)) && body instanceof JsonObject event
            && Long.valueOf(latest + 1).equals(event.getLong("seq")) && dropped.compareAndSet(false, true)) {
          return;
        }
        delivery.next();
      });
      aliceSocket.sendMessage(room, "lost on the bus");
      aliceSocket.sendMessage(room, "delivered");

      List<JsonObject> events = bobSocket.nextEvents(2);
      assertTrue(dropped.get());
      assertEquals(latest + 1, events.get(0).getLong("seq"), "the held event waited for the missing one");
      assertEquals("lost on the bus", events.get(0).getJsonObject("data").getString("text"));
      assertEquals(latest + 2, events.get(1).getLong("seq"));
      bobSocket.assertQuiet();
    }
  }

  @Test
  void badFramesGetErrorsAndTheSocketStaysUsable() {
    try (TestSocket socket = TestSocket.connect(vertx, api.port(), alice)) {
      socket.sendRaw("this is not json");
      assertError(socket.next(), "invalid");
      socket.sendRaw("[1,2,3]");
      assertError(socket.next(), "invalid");
      socket.send(new JsonObject().put("op", "dance").put("ref", 7));
      JsonObject unknown = socket.next();
      assertError(unknown, "invalid");
      assertEquals(7, unknown.getInteger("ref"), "errors echo the ref");
      socket.send(new JsonObject().put("op", "send").put("room", room).put("cid", "c1"));
      assertError(socket.next(), "invalid");
      socket.send(new JsonObject().put("op", "send").put("room", room).put("text", "no cid"));
      assertError(socket.next(), "invalid");
      socket.send(new JsonObject().put("op", "sub"));
      assertError(socket.next(), "invalid");
      socket.send(new JsonObject().put("op", "sub").put("room", room).put("since", -4));
      assertError(socket.next(), "invalid");

      JsonObject tooLong = socket.nextAfterSend(new JsonObject().put("op", "send").put("room", room)
          .put("cid", "long").put("text", "x".repeat(101)));
      assertError(tooLong, "too_large");
      assertEquals("long", tooLong.getString("cid"), "send errors carry the cid");

      // Rooms that do not exist, and a private room Alice is not in, look the same.
      String otherPrivate = privateRoomOf(bob);
      for (String target : List.of("00000000-0000-0000-0000-000000000000", "not-a-room", otherPrivate)) {
        assertError(socket.nextAfterSend(new JsonObject().put("op", "send").put("room", target)
            .put("cid", "x-" + target).put("text", "hi")), "not_found");
        assertError(socket.nextAfterSend(new JsonObject().put("op", "sub").put("room", target)), "not_found");
      }
      // A public channel Alice has not joined: she may know it exists, but may not post or read.
      String otherChannel = api.createChannel(bob, "bobs-corner");
      assertError(socket.nextAfterSend(new JsonObject().put("op", "send").put("room", otherChannel)
          .put("cid", "c2").put("text", "hi")), "forbidden");
      assertError(socket.nextAfterSend(new JsonObject().put("op", "sub").put("room", otherChannel)), "forbidden");

      socket.send(new JsonObject().put("op", "ping").put("ref", "still-there"));
      assertEquals("pong", socket.next().getString("op"), "the socket is still usable");
      assertEquals(0, api.history(bob, otherChannel, "after=0").getJsonArray("messages").size(),
          "nothing was stored");
      assertEquals(0, api.history(alice, room, "after=0").getJsonArray("messages").size(), "nothing was stored");
    }
  }

  @Test
  void aFrameOverTheSizeLimitClosesTheSocketWith1009() {
    try (TestSocket socket = TestSocket.connect(vertx, api.port(), alice)) {
      socket.sendRaw("{\"op\":\"ping\",\"pad\":\"" + "x".repeat(70_000) + "\"}");
      assertEquals(1009, socket.nextOp("closed").getInteger("status"));
    }
  }

  @Test
  void unreadCountsStartAtJoiningAndFollowTheReadMarker() {
    try (TestSocket aliceSocket = TestSocket.connect(vertx, api.port(), alice)) {
      assertEquals(0, bobsUnread(), "joining does not make the history unread");
      JsonObject ack = aliceSocket.sendMessage(room, "news");
      aliceSocket.sendMessage(room, "more news");
      assertEquals(2, bobsUnread());
      TestApi.expect(204, api.call(HttpMethod.POST, "/api/v1/rooms/" + room + "/read", bob,
          new JsonObject().put("seq", ack.getLong("seq"))));
      assertEquals(1, bobsUnread());
    }
  }

  private long bobsUnread() {
    JsonObject rooms = TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/rooms", bob, null));
    return rooms.getJsonArray("rooms").getJsonObject(0).getLong("unread");
  }

  @Test
  void upgradesWithoutCredentialsOrFromAForeignOriginAreRefusedAndTicketsWorkOnce() {
    Throwable noCredentials = TestSocket.refused(vertx, TestSocket.options(api.port()));
    assertEquals(401, assertInstanceOf(UpgradeRejectedException.class, noCredentials).getStatus());

    Throwable badToken = TestSocket.refused(vertx, TestSocket.options(api.port())
        .addHeader("Authorization", "Bearer not.a.token"));
    assertEquals(401, assertInstanceOf(UpgradeRejectedException.class, badToken).getStatus());

    Throwable foreign = TestSocket.refused(vertx, TestSocket.options(api.port())
        .addHeader("Authorization", "Bearer " + alice.accessToken())
        .addHeader("Origin", "https://evil.example"));
    assertEquals(403, assertInstanceOf(UpgradeRejectedException.class, foreign).getStatus());

    String ticket = api.ticket(alice);
    try (TestSocket socket = TestSocket.connect(vertx, TestSocket.options(api.port())
        .setURI("/ws?ticket=" + ticket).addHeader("Origin", "http://127.0.0.1:" + api.port()))) {
      assertEquals(alice.id(), socket.hello().getString("user"), "a same-origin browser gets in with a ticket");
    }
    Throwable reused = TestSocket.refused(vertx, TestSocket.options(api.port()).setURI("/ws?ticket=" + ticket));
    assertEquals(401, assertInstanceOf(UpgradeRejectedException.class, reused).getStatus());
  }

  @Test
  void aSenderOverTheRateLimitIsToldSoAndOthersAreUnaffected() {
    startWithLimits(limits -> limits.put("sendPerSecond", 0.5).put("sendBurst", 5));
    try (TestSocket aliceSocket = TestSocket.connect(vertx, api.port(), alice);
         TestSocket bobSocket = TestSocket.connect(vertx, api.port(), bob)) {
      boolean limited = false;
      for (int i = 0; i < 10 && !limited; i++) {
        JsonObject reply = aliceSocket.nextAfterSend(new JsonObject().put("op", "send").put("room", room)
            .put("cid", "burst-" + i).put("text", "spam " + i));
        if (reply.getString("op").equals("err")) {
          assertEquals("rate_limited", reply.getString("code"));
          assertEquals("burst-" + i, reply.getString("cid"));
          limited = true;
        }
      }
      assertTrue(limited, "the burst ran out");
      assertEquals("ack", bobSocket.sendMessage(room, "I can still talk").getString("op"));
    }
  }

  @Test
  void aSubscriberThatStopsReadingIsClosedWith1013InsteadOfBufferedWithoutBound() {
    startWithLimits(limits -> limits.put("socketQueueFrames", 32));
    try (TestSocket senderSocket = TestSocket.connect(vertx, api.port(), alice);
         TestSocket stalledSocket = TestSocket.connect(vertx, api.port(), bob)) {
      stalledSocket.subscribe(room, null);
      stalledSocket.pause();
      String text = "x".repeat(3900);
      // Enough to fill the loopback socket buffers, then the gateway's queue, then its allowance past full.
      int sent = 0;
      while (node.gateway().connectionCount() == 2 && sent < 5_000) {
        senderSocket.sendMessage(room, text + sent);
        sent++;
      }
      assertEquals(1, node.gateway().connectionCount(), "the stalled socket was closed after " + sent + " messages");
      stalledSocket.resume();
      assertEquals(1013, stalledSocket.nextOp("closed").getInteger("status"));
      assertEquals("ack", senderSocket.sendMessage(room, "the others carry on").getString("op"));
    }
  }

  @Test
  void theHttpApiAnswersBadRequestsWithJsonErrors() {
    JsonObject missing = TestApi.expect(400, api.call(HttpMethod.POST, "/api/v1/auth/register", null,
        new JsonObject().put("email", "x@example.com")));
    assertEquals("invalid", missing.getJsonObject("error").getString("code"));
    TestApi.expect(401, api.call(HttpMethod.GET, "/api/v1/rooms", null, null));
    JsonObject wrong = TestApi.expect(401, api.call(HttpMethod.POST, "/api/v1/auth/login", null,
        new JsonObject().put("email", "nobody@example.com").put("password", "whatever123")));
    assertEquals("unauthorized", wrong.getJsonObject("error").getString("code"));
    JsonObject account = new JsonObject().put("email", "dup@example.com").put("password", "long enough")
        .put("name", "A");
    TestApi.expect(201, api.call(HttpMethod.POST, "/api/v1/auth/register", null, account));
    JsonObject taken = TestApi.expect(409, api.call(HttpMethod.POST, "/api/v1/auth/register", null,
        account.copy().put("email", "DUP@example.com")));
    assertEquals("conflict", taken.getJsonObject("error").getString("code"));
    TestApi.expect(404, api.call(HttpMethod.GET, "/api/v1/rooms/nope/messages", alice, null));
    TestApi.expect(400, api.call(HttpMethod.GET, "/api/v1/rooms/" + room + "/messages?after=x", alice, null));
    TestApi.expect(404, api.call(HttpMethod.GET, "/api/v1/nothing-here", alice, null));
    JsonObject rooms = TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/rooms", bob, null));
    assertEquals(room, rooms.getJsonArray("rooms").getJsonObject(0).getString("id"));
    assertFalse(rooms.getJsonArray("rooms").isEmpty());
    var openApi = api.call(HttpMethod.GET, "/api/v1/openapi.yaml", null, null);
    assertEquals(200, openApi.statusCode());
    assertTrue(openApi.bodyAsString().startsWith("openapi: 3.1"), "the API describes itself");
  }

  private String privateRoomOf(TestApi.User owner) {
    JsonObject body = new JsonObject().put("name", "secret").put("kind", "private");
    return TestApi.expect(201, api.call(HttpMethod.POST, "/api/v1/rooms", owner, body))
        .getJsonObject("room").getString("id");
  }

  private static void assertError(JsonObject frame, String code) {
    assertEquals("err", frame.getString("op"), "expected an error, got " + frame);
    assertEquals(code, frame.getString("code"), "wrong code in " + frame);
    assertNotNull(frame.getString("msg"));
  }
}
