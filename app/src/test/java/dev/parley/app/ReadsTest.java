package dev.parley.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Read state, mentions and the newcomer's first steps, through the HTTP and WebSocket API of a running node on real
 * PostgreSQL and Redis: counts after a thousand messages with mentions mixed in, read markers that only move forward,
 * mentions that reach only people who can read the room, default channels and channel names a person can tell apart.
 */
class ReadsTest {

  private TestNodes nodes;
  private Vertx vertx;
  private TestApi api;

  private void start(List<String> defaultChannels) {
    nodes = new TestNodes();
    ParleyNode node = nodes.start(false, config -> config.put("workspace",
        new JsonObject().put("defaultChannels", new JsonArray(defaultChannels))));
    vertx = node.vertx();
    api = new TestApi(vertx, node.gateway().port());
  }

  @AfterEach
  void stop() {
    if (nodes != null) {
      nodes.close();
    }
  }

  /** One stored message, as the test remembers it to work out the counts it expects. */
  private record Sent(long seq, String sender, boolean namesBob, boolean callsEveryone) {
  }

  @Test
  void unreadAndMentionCountsStayRightOverAThousandMessagesAndFollowTheReadMarker() {
    start(List.of());
    api.register("Owner");
    TestApi.User alice = api.register("Alice");
    TestApi.User bob = api.register("Bob");
    TestApi.User carol = api.register("Carol");
    String room = api.createChannel(alice, "reading-room");
    api.join(bob, room);
    api.join(carol, room);
    String bobHandle = handle(bob);

    List<Sent> sent = new ArrayList<>();
    try (TestSocket aliceSocket = TestSocket.connect(vertx, api.port(), alice);
         TestSocket bobSocket = TestSocket.connect(vertx, api.port(), bob)) {
      // A thousand messages from Alice, sent 200 at a time without waiting for each ack (a connection may have 256
      // waiting): every tenth names Bob, some call the room with @channel, and a few both name Bob and say @here.
      Map<String, Integer> byCid = new HashMap<>();
      long[] seqs = new long[1001];
      for (int i = 1; i <= 1000; i++) {
        StringBuilder text = new StringBuilder("message " + i);
        if (i % 10 == 0) {
          text.append(" @").append(bobHandle);
        }
        if (i % 50 == 25) {
          text.append(" @channel");
        }
        if (i % 250 == 0) {
          text.append(" @here");
        }
        String cid = "c" + i;
        byCid.put(cid, i);
        aliceSocket.send(new JsonObject().put("op", "send").put("room", room).put("cid", cid)
            .put("text", text.toString()));
        if (i % 200 == 0) {
          for (int n = 0; n < 200; n++) {
            JsonObject ack = aliceSocket.nextOp("ack");
            seqs[byCid.get(ack.getString("cid"))] = ack.getLong("seq");
          }
        }
      }
      for (int i = 1; i <= 1000; i++) {
        sent.add(new Sent(seqs[i], alice.id(), i % 10 == 0, i % 50 == 25 || i % 250 == 0));
      }
      sent.sort((a, b) -> Long.compare(a.seq(), b.seq()));
      // Bob writes too: his own messages are never unread to him.
      for (int i = 0; i < 3; i++) {
        sent.add(new Sent(bobSocket.sendMessage(room, "bob here " + i).getLong("seq"), bob.id(), false, false));
      }
    }

    long joinedAt = roomOf(bob, room).getLong("lastRead");
    assertCounts(bob, room, sent, joinedAt);
    assertCounts(carol, room, sent, roomOf(carol, room).getLong("lastRead"));
    assertCounts(alice, room, sent, roomOf(alice, room).getLong("lastRead"));
    assertEquals(1000, roomOf(bob, room).getLong("unread"));
    assertEquals(120, roomOf(bob, room).getLong("mentions"), "100 by name, 20 @channel, 4 @here that also name him");
    assertEquals(1003, roomOf(carol, room).getLong("unread"));
    assertEquals(24, roomOf(carol, room).getLong("mentions"));
    assertEquals(0, roomOf(alice, room).getLong("mentions"), "calling the room does not call oneself");

    // The marker moves forward in steps, counted on whichever side of it is shorter; the counts follow.
    for (int index : new int[] {9, 499, 500, 989, 1001, 1002}) {
      long seq = sent.get(index).seq();
      TestApi.expect(204, markRead(bob, room, seq));
      assertCounts(bob, room, sent, seq);
    }
    assertEquals(0, roomOf(bob, room).getLong("unread"));
    assertEquals(0, roomOf(bob, room).getLong("mentions"));
    assertEquals(1003, roomOf(carol, room).getLong("unread"), "Bob's reading is his own");

    // The mentions list: newest first, a page at a time, each message once however it mentions him.
    List<Long> listed = new ArrayList<>();
    Long before = null;
    boolean more;
    do {
      JsonObject page = TestApi.expect(200, api.call(HttpMethod.GET,
          "/api/v1/mentions?limit=50" + (before == null ? "" : "&before=" + before), bob, null));
      JsonArray messages = page.getJsonArray("messages");
      for (int i = 0; i < messages.size(); i++) {
        JsonObject message = messages.getJsonObject(i);
        assertEquals(room, message.getString("room"));
        listed.add(message.getLong("seq"));
        before = message.getLong("ts");
      }
      more = page.getBoolean("more");
    } while (more);
    List<Long> expected = sent.stream().filter(s -> s.namesBob() || s.callsEveryone()).map(Sent::seq)
        .sorted((a, b) -> Long.compare(b, a)).toList();
    assertEquals(expected.size(), listed.size(), "every mention once");
    assertEquals(expected, listed, "newest first");

    // History says whom each message mentions.
    JsonObject named = api.history(bob, room, "after=" + (sent.get(9).seq() - 1) + "&limit=1")
        .getJsonArray("messages").getJsonObject(0);
    assertEquals(new JsonArray().add(bob.id()), named.getJsonArray("mentions"));
    JsonObject everyone = api.history(bob, room, "after=" + (sent.get(24).seq() - 1) + "&limit=1")
        .getJsonArray("messages").getJsonObject(0);
    assertTrue(everyone.getBoolean("mentionsChannel"));
    assertNull(everyone.getJsonArray("mentions"), "nobody by name");

    // Deleting a message withdraws its mention from Carol's count.
    long carolsBefore = roomOf(carol, room).getLong("mentions");
    JsonObject withdrawn = api.history(alice, room, "after=" + (sent.get(24).seq() - 1) + "&limit=1")
        .getJsonArray("messages").getJsonObject(0);
    TestApi.expect(204, api.call(HttpMethod.DELETE, "/api/v1/rooms/" + room + "/messages/"
        + withdrawn.getString("id"), alice, null));
    assertEquals(carolsBefore - 1, roomOf(carol, room).getLong("mentions"));
  }

  /** What GET /api/v1/rooms says of the room for this reader, against what the messages sent make it. */
  private void assertCounts(TestApi.User reader, String room, List<Sent> sent, long readSeq) {
    JsonObject seen = roomOf(reader, room);
    long unread = sent.stream().filter(s -> s.seq() > readSeq && !s.sender().equals(reader.id())).count();
    long mentions = sent.stream().filter(s -> s.seq() > readSeq && !s.sender().equals(reader.id())
        && ((s.namesBob() && reader.name().equals("Bob")) || s.callsEveryone())).count();
    assertEquals(readSeq, seen.getLong("lastRead"), reader.name() + "'s marker");
    assertEquals(unread, seen.getLong("unread"), reader.name() + "'s unread after " + readSeq);
    assertEquals(mentions, seen.getLong("mentions"), reader.name() + "'s mentions after " + readSeq);
  }

  @Test
  void aReadMarkerNeverGoesPastTheLastSeqNorBack() {
    Pair pair = aliceAndBobIn("markers");
    TestApi.User alice = pair.alice();
    TestApi.User bob = pair.bob();
    String room = pair.room();
    long last;
    try (TestSocket aliceSocket = TestSocket.connect(vertx, api.port(), alice);
         TestSocket bobSocket = TestSocket.connect(vertx, api.port(), bob)) {
      aliceSocket.sendMessage(room, "one");
      last = aliceSocket.sendMessage(room, "two").getLong("seq");

      JsonObject beyond = TestApi.expect(400, markRead(bob, room, last + 1));
      assertEquals("invalid", beyond.getJsonObject("error").getString("code"));
      TestApi.expect(400, markRead(bob, room, -1));
      assertEquals(2, roomOf(bob, room).getLong("unread"), "nothing moved");

      TestApi.expect(204, markRead(bob, room, last));
      JsonObject notice = bobSocket.nextOp("evt");
      assertEquals("read.updated", notice.getString("type"));
      assertEquals(new JsonObject().put("room", room).put("seq", last).put("unread", 0).put("mentions", 0),
          notice.getJsonObject("data"));

      TestApi.expect(204, markRead(bob, room, last - 1));
      assertEquals(last, roomOf(bob, room).getLong("lastRead"), "going back is a no-op");
      bobSocket.assertQuiet();
    }
  }

  @Test
  void aMentionOfSomeoneWhoCannotReadTheRoomTellsThemNothing() {
    start(List.of());
    api.register("Owner");
    TestApi.User alice = api.register("Alice");
    TestApi.User dave = api.register("Dave");
    String secret = api.createRoom(alice, "secret-plans", "private");
    String channel = api.createChannel(alice, "open-plans");
    try (TestSocket aliceSocket = TestSocket.connect(vertx, api.port(), alice)) {
      aliceSocket.subscribe(secret, null);
      aliceSocket.sendMessage(secret, "don't tell @" + handle(dave));
      JsonObject event = aliceSocket.nextOp("evt");
      assertNull(event.getJsonObject("data").getJsonArray("mentions"), "an outsider of a private room is nobody here");
      aliceSocket.sendMessage(channel, "@" + handle(dave) + " is not in this channel either");
    }
    TestApi.expect(200, api.call(HttpMethod.POST, "/api/v1/rooms/" + secret + "/members", alice,
        new JsonObject().put("user", dave.id())));
    api.join(dave, channel);
    assertTrue(TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/mentions", dave, null))
        .getJsonArray("messages").isEmpty(), "not even after joining");
    assertEquals(0, roomOf(dave, secret).getLong("mentions"));
    assertEquals(0, roomOf(dave, channel).getLong("mentions"));
  }

  @Test
  void threadRepliesDoNotMakeTheChannelUnreadUnlessAlsoSentToIt() {
    Pair pair = aliceAndBobIn("threads-and-badges");
    String room = pair.room();
    try (TestSocket aliceSocket = TestSocket.connect(vertx, api.port(), pair.alice())) {
      JsonObject root = aliceSocket.sendMessage(room, "a question for a thread");
      TestApi.expect(204, api.call(HttpMethod.POST, "/api/v1/rooms/" + room + "/read", pair.bob(),
          new JsonObject().put("seq", root.getLong("seq"))));
      aliceSocket.send(new JsonObject().put("op", "send").put("room", room).put("cid", "reply-1")
          .put("text", "an answer in the thread").put("thread", root.getString("id")));
      assertEquals("reply-1", aliceSocket.nextOp("ack").getString("cid"));
      assertEquals(0, roomOf(pair.bob(), room).getLong("unread"), "a reply is read in its thread");
      aliceSocket.send(new JsonObject().put("op", "send").put("room", room).put("cid", "reply-2")
          .put("text", "this one for everyone").put("thread", root.getString("id")).put("alsoInChannel", true));
      JsonObject shown = aliceSocket.nextOp("ack");
      assertEquals(1, roomOf(pair.bob(), room).getLong("unread"), "a reply also sent to the channel is shown in it");
      TestApi.expect(204, api.call(HttpMethod.POST, "/api/v1/rooms/" + room + "/read", pair.bob(),
          new JsonObject().put("seq", shown.getLong("seq"))));
      assertEquals(0, roomOf(pair.bob(), room).getLong("unread"));
    }
  }

  @Test
  void anEditThatNamesSomeoneElseMovesTheMention() {
    start(List.of());
    api.register("Owner");
    TestApi.User alice = api.register("Alice");
    TestApi.User bob = api.register("Bob");
    TestApi.User carol = api.register("Carol");
    String room = api.createChannel(alice, "renamed-mentions");
    api.join(bob, room);
    api.join(carol, room);
    String message;
    try (TestSocket aliceSocket = TestSocket.connect(vertx, api.port(), alice)) {
      message = aliceSocket.sendMessage(room, "@" + handle(bob) + " can you look?").getString("id");
    }
    assertEquals(1, roomOf(bob, room).getLong("mentions"));
    JsonObject edited = TestApi.expect(200, api.call(HttpMethod.PATCH, "/api/v1/rooms/" + room + "/messages/"
        + message, alice, new JsonObject().put("text", "@" + handle(carol) + " can you look?")));
    assertEquals(List.of(carol.id()), edited.getJsonObject("message").getJsonArray("mentions").getList());
    assertEquals(0, roomOf(bob, room).getLong("mentions"), "the edit no longer names Bob");
    assertTrue(TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/mentions", bob, null))
        .getJsonArray("messages").isEmpty());
    assertEquals(1, roomOf(carol, room).getLong("mentions"), "it names Carol now");
    assertEquals(message, TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/mentions", carol, null))
        .getJsonArray("messages").getJsonObject(0).getString("id"));
  }

  @Test
  void roomAdminsMayKeepChannelMentionsFromCallingEveryone() {
    Pair pair = aliceAndBobIn("quiet-please");
    TestApi.User alice = pair.alice();
    TestApi.User bob = pair.bob();
    String room = pair.room();
    JsonObject refused = TestApi.expect(403, api.call(HttpMethod.PATCH, "/api/v1/rooms/" + room, bob,
        new JsonObject().put("allowChannelMentions", false)));
    assertEquals("forbidden", refused.getJsonObject("error").getString("code"));
    JsonObject changed = TestApi.expect(200, api.call(HttpMethod.PATCH, "/api/v1/rooms/" + room, alice,
        new JsonObject().put("allowChannelMentions", false)));
    assertFalse(changed.getJsonObject("room").getBoolean("allowChannelMentions"));
    try (TestSocket bobSocket = TestSocket.connect(vertx, api.port(), bob)) {
      bobSocket.subscribe(room, null);
      JsonObject ack = bobSocket.sendMessage(room, "@channel lunch?");
      JsonObject event = bobSocket.nextOp("evt");
      assertEquals(ack.getLong("seq"), event.getLong("seq"));
      assertNull(event.getJsonObject("data").getBoolean("mentionsChannel"), "stored, calling nobody");
    }
    assertEquals(0, roomOf(alice, room).getLong("mentions"));
    assertEquals(1, roomOf(alice, room).getLong("unread"));
  }

  @Test
  void aNewcomerFindsTheDefaultChannelsAndChannelNamesCanBeToldApart() {
    start(List.of("general", "Random Chat"));
    TestApi.User owner = api.register("Olivia");
    assertEquals(List.of("general:owner", "random-chat:owner"), sidebar(owner),
        "the first owner's workspace starts with its default channels");
    TestApi.User newcomer = api.register("Nina");
    assertEquals(List.of("general:member", "random-chat:member"), sidebar(newcomer),
        "a newcomer's sidebar is not empty");

    JsonObject taken = TestApi.expect(409, api.call(HttpMethod.POST, "/api/v1/rooms", newcomer,
        new JsonObject().put("name", " General ").put("kind", "channel")));
    assertEquals("conflict", taken.getJsonObject("error").getString("code"));
    TestApi.expect(409, api.call(HttpMethod.POST, "/api/v1/rooms", newcomer,
        new JsonObject().put("name", "#general").put("kind", "private")));
    JsonObject club = TestApi.expect(201, api.call(HttpMethod.POST, "/api/v1/rooms", newcomer,
        new JsonObject().put("name", "Book  Club").put("kind", "channel"))).getJsonObject("room");
    assertEquals("book-club", club.getString("name"), "lower case, no spaces");
    TestApi.expect(409, api.call(HttpMethod.PATCH, "/api/v1/rooms/" + club.getString("id"), newcomer,
        new JsonObject().put("name", "GENERAL")));
    JsonObject renamed = TestApi.expect(200, api.call(HttpMethod.PATCH, "/api/v1/rooms/" + club.getString("id"),
        newcomer, new JsonObject().put("name", "Reading Circle")));
    assertEquals("reading-circle", renamed.getJsonObject("room").getString("name"));
    TestApi.expect(400, api.call(HttpMethod.POST, "/api/v1/rooms", newcomer,
        new JsonObject().put("name", "# - #").put("kind", "channel")));
    String dm = api.openDm(newcomer, owner);
    assertTrue(sidebar(newcomer).contains("Nina, Olivia:member"), "conversations keep their people's names: " + dm);
  }

  /** Alice and Bob, plain members of the workspace (someone else owns it), in Alice's new channel. */
  private record Pair(TestApi.User alice, TestApi.User bob, String room) {
  }

  private Pair aliceAndBobIn(String channel) {
    start(List.of());
    api.register("Owner");
    TestApi.User alice = api.register("Alice");
    TestApi.User bob = api.register("Bob");
    String room = api.createChannel(alice, channel);
    api.join(bob, room);
    return new Pair(alice, bob, room);
  }

  private HttpResponse<Buffer> markRead(TestApi.User reader, String room, long seq) {
    return api.call(HttpMethod.POST, "/api/v1/rooms/" + room + "/read", reader, new JsonObject().put("seq", seq));
  }

  @Test
  void nobodyIsCalledChannelOrHere() {
    start(List.of());
    TestApi.User here = api.register("Here");
    assertFalse(handle(here).equals("here"), "a mention of this person must not call the room");
    JsonObject refused = TestApi.expect(400, api.call(HttpMethod.PATCH, "/api/v1/me", here,
        new JsonObject().put("handle", "@Channel")));
    assertEquals("invalid", refused.getJsonObject("error").getString("code"));
  }

  /** The reader's rooms as name:role, in the list's order. */
  private List<String> sidebar(TestApi.User user) {
    return TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/rooms", user, null)).getJsonArray("rooms").stream()
        .map(JsonObject.class::cast).map(room -> room.getString("name") + ":" + room.getString("role")).toList();
  }

  private JsonObject roomOf(TestApi.User user, String room) {
    return TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/rooms", user, null)).getJsonArray("rooms").stream()
        .map(JsonObject.class::cast).filter(candidate -> room.equals(candidate.getString("id"))).findFirst()
        .orElseThrow(() -> new AssertionError(user.name() + " is not in " + room));
  }

  private String handle(TestApi.User user) {
    return TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/users/" + user.id(), user, null))
        .getJsonObject("user").getString("handle");
  }
}
