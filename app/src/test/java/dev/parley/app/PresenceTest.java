package dev.parley.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Presence and read receipts across two clustered nodes (real Hazelcast on loopback, one PostgreSQL, one Redis):
 * what one node sees of a person is what the other tells, and only people who share a room learn anything.
 */
class PresenceTest {

  private static TestNodes nodes;
  private static TestNodes.Pair cluster;

  @BeforeAll
  static void startCluster() {
    nodes = new TestNodes();
    cluster = nodes.startPair();
  }

  @AfterAll
  static void stopCluster() {
    nodes.close();
  }

  @Test
  void presenceSetOnOneNodeIsSeenOnTheOtherByPeopleWhoShareARoomOnly() {
    TestApi.User alice = cluster.firstApi().register("Alice");
    TestApi.User bob = cluster.secondApi().register("Bob");
    TestApi.User carol = cluster.secondApi().register("Carol");
    String room = cluster.firstApi().createChannel(alice, "presence-" + UUID.randomUUID().toString().substring(0, 8));
    cluster.secondApi().join(bob, room);

    try (TestSocket bobSocket = TestSocket.connect(cluster.second().vertx(), cluster.secondApi().port(), bob);
         TestSocket carolSocket = TestSocket.connect(cluster.second().vertx(), cluster.secondApi().port(), carol)) {
      JsonObject watching = watch(bobSocket, alice, carol);
      assertEquals(List.of(presence(alice, "offline", "")), watching.getJsonArray("presence").getList(),
          "Bob learns about Alice (a shared room), not about Carol (none), and Alice is not connected yet");
      assertEquals(List.of(), watch(carolSocket, alice).getJsonArray("presence").getList(),
          "Carol shares no room with Alice: she is left out, as an id that does not exist would be");

      try (TestSocket aliceSocket = TestSocket.connect(cluster.first().vertx(), cluster.firstApi().port(), alice)) {
        assertEquals(presence(alice, "online", ""), bobSocket.nextEvent("presence").getJsonObject("data").getMap(),
            "Alice connected on node 1: Bob, on node 2, sees her online");

        JsonObject set = TestApi.expect(200, cluster.firstApi().call(HttpMethod.PUT, "/api/v1/presence", alice,
            new JsonObject().put("away", true).put("text", "In a meeting")));
        assertEquals("away", set.getString("status"));
        assertEquals(presence(alice, "away", "In a meeting"),
            bobSocket.nextEvent("presence").getJsonObject("data").getMap());

        TestApi.expect(200, cluster.firstApi().call(HttpMethod.PUT, "/api/v1/presence", alice,
            new JsonObject().put("away", false).put("text", "")));
        assertEquals(presence(alice, "online", ""), bobSocket.nextEvent("presence").getJsonObject("data").getMap());

        aliceSocket.send(new JsonObject().put("op", "activity").put("idle", true));
        assertEquals(presence(alice, "away", ""), bobSocket.nextEvent("presence").getJsonObject("data").getMap(),
            "her only device went idle: away");
        aliceSocket.send(new JsonObject().put("op", "activity").put("idle", false));
        assertEquals(presence(alice, "online", ""), bobSocket.nextEvent("presence").getJsonObject("data").getMap());

        JsonObject looked = TestApi.expect(200, cluster.secondApi().call(HttpMethod.GET,
            "/api/v1/presence?users=" + alice.id() + "," + carol.id(), bob, null));
        assertEquals(List.of(presence(alice, "online", "")), looked.getJsonArray("presence").getList());
        JsonObject outsider = TestApi.expect(200, cluster.secondApi().call(HttpMethod.GET,
            "/api/v1/presence?users=" + alice.id(), carol, null));
        assertEquals(List.of(), outsider.getJsonArray("presence").getList());

        // A second device: closing one of two leaves her online.
        try (TestSocket aliceLaptop = TestSocket.connect(cluster.second().vertx(), cluster.secondApi().port(), alice)) {
          aliceLaptop.hello();
        }
        aliceSocket.assertQuiet();
        JsonObject stillOnline = TestApi.expect(200, cluster.secondApi().call(HttpMethod.GET,
            "/api/v1/presence?users=" + alice.id(), bob, null));
        assertEquals("online", stillOnline.getJsonArray("presence").getJsonObject(0).getString("status"));
      }
      assertEquals(presence(alice, "offline", ""), bobSocket.nextEvent("presence").getJsonObject("data").getMap(),
          "her last connection closed: offline");
      carolSocket.assertQuiet();
    }
  }

  @Test
  void badPresenceInputGetsClearErrors() {
    TestApi.User alice = cluster.firstApi().register("Alice");
    try (TestSocket socket = TestSocket.connect(cluster.first().vertx(), cluster.firstApi().port(), alice)) {
      socket.send(new JsonObject().put("op", "watch").put("users", "everyone").put("ref", 1));
      assertEquals("invalid", socket.nextOp("err").getString("code"));
      JsonArray many = new JsonArray();
      for (int i = 0; i < 201; i++) {
        many.add(UUID.randomUUID().toString());
      }
      socket.send(new JsonObject().put("op", "watch").put("users", many).put("ref", 2));
      assertEquals("invalid", socket.nextOp("err").getString("code"));
      socket.send(new JsonObject().put("op", "activity").put("idle", "yes").put("ref", 3));
      assertEquals("invalid", socket.nextOp("err").getString("code"));
    }
    assertEquals(400, cluster.firstApi().call(HttpMethod.PUT, "/api/v1/presence", alice,
        new JsonObject().put("away", false).put("text", "x".repeat(101))).statusCode());
    assertEquals(400, cluster.firstApi().call(HttpMethod.PUT, "/api/v1/presence", alice,
        new JsonObject().put("text", "no away")).statusCode());
    assertEquals(400, cluster.firstApi().call(HttpMethod.GET, "/api/v1/presence?users=not-an-id", alice, null)
        .statusCode());
    assertEquals(400, cluster.firstApi().call(HttpMethod.GET, "/api/v1/presence", alice, null).statusCode());
  }

  @Test
  void readReceiptsInADmReachTheOtherMemberOnTheOtherNodeUnlessSwitchedOff() {
    TestApi.User alice = cluster.firstApi().register("Alice");
    TestApi.User bob = cluster.secondApi().register("Bob");
    String dm = cluster.firstApi().openDm(alice, bob);
    try (TestSocket aliceSocket = TestSocket.connect(cluster.first().vertx(), cluster.firstApi().port(), alice)) {
      aliceSocket.subscribe(dm, null);
      long first = aliceSocket.sendMessage(dm, "are you there?").getLong("seq");

      TestApi.expect(204, cluster.secondApi().call(HttpMethod.POST, "/api/v1/rooms/" + dm + "/read", bob,
          new JsonObject().put("seq", first)));
      JsonObject receipt = aliceSocket.nextEvent("receipt");
      assertEquals(dm, receipt.getString("room"));
      assertEquals(new JsonObject().put("user", bob.id()).put("seq", first), receipt.getJsonObject("data"));
      assertEquals(new JsonArray().add(new JsonObject().put("user", bob.id()).put("seq", first)),
          TestApi.expect(200, cluster.firstApi().call(HttpMethod.GET, "/api/v1/rooms/" + dm + "/receipts", alice, null))
              .getJsonArray("receipts"));

      // Bob keeps his reading to himself from now on.
      assertEquals(false, TestApi.expect(200, cluster.secondApi().call(HttpMethod.PUT, "/api/v1/me/read-receipts", bob,
          new JsonObject().put("enabled", false))).getBoolean("enabled"));
      assertEquals(false, TestApi.expect(200, cluster.secondApi().call(HttpMethod.GET, "/api/v1/me/read-receipts", bob,
          null)).getBoolean("enabled"));
      long second = aliceSocket.sendMessage(dm, "hello?").getLong("seq");
      aliceSocket.nextEvent("message");
      TestApi.expect(204, cluster.secondApi().call(HttpMethod.POST, "/api/v1/rooms/" + dm + "/read", bob,
          new JsonObject().put("seq", second)));
      aliceSocket.assertQuiet();
      assertEquals(new JsonArray(), TestApi.expect(200, cluster.firstApi().call(HttpMethod.GET,
          "/api/v1/rooms/" + dm + "/receipts", alice, null)).getJsonArray("receipts"));
    }
    String channel = cluster.firstApi().createChannel(alice,
        "no-receipts-" + UUID.randomUUID().toString().substring(0, 8));
    cluster.secondApi().join(bob, channel);
    assertEquals(new JsonArray(), TestApi.expect(200, cluster.firstApi().call(HttpMethod.GET,
        "/api/v1/rooms/" + channel + "/receipts", alice, null)).getJsonArray("receipts"),
        "channels have no receipts");
    assertEquals(400, cluster.secondApi().call(HttpMethod.PUT, "/api/v1/me/read-receipts", bob,
        new JsonObject().put("enabled", "off")).statusCode());
  }

  private static JsonObject watch(TestSocket socket, TestApi.User... people) {
    JsonArray ids = new JsonArray();
    for (TestApi.User person : people) {
      ids.add(person.id());
    }
    socket.send(new JsonObject().put("op", "watch").put("users", ids).put("ref", "w"));
    JsonObject watching = socket.nextOp("watching");
    assertEquals("w", watching.getString("ref"));
    assertTrue(watching.containsKey("presence"));
    return watching;
  }

  private static Map<String, Object> presence(TestApi.User user, String status, String text) {
    return new JsonObject().put("user", user.id()).put("status", status).put("text", text).getMap();
  }
}
