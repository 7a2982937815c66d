package dev.parley.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DMs, invites and moderation as people use them, on one node with real PostgreSQL and Redis. */
class ConversationsTest {

  private static TestNodes nodes;
  private static Vertx vertx;
  private static TestApi api;
  private static TestApi.User owner;

  @BeforeAll
  static void start() {
    nodes = new TestNodes();
    ParleyNode node = nodes.start(false);
    vertx = node.vertx();
    api = new TestApi(vertx, node.gateway().port());
    api.register("Founder");
    owner = api.register("Olivia");
  }

  @AfterAll
  static void stop() {
    nodes.close();
  }

  @Test
  void aPairHasOneDmAndAGroupDmIsOneRoomPerSetOfPeople() {
    TestApi.User ann = api.register("Ann");
    TestApi.User ben = api.register("Ben");
    TestApi.User cat = api.register("Cat");
    var first = api.call(HttpMethod.POST, "/api/v1/dms", ann, new JsonObject().put("users", new JsonArray().add(ben.id())));
    assertEquals(201, first.statusCode());
    String dm = first.bodyAsJsonObject().getJsonObject("room").getString("id");
    assertEquals("dm", first.bodyAsJsonObject().getJsonObject("room").getString("kind"));
    assertEquals(dm, api.openDm(ben, ann), "the other person gets the same DM");
    String group = api.openDm(ann, ben, cat);
    assertNotEquals(dm, group);
    assertEquals(group, api.openDm(cat, ann, ben), "the same set of people, the same group");
    TestApi.expect(200, api.call(HttpMethod.PATCH, "/api/v1/me", ben, new JsonObject().put("name", "Benedict")));
    JsonObject annsDm = TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/rooms", ann, null))
        .getJsonArray("rooms").stream().map(JsonObject.class::cast)
        .filter(candidate -> candidate.getString("id").equals(dm)).findFirst().orElseThrow();
    assertEquals("Ann, Benedict", annsDm.getString("name"), "a DM is named by its people as they are called now");
    TestApi.expect(400, api.call(HttpMethod.POST, "/api/v1/dms", ann, new JsonObject().put("users",
        new JsonArray().add(ann.id()))));
    TestApi.expect(404, api.call(HttpMethod.POST, "/api/v1/dms", ann, new JsonObject().put("users",
        new JsonArray().add(UUID.randomUUID().toString()))));
    JsonArray tooMany = new JsonArray();
    for (int i = 0; i < 9; i++) {
      tooMany.add(api.register("Extra" + i).id());
    }
    TestApi.expect(400, api.call(HttpMethod.POST, "/api/v1/dms", ann, new JsonObject().put("users", tooMany)));
  }

  @Test
  void someoneWhoLeftADmIsBackInWhenTheyOpenItAgain() {
    TestApi.User dan = api.register("Dan");
    TestApi.User eve = api.register("Eve");
    String dm = api.openDm(dan, eve);
    TestApi.expect(204, api.call(HttpMethod.DELETE, "/api/v1/rooms/" + dm + "/members/" + dan.id(), dan, null));
    TestApi.expect(404, api.call(HttpMethod.GET, "/api/v1/rooms/" + dm + "/messages", dan, null));
    assertEquals(dm, api.openDm(dan, eve), "the pair keeps its one DM");
    TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/rooms/" + dm + "/messages", dan, null));
  }

  @Test
  void actionsOnPeopleInAHiddenRoomAnswerLikeNoRoomAtAll() {
    String hidden = api.createRoom(owner, "hidden-" + UUID.randomUUID().toString().substring(0, 6), "private");
    TestApi.User nosy = api.register("Nosy");
    JsonObject noRoom = TestApi.expect(404, api.call(HttpMethod.POST, "/api/v1/rooms/" + UUID.randomUUID() + "/bans",
        nosy, new JsonObject().put("user", "nobody")));
    for (String target : List.of("nobody", UUID.randomUUID().toString(), owner.id())) {
      assertEquals(noRoom, TestApi.expect(404, api.call(HttpMethod.POST, "/api/v1/rooms/" + hidden + "/bans", nosy,
          new JsonObject().put("user", target))));
      assertEquals(noRoom, TestApi.expect(404, api.call(HttpMethod.DELETE, "/api/v1/rooms/" + hidden + "/members/"
          + target, nosy, null)));
    }
  }

  @Test
  void aSingleUseLinkRacedByTwentyPeopleLetsExactlyOneIn() {
    String room = api.createRoom(owner, "race-" + UUID.randomUUID().toString().substring(0, 6), "private");
    JsonObject invite = createInvite(room, new JsonObject().put("maxUses", 1));
    assertTrue(invite.getString("url").endsWith("/invite/" + invite.getString("token")));
    assertTrue(invite.getString("token").length() >= 22, "at least 128 random bits");
    List<TestApi.User> racers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      racers.add(api.register("Racer" + i));
    }
    WebClient client = WebClient.create(vertx);
    List<Future<HttpResponse<Buffer>>> accepts = new ArrayList<>();
    for (TestApi.User racer : racers) {
      accepts.add(client.post(api.port(), "127.0.0.1", "/api/v1/invites/" + invite.getString("token") + "/accept")
          .bearerTokenAuthentication(racer.accessToken()).send());
    }
    TestNodes.await(Future.join(accepts));
    long admitted = accepts.stream().filter(accept -> accept.result().statusCode() == 200).count();
    long gone = accepts.stream().filter(accept -> accept.result().statusCode() == 410).count();
    assertEquals(1, admitted, "exactly one gets in");
    assertEquals(19, gone, "everyone else is told the link is used up");
    JsonArray members = TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/rooms/" + room + "/members", owner,
        null)).getJsonArray("members");
    assertEquals(2, members.size());
    JsonObject listed = TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/rooms/" + room + "/invites", owner, null))
        .getJsonArray("invites").getJsonObject(0);
    assertEquals(1, listed.getInteger("uses"));
    assertNull(listed.getString("token"), "tokens are shown once, never listed");
  }

  @Test
  void expiredRevokedAndBannedInvitesAreRefusedAndAcceptingIsIdempotentForMembers() {
    String room = api.createRoom(owner, "club-" + UUID.randomUUID().toString().substring(0, 6), "private");
    TestApi.User guest = api.register("Guest");
    JsonObject link = createInvite(room, new JsonObject());
    JsonObject info = TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/invites/" + link.getString("token"),
        null, null));
    assertEquals(room, info.getJsonObject("room").getString("id"));
    assertEquals("Olivia", info.getString("inviter"));
    TestApi.expect(200, accept(guest, link));
    TestApi.expect(200, accept(guest, link));
    JsonObject listed = TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/rooms/" + room + "/invites", owner,
        null)).getJsonArray("invites").getJsonObject(0);
    assertEquals(1, listed.getInteger("uses"), "a member accepting again uses nothing up");

    TestApi.expect(204, api.call(HttpMethod.DELETE, "/api/v1/rooms/" + room + "/invites/" + link.getString("id"),
        owner, null));
    TestApi.User late = api.register("Late");
    JsonObject revoked = TestApi.expect(410, accept(late, link));
    assertEquals("gone", revoked.getJsonObject("error").getString("code"));
    assertTrue(revoked.getJsonObject("error").getString("message").contains("revoked"));

    JsonObject expired = createInvite(room, new JsonObject().put("expiresIn", 1));
    TestNodes.await(vertx.timer(1_100));
    assertTrue(TestApi.expect(410, accept(late, expired)).getJsonObject("error").getString("message")
        .contains("expired"));

    JsonObject open = createInvite(room, new JsonObject());
    TestApi.expect(200, api.call(HttpMethod.POST, "/api/v1/rooms/" + room + "/bans", owner,
        new JsonObject().put("user", guest.id())));
    assertEquals("forbidden", TestApi.expect(403, accept(guest, open)).getJsonObject("error").getString("code"),
        "a banned person cannot come back, not even by invite");
    TestApi.expect(404, api.call(HttpMethod.GET, "/api/v1/invites/not-a-token", null, null));
  }

  @Test
  void aKickedMembersSocketGetsTheirOwnLeavingEventAndNothingAfter() {
    String room = api.createRoom(owner, "kick-" + UUID.randomUUID().toString().substring(0, 6), "channel");
    TestApi.User troll = api.register("Troll");
    api.join(troll, room);
    try (TestSocket ownerSocket = TestSocket.connect(vertx, api.port(), owner);
         TestSocket trollSocket = TestSocket.connect(vertx, api.port(), troll)) {
      ownerSocket.subscribe(room, null);
      trollSocket.subscribe(room, null);
      ownerSocket.sendMessage(room, "before");
      assertEquals("before", trollSocket.nextOp("evt").getJsonObject("data").getString("text"));

      TestApi.expect(204, api.call(HttpMethod.DELETE, "/api/v1/rooms/" + room + "/members/" + troll.id(), owner,
          null));
      JsonObject left = trollSocket.nextOp("evt");
      assertEquals("member.left", left.getString("type"));
      assertEquals(troll.id(), left.getJsonObject("data").getString("user"));
      assertEquals("kicked", left.getJsonObject("data").getString("reason"));
      JsonObject notice = trollSocket.next();
      assertEquals("room.removed", notice.getString("type"), "their other views learn it too: " + notice);

      ownerSocket.sendMessage(room, "after");
      ownerSocket.send(new JsonObject().put("op", "typing").put("room", room));
      trollSocket.assertQuiet();
      assertEquals("forbidden", trollSocket.nextOpAfterSend(new JsonObject().put("op", "send").put("room", room)
          .put("cid", "c").put("text", "let me back")).getString("code"));
    }
  }

  @Test
  void adminActionsAreRoomEventsAndAuditRowsAndMutedMembersOnlyRead() {
    String room = api.createRoom(owner, "admin-" + UUID.randomUUID().toString().substring(0, 6), "channel");
    TestApi.User chatty = api.register("Chatty");
    api.join(chatty, room);
    try (TestSocket ownerSocket = TestSocket.connect(vertx, api.port(), owner);
         TestSocket chattySocket = TestSocket.connect(vertx, api.port(), chatty)) {
      chattySocket.subscribe(room, null);
      ownerSocket.subscribe(room, null);
      JsonObject chattyMessage = chattySocket.sendMessage(room, "spam spam spam");

      TestApi.expect(200, api.call(HttpMethod.POST, "/api/v1/rooms/" + room + "/mutes", owner,
          new JsonObject().put("user", chatty.id())));
      JsonObject muted = chattySocket.nextOp("evt");
      while (!muted.getString("type").equals("member.updated")) {
        muted = chattySocket.nextOp("evt");
      }
      assertTrue(muted.getJsonObject("data").getBoolean("muted"));
      assertEquals("forbidden", chattySocket.nextOpAfterSend(new JsonObject().put("op", "send").put("room", room)
          .put("cid", "m").put("text", "can I?")).getString("code"));

      TestApi.expect(204, api.call(HttpMethod.DELETE, "/api/v1/rooms/" + room + "/messages/"
          + chattyMessage.getString("id"), owner, null));
      JsonObject deleted = chattySocket.nextOp("evt");
      assertEquals("message.deleted", deleted.getString("type"));
      JsonObject page = api.history(owner, room, "after=0");
      JsonObject gone = page.getJsonArray("messages").getJsonObject(0);
      assertTrue(gone.getBoolean("deleted"));
      assertEquals("", gone.getString("text"), "a deleted message keeps no text");

      JsonObject renamed = TestApi.expect(200, api.call(HttpMethod.PATCH, "/api/v1/rooms/" + room, owner,
          new JsonObject().put("topic", "Be nice")));
      assertEquals("Be nice", renamed.getJsonObject("room").getString("topic"));
      TestApi.expect(200, api.call(HttpMethod.POST, "/api/v1/rooms/" + room + "/archive", owner, null));
      TestApi.expect(200, api.call(HttpMethod.POST, "/api/v1/rooms/" + room + "/archive", owner, null));
      TestApi.expect(200, api.call(HttpMethod.POST, "/api/v1/rooms/" + room + "/mutes", owner,
          new JsonObject().put("user", chatty.id())));
      assertEquals("forbidden", ownerSocket.nextOpAfterSend(new JsonObject().put("op", "send").put("room", room)
          .put("cid", "a").put("text", "archived?")).getString("code"), "an archived room is read-only");
      assertFalse(api.history(owner, room, "after=0").getJsonArray("messages").isEmpty(), "but still readable");

      JsonArray audit = TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/rooms/" + room + "/audit", owner, null))
          .getJsonArray("entries");
      List<String> actions = audit.stream().map(entry -> ((JsonObject) entry).getString("action")).toList();
      assertEquals(List.of("archive", "update", "delete_message", "mute"), actions);
      assertEquals("Chatty", audit.getJsonObject(3).getString("targetName"));
      TestApi.expect(403, api.call(HttpMethod.GET, "/api/v1/rooms/" + room + "/audit", chatty, null));
    }
  }

  @Test
  void anArchivedRoomTakesNoNewInvitesButItsLinksCanStillBeRevoked() {
    String room = api.createRoom(owner, "attic-" + UUID.randomUUID().toString().substring(0, 6), "private");
    JsonObject link = createInvite(room, new JsonObject());
    TestApi.expect(200, api.call(HttpMethod.POST, "/api/v1/rooms/" + room + "/archive", owner, null));
    TestApi.expect(403, api.call(HttpMethod.POST, "/api/v1/rooms/" + room + "/invites", owner, new JsonObject()));
    TestApi.expect(204, api.call(HttpMethod.DELETE, "/api/v1/rooms/" + room + "/invites/" + link.getString("id"),
        owner, null));
    TestApi.expect(400, api.call(HttpMethod.POST, "/api/v1/rooms/" + room + "/invites/email", owner,
        new JsonObject().put("emails", new JsonArray().add("a,b@example.com"))));
  }

  private JsonObject createInvite(String room, JsonObject options) {
    return TestApi.expect(201, api.call(HttpMethod.POST, "/api/v1/rooms/" + room + "/invites", owner, options))
        .getJsonObject("invite");
  }

  private HttpResponse<Buffer> accept(TestApi.User user, JsonObject invite) {
    return api.call(HttpMethod.POST, "/api/v1/invites/" + invite.getString("token") + "/accept", user, null);
  }
}
