package dev.parley.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The operator's commands ({@code parley.jar admin ...}) against a real database, as an operator would run them: with
 * the nodes' own configuration. Deactivation reaches the person's sockets on two clustered nodes.
 */
class AdminCommandsTest {

  private static final String PASSWORD = "correct horse battery";

  /** What one run printed, and how it ended. */
  record Ran(int status, String out, String err) {
  }

  @Test
  void aCommandRefusesClearlyWithoutADatabase() {
    Ran ran = admin(new JsonObject(), "make-admin", "someone@example.com");
    assertEquals(2, ran.status());
    assertTrue(ran.err().contains("PARLEY_DB_URL"), ran.err());
    assertEquals(2, admin(new JsonObject().put("db", new JsonObject().put("url", "postgresql://x/y")), "unknown-thing")
        .status(), "an unknown command is a bad command line");
  }

  @Test
  void workspaceAdminsAreMadeAndDemotedButTheOwnerStaysTheOwner() {
    try (TestNodes nodes = new TestNodes()) {
      ParleyNode node = nodes.start(false);
      TestApi api = new TestApi(node.vertx(), node.gateway().port());
      String owner = newAddress("owner");
      String bob = newAddress("bob");
      register(api, owner);
      register(api, bob);

      Ran made = admin(nodes.config(false), "make-admin", bob);
      assertEquals(0, made.status(), made.err());
      assertTrue(made.out().contains("is now a workspace admin"), made.out());
      assertEquals("admin", roleOf(api, bob));

      assertEquals(0, admin(nodes.config(false), "demote", bob.toUpperCase()).status());
      assertEquals("member", roleOf(api, bob));

      Ran refused = admin(nodes.config(false), "demote", owner);
      assertEquals(1, refused.status());
      assertTrue(refused.err().contains("owner"), refused.err());
      assertEquals("owner", roleOf(api, owner));
      assertEquals(1, admin(nodes.config(false), "make-admin", newAddress("nobody")).status(), "no such account");
    }
  }

  @Test
  void deactivationClosesThePersonsSocketsOnEveryNodeUntilReactivated() {
    try (TestNodes nodes = new TestNodes()) {
      TestNodes.Pair pair = nodes.startPair();
      String email = newAddress("dee");
      TestApi.User dee = register(pair.firstApi(), email);
      try (TestSocket onFirst = TestSocket.connect(pair.first().vertx(), pair.firstApi().port(), dee);
           TestSocket onSecond = TestSocket.connect(pair.second().vertx(), pair.secondApi().port(), dee)) {
        Ran ran = admin(nodes.config(true), "deactivate", email);
        assertEquals(0, ran.status(), ran.err());
        assertTrue(ran.out().contains("Every node was told"), ran.out());

        nodes.eventually(() -> onFirst.closeStatus() != null && onSecond.closeStatus() != null,
            "the person's sockets on both nodes are closed");
      }
      assertEquals(401, login(pair.firstApi(), email).statusCode(), "no sign-in while deactivated");
      assertEquals(401, pair.secondApi().call(HttpMethod.GET, "/api/v1/me", dee, null).statusCode(),
          "the access token is refused at once");

      assertEquals(0, admin(nodes.config(false), "reactivate", email).status());
      assertEquals(200, login(pair.secondApi(), email).statusCode(), "signs in again");
    }
  }

  @Test
  void retentionDeletesTheOldMessagesItShouldAndNothingElse() {
    try (TestNodes nodes = new TestNodes()) {
      ParleyNode node = nodes.start(false);
      TestApi api = new TestApi(node.vertx(), node.gateway().port());
      TestApi.User ana = register(api, newAddress("ana"));
      String kept = api.createChannel(ana, "kept-" + UUID.randomUUID().toString().substring(0, 6));
      String trimmed = api.createChannel(ana, "trimmed-" + UUID.randomUUID().toString().substring(0, 6));
      try (TestSocket socket = TestSocket.connect(node.vertx(), api.port(), ana)) {
        for (String room : List.of(kept, trimmed)) {
          for (int i = 1; i <= 5; i++) {
            socket.sendMessage(room, "message " + i);
          }
        }
      }
      // The first three messages of each room are from two months ago.
      TestSql.execute(node.vertx(), nodes.databaseUrl(),
          "UPDATE messages SET created_at = now() - interval '60 days' WHERE body IN"
          + " ('message 1', 'message 2', 'message 3')");

      Ran oneRoom = admin(nodes.config(false), "retention", "30", "--room", trimmed);
      assertEquals(0, oneRoom.status(), oneRoom.err());
      assertTrue(oneRoom.out().contains("3 message(s)"), oneRoom.out());
      assertEquals(List.of("message 4", "message 5"), texts(api, ana, trimmed));
      assertEquals(List.of("message 1", "message 2", "message 3", "message 4", "message 5"), texts(api, ana, kept),
          "another room is not touched");

      assertEquals(0, admin(nodes.config(false), "retention", "90").status());
      assertEquals(5, texts(api, ana, kept).size(), "nothing is older than 90 days");
      assertEquals(0, admin(nodes.config(false), "retention", "30").status());
      assertEquals(List.of("message 4", "message 5"), texts(api, ana, kept), "every room's old messages go");
    }
  }

  @Test
  void anExportImportedIntoAnEmptyDatabaseGivesTheSameRoomsMembersAndMessages() throws Exception {
    try (TestNodes nodes = new TestNodes()) {
      ParleyNode node = nodes.start(false);
      TestApi api = new TestApi(node.vertx(), node.gateway().port());
      String anaEmail = newAddress("ana");
      TestApi.User ana = register(api, anaEmail);
      TestApi.User bob = register(api, newAddress("bob"));
      String channel = api.createChannel(ana, "moving-" + UUID.randomUUID().toString().substring(0, 6));
      String secret = api.createRoom(ana, "secret-" + UUID.randomUUID().toString().substring(0, 6), "private");
      api.join(bob, channel);
      try (TestSocket socket = TestSocket.connect(node.vertx(), api.port(), ana)) {
        for (int i = 1; i <= 3; i++) {
          socket.sendMessage(channel, "in the channel " + i);
          socket.sendMessage(secret, "in the secret room " + i);
        }
      }
      Path workspace = Files.createTempFile("parley-export-", ".jsonl");
      Ran exported = admin(nodes.config(false), "export", workspace.toString());
      assertEquals(0, exported.status(), exported.err());
      assertTrue(exported.out().contains("messages: 6 row(s)"), exported.out());

      String copy = TestServices.freshDatabaseUrl();
      Ran imported = admin(withDatabase(nodes.config(false), copy), "import", workspace.toString());
      assertEquals(0, imported.status(), imported.err());
      for (String query : List.of(
          "SELECT id, kind, name, topic, last_seq, created_by FROM rooms ORDER BY id",
          "SELECT room_id, user_id, role, read_seq FROM memberships ORDER BY room_id, user_id",
          "SELECT id, room_id, seq, sender_id, body, created_at FROM messages ORDER BY room_id, seq",
          "SELECT room_id, seq, type, data FROM room_events ORDER BY room_id, seq",
          "SELECT id, email, name, workspace_role, password_hash FROM users ORDER BY id")) {
        assertEquals(TestSql.rows(node.vertx(), nodes.databaseUrl(), query), TestSql.rows(node.vertx(), copy, query),
            query);
      }
      Ran again = admin(withDatabase(nodes.config(false), copy), "import", workspace.toString());
      assertEquals(1, again.status(), "an import goes only into an empty database");
      assertTrue(again.err().contains("empty database"), again.err());

      // A node on the copy serves the same history to the same person, signed in with the same password.
      ParleyNode moved = nodes.start(false, config -> withDatabase(config, copy));
      TestApi movedApi = new TestApi(moved.vertx(), moved.gateway().port());
      JsonObject session = TestApi.expect(200, login(movedApi, anaEmail));
      TestApi.User anaThere = new TestApi.User(ana.id(), "Someone", session.getString("accessToken"));
      assertEquals(List.of("in the secret room 1", "in the secret room 2", "in the secret room 3"),
          texts(movedApi, anaThere, secret));

      Path oneRoom = Files.createTempFile("parley-export-room-", ".jsonl");
      assertEquals(0, admin(nodes.config(false), "export", oneRoom.toString(), "--room", channel).status());
      String roomCopy = TestServices.freshDatabaseUrl();
      assertEquals(0, admin(withDatabase(nodes.config(false), roomCopy), "import", oneRoom.toString()).status());
      assertEquals(List.of("{\"id\":\"" + channel + "\"}"),
          TestSql.rows(node.vertx(), roomCopy, "SELECT id::text FROM rooms"), "only that room");
      assertEquals(3L, TestSql.count(node.vertx(), roomCopy, "SELECT count(*) FROM messages"));
    }
  }

  @Test
  void endedSessionsArePurgedAfterTheirTime() {
    try (TestNodes nodes = new TestNodes()) {
      ParleyNode node = nodes.start(false);
      TestApi api = new TestApi(node.vertx(), node.gateway().port());
      String email = newAddress("eve");
      register(api, email);
      JsonObject second = TestApi.expect(200, login(api, email));
      TestApi.expect(204, api.call(HttpMethod.POST, "/api/v1/auth/logout", null,
          new JsonObject().put("refreshToken", second.getString("refreshToken"))));
      assertEquals(0, admin(nodes.config(false), "purge-sessions", "7").status());
      assertEquals(2L, TestSql.count(node.vertx(), nodes.databaseUrl(), "SELECT count(*) FROM sessions"),
          "ended today: kept for now");

      TestSql.execute(node.vertx(), nodes.databaseUrl(),
          "UPDATE sessions SET revoked_at = now() - interval '10 days' WHERE revoked_at IS NOT NULL");
      Ran purged = admin(nodes.config(false), "purge-sessions", "7");
      assertEquals(0, purged.status(), purged.err());
      assertTrue(purged.out().contains("Purged 1 session(s)"), purged.out());
      assertEquals(1L, TestSql.count(node.vertx(), nodes.databaseUrl(), "SELECT count(*) FROM sessions"),
          "the live session stays");
    }
  }

  private static JsonObject withDatabase(JsonObject config, String url) {
    return config.put("db", config.getJsonObject("db").copy().put("url", url));
  }

  private static Ran admin(JsonObject config, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = AdminCommands.run(args, config, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Ran(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static TestApi.User register(TestApi api, String email) {
    JsonObject session = TestApi.expect(201, api.call(HttpMethod.POST, "/api/v1/auth/register", null,
        new JsonObject().put("email", email).put("password", PASSWORD).put("name", "Someone")));
    return new TestApi.User(session.getJsonObject("user").getString("id"), "Someone", session.getString("accessToken"));
  }

  private static io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer> login(TestApi api, String email) {
    return api.call(HttpMethod.POST, "/api/v1/auth/login", null,
        new JsonObject().put("email", email).put("password", PASSWORD));
  }

  /** The workspace role as signing in reports it. */
  private static String roleOf(TestApi api, String email) {
    return TestApi.expect(200, login(api, email)).getJsonObject("user").getString("workspaceRole");
  }

  private static List<String> texts(TestApi api, TestApi.User user, String room) {
    JsonArray messages = api.history(user, room, "after=0&limit=50").getJsonArray("messages");
    return messages.stream().map(JsonObject.class::cast).map(message -> message.getString("text")).toList();
  }

  private static String newAddress(String name) {
    return name + "-" + UUID.randomUUID() + "@example.com";
  }
}
