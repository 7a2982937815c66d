package dev.parley.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two clustered nodes (real Hazelcast on loopback, one PostgreSQL): messages cross nodes, consumers exist only
 * where subscribers are, and a client that drops and comes back on the other node misses nothing.
 */
class ClusterTest {

  private static TestNodes nodes;
  private static ParleyNode first;
  private static ParleyNode second;
  private static TestApi firstApi;
  private static TestApi secondApi;

  private TestApi.User alice;
  private TestApi.User bob;
  private String room;

  @BeforeAll
  static void startCluster() {
    nodes = new TestNodes();
    TestNodes.Pair pair = nodes.startPair();
    first = pair.first();
    second = pair.second();
    firstApi = pair.firstApi();
    secondApi = pair.secondApi();
  }

  @AfterAll
  static void stopCluster() {
    nodes.close();
  }

  @BeforeEach
  void twoMembers() {
    alice = firstApi.register("Alice");
    bob = secondApi.register("Bob");
    room = firstApi.createChannel(alice, "cross-node-" + UUID.randomUUID().toString().substring(0, 8));
    secondApi.join(bob, room);
  }

  @Test
  void aMessageSentOnOneNodeReachesASubscriberOnTheOtherAndConsumersFollowSubscribers() {
    assertFalse(first.gateway().subscribedRooms().contains(room), "no subscriber yet, no consumer");
    assertFalse(second.gateway().subscribedRooms().contains(room), "no subscriber yet, no consumer");
    try (TestSocket aliceSocket = TestSocket.connect(first.vertx(), firstApi.port(), alice);
         TestSocket bobSocket = TestSocket.connect(second.vertx(), secondApi.port(), bob)) {
      aliceSocket.subscribe(room, null);
      assertTrue(first.gateway().subscribedRooms().contains(room));
      assertFalse(second.gateway().subscribedRooms().contains(room), "node 2 has no subscriber for the room yet");

      bobSocket.subscribe(room, null);
      assertTrue(second.gateway().subscribedRooms().contains(room));

      JsonObject ack = aliceSocket.sendMessage(room, "over the cluster");
      JsonObject atBob = bobSocket.nextOp("evt");
      assertEquals(ack.getLong("seq"), atBob.getLong("seq"));
      assertEquals("over the cluster", atBob.getJsonObject("data").getString("text"));

      bobSocket.send(new JsonObject().put("op", "unsub").put("room", room));
      assertEquals("unsubbed", bobSocket.nextOp("unsubbed").getString("op"));
      assertFalse(second.gateway().subscribedRooms().contains(room), "the last subscriber out releases the consumer");
      assertTrue(first.gateway().subscribedRooms().contains(room));

      aliceSocket.sendMessage(room, "nobody on node 2 listens");
      bobSocket.assertQuiet();
    }
    nodes.eventually(() -> !first.gateway().subscribedRooms().contains(room),
        "closing the socket releases the consumer");
  }

  @Test
  void aSubscriberWhoDropsAndResumesOnTheOtherNodeGetsExactlyWhatItMissedThenLiveEvents() {
    long seen;
    try (TestSocket bobOnFirst = TestSocket.connect(first.vertx(), firstApi.port(), bob);
         TestSocket aliceSocket = TestSocket.connect(first.vertx(), firstApi.port(), alice)) {
      bobOnFirst.subscribe(room, null);
      aliceSocket.sendMessage(room, "before the drop");
      seen = bobOnFirst.nextOp("evt").getLong("seq");
    }

    try (TestSocket aliceSocket = TestSocket.connect(first.vertx(), firstApi.port(), alice)) {
      List<String> missed = sendMany(aliceSocket, 100, "missed");

      try (TestSocket bobOnSecond = TestSocket.connect(second.vertx(), secondApi.port(), bob)) {
        List<JsonObject> replay = bobOnSecond.subscribe(room, seen);
        assertEquals(101, replay.size(), "100 events, then subbed");
        for (int i = 0; i < 100; i++) {
          JsonObject event = replay.get(i);
          assertEquals("evt", event.getString("op"));
          assertEquals(seen + 1 + i, event.getLong("seq"), "in order, no gap, no duplicate");
          assertEquals(missed.get(i), event.getJsonObject("data").getString("text"));
        }
        assertEquals(seen + 100, replay.get(100).getLong("seq"), "subbed names the latest seq");

        aliceSocket.sendMessage(room, "live again");
        JsonObject live = bobOnSecond.nextOp("evt");
        assertEquals(seen + 101, live.getLong("seq"));
        assertEquals("live again", live.getJsonObject("data").getString("text"));
        bobOnSecond.assertQuiet();
      }
    }
  }

  @Test
  void aSubscriberFurtherBehindThanTheReplayLimitGetsAGapAndPagesHistory() {
    long seen;
    try (TestSocket bobOnFirst = TestSocket.connect(first.vertx(), firstApi.port(), bob)) {
      seen = bobOnFirst.subscribeLive(room);
    }
    try (TestSocket aliceSocket = TestSocket.connect(second.vertx(), secondApi.port(), alice)) {
      List<String> missed = sendMany(aliceSocket, 200, "far");
      try (TestSocket bobOnSecond = TestSocket.connect(second.vertx(), secondApi.port(), bob)) {
        List<JsonObject> frames = bobOnSecond.subscribe(room, seen);
        assertEquals(2, frames.size(), "a gap, then subbed: " + frames);
        JsonObject gap = frames.get(0);
        assertEquals("gap", gap.getString("op"));
        assertEquals(seen + 1, gap.getLong("from"));
        assertEquals(seen + 200, gap.getLong("to"));

        List<String> paged = new ArrayList<>();
        long after = gap.getLong("from") - 1;
        boolean more = true;
        while (more && after < gap.getLong("to")) {
          JsonObject page = secondApi.history(bob, room, "after=" + after + "&limit=100");
          JsonArray messages = page.getJsonArray("messages");
          for (int i = 0; i < messages.size(); i++) {
            JsonObject message = messages.getJsonObject(i);
            assertEquals(after + 1, message.getLong("seq"), "history pages in seq order");
            after = message.getLong("seq");
            paged.add(message.getString("text"));
          }
          more = page.getBoolean("more");
        }
        assertEquals(missed, paged, "history covers the gap exactly");

        aliceSocket.sendMessage(room, "after the gap");
        assertEquals(seen + 201, bobOnSecond.nextOp("evt").getLong("seq"));
      }
    }
  }

  @Test
  void aReactionMadeOnOneNodeReachesAFollowerOnTheOther() {
    try (TestSocket aliceSocket = TestSocket.connect(first.vertx(), firstApi.port(), alice);
         TestSocket bobSocket = TestSocket.connect(second.vertx(), secondApi.port(), bob)) {
      bobSocket.subscribe(room, null);
      String id = aliceSocket.sendMessage(room, "react to this").getString("id");
      assertEquals(id, bobSocket.nextOp("evt").getJsonObject("data").getString("id"));

      TestApi.expect(204, firstApi.call(io.vertx.core.http.HttpMethod.PUT,
          "/api/v1/rooms/" + room + "/messages/" + id + "/reactions/%F0%9F%8E%89", alice, null));

      JsonObject reaction = bobSocket.nextOp("evt");
      assertEquals("reaction.added", reaction.getString("type"));
      assertEquals(new JsonObject().put("id", id).put("emoji", "\uD83C\uDF89").put("user", alice.id()),
          reaction.getJsonObject("data"));
      JsonObject page = secondApi.history(bob, room, "after=0");
      assertEquals(new JsonObject().put("emoji", "\uD83C\uDF89").put("count", 1).put("me", false),
          page.getJsonArray("messages").getJsonObject(0).getJsonArray("reactions").getJsonObject(0));
    }
  }

  @Test
  void readingOnOneDeviceClearsTheBadgeOnTheOtherDeviceOnTheOtherNode() {
    try (TestSocket phone = TestSocket.connect(second.vertx(), secondApi.port(), bob);
         TestSocket aliceSocket = TestSocket.connect(first.vertx(), firstApi.port(), alice)) {
      sendMany(aliceSocket, 5, "unread");
      JsonObject before = secondApi.history(bob, room, "limit=1").getJsonArray("messages").getJsonObject(0);
      long last = before.getLong("seq");

      // The laptop, on node 1, reads the room; the phone, on node 2, follows no room at all.
      TestApi.expect(204, firstApi.call(HttpMethod.POST, "/api/v1/rooms/" + room + "/read", bob,
          new JsonObject().put("seq", last)));
      JsonObject notice = phone.nextEvent("read.updated");
      assertEquals("read.updated", notice.getString("type"));
      assertEquals(new JsonObject().put("room", room).put("seq", last).put("unread", 0).put("mentions", 0),
          notice.getJsonObject("data"));
      JsonObject seenFromPhone = TestApi.expect(200, secondApi.call(HttpMethod.GET, "/api/v1/rooms", bob, null))
          .getJsonArray("rooms").stream().map(JsonObject.class::cast)
          .filter(candidate -> room.equals(candidate.getString("id"))).findFirst().orElseThrow();
      assertEquals(0, seenFromPhone.getLong("unread"));
      assertEquals(last, seenFromPhone.getLong("lastRead"));
    }
  }

  @Test
  void typingOnOneNodeReachesAFollowerOnTheOtherAndSaysWhenItRunsOut() {
    try (TestSocket aliceSocket = TestSocket.connect(first.vertx(), firstApi.port(), alice);
         TestSocket bobSocket = TestSocket.connect(second.vertx(), secondApi.port(), bob)) {
      aliceSocket.subscribe(room, null);
      bobSocket.subscribe(room, null);
      aliceSocket.send(new JsonObject().put("op", "typing").put("room", room));
      JsonObject typing = bobSocket.nextOp("evt");
      assertEquals("typing", typing.getString("type"));
      assertEquals(alice.id(), typing.getJsonObject("data").getString("user"));
      assertEquals(6000, typing.getJsonObject("data").getLong("expiresIn"), "never stored: it runs out by itself");
    }
  }

  /** Sends {@code count} messages and waits for all their acks; returns their texts in order. */
  private List<String> sendMany(TestSocket socket, int count, String prefix) {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String text = prefix + " " + i;
      texts.add(text);
      socket.send(new JsonObject().put("op", "send").put("room", room).put("cid", prefix + "-" + i).put("text", text));
    }
    for (int i = 0; i < count; i++) {
      socket.nextOp("ack");
    }
    return texts;
  }
}
