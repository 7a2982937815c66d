package dev.parley.app;

import static dev.parley.app.TestNodes.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.notify.NotificationVerticle;
import dev.parley.shared.notify.PushWork;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who a stored message notifies, case by case, as the outbox records it: one real node (gateway, room-verticle,
 * notification-verticle) on PostgreSQL and Redis. Where a case expects somebody NOT to be notified, the same message
 * also notifies a witness: the decision for a message is one statement, so once the witness's push is queued, the
 * absence of the other is final (no waiting for something not to happen).
 */
class NotificationDecisionTest {

  private TestNodes nodes;
  private ParleyNode node;
  private TestApi api;
  private Vertx vertx;
  private Pool db;
  private Redis redis;
  private TestApi.User alice;
  private TestApi.User bob;
  private TestApi.User carol;

  @BeforeEach
  void start() {
    nodes = new TestNodes();
    node = nodes.start(false, NotificationDecisionTest::withPolling);
    vertx = node.vertx();
    api = new TestApi(vertx, node.gateway().port());
    db = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(nodes.databaseUrl())).using(vertx).build();
    redis = Redis.createClient(vertx, TestServices.redisUrl());
    alice = api.register("Alice");
    bob = api.register("Bob");
    carol = api.register("Carol");
  }

  @AfterEach
  void stop() {
    await(db.close());
    redis.close();
    nodes.close();
  }

  @Test
  void aDirectMessageNotifiesTheOtherPersonNeverTheSender() {
    String dm = api.openDm(alice, bob);
    try (TestSocket aliceSocket = TestSocket.connect(vertx, api.port(), alice)) {
      String message = messageId(dm, aliceSocket.sendMessage(dm, "lunch?"));
      assertEquals(Map.of(bob.id(), "dm"), pushesFor(message, 1));
      PushWork push = PushWork.fromJson(payloadOf(message, bob));
      assertEquals("Alice", push.senderName());
      assertEquals("lunch?", push.text());
      assertEquals(dm, push.room());
      assertEquals(message, push.id());
      assertEquals(alice.id(), push.sender());
    }
  }

  @Test
  void aMentionNotifiesWhoIsNamedAndNobodyElseInTheChannel() {
    String room = channelOfAll("plans");
    TestApi.User dave = api.register("Dave");
    api.join(dave, room);
    try (TestSocket aliceSocket = TestSocket.connect(vertx, api.port(), alice)) {
      String message = messageId(room, aliceSocket.sendMessage(room, "@" + handle(bob) + " @" + handle(carol)
          + " can you look?"));
      assertEquals(Map.of(bob.id(), "mention", carol.id(), "mention"), pushesFor(message, 2));
      String plain = messageId(room, aliceSocket.sendMessage(room, "nothing for anyone"));
      String witness = messageId(room, aliceSocket.sendMessage(room, "@" + handle(carol) + " and you"));
      pushesFor(witness, 1);
      assertEquals(Map.of(), pushesFor(plain, 0), "a plain message in a channel notifies nobody by default");
    }
  }

  @Test
  void someoneLookingAtTheRoomIsNotNotifiedButIsOnceTheTabIsHiddenOrTheDeviceIdle() {
    String room = channelOfAll("looking");
    String mentionBoth = "@" + handle(bob) + " @" + handle(carol) + " look";
    try (TestSocket aliceSocket = TestSocket.connect(vertx, api.port(), alice);
         TestSocket bobSocket = TestSocket.connect(vertx, api.port(), bob)) {
      String device = bob.id() + " " + bobSocket.hello().getString("conn");
      bobSocket.send(new JsonObject().put("op", "looking").put("room", room));
      nodes.eventually(() -> lookingAt(room).contains(device), "Bob's device looks at the room");
      String seen = messageId(room, aliceSocket.sendMessage(room, mentionBoth));
      assertEquals(Map.of(carol.id(), "mention"), pushesFor(seen, 1), "Bob has it on screen");

      bobSocket.send(new JsonObject().put("op", "activity").put("idle", true));
      nodes.eventually(() -> !lookingAt(room).contains(device), "an idle device looks at nothing");
      String whileIdle = messageId(room, aliceSocket.sendMessage(room, mentionBoth));
      assertEquals(Map.of(bob.id(), "mention", carol.id(), "mention"), pushesFor(whileIdle, 2));

      bobSocket.send(new JsonObject().put("op", "activity").put("idle", false));
      nodes.eventually(() -> lookingAt(room).contains(device), "back at the screen, the room shows again");
      bobSocket.send(new JsonObject().put("op", "looking").putNull("room"));
      nodes.eventually(() -> !lookingAt(room).contains(device), "the tab is hidden");
      String hidden = messageId(room, aliceSocket.sendMessage(room, mentionBoth));
      assertEquals(Map.of(bob.id(), "mention", carol.id(), "mention"), pushesFor(hidden, 2));

      bobSocket.send(new JsonObject().put("op", "looking").put("room", room));
      nodes.eventually(() -> lookingAt(room).contains(device), "Bob looks again");
    }
    nodes.eventually(() -> lookingAt(room).isEmpty(), "a closed connection looks at nothing");
  }

  @Test
  void aMutedRoomOrOneSetToNothingNotifiesNobodyAndOneSetToAllNotifiesEveryMessage() {
    String room = channelOfAll("muted");
    TestApi.User dave = api.register("Dave");
    api.join(dave, room);
    roomSettings(room, bob, new JsonObject().put("mutedUntil", System.currentTimeMillis() + 3_600_000));
    roomSettings(room, dave, new JsonObject().put("level", "nothing"));
    roomSettings(room, carol, new JsonObject().put("level", "all"));
    try (TestSocket aliceSocket = TestSocket.connect(vertx, api.port(), alice)) {
      String mention = messageId(room, aliceSocket.sendMessage(room, "@" + handle(bob) + " @" + handle(dave)
          + " @" + handle(carol)));
      assertEquals(Map.of(carol.id(), "mention"), pushesFor(mention, 1), "Bob muted it, Dave wants nothing");
      String plain = messageId(room, aliceSocket.sendMessage(room, "just chatting"));
      assertEquals(Map.of(carol.id(), "all"), pushesFor(plain, 1));

      JsonObject unmuted = roomSettings(room, bob, new JsonObject().putNull("mutedUntil"));
      assertEquals(new JsonObject().put("level", "mentions").putNull("mutedUntil"), unmuted);
      String afterMute = messageId(room, aliceSocket.sendMessage(room, "@" + handle(bob)));
      assertEquals(Map.of(bob.id(), "mention", carol.id(), "all"), pushesFor(afterMute, 2), "the mute ran out");
    }
  }

  @Test
  void roomSettingsAreForMembersAndCheckedAndTheirOwnSettingsRoundTrip() {
    String secret = api.createRoom(alice, "settings-" + UUID.randomUUID().toString().substring(0, 6), "private");
    String path = "/api/v1/rooms/" + secret + "/notifications";
    assertEquals(new JsonObject().put("level", "mentions").putNull("mutedUntil"),
        TestApi.expect(200, api.call(HttpMethod.GET, path, alice, null)));
    TestApi.expect(404, api.call(HttpMethod.GET, path, bob, null));
    TestApi.expect(404, api.call(HttpMethod.PUT, path, bob, new JsonObject().put("level", "all")));
    TestApi.expect(404, api.call(HttpMethod.GET, "/api/v1/rooms/nope/notifications", bob, null));
    TestApi.expect(400, api.call(HttpMethod.PUT, path, alice, new JsonObject().put("level", "loud")));
    TestApi.expect(400, api.call(HttpMethod.PUT, path, alice, new JsonObject().put("mutedUntil", "tomorrow")));
    assertEquals(new JsonObject().put("level", "all").put("mutedUntil", 1_900_000_000_000L),
        roomSettings(secret, alice, new JsonObject().put("level", "all").put("mutedUntil", 1_900_000_000_000L)));
    assertEquals(0, count("SELECT count(*) FROM notification_room_prefs WHERE user_id = $1", bob));

    assertEquals(new JsonObject().put("email", true).putNull("doNotDisturb"),
        TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/me/notifications", bob, null)));
    JsonObject window = new JsonObject().put("start", "22:00").put("end", "07:30").put("timeZone", "Europe/Paris");
    assertEquals(new JsonObject().put("email", false).put("doNotDisturb", window),
        TestApi.expect(200, api.call(HttpMethod.PUT, "/api/v1/me/notifications", bob,
            new JsonObject().put("email", false).put("doNotDisturb", window))));
    assertEquals(new JsonObject().put("email", false).putNull("doNotDisturb"),
        TestApi.expect(200, api.call(HttpMethod.PUT, "/api/v1/me/notifications", bob,
            new JsonObject().putNull("doNotDisturb"))));
    for (JsonObject bad : List.of(new JsonObject().put("email", "yes"),
        new JsonObject().put("doNotDisturb", window.copy().put("start", "25:00")),
        new JsonObject().put("doNotDisturb", window.copy().put("timeZone", "Mars/Olympus")),
        new JsonObject().put("doNotDisturb", "always"))) {
      TestApi.expect(400, api.call(HttpMethod.PUT, "/api/v1/me/notifications", bob, bad));
    }
  }

  @Test
  void doNotDisturbHoldsPushesBackUntilItEndsThenOneSummaryTellsThem() {
    String dm = api.openDm(alice, bob);
    LocalTime now = LocalTime.now(ZoneOffset.UTC);
    DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
    JsonObject window = new JsonObject().put("start", now.minusHours(1).format(hhmm))
        .put("end", now.plusHours(1).format(hhmm)).put("timeZone", "UTC");
    TestApi.expect(200, api.call(HttpMethod.PUT, "/api/v1/me/notifications", bob,
        new JsonObject().put("doNotDisturb", window)));
    try (TestSocket aliceSocket = TestSocket.connect(vertx, api.port(), alice)) {
      String first = messageId(dm, aliceSocket.sendMessage(dm, "one"));
      String second = messageId(dm, aliceSocket.sendMessage(dm, "two"));
      nodes.eventually(() -> summary(bob).getJsonArray("messages").size() == 2, "both held in one summary");
      assertEquals(Set.of(first, second), summary(bob).getJsonArray("messages").stream().map(String.class::cast)
          .collect(Collectors.toSet()), "each held message named once");
      assertEquals(Map.of(), pushesFor(first, 0), "no push while in do not disturb");
      long dueIn = count("SELECT floor(extract(epoch FROM due_at - now()))::bigint FROM notification_outbox"
          + " WHERE kind = 'summary' AND user_id = $1", bob);
      assertTrue(dueIn > 3_000 && dueIn <= 3_600, "due when the window ends, in about an hour: " + dueIn + " s");

      // The window ends (the test moves the summary's due time instead of waiting an hour).
      await(db.preparedQuery("UPDATE notification_outbox SET due_at = now() WHERE kind = 'summary' AND user_id = $1")
          .execute(Tuple.of(UUID.fromString(bob.id()))));
      nodes.eventually(() -> count("SELECT count(*) FROM notification_outbox WHERE kind = 'summary'"
          + " AND outcome = 'done' AND attempts = 1 AND user_id = $1", bob) == 1, "one summary, handled once");
    }
  }

  @Test
  void channelMentionsNotifyTheWholeRoomOnlyWhereTheRoomAllowsThem() {
    String open = channelOfAll("everyone");
    String quiet = channelOfAll("quiet");
    TestApi.expect(200, api.call(HttpMethod.PATCH, "/api/v1/rooms/" + quiet, alice,
        new JsonObject().put("allowChannelMentions", false)));
    try (TestSocket aliceSocket = TestSocket.connect(vertx, api.port(), alice)) {
      String called = messageId(open, aliceSocket.sendMessage(open, "@channel standup"));
      assertEquals(Map.of(bob.id(), "channel", carol.id(), "channel"), pushesFor(called, 2));
      String refused = messageId(quiet, aliceSocket.sendMessage(quiet, "@channel standup @" + handle(carol)));
      assertEquals(Map.of(carol.id(), "mention"), pushesFor(refused, 1), "@channel calls nobody here");
    }
  }

  @Test
  void aPrivateRoomsMessageNeverNotifiesSomeoneOutsideIt() {
    String secret = api.createRoom(alice, "secret", "private");
    TestApi.expect(200, api.call(HttpMethod.POST, "/api/v1/rooms/" + secret + "/members", alice,
        new JsonObject().put("user", carol.id())));
    try (TestSocket aliceSocket = TestSocket.connect(vertx, api.port(), alice)) {
      String message = messageId(secret, aliceSocket.sendMessage(secret, "@" + handle(bob) + " @" + handle(carol)
          + " @channel"));
      assertEquals(Map.of(carol.id(), "mention"), pushesFor(message, 1));
    }
  }

  @Test
  void aReplyNotifiesTheFollowersOfItsThread() {
    String room = channelOfAll("threads");
    try (TestSocket bobSocket = TestSocket.connect(vertx, api.port(), bob);
         TestSocket aliceSocket = TestSocket.connect(vertx, api.port(), alice)) {
      String root = messageId(room, bobSocket.sendMessage(room, "a question"));
      String cid = UUID.randomUUID().toString();
      aliceSocket.send(new JsonObject().put("op", "send").put("room", room).put("cid", cid).put("text", "an answer")
          .put("thread", root));
      String reply = messageId(room, aliceSocket.nextOp("ack"));
      assertEquals(Map.of(bob.id(), "thread"), pushesFor(reply, 1), "the root's author follows it");
    }
  }

  @Test
  void twoInstancesDecideEachPushOnceAndWorkLeftByAStoppedOneIsTakenOver() {
    await(vertx.deployVerticle(new NotificationVerticle(), new DeploymentOptions().setConfig(
        withPolling(nodes.config(false)))));
    String dm = api.openDm(alice, bob);
    try (TestSocket aliceSocket = TestSocket.connect(vertx, api.port(), alice)) {
      for (int i = 0; i < 30; i++) {
        aliceSocket.sendMessage(dm, "message " + i);
      }
    }
    nodes.eventually(() -> count("SELECT count(*) FROM notification_outbox WHERE kind = 'push' AND outcome = 'done'"
        + " AND user_id = $1", bob) == 30, "thirty pushes decided");
    assertEquals(30, count("SELECT count(*) FROM notification_outbox WHERE kind = 'push' AND user_id = $1", bob),
        "each decided once although both instances heard every message");
    assertEquals(30, count("SELECT count(*) FROM notification_outbox WHERE kind = 'push' AND user_id = $1"
        + " AND attempts = 0", bob), "a decision is a record, no instance's work (Bob has no device to push to)");

    // A push decided by an older version, which left the fan-out to its devices for later, is still handled.
    JsonObject leftBehind = new PushWork(dm, "", "dm", 1, UUID.randomUUID().toString(), alice.id(), "Alice",
        "left behind", null, PushWork.DM, System.currentTimeMillis()).toJson();
    await(db.preparedQuery("""
        INSERT INTO notification_outbox (kind, user_id, dedupe_key, payload, claimed_by, claimed_until, attempts)
        VALUES ('push', $1, 'left-behind', $2, 'a-stopped-instance', now() + interval '1 second', 1)""")
        .execute(Tuple.of(UUID.fromString(bob.id()), leftBehind)));
    nodes.eventually(() -> count("SELECT count(*) FROM notification_outbox WHERE dedupe_key = 'left-behind'"
        + " AND outcome = 'done' AND attempts = 2 AND user_id = $1", bob) == 1,
        "work claimed by an instance that stopped is taken over once its lease runs out");
  }

  /** A public channel of Alice's that Bob and Carol joined. */
  private String channelOfAll(String name) {
    String room = api.createChannel(alice, name + "-" + UUID.randomUUID().toString().substring(0, 8));
    api.join(bob, room);
    api.join(carol, room);
    return room;
  }

  /** Looking for due work every 50 ms rather than every second. */
  private static JsonObject withPolling(JsonObject config) {
    config.getJsonObject("notify").put("pollMillis", 50);
    return config;
  }

  private static String messageId(String room, JsonObject ack) {
    assertEquals("ack", ack.getString("op"), ack.encode());
    return ack.getString("id");
  }

  /** The pushes queued for a message (person to reason), once {@code expected} of them are there. */
  private Map<String, String> pushesFor(String message, int expected) {
    nodes.eventually(() -> rows(message).size() >= expected, expected + " push(es) for " + message);
    Map<String, String> pushes = new HashMap<>();
    for (Row row : rows(message)) {
      pushes.put(row.getUUID("user_id").toString(), PushWork.fromJson(row.getJsonObject("payload")).reason());
    }
    return pushes;
  }

  private List<Row> rows(String message) {
    List<Row> rows = new ArrayList<>();
    await(db.preparedQuery("SELECT user_id, payload FROM notification_outbox WHERE kind = 'push' AND dedupe_key LIKE $1")
        .execute(Tuple.of("push:" + message + ":%"))).forEach(rows::add);
    return rows;
  }

  private JsonObject payloadOf(String message, TestApi.User user) {
    return await(db.preparedQuery("SELECT payload FROM notification_outbox WHERE dedupe_key = $1")
        .execute(Tuple.of("push:" + message + ":" + user.id()))).iterator().next().getJsonObject("payload");
  }

  private JsonObject roomSettings(String room, TestApi.User user, JsonObject change) {
    return TestApi.expect(200, api.call(HttpMethod.PUT, "/api/v1/rooms/" + room + "/notifications", user, change));
  }

  private JsonObject summary(TestApi.User user) {
    var rows = await(db.preparedQuery("SELECT payload FROM notification_outbox WHERE kind = 'summary' AND user_id = $1")
        .execute(Tuple.of(UUID.fromString(user.id()))));
    return rows.size() == 0 ? new JsonObject().put("messages", new JsonArray())
        : rows.iterator().next().getJsonObject("payload");
  }

  private long count(String sql, TestApi.User user) {
    return await(db.preparedQuery(sql).execute(Tuple.of(UUID.fromString(user.id())))).iterator().next().getLong(0);
  }

  private Set<String> lookingAt(String room) {
    Response members = await(RedisAPI.api(redis).smembers("parley:presence:looking:" + room));
    Set<String> devices = new HashSet<>();
    members.forEach(member -> devices.add(member.toString()));
    return devices;
  }

  private String handle(TestApi.User user) {
    return TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/users/" + user.id(), user, null))
        .getJsonObject("user").getString("handle");
  }
}
