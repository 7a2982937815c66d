package dev.parley.app;

import static dev.parley.app.TestNodes.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.shared.e2ee.E2eeCommands;
import dev.parley.shared.files.FileCommands;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.security.KeyPair;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End-to-end encryption as the server sees it (docs/e2ee.md), on one node with real PostgreSQL and Redis: a device
 * directory bound to sessions, one-time key packages, the commit and welcome relay, and encrypted DMs whose
 * messages the server stores, relays, notifies and searches only as ciphertext. Every refused input is refused
 * with a clear error and leaves nothing stored.
 */
class E2eeTest {

  private static TestNodes nodes;
  private static Vertx vertx;
  private static TestApi api;
  private static Pool db;

  @BeforeAll
  static void start() {
    nodes = new TestNodes();
    ParleyNode node = nodes.start(false, config -> {
      config.getJsonObject("limits").put("authPerMinute", 500);
      return config;
    });
    vertx = node.vertx();
    api = new TestApi(vertx, node.gateway().port());
    db = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(nodes.databaseUrl())).using(vertx).build();
    api.register("Founder");
  }

  @AfterAll
  static void stop() {
    await(db.close());
    nodes.close();
  }

  @Test
  void aBrowserIsOneDeviceOfItsSessionAndSigningOutTakesItOutOfTheDirectory() {
    JsonObject session = registerWithSession("Dora");
    TestApi.User dora = user(session);
    JsonObject device = device(dora, "Laptop");
    assertEquals(device.getString("id"), device(dora, "Laptop, renamed").getString("id"), "one device per session");
    TestApi.User other = api.register("Otto");
    JsonArray listed = devicesOf(other, dora);
    assertEquals(1, listed.size());
    assertEquals("Laptop, renamed", listed.getJsonObject(0).getString("name"));
    String room = TestApi.expect(201, api.call(HttpMethod.POST, "/api/v1/dms", other,
        new JsonObject().put("users", new JsonArray().add(dora.id())).put("encrypted", true)))
        .getJsonObject("room").getString("id");
    try (TestSocket otto = TestSocket.connect(vertx, api.port(), other)) {
      otto.subscribeLive(room);
      TestApi.expect(204, api.call(HttpMethod.POST, "/api/v1/auth/logout", null,
          new JsonObject().put("refreshToken", session.getString("refreshToken"))));
      assertEquals(dora.id(), otto.nextEvent("e2ee.devices").getJsonObject("data").getString("user"),
          "the conversation hears it, so the group drops the device");
    }
    assertEquals(0, devicesOf(other, dora).size(), "signed out: no longer a device with keys");
    assertEquals(0L, count("SELECT count(*) FROM e2ee_devices WHERE user_id = $1", dora.id()));
  }

  @Test
  void keyPackagesAreCheckedStoredAllOrNoneAndEachIsHandedOutOnceEver() {
    TestApi.User kim = api.register("Kim");
    TestApi.User lea = api.register("Lea");
    String device = device(kim, "Phone").getString("id");
    KeyPair keys = TestMls.signer();
    String identity = kim.id() + "/" + device;
    String first = TestMls.keyPackage(identity, keys);
    String second = TestMls.keyPackage(identity, keys);
    assertEquals(2, TestApi.expect(201, upload(kim, device, first, second)).getInteger("available"));

    // Each refusal is clear and stores nothing, not even the good package sent with it.
    String fresh = TestMls.keyPackage(identity, keys);
    refused(400, "invalid", "is cut short", upload(kim, device, fresh, TestMls.base64(new byte[] {0, 1, 0, 5})));
    refused(400, "invalid", "must be base64", upload(kim, device, "%%%"));
    refused(413, "too_large", "longer than", upload(kim, device,
        TestMls.keyPackage(identity + "x".repeat(E2eeCommands.MAX_KEY_PACKAGE_BYTES), keys)));
    refused(403, "forbidden", "a device uploads keys only for itself",
        upload(kim, device, fresh, TestMls.keyPackage(lea.id() + "/" + device, keys)));
    refused(409, "conflict", "used once", upload(kim, device, fresh, first));
    refused(409, "conflict", "used once", upload(kim, device, fresh, fresh));
    refused(409, "conflict", "another signature key", upload(kim, device, TestMls.keyPackage(identity,
        TestMls.signer())));
    String leaDevice = device(lea, "Lea's laptop").getString("id");
    refused(403, "forbidden", "only for itself", upload(lea, device, fresh));
    refused(403, "forbidden", "only for itself", upload(lea, leaDevice, TestMls.keyPackage(identity, keys)));
    refused(404, "not_found", "No such device", upload(lea, device, TestMls.keyPackage(lea.id() + "/" + device,
        keys)));
    assertEquals(2L, count("SELECT count(*) FROM e2ee_key_packages k JOIN e2ee_devices d ON d.id = k.device_id"
        + " WHERE d.user_id = $1", kim.id()), "nothing of the refused uploads was stored");

    JsonObject claimed = claim(lea, device);
    assertEquals(first, claimed.getJsonArray("keyPackages").getJsonObject(0).getString("keyPackage"));
    assertEquals(kim.id(), claimed.getJsonArray("keyPackages").getJsonObject(0).getString("user"));
    assertEquals(second, claim(lea, device).getJsonArray("keyPackages").getJsonObject(0).getString("keyPackage"));
    JsonObject none = claim(lea, device);
    assertTrue(none.getJsonArray("keyPackages").isEmpty());
    assertEquals(new JsonArray().add(device), none.getJsonArray("missing"));
    refused(409, "conflict", "used once", upload(kim, device, first));
    assertEquals(0L, count("SELECT count(*) FROM e2ee_key_packages k JOIN e2ee_devices d ON d.id = k.device_id"
        + " WHERE d.user_id = $1 AND k.body IS NOT NULL", kim.id()), "a claimed key package is not kept");
  }

  @Test
  void anEncryptedDmIsItsOwnRoomAndCarriesOnlyCiphertext() {
    TestApi.User ann = api.register("Ann");
    TestApi.User ben = api.register("Ben");
    TestApi.User eve = api.register("Eve");
    String plain = api.openDm(ann, ben);
    JsonObject opened = TestApi.expect(201, api.call(HttpMethod.POST, "/api/v1/dms", ann,
        new JsonObject().put("users", new JsonArray().add(ben.id())).put("encrypted", true)));
    String room = opened.getJsonObject("room").getString("id");
    assertTrue(opened.getJsonObject("room").getBoolean("encrypted"));
    assertNotEquals(plain, room, "the plain DM of the same two people is another room");
    assertFalse(TestApi.expect(200, api.call(HttpMethod.POST, "/api/v1/dms", ben,
        new JsonObject().put("users", new JsonArray().add(ann.id())))).getJsonObject("room")
        .containsKey("encrypted"));

    String ciphertext = TestMls.privateMessage(room, 1, 1, 200);
    try (TestSocket annSocket = TestSocket.connect(vertx, api.port(), ann);
         TestSocket benSocket = TestSocket.connect(vertx, api.port(), ben);
         TestSocket eveSocket = TestSocket.connect(vertx, api.port(), eve)) {
      benSocket.subscribeLive(room);
      error(annSocket.nextOpAfterSend(new JsonObject().put("op", "send").put("room", room).put("cid", "clear")
          .put("text", "hello in clear")), "invalid", "send 'ciphertext'");
      error(sendEncrypted(annSocket, plain, TestMls.privateMessage(plain, 1, 1, 50)), "invalid", "not end-to-end");
      error(sendEncrypted(annSocket, room, TestMls.privateMessage(plain, 1, 1, 50)), "invalid", "this room's group");
      error(sendEncrypted(annSocket, room, TestMls.privateMessage(room, 1, 3, 50)), "invalid", "application");
      error(sendEncrypted(annSocket, room, "bm90IG1scw=="), "invalid", "is not MLS 1.0");
      error(sendEncrypted(annSocket, room, "AAEAAiQy"), "invalid", "cut short");
      error(sendEncrypted(annSocket, room, TestMls.privateMessage(room, 1, 1, E2eeCommands.MAX_CIPHERTEXT_BYTES)),
          "too_large", "longer than");
      error(sendEncrypted(eveSocket, room, ciphertext), "not_found", "No such room");
      error(annSocket.nextOpAfterSend(new JsonObject().put("op", "send").put("room", room).put("cid", "c1")
          .put("text", "x").put("ciphertext", ciphertext)), "invalid", "never 'text'");

      JsonObject ack = sendEncrypted(annSocket, room, ciphertext);
      assertEquals("ack", ack.getString("op"), ack.encode());
      JsonObject event = benSocket.nextEvent("message").getJsonObject("data");
      assertEquals(ciphertext, event.getString("ciphertext"));
      assertEquals("", event.getString("text"));
    }
    JsonObject stored = api.history(ben, room, "limit=10").getJsonArray("messages").getJsonObject(0);
    assertEquals(ciphertext, stored.getString("ciphertext"));
    assertEquals("", stored.getString("text"));
    assertEquals(1L, count("SELECT count(*) FROM messages m JOIN rooms r ON r.id = m.room_id"
        + " WHERE r.encrypted AND m.room_id = $1", room), "only the one good message was stored");
    nodes.eventually(() -> count("SELECT count(*) FROM notification_outbox WHERE kind = 'push' AND user_id = $1",
        ben.id()) > 0, "Ben's push for the encrypted message");
    JsonObject push = await(db.preparedQuery(
            "SELECT payload FROM notification_outbox WHERE kind = 'push' AND user_id = $1")
        .execute(Tuple.of(UUID.fromString(ben.id())))).iterator().next().getJsonObject("payload");
    assertEquals(E2eeCommands.ENCRYPTED_PREVIEW, push.getString("text"), "a push never carries the ciphertext");
    String searchable = ciphertext.substring(10, 30);
    assertEquals(0, TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/search?q="
        + java.net.URLEncoder.encode("\"" + searchable + "\"", java.nio.charset.StandardCharsets.UTF_8), ben, null))
        .getJsonArray("results").size(), "search leaves encrypted rooms out");
  }

  @Test
  void anEditInAnEncryptedDmIsCiphertextStoredInPlaceAndRelayedAsAnEdit() {
    TestApi.User ann = api.register("Ann");
    TestApi.User ben = api.register("Ben");
    String room = encryptedDm(ann, ben);
    String plain = api.openDm(ann, ben);
    String edit = TestMls.privateMessage(room, 1, 1, 180);
    String id;
    try (TestSocket annSocket = TestSocket.connect(vertx, api.port(), ann);
         TestSocket benSocket = TestSocket.connect(vertx, api.port(), ben)) {
      benSocket.subscribeLive(room);
      id = sendEncrypted(annSocket, room, TestMls.privateMessage(room, 1, 1, 120)).getString("id");
      String path = "/api/v1/rooms/" + room + "/messages/" + id;
      refused(400, "invalid", "edit with 'ciphertext'", api.call(HttpMethod.PATCH, path, ann,
          new JsonObject().put("text", "an edit in clear text")));
      refused(400, "invalid", "this room's group", api.call(HttpMethod.PATCH, path, ann,
          new JsonObject().put("ciphertext", TestMls.privateMessage(plain, 1, 1, 120))));
      refused(400, "invalid", "application", api.call(HttpMethod.PATCH, path, ann,
          new JsonObject().put("ciphertext", TestMls.privateMessage(room, 1, 3, 120))));
      refused(400, "invalid", "never 'text'", api.call(HttpMethod.PATCH, path, ann,
          new JsonObject().put("ciphertext", edit).put("text", "both")));
      refused(413, "too_large", "longer than", api.call(HttpMethod.PATCH, path, ann, new JsonObject()
          .put("ciphertext", TestMls.privateMessage(room, 1, 1, E2eeCommands.MAX_CIPHERTEXT_BYTES))));
      refused(403, "forbidden", "", api.call(HttpMethod.PATCH, path, ben, new JsonObject().put("ciphertext",
          TestMls.privateMessage(room, 1, 1, 120))));

      JsonObject answered = TestApi.expect(200, api.call(HttpMethod.PATCH, path, ann,
          new JsonObject().put("ciphertext", edit))).getJsonObject("message");
      assertEquals(edit, answered.getString("ciphertext"));
      assertEquals("", answered.getString("text"));
      JsonObject event = benSocket.nextEvent("message.edited").getJsonObject("data");
      assertEquals(id, event.getString("id"));
      assertEquals(edit, event.getString("ciphertext"), "relayed as an edit, as ciphertext");
      assertEquals("", event.getString("text"));
      assertTrue(event.getLong("editedAt") > 0);
    }
    JsonObject stored = api.history(ben, room, "limit=10").getJsonArray("messages").getJsonObject(0);
    assertEquals(edit, stored.getString("ciphertext"), "the edit is stored in place of the message");
    assertTrue(stored.containsKey("editedAt"), stored.encode());
    JsonObject logged = TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/rooms/" + room + "/events?after=0",
        ben, null)).getJsonArray("events").stream().map(JsonObject.class::cast)
        .filter(e -> "message.edited".equals(e.getString("type"))).findFirst().orElseThrow();
    assertEquals(edit, logged.getJsonObject("data").getString("ciphertext"), "catching up sees the edit in order");
    assertEquals(0L, count("SELECT count(*) FROM message_search WHERE id = $1", id), "no search entry");

    String plainId;
    try (TestSocket annSocket = TestSocket.connect(vertx, api.port(), ann)) {
      plainId = annSocket.nextOpAfterSend(new JsonObject().put("op", "send").put("room", plain).put("cid", "p1")
          .put("text", "plain")).getString("id");
    }
    refused(400, "invalid", "not end-to-end encrypted", api.call(HttpMethod.PATCH, "/api/v1/rooms/" + plain
        + "/messages/" + plainId, ann, new JsonObject().put("ciphertext", TestMls.privateMessage(plain, 1, 1, 50))));
  }

  @Test
  void anEncryptedReplyCountsInItsThreadWhoseIdTravelsInClear() {
    TestApi.User ann = api.register("Ann");
    TestApi.User ben = api.register("Ben");
    String room = encryptedDm(ann, ben);
    String reply = TestMls.privateMessage(room, 1, 1, 90);
    String root;
    try (TestSocket annSocket = TestSocket.connect(vertx, api.port(), ann);
         TestSocket benSocket = TestSocket.connect(vertx, api.port(), ben)) {
      benSocket.subscribeLive(room);
      root = sendEncrypted(annSocket, room, TestMls.privateMessage(room, 1, 1, 90)).getString("id");
      benSocket.nextEvent("message");
      error(annSocket.nextOpAfterSend(new JsonObject().put("op", "send").put("room", room).put("cid", "r0")
          .put("thread", root).put("text", "a reply in clear")), "invalid", "send 'ciphertext'");
      JsonObject ack = annSocket.nextOpAfterSend(new JsonObject().put("op", "send").put("room", room)
          .put("cid", "r1").put("thread", root).put("ciphertext", reply));
      assertEquals("ack", ack.getString("op"), ack.encode());
      JsonObject event = benSocket.nextEvent("message").getJsonObject("data");
      assertEquals(root, event.getString("thread"));
      assertEquals(reply, event.getString("ciphertext"));
      JsonObject updated = benSocket.nextEvent("thread.updated").getJsonObject("data");
      assertEquals(root, updated.getString("id"));
      assertEquals(1, updated.getInteger("replies"));
    }
    JsonArray replies = TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/rooms/" + room + "/messages/" + root
        + "/thread", ann, null)).getJsonArray("messages");
    assertEquals(1, replies.size());
    assertEquals(reply, replies.getJsonObject(0).getString("ciphertext"));
    assertEquals("", replies.getJsonObject(0).getString("text"));
    JsonObject rootSeen = api.history(ann, room, "limit=10").getJsonArray("messages").getJsonObject(0);
    assertEquals(1, rootSeen.getInteger("replies"), rootSeen.encode());
    TestApi.expect(204, api.call(HttpMethod.PUT, "/api/v1/rooms/" + room + "/messages/" + root + "/follow", ann,
        null));
    assertEquals(1L, count("SELECT count(*) FROM thread_followers WHERE following AND user_id = $1", ann.id()));
  }

  @Test
  void anUploadToAnEncryptedDmIsKeptAsOpaqueBytesWithNoNameNoTypeAndNoThumbnail() {
    TestApi.User ann = api.register("Ann");
    TestApi.User ben = api.register("Ben");
    TestApi.User eve = api.register("Eve");
    String room = encryptedDm(ann, ben);
    // What a browser would upload is AES-GCM output; a real picture shows that nothing is sniffed or resized.
    byte[] bytes = TestFiles.picture("png", 64, 48);
    JsonObject file = TestApi.expect(201, api.upload(ann, room, "holiday-secret.png", bytes)).getJsonObject("file");
    assertEquals(FileCommands.ENCRYPTED_NAME, file.getString("name"), "the browser's name is not kept");
    assertEquals(FileCommands.ENCRYPTED_TYPE, file.getString("type"), "nothing sniffed");
    assertEquals(bytes.length, file.getLong("size"), "the size stays visible");
    assertFalse(file.getBoolean("thumbnail", false), "no thumbnail");
    assertFalse(file.containsKey("width"), file.encode());
    String id = file.getString("id");
    JsonObject ack;
    try (TestSocket annSocket = TestSocket.connect(vertx, api.port(), ann)) {
      ack = annSocket.nextOpAfterSend(new JsonObject().put("op", "send").put("room", room).put("cid", "f1")
          .put("files", new JsonArray().add(id)).put("ciphertext", TestMls.privateMessage(room, 1, 1, 150)));
    }
    assertEquals("ack", ack.getString("op"), ack.encode());
    JsonObject sent = api.history(ben, room, "limit=10").getJsonArray("messages").getJsonObject(0);
    assertEquals(id, sent.getJsonArray("files").getJsonObject(0).getString("id"));
    HttpResponse<Buffer> served = api.download(ben, id);
    assertEquals(200, served.statusCode());
    assertTrue(java.util.Arrays.equals(bytes, served.body().getBytes()), "the bytes as they came");
    assertEquals(FileCommands.ENCRYPTED_TYPE, served.getHeader("Content-Type"));
    assertTrue(served.getHeader("Content-Disposition").startsWith("attachment"), served.getHeader(
        "Content-Disposition"));
    assertTrue(served.getHeader("Content-Disposition").contains(FileCommands.ENCRYPTED_NAME));
    assertEquals(404, api.download(ben, id + "/thumbnail").statusCode());
    assertEquals(404, api.download(eve, id).statusCode(), "only the room's members");
    assertEquals(0L, count("SELECT count(*) FROM files WHERE room_id = $1 AND (name LIKE '%holiday%'"
        + " OR type <> 'application/octet-stream' OR thumbnail)", room));
  }

  @Test
  void commitsAreRelayedOneEpochAtATimeAndWelcomesReachOnlyTheirDevices() {
    TestApi.User cat = api.register("Cat");
    TestApi.User dan = api.register("Dan");
    TestApi.User eve = api.register("Eve");
    String room = TestApi.expect(201, api.call(HttpMethod.POST, "/api/v1/dms", cat,
        new JsonObject().put("users", new JsonArray().add(dan.id())).put("encrypted", true)))
        .getJsonObject("room").getString("id");
    String catDevice = device(cat, "Cat's laptop").getString("id");
    String danDevice = device(dan, "Dan's phone").getString("id");
    String eveDevice = device(eve, "Eve's laptop").getString("id");

    refused(400, "invalid", "another group", commit(cat, room, catDevice, TestMls.privateMessage(UUID.randomUUID()
        .toString(), 0, 3, 100), null));
    refused(400, "invalid", "is not a commit", commit(cat, room, catDevice, TestMls.privateMessage(room, 0, 1, 100),
        null));
    refused(403, "forbidden", "not a device of yours", commit(cat, room, danDevice, TestMls.privateMessage(room, 0,
        3, 100), null));
    refused(400, "invalid", "members", commit(cat, room, catDevice, TestMls.privateMessage(room, 0, 3, 100),
        new JsonArray().add(eveDevice)));
    refused(404, "not_found", "No such room", commit(eve, room, eveDevice, TestMls.privateMessage(room, 0, 3, 100),
        null));
    assertEquals(0L, count("SELECT count(*) FROM e2ee_epochs WHERE room_id = $1", room), "nothing relayed yet");

    try (TestSocket danSocket = TestSocket.connect(vertx, api.port(), dan)) {
      danSocket.subscribeLive(room);
      String commit = TestMls.privateMessage(room, 0, 3, 300);
      JsonObject stored = TestApi.expect(201, commit(cat, room, catDevice, commit, new JsonArray().add(danDevice)));
      assertEquals(0, stored.getInteger("epoch"));
      JsonObject event = danSocket.nextEvent("e2ee.commit");
      assertEquals(stored.getLong("seq"), event.getLong("seq"));
      assertEquals(commit, event.getJsonObject("data").getString("commit"));
      assertEquals(catDevice, event.getJsonObject("data").getString("device"));
      assertEquals("e2ee.welcome", danSocket.nextEvent("e2ee.welcome").getString("type"));
    }
    JsonArray welcomes = TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/e2ee/devices/" + danDevice
        + "/welcomes", dan, null)).getJsonArray("welcomes");
    assertEquals(1, welcomes.size());
    assertEquals(room, welcomes.getJsonObject(0).getString("room"));
    assertEquals(1, welcomes.getJsonObject(0).getInteger("epoch"), "the welcome joins the epoch the commit made");
    refused(403, "forbidden", "not a device of yours", api.call(HttpMethod.GET, "/api/v1/e2ee/devices/" + danDevice
        + "/welcomes", cat, null));

    refused(409, "conflict", "came first", commit(dan, room, danDevice, TestMls.privateMessage(room, 0, 3, 100),
        null));
    refused(409, "conflict", "came first", commit(dan, room, danDevice, TestMls.privateMessage(room, 2, 3, 100),
        null));
    TestApi.expect(201, commit(dan, room, danDevice, TestMls.privateMessage(room, 1, 3, 100), null));
    assertEquals(2L, count("SELECT count(*) FROM e2ee_epochs WHERE room_id = $1", room));
  }

  @Test
  void theKeyBackupKeepsSealedEntriesForTheirOwnerOnly() {
    TestApi.User fay = api.register("Fay");
    TestApi.User gus = api.register("Gus");
    TestApi.expect(204, api.call(HttpMethod.PUT, "/api/v1/e2ee/backup/params", fay,
        new JsonObject().put("backup", "c2FsdA==")));
    TestApi.expect(204, api.call(HttpMethod.PUT, "/api/v1/e2ee/backup/epoch-1", fay,
        new JsonObject().put("backup", "c2VhbGVk")));
    refused(400, "invalid", "base64", api.call(HttpMethod.PUT, "/api/v1/e2ee/backup/epoch-2", fay,
        new JsonObject().put("backup", "not base64!")));
    JsonObject page = TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/e2ee/backup", fay, null));
    assertEquals(2, page.getJsonArray("entries").size());
    assertEquals("epoch-1", page.getJsonArray("entries").getJsonObject(0).getString("name"));
    assertEquals(0, TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/e2ee/backup", gus, null))
        .getJsonArray("entries").size());
  }

  private static String encryptedDm(TestApi.User user, TestApi.User with) {
    return TestApi.expect(201, api.call(HttpMethod.POST, "/api/v1/dms", user,
        new JsonObject().put("users", new JsonArray().add(with.id())).put("encrypted", true)))
        .getJsonObject("room").getString("id");
  }

  private static JsonObject registerWithSession(String name) {
    return TestApi.expect(201, api.call(HttpMethod.POST, "/api/v1/auth/register", null, new JsonObject()
        .put("email", name.toLowerCase() + "-" + UUID.randomUUID() + "@example.com")
        .put("password", "correct horse battery").put("name", name)));
  }

  private static TestApi.User user(JsonObject session) {
    JsonObject user = session.getJsonObject("user");
    return new TestApi.User(user.getString("id"), user.getString("name"), session.getString("accessToken"));
  }

  private static JsonObject device(TestApi.User user, String name) {
    return TestApi.expect(201, api.call(HttpMethod.POST, "/api/v1/e2ee/devices", user,
        new JsonObject().put("name", name)));
  }

  private static JsonArray devicesOf(TestApi.User asker, TestApi.User person) {
    return TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/e2ee/devices?users=" + person.id(), asker, null))
        .getJsonArray("devices");
  }

  private static HttpResponse<Buffer> upload(TestApi.User user, String device, String... keyPackages) {
    return api.call(HttpMethod.POST, "/api/v1/e2ee/devices/" + device + "/key-packages", user,
        new JsonObject().put("keyPackages", new JsonArray(java.util.List.of((Object[]) keyPackages))));
  }

  private static JsonObject claim(TestApi.User user, String device) {
    return TestApi.expect(200, api.call(HttpMethod.POST, "/api/v1/e2ee/key-packages/claim", user,
        new JsonObject().put("devices", new JsonArray().add(device))));
  }

  private static HttpResponse<Buffer> commit(TestApi.User user, String room, String device, String commit,
                                             JsonArray welcomeTo) {
    JsonObject body = new JsonObject().put("device", device).put("commit", commit);
    if (welcomeTo != null) {
      body.put("welcome", TestMls.welcome()).put("welcomeTo", welcomeTo);
    }
    return api.call(HttpMethod.POST, "/api/v1/rooms/" + room + "/e2ee/commits", user, body);
  }

  private static JsonObject sendEncrypted(TestSocket socket, String room, String ciphertext) {
    return socket.nextOpAfterSend(new JsonObject().put("op", "send").put("room", room)
        .put("cid", UUID.randomUUID().toString()).put("ciphertext", ciphertext));
  }

  private static void error(JsonObject frame, String code, String says) {
    assertEquals("err", frame.getString("op"), frame.encode());
    assertEquals(code, frame.getString("code"), frame.encode());
    assertTrue(frame.getString("msg").contains(says), frame.encode());
  }

  private static void refused(int status, String code, String says, HttpResponse<Buffer> response) {
    assertEquals(status, response.statusCode(), response.bodyAsString());
    JsonObject error = response.bodyAsJsonObject().getJsonObject("error");
    assertEquals(code, error.getString("code"), response.bodyAsString());
    assertTrue(error.getString("message").contains(says), response.bodyAsString());
  }

  private static long count(String sql, String user) {
    return await(db.preparedQuery(sql).execute(Tuple.of(UUID.fromString(user)))).iterator().next().getLong(0);
  }
}
