package dev.parley.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every role against every action in every kind of room, through the real HTTP and WebSocket API. Refusals of a room
 * one may not see must look exactly like a room that does not exist.
 */
class AuthorizationTest {

  /**
   * The permission table, declared once for this test and room-verticle's PermissionsTest: a header line of kind,
   * role and actions, then a row per kind and role. Y allowed, F forbidden, N not found.
   */
  private static final Path TABLE =
      Path.of("..", "room-verticle", "src", "test", "resources", "dev", "parley", "rooms", "access", "permissions.table");

  private static TestNodes nodes;
  private static Vertx vertx;
  private static TestApi api;
  private static Map<String, TestApi.User> people;
  private static JsonObject noSuchRoom;
  private static JsonObject noSuchFile;

  @BeforeAll
  static void start() {
    nodes = new TestNodes();
    ParleyNode node = nodes.start(false);
    vertx = node.vertx();
    api = new TestApi(vertx, node.gateway().port());
    people = new LinkedHashMap<>();
    TestApi.User founder = api.register("Founder");
    for (String name : List.of("outsider", "banned", "muted", "member", "admin", "owner", "wsadmin", "author",
        "kicked", "target", "third")) {
      people.put(name, api.register(name));
    }
    TestApi.expect(200, api.call(HttpMethod.PUT, "/api/v1/users/" + people.get("wsadmin").id() + "/role", founder,
        new JsonObject().put("role", "admin")));
    noSuchRoom = TestApi.expect(404, api.call(HttpMethod.GET,
        "/api/v1/rooms/" + UUID.randomUUID() + "/messages", people.get("member"), null));
    noSuchFile = TestApi.expect(404, api.download(people.get("member"), UUID.randomUUID().toString()));
  }

  @AfterAll
  static void stop() {
    nodes.close();
  }

  @Test
  void everyRoleEveryActionEveryKindOfRoom() throws IOException {
    List<String> rows = Files.readAllLines(TABLE).stream().map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    String[] header = rows.get(0).split("\\s+");
    String[] actions = Arrays.copyOfRange(header, 2, header.length);
    List<String> mismatches = new ArrayList<>();
    for (String kind : List.of("channel", "private", "dm", "group")) {
      Fixture room = fixture(kind);
      for (String row : rows.subList(1, rows.size())) {
        String[] cells = row.split("\\s+");
        if (!cells[0].equals(kind)) {
          continue;
        }
        String actor = cells[1];
        try (TestSocket socket = TestSocket.connect(vertx, api.port(), people.get(actor))) {
          for (int i = 0; i < actions.length; i++) {
            String expected = cells[i + 2];
            String actual = attempt(room, actor, actions[i], socket);
            if (!expected.equals(actual)) {
              mismatches.add(kind + " " + actor + " " + actions[i] + ": expected " + expected + ", got " + actual);
            }
          }
        }
      }
    }
    assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
  }

  /** 👍, as it goes in a URL. */
  private static final String THUMBS_UP = "%F0%9F%91%8D";

  /**
   * A room of this kind with everyone in their role, and two messages by its author: one to delete, and one with the
   * author's 👍 on it to edit, react to and open the thread of (deleting the first must not hide the second), and
   * one by the author that names everyone by @handle.
   */
  private record Fixture(String kind, String id, String message, String reacted, String mentioning, String file) {
  }

  private Fixture fixture(String kind) {
    TestApi.User owner = people.get("owner");
    String id;
    if (kind.equals("dm")) {
      id = api.openDm(people.get("member"), people.get("author"));
    } else if (kind.equals("group")) {
      id = api.openDm(people.get("member"), people.get("author"), people.get("third"));
    } else {
      id = api.createRoom(owner, kind + "-" + UUID.randomUUID().toString().substring(0, 6), kind);
      for (String name : List.of("banned", "muted", "member", "admin", "author", "kicked", "target")) {
        TestApi.expect(200, api.call(HttpMethod.POST, "/api/v1/rooms/" + id + "/members", owner,
            new JsonObject().put("user", people.get(name).id())));
      }
      TestApi.expect(200, api.call(HttpMethod.PUT, "/api/v1/rooms/" + id + "/members/" + people.get("admin").id()
          + "/role", owner, new JsonObject().put("role", "admin")));
      TestApi.expect(200, api.call(HttpMethod.POST, "/api/v1/rooms/" + id + "/mutes", owner,
          new JsonObject().put("user", people.get("muted").id())));
      TestApi.expect(200, api.call(HttpMethod.POST, "/api/v1/rooms/" + id + "/bans", owner,
          new JsonObject().put("user", people.get("banned").id())));
    }
    String message;
    String reacted;
    String mentioning;
    String file = TestApi.expect(201, api.upload(people.get("author"), id, "notes.txt",
        "for the room".getBytes(StandardCharsets.UTF_8))).getJsonObject("file").getString("id");
    StringBuilder everyone = new StringBuilder("hello");
    for (TestApi.User person : people.values()) {
      everyone.append(" @").append(TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/users/" + person.id(),
          person, null)).getJsonObject("user").getString("handle"));
    }
    try (TestSocket author = TestSocket.connect(vertx, api.port(), people.get("author"))) {
      message = author.sendMessage(id, "written by the author").getString("id");
      reacted = author.sendMessage(id, "reacted to by the author").getString("id");
      mentioning = author.sendMessage(id, everyone.toString()).getString("id");
      JsonObject sent = author.nextOpAfterSend(new JsonObject().put("op", "send").put("room", id)
          .put("cid", UUID.randomUUID().toString()).put("text", "a file").put("files", new JsonArray().add(file)));
      assertEquals("ack", sent.getString("op"), sent.encode());
    }
    TestApi.expect(204, api.call(HttpMethod.PUT, "/api/v1/rooms/" + id + "/messages/" + reacted + "/reactions/"
        + THUMBS_UP, people.get("author"), null));
    return new Fixture(kind, id, message, reacted, mentioning, file);
  }

  /** Tries one action and says Y, F or N (or what else came back). */
  private String attempt(Fixture room, String actor, String action, TestSocket socket) {
    TestApi.User user = people.get(actor);
    String base = "/api/v1/rooms/" + room.id();
    return switch (action) {
      case "read" -> http(api.call(HttpMethod.GET, base + "/messages", user, null));
      case "sub" -> ws(socket.nextAfterSend(new JsonObject().put("op", "sub").put("room", room.id())),
          "subbed");
      case "send" -> ws(socket.nextOpAfterSend(new JsonObject().put("op", "send").put("room", room.id())
          .put("cid", UUID.randomUUID().toString()).put("text", "hello from " + actor)), "ack");
      case "invite" -> http(api.call(HttpMethod.POST, base + "/invites", user, new JsonObject()));
      case "kick" -> http(api.call(HttpMethod.DELETE, base + "/members/" + people.get("kicked").id(), user, null));
      case "ban" -> http(api.call(HttpMethod.POST, base + "/bans", user,
          new JsonObject().put("user", people.get("target").id())));
      case "rename" -> http(api.call(HttpMethod.PATCH, base, user,
          new JsonObject().put("name", "renamed-" + room.kind() + "-" + actor)));
      case "archive" -> {
        String outcome = http(api.call(HttpMethod.POST, base + "/archive", user, null));
        if (outcome.equals("Y")) {
          TestApi.expect(200, api.call(HttpMethod.POST, base + "/unarchive", people.get("owner"), null));
        }
        yield outcome;
      }
      case "delete" -> http(api.call(HttpMethod.DELETE, base + "/messages/" + room.message(), user, null));
      case "edit" -> http(api.call(HttpMethod.PATCH, base + "/messages/" + room.reacted(), user,
          new JsonObject().put("text", "edited by " + actor)));
      case "react" -> {
        String outcome = http(api.call(HttpMethod.PUT, base + "/messages/" + room.reacted() + "/reactions/"
            + THUMBS_UP, user, null));
        if (outcome.equals("Y")) {
          TestApi.expect(204, api.call(HttpMethod.DELETE, base + "/messages/" + room.reacted() + "/reactions/"
              + THUMBS_UP, user, null));
        }
        yield outcome;
      }
      case "thread" -> http(api.call(HttpMethod.GET, base + "/messages/" + room.reacted() + "/thread", user, null));
      case "reactions" -> {
        HttpResponse<Buffer> page = api.call(HttpMethod.GET, base + "/messages?after=0", user, null);
        String outcome = http(page);
        if (outcome.equals("Y")) {
          // Seeing the page is seeing the reactions: the author's 👍 is there for anyone who may read.
          JsonObject reacted = page.bodyAsJsonObject().getJsonArray("messages").stream().map(JsonObject.class::cast)
              .filter(message -> message.getString("id").equals(room.reacted())).findFirst().orElseThrow();
          assertEquals(1, reacted.getJsonArray("reactions").getJsonObject(0).getInteger("count"), reacted.encode());
        }
        yield outcome;
      }
      case "markread" -> http(api.call(HttpMethod.POST, base + "/read", user, new JsonObject().put("seq", 1)));
      case "mentioned" -> TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/mentions", user, null))
          .getJsonArray("messages").stream().map(JsonObject.class::cast)
          .anyMatch(mention -> room.mentioning().equals(mention.getString("id"))) ? "Y" : "-";
      case "receipts" -> http(api.call(HttpMethod.GET, base + "/receipts", user, null));
      // The author is in every room of the fixtures; outsiders, banned people and workspace admins are in none.
      case "presence" -> TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/presence?users="
          + people.get("author").id(), user, null)).getJsonArray("presence").isEmpty() ? "-" : "Y";
      case "upload" -> http(api.upload(user, room.id(), "from-" + actor + ".txt",
          "hello".getBytes(StandardCharsets.UTF_8)));
      case "download" -> {
        HttpResponse<Buffer> response = api.download(user, room.file());
        if (response.statusCode() == 404) {
          assertEquals(noSuchFile, response.bodyAsJsonObject(), "a file one may not read answers like no file at all");
          yield "N";
        }
        yield http(response);
      }
      case "search" -> TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/search?q=reacted", user, null))
          .getJsonArray("results").stream().map(JsonObject.class::cast)
          .anyMatch(hit -> room.reacted().equals(hit.getJsonObject("message").getString("id"))) ? "Y" : "-";
      case "searchin" -> http(api.call(HttpMethod.GET, "/api/v1/search?q=reacted%20in:" + room.id(), user, null));
      default -> throw new IllegalArgumentException(action);
    };
  }

  private static String http(HttpResponse<Buffer> response) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return "Y";
    }
    JsonObject error = response.bodyAsJsonObject().getJsonObject("error");
    if (status == 404) {
      assertEquals(noSuchRoom, response.bodyAsJsonObject(), "a hidden room answers like no room at all");
      return "N";
    }
    return status == 403 && error.getString("code").equals("forbidden") ? "F" : status + " " + error;
  }

  private static String ws(JsonObject frame, String success) {
    if (frame.getString("op").equals(success)) {
      return "Y";
    }
    if (frame.getString("op").equals("err")) {
      return switch (frame.getString("code")) {
        case "forbidden" -> "F";
        case "not_found" -> {
          assertEquals("No such room", frame.getString("msg"), "a hidden room answers like no room at all");
          yield "N";
        }
        default -> frame.encode();
      };
    }
    return frame.encode();
  }
}
