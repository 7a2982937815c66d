package dev.parley.app;

import static dev.parley.app.TestNodes.await;

import dev.parley.bench.faults.FaultHarness;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.multipart.MultipartForm;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A client of one node's HTTP API, as a user's app would use it. */
final class TestApi {

  /** A signed-up user: their id, name and tokens. */
  record User(String id, String name, String accessToken) implements FaultHarness.Member {
  }

  private final WebClient client;
  private final int port;

  TestApi(Vertx vertx, int port) {
    this.client = WebClient.create(vertx);
    this.port = port;
  }

  int port() {
    return port;
  }

  User register(String name) {
    JsonObject body = new JsonObject().put("email", name.toLowerCase() + "-" + UUID.randomUUID() + "@example.com")
        .put("password", "correct horse battery").put("name", name);
    JsonObject session = expect(201, call(HttpMethod.POST, "/api/v1/auth/register", null, body));
    return new User(session.getJsonObject("user").getString("id"), name, session.getString("accessToken"));
  }

  /** Alice and Bob, plain members (the owner signed up first and owns the workspace), in a new channel. */
  record TwoMembers(User owner, User alice, User bob, String room) {
  }

  TwoMembers twoMembersInAChannel(String channel) {
    User owner = register("Owner");
    User alice = register("Alice");
    User bob = register("Bob");
    String room = createChannel(alice, channel);
    join(bob, room);
    return new TwoMembers(owner, alice, bob, room);
  }

  /** {@code count} new channels of one new owner for a fault scenario, named after it. */
  List<String> scenarioRooms(String scenario, int count) {
    User owner = register("Owner");
    List<String> made = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      made.add(createChannel(owner, FaultHarness.roomName(scenario, i)));
    }
    return made;
  }

  String createChannel(User owner, String name) {
    JsonObject body = new JsonObject().put("name", name).put("kind", "channel");
    return expect(201, call(HttpMethod.POST, "/api/v1/rooms", owner, body)).getJsonObject("room").getString("id");
  }

  void join(User user, String room) {
    expect(200, call(HttpMethod.POST, "/api/v1/rooms/" + room + "/join", user, null));
  }

  String createRoom(User owner, String name, String kind) {
    JsonObject body = new JsonObject().put("name", name).put("kind", kind);
    return expect(201, call(HttpMethod.POST, "/api/v1/rooms", owner, body)).getJsonObject("room").getString("id");
  }

  /** The DM or group DM of {@code user} with these people. */
  String openDm(User user, User... with) {
    JsonArray ids = new JsonArray();
    for (User other : with) {
      ids.add(other.id());
    }
    var response = call(HttpMethod.POST, "/api/v1/dms", user, new JsonObject().put("users", ids));
    return expect(response.statusCode() == 201 ? 201 : 200, response).getJsonObject("room").getString("id");
  }

  String ticket(User user) {
    return expect(200, call(HttpMethod.POST, "/api/v1/ws-ticket", user, null)).getString("ticket");
  }

  JsonObject history(User user, String room, String query) {
    return expect(200, call(HttpMethod.GET, "/api/v1/rooms/" + room + "/messages?" + query, user, null));
  }

  /** Uploads a file to a room as a browser's form would: multipart, the name as given, a declared type ignored. */
  HttpResponse<Buffer> upload(User user, String room, String name, byte[] content) {
    var request = client.post(port, "127.0.0.1", "/api/v1/rooms/" + room + "/files");
    if (user != null) {
      request.bearerTokenAuthentication(user.accessToken());
    }
    return await(request.sendMultipartForm(MultipartForm.create()
        .binaryFileUpload("file", name, Buffer.buffer(content), "application/octet-stream")));
  }

  /** A file (or its thumbnail: {@code /thumbnail}) as the user fetches it, with any extra request headers. */
  HttpResponse<Buffer> download(User user, String path, String... headers) {
    var request = client.get(port, "127.0.0.1", "/api/v1/files/" + path);
    if (user != null) {
      request.bearerTokenAuthentication(user.accessToken());
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.putHeader(headers[i], headers[i + 1]);
    }
    return await(request.send());
  }

  HttpResponse<Buffer> call(HttpMethod method, String path, User user, JsonObject body) {
    return call(method, path, user, body, null);
  }

  /** A call as if relayed by a proxy for the client at {@code forwardedFor} (null: a direct call). */
  HttpResponse<Buffer> call(HttpMethod method, String path, User user, JsonObject body, String forwardedFor) {
    var request = client.request(method, port, "127.0.0.1", path);
    if (user != null) {
      request.bearerTokenAuthentication(user.accessToken());
    }
    if (forwardedFor != null) {
      request.putHeader("X-Forwarded-For", forwardedFor);
    }
    return await(body == null ? request.send() : request.sendJsonObject(body));
  }

  static JsonObject expect(int status, HttpResponse<Buffer> response) {
    if (response.statusCode() != status) {
      throw new AssertionError("Expected HTTP " + status + " but got " + response.statusCode() + ": "
          + response.bodyAsString());
    }
    return response.body() == null || response.body().length() == 0 ? new JsonObject() : response.bodyAsJsonObject();
  }
}
