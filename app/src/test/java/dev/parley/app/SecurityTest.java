package dev.parley.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.parley.gateway.identity.OAuthApi;
import io.vertx.core.Vertx;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.slf4j.LoggerFactory;

/**
 * The security review's findings, one row each, as the attacker sent them, next to the legitimate use they must not
 * break. One node behind a trusted proxy (127.0.0.1), so a test can speak for many client addresses, with small
 * per-person limits. The cluster's rows are in ClusterSecurityTest, the embedded servers' in EmbeddedServicesTest.
 */
class SecurityTest {

  private static final String PASSWORD = "correct horse battery";

  private static TestNodes nodes;
  private static ParleyNode node;
  private static Vertx vertx;
  private static TestApi api;
  private static String jwtSecret;

  @BeforeAll
  static void start() {
    nodes = new TestNodes();
    node = nodes.start(false, config -> {
      config.getJsonObject("http").put("trustedProxies", new JsonArray().add("127.0.0.1"));
      config.getJsonObject("limits").put("searchesPerMinute", 20).put("roomsPerHour", 5)
          .put("inviteEmailsPerDay", 60).put("subscriptionsPerSocket", 3).put("authPerMinute", 100);
      config.put("oauth", new JsonObject().put("providers", new JsonObject().put("corp", new JsonObject()
          .put("type", "oidc").put("issuer", "http://127.0.0.1:1/unreachable").put("clientId", "parley"))));
      jwtSecret = config.getJsonObject("auth").getString("jwtSecret");
      return config;
    });
    vertx = node.vertx();
    api = new TestApi(vertx, node.gateway().port());
    owner = api.register("WorkspaceOwner");
  }

  @AfterAll
  static void stop() {
    nodes.close();
  }

  /** One finding: what the attacker did now fails, and what people do next to it still works. */
  private record Row(String severity, String finding, Step attackFails, Step legitimateUseWorks) {
  }

  /** A step of a row, which may do I/O of its own. */
  @FunctionalInterface
  private interface Step {
    void run() throws Exception;
  }

  @TestFactory
  Stream<DynamicTest> everyFindingAsTheAttackerSentIt() {
    List<Row> rows = List.of(
        new Row("medium", "people search is no oracle for hidden email addresses",
            this::searchByEmailPrefixFindsNothing, this::searchByNameAndHandleStillFinds),
        new Row("medium", "people search is rate limited",
            this::searchingWithoutEndIsSlowedDown, this::searchByNameAndHandleStillFinds),
        new Row("medium", "invitation email is no spam cannon",
            this::invitingWithoutEndAcrossNewRoomsIsCapped, () -> { }),
        new Row("low", "a banned workspace admin who followed a channel stops reading it",
            this::aBannedFollowerGetsNothingMore, () -> { }),
        new Row("low", "a log line cannot be forged through an OAuth provider id",
            this::aProviderIdWithLineBreaksStaysOnOneLogLine, () -> { }),
        new Row("low", "wrong passwords slow the guesser down, never lock the owner out",
            this::aGuesserIsSlowedDown, this::theOwnerSignsInFromElsewhereWhileTheGuesserWaits),
        new Row("low", "a guesser on many addresses cannot lock out a known browser",
            this::aDistributedGuesserSlowsDownStrangers, () -> { }),
        new Row("low", "a removed admin cannot come back through a link they made",
            this::aRemovedAdminsLinkNoLongerWorks, () -> { }),
        new Row("low", "per-person bounds on rooms and subscriptions; the room list is paged",
            this::roomsAndSubscriptionsAreBounded, this::theRoomListPagesThroughEverything),
        new Row("low", "a ping flood is closed instead of buffered",
            this::aPingFloodIsClosed, () -> { }),
        new Row("low", "the frame limit counts bytes; tokens without expiry are refused",
            this::aFrameOfManyMultiByteCharactersIsTooBig, this::aTokenWithoutExpiryIsRefused),
        new Row("low", "OAuth sign-in starts are rate limited per address",
            this::oauthStartsAreRateLimited, () -> { }),
        new Row("low", "behind a trusted proxy each client has its own limits; a forged header changes nothing",
            this::forwardedForFromAStrangerIsIgnored, () -> { }),
        new Row("low", "slow picture uploads cannot hold every upload slot",
            this::stalledUploadsHoldOneSlotAndAreCutOff, this::aPictureUploadGoesThroughMeanwhile),
        new Row("low", "two first sign-ups racing make one workspace owner",
            this::racingFirstSignUpsMakeOneOwner, () -> { }),
        new Row("low", "a short configured token secret is refused at start-up",
            this::aShortSecretStopsTheStart, () -> { }));
    return rows.stream().map(row -> DynamicTest.dynamicTest(row.severity() + ": " + row.finding(), () -> {
      row.attackFails().run();
      row.legitimateUseWorks().run();
    }));
  }

  // ---- people search ----

  private void searchByEmailPrefixFindsNothing() {
    TestApi.User attacker = api.register("Mallory");
    String secret = "hidden.addr." + UUID.randomUUID().toString().substring(0, 8);
    register("Zed Quux", secret + "@example.org");
    for (String prefix : List.of("h", "hi", "hidden", "hidden.addr", secret)) {
      JsonArray users = TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/users?q=" + prefix, attacker, null))
          .getJsonArray("users");
      assertTrue(users.stream().noneMatch(user -> ((JsonObject) user).getString("name").equals("Zed Quux")),
          "an email prefix finds nobody: " + prefix);
    }
  }

  private void searchByNameAndHandleStillFinds() {
    TestApi.User searcher = api.register("Searcher");
    String name = "Ygritte " + UUID.randomUUID().toString().substring(0, 6);
    JsonObject found = register(name, "y-" + UUID.randomUUID() + "@example.org");
    String handle = found.getJsonObject("user").getString("handle");
    for (String query : List.of(name.substring(0, 5), name.split(" ")[1], "@" + handle)) {
      JsonArray users = TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/users?q=" + query.replace(" ", "%20"),
          searcher, null)).getJsonArray("users");
      assertTrue(users.stream().anyMatch(user -> ((JsonObject) user).getString("name").equals(name)), query);
    }
  }

  private void searchingWithoutEndIsSlowedDown() {
    TestApi.User attacker = api.register("Prober");
    int status = 200;
    for (int attempt = 0; attempt < 30 && status == 200; attempt++) {
      status = api.call(HttpMethod.GET, "/api/v1/users?q=a" + attempt, attacker, null).statusCode();
    }
    assertEquals(429, status, "searchesPerMinute (20 here) holds");
  }

  // ---- invitation email ----

  private void invitingWithoutEndAcrossNewRoomsIsCapped() {
    TestApi.User spammer = api.register("Spammer");
    // A team inviting 50 colleagues at once is fine.
    String first = api.createChannel(spammer, "team-" + UUID.randomUUID().toString().substring(0, 6));
    TestApi.expect(202, api.call(HttpMethod.POST, "/api/v1/rooms/" + first + "/invites/email", spammer,
        new JsonObject().put("emails", addresses(50))));
    // The same person starting new rooms to go on is not: the cap (60 a day here) is per person, over all rooms.
    String second = api.createChannel(spammer, "more-" + UUID.randomUUID().toString().substring(0, 6));
    HttpResponse<Buffer> more = api.call(HttpMethod.POST, "/api/v1/rooms/" + second + "/invites/email", spammer,
        new JsonObject().put("emails", addresses(50)));
    assertEquals(429, more.statusCode(), more.bodyAsString());
    JsonArray invites = TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/rooms/" + second + "/invites",
        spammer, null)).getJsonArray("invites");
    long live = invites.stream().filter(invite -> !((JsonObject) invite).getBoolean("revoked")).count();
    assertEquals(10, live, "the invites whose email was refused are withdrawn, not left usable");
  }

  private static JsonArray addresses(int count) {
    JsonArray emails = new JsonArray();
    for (int i = 0; i < count; i++) {
      emails.add("colleague-" + i + "-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org");
    }
    return emails;
  }

  // ---- a banned follower ----

  private void aBannedFollowerGetsNothingMore() {
    TestApi.User founder = api.register("Founder");
    TestApi.User admin = api.register("WsAdmin");
    grantWorkspaceAdmin(admin);
    TestApi.User member = api.register("Member");
    String channel = api.createChannel(founder, "watched-" + UUID.randomUUID().toString().substring(0, 6));
    api.join(member, channel);
    try (TestSocket follower = TestSocket.connect(vertx, api.port(), admin);
         TestSocket reader = TestSocket.connect(vertx, api.port(), member)) {
      assertEquals("subbed", follower.nextOpAfterSend(sub(channel)).getString("op"), "admins follow without joining");
      assertEquals("subbed", reader.nextOpAfterSend(sub(channel)).getString("op"));
      TestApi.expect(200, api.call(HttpMethod.POST, "/api/v1/rooms/" + channel + "/bans", founder,
          new JsonObject().put("user", admin.id())));
      JsonObject banned = follower.nextOp("evt");
      assertEquals("member.updated", banned.getString("type"));
      assertTrue(banned.getJsonObject("data").getBoolean("banned"));
      try (TestSocket sender = TestSocket.connect(vertx, api.port(), member)) {
        sender.sendMessage(channel, "after the ban");
      }
      assertEquals("after the ban", nextMessage(reader).getJsonObject("data").getString("text"));
      follower.assertQuiet();
    }
  }

  // ---- log injection ----

  private void aProviderIdWithLineBreaksStaysOnOneLogLine() {
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    Logger logger = (Logger) LoggerFactory.getLogger(OAuthApi.class);
    logger.addAppender(log);
    try {
      HttpResponse<Buffer> response = TestNodes.await(noRedirects().get(api.port(), "127.0.0.1",
          "/api/v1/auth/oauth/evil%0d%0a12:00:00.000%20ERROR%20forged/start").send());
      assertEquals(302, response.statusCode());
      assertFalse(log.list.isEmpty(), "the refusal is logged");
      for (ILoggingEvent event : log.list) {
        assertFalse(event.getFormattedMessage().contains("\n") || event.getFormattedMessage().contains("\r"),
            event.getFormattedMessage());
      }
    } finally {
      logger.detachAppender(log);
    }
  }

  // ---- password guessing ----

  private void aGuesserIsSlowedDown() {
    String email = "owner-" + UUID.randomUUID() + "@example.org";
    register("Owner", email);
    HttpResponse<Buffer> answer = null;
    for (int guess = 0; guess < 12; guess++) {
      answer = signIn(email, "wrong guess " + guess, "203.0.113.5", null);
      if (answer.statusCode() == 429) {
        break;
      }
      assertEquals(401, answer.statusCode());
    }
    assertEquals(429, answer.statusCode(), "the guesser's address waits");
    assertNotNull(answer.getHeader("Retry-After"), "and is told how long");
    guessedAccount = email;
  }

  private String guessedAccount;

  private void theOwnerSignsInFromElsewhereWhileTheGuesserWaits() {
    assertEquals(200, signIn(guessedAccount, PASSWORD, "198.51.100.7", null).statusCode(),
        "the right password from the owner's own address works at once");
  }

  private void aDistributedGuesserSlowsDownStrangers() {
    String email = "popular-" + UUID.randomUUID() + "@example.org";
    register("Popular", email);
    String deviceToken = signIn(email, PASSWORD, "198.51.100.8", null).bodyAsJsonObject().getString("deviceToken");
    assertNotNull(deviceToken, "a password sign-in hands out a device token");
    int sprayed = 0;
    while (signIn(email, "spray guess " + sprayed, "203.0.113." + (100 + sprayed), null).statusCode() == 401) {
      sprayed++;
      assertTrue(sprayed < 30, "one guess each from ever new addresses is slowed down too");
    }
    assertEquals(20, sprayed, "after 20 failures over all addresses, every new address waits");
    assertEquals(429, signIn(email, PASSWORD, "192.0.2.44", null).statusCode(),
        "a browser that never signed in must wait like everyone else");
    assertEquals(200, signIn(email, PASSWORD, "192.0.2.45", deviceToken).statusCode(),
        "a browser that signed in before proves it and goes through");
    assertEquals(429, signIn(email, PASSWORD, "192.0.2.46", deviceToken + "x").statusCode(),
        "a forged device token proves nothing");
  }

  private HttpResponse<Buffer> signIn(String email, String password, String from, String deviceToken) {
    JsonObject body = new JsonObject().put("email", email).put("password", password);
    if (deviceToken != null) {
      body.put("deviceToken", deviceToken);
    }
    return api.call(HttpMethod.POST, "/api/v1/auth/login", null, body, from);
  }

  // ---- invite links of a removed admin ----

  private void aRemovedAdminsLinkNoLongerWorks() {
    TestApi.User owner = api.register("RoomOwner");
    TestApi.User admin = api.register("FormerAdmin");
    TestApi.User guest = api.register("Guest");
    String room = api.createRoom(owner, "private-" + UUID.randomUUID().toString().substring(0, 6), "private");
    TestApi.expect(200, api.call(HttpMethod.POST, "/api/v1/rooms/" + room + "/members", owner,
        new JsonObject().put("user", admin.id())));
    TestApi.expect(200, api.call(HttpMethod.PUT, "/api/v1/rooms/" + room + "/members/" + admin.id() + "/role", owner,
        new JsonObject().put("role", "admin")));
    String adminsLink = TestApi.expect(201, api.call(HttpMethod.POST, "/api/v1/rooms/" + room + "/invites", admin,
        new JsonObject())).getJsonObject("invite").getString("token");
    String ownersLink = TestApi.expect(201, api.call(HttpMethod.POST, "/api/v1/rooms/" + room + "/invites", owner,
        new JsonObject())).getJsonObject("invite").getString("token");
    TestApi.expect(204, api.call(HttpMethod.DELETE, "/api/v1/rooms/" + room + "/members/" + admin.id(), owner, null));

    TestApi.expect(410, api.call(HttpMethod.POST, "/api/v1/invites/" + adminsLink + "/accept", admin, null));
    TestApi.expect(410, api.call(HttpMethod.GET, "/api/v1/invites/" + adminsLink, null, null));
    TestApi.expect(200, api.call(HttpMethod.POST, "/api/v1/invites/" + ownersLink + "/accept", guest, null));
  }

  // ---- bounds ----

  private void roomsAndSubscriptionsAreBounded() {
    TestApi.User builder = api.register("Builder");
    List<String> rooms = new ArrayList<>();
    int status = 201;
    while (status == 201 && rooms.size() < 10) {
      HttpResponse<Buffer> created = api.call(HttpMethod.POST, "/api/v1/rooms", builder,
          new JsonObject().put("name", "r" + rooms.size() + "-" + UUID.randomUUID().toString().substring(0, 6))
              .put("kind", "channel"));
      status = created.statusCode();
      if (status == 201) {
        rooms.add(created.bodyAsJsonObject().getJsonObject("room").getString("id"));
      }
    }
    assertEquals(429, status, "roomsPerHour (5 here) holds");
    assertEquals(5, rooms.size());
    try (TestSocket socket = TestSocket.connect(vertx, api.port(), builder)) {
      for (int i = 0; i < 3; i++) {
        assertEquals("subbed", socket.nextOpAfterSend(sub(rooms.get(i))).getString("op"));
      }
      JsonObject refused = socket.nextOpAfterSend(sub(rooms.get(3)));
      assertEquals("rate_limited", refused.getString("code"), "subscriptionsPerSocket (3 here) holds");
      socket.nextOpAfterSend(new JsonObject().put("op", "unsub").put("room", rooms.get(0)));
      assertEquals("subbed", socket.nextOpAfterSend(sub(rooms.get(3))).getString("op"), "after an unsub, room again");
    }
  }

  private void theRoomListPagesThroughEverything() {
    TestApi.User reader = api.register("Pager");
    TestApi.User founder = api.register("Founder2");
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String room = api.createChannel(founder, "paged-" + i + "-" + UUID.randomUUID().toString().substring(0, 4));
      api.join(reader, room);
      expected.add(room);
    }
    List<String> seen = new ArrayList<>();
    String after = null;
    int pages = 0;
    do {
      JsonObject page = TestApi.expect(200, api.call(HttpMethod.GET,
          "/api/v1/rooms?limit=3" + (after == null ? "" : "&after=" + after), reader, null));
      page.getJsonArray("rooms").forEach(room -> seen.add(((JsonObject) room).getString("id")));
      after = page.getString("next");
      pages++;
    } while (after != null);
    assertEquals(2, pages);
    assertEquals(expected.stream().sorted().toList(), seen.stream().sorted().toList());
    TestApi.expect(400, api.call(HttpMethod.GET, "/api/v1/rooms?limit=5000", reader, null));
    TestApi.expect(400, api.call(HttpMethod.GET, "/api/v1/rooms?after=not-a-cursor", reader, null));
  }

  // ---- floods and frames ----

  private void aPingFloodIsClosed() {
    TestApi.User flooder = api.register("Flooder");
    TestApi.User bystander = api.register("Bystander");
    try (TestSocket flood = TestSocket.connect(vertx, api.port(), flooder);
         TestSocket calm = TestSocket.connect(vertx, api.port(), bystander)) {
      flood.pause();
      for (int i = 0; i < 5_000; i++) {
        flood.sendRaw("{\"op\":\"ping\"}");
      }
      flood.resume();
      JsonObject closed = flood.nextOp("closed");
      assertEquals(4008, closed.getInteger("status"), "too many frames: policy violation, not an ever-growing queue");
      assertEquals("pong", calm.nextAfterSend(new JsonObject().put("op", "ping")).getString("op"));
    }
  }

  private void aFrameOfManyMultiByteCharactersIsTooBig() {
    TestApi.User writer = api.register("Writer");
    try (TestSocket socket = TestSocket.connect(vertx, api.port(), writer)) {
      // 40,000 characters, but 120,000 bytes: over the 65,536-byte frame limit.
      socket.sendRaw("{\"op\":\"ping\",\"ref\":\"" + "€".repeat(40_000) + "\"}");
      assertEquals(1009, socket.nextOp("closed").getInteger("status"));
    }
    try (TestSocket socket = TestSocket.connect(vertx, api.port(), writer)) {
      socket.sendRaw("{\"op\":\"ping\",\"ref\":\"" + "e".repeat(60_000) + "\"}");
      assertEquals("pong", socket.nextOp("pong").getString("op"), "60,000 bytes is within the limit");
    }
  }

  private void aTokenWithoutExpiryIsRefused() {
    TestApi.User real = api.register("RealUser");
    JWTAuth signer = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(jwtSecret)));
    String forever = signer.generateToken(new JsonObject().put("name", "Real").put("sid", UUID.randomUUID().toString()),
        new JWTOptions().setAlgorithm("HS256").setIssuer("parley").setSubject(real.id()).setNoTimestamp(true));
    TestApi.expect(401, api.call(HttpMethod.GET, "/api/v1/me",
        new TestApi.User(real.id(), real.name(), forever), null));
    TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/me", real, null));
  }

  // ---- OAuth starts and client addresses ----

  private void oauthStartsAreRateLimited() {
    List<String> reasons = new ArrayList<>();
    for (int attempt = 0; attempt < 110; attempt++) {
      HttpResponse<Buffer> started = TestNodes.await(noRedirects().get(api.port(), "127.0.0.1",
          "/api/v1/auth/oauth/corp/start").putHeader("X-Forwarded-For", "198.18.0.1").send());
      reasons.add(started.getHeader("Location").replaceAll(".*oauth-error/", ""));
    }
    assertEquals("provider", reasons.get(0), "the (unreachable) provider is tried while the address has attempts");
    assertEquals("rate_limited", reasons.get(reasons.size() - 1), "past authPerMinute (100 here), no more");
  }

  /**
   * Through the trusted proxy, guesses from many clients count apart; straight from a stranger (127.0.0.2, not a
   * trusted proxy), a forged X-Forwarded-For is ignored and every guess counts against the stranger's own address.
   */
  private void forwardedForFromAStrangerIsIgnored() {
    String email = "target-" + UUID.randomUUID() + "@example.org";
    register("Target", email);
    for (int client = 0; client < 8; client++) {
      assertEquals(401, signIn(email, "wrong guess", "192.0.2." + (10 + client), null).statusCode(),
          "one guess each from eight clients behind the proxy: nobody waits yet");
    }
    HttpClient stranger = vertx.createHttpClient(new HttpClientOptions().setLocalAddress("127.0.0.2"));
    try {
      List<Integer> statuses = new ArrayList<>();
      for (int guess = 0; guess < 8; guess++) {
        statuses.add(TestNodes.await(stranger.request(new RequestOptions().setMethod(HttpMethod.POST)
                .setHost("127.0.0.1").setPort(api.port()).setURI("/api/v1/auth/login")
                .putHeader("X-Forwarded-For", "192.0.2." + (100 + guess))
                .putHeader("content-type", "application/json"))
            .compose(request -> request.send(new JsonObject().put("email", email).put("password", "wrong guess")
                .encode()))
            .map(HttpClientResponse::statusCode)));
      }
      assertTrue(statuses.contains(429), "the stranger's forged addresses did not spread its guesses: " + statuses);
    } finally {
      stranger.close();
    }
  }

  // ---- uploads ----

  private Socket stalled;

  private void stalledUploadsHoldOneSlotAndAreCutOff() throws IOException {
    TestApi.User attacker = api.register("Trickler");
    stalled = trickle(attacker);
    // A second upload of the same person while the first trickles: refused, not queued. A probe that reached the
    // node before the trickle was signed in took the slot itself for a moment, and the trickle was the one refused:
    // then the trickle starts again.
    nodes.eventually(() -> {
      try {
        if (stalled.getInputStream().available() > 0) {
          stalled.close();
          stalled = trickle(attacker);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return api.call(HttpMethod.PUT, "/api/v1/me/avatar", attacker, null).statusCode() == 429;
    }, "one upload at a time per person");
    // The trickle is cut off once it has sent nothing for a while: told so, and the connection closed.
    stalled.setSoTimeout((int) TestNodes.TIMEOUT.toMillis());
    String answer = new String(stalled.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
    assertTrue(answer.startsWith("HTTP/1.1 400") && answer.contains("stalled"), answer);
    stalled.close();
  }

  /** An avatar upload that declares 4 MB and sends 10 bytes of it. */
  private Socket trickle(TestApi.User person) throws IOException {
    Socket socket = new Socket("127.0.0.1", api.port());
    OutputStream out = socket.getOutputStream();
    out.write(("PUT /api/v1/me/avatar HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + person.accessToken()
        + "\r\nContent-Length: 4000000\r\n\r\n0123456789").getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return socket;
  }

  private void aPictureUploadGoesThroughMeanwhile() throws IOException {
    TestApi.User person = api.register("Picture");
    HttpResponse<Buffer> uploaded = TestNodes.await(WebClient.create(vertx)
        .put(api.port(), "127.0.0.1", "/api/v1/me/avatar").bearerTokenAuthentication(person.accessToken())
        .sendBuffer(Buffer.buffer(png())));
    assertEquals(200, uploaded.statusCode(), uploaded.bodyAsString());
  }

  private static byte[] png() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB), "png", out);
    return out.toByteArray();
  }

  // ---- start-up ----

  private void racingFirstSignUpsMakeOneOwner() {
    try (TestNodes fresh = new TestNodes()) {
      ParleyNode empty = fresh.start(false);
      TestApi freshApi = new TestApi(empty.vertx(), empty.gateway().port());
      WebClient client = WebClient.create(empty.vertx());
      List<Future<HttpResponse<Buffer>>> signUps = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        signUps.add(client.post(freshApi.port(), "127.0.0.1", "/api/v1/auth/register").sendJsonObject(
            new JsonObject().put("email", "first-" + i + "-" + UUID.randomUUID() + "@example.org")
                .put("password", PASSWORD).put("name", "First " + i)));
      }
      TestNodes.await(Future.all(signUps));
      long owners = signUps.stream().map(Future::result)
          .map(response -> response.bodyAsJsonObject().getJsonObject("user").getString("workspaceRole"))
          .filter("owner"::equals).count();
      assertEquals(1, owners, "exactly one of the racing first sign-ups owns the workspace");
    }
  }

  private void aShortSecretStopsTheStart() {
    try (TestNodes other = new TestNodes()) {
      AssertionError refused = assertThrows(AssertionError.class, () -> other.start(false, config -> {
        config.getJsonObject("auth").put("jwtSecret", "too short");
        return config;
      }));
      assertTrue(String.valueOf(refused.getCause()).contains("at least 32 bytes"), String.valueOf(refused));
    }
  }

  // ---- helpers ----

  private JsonObject register(String name, String email) {
    return TestApi.expect(201, api.call(HttpMethod.POST, "/api/v1/auth/register", null,
        new JsonObject().put("email", email).put("password", PASSWORD).put("name", name)));
  }

  /** A client that shows redirects instead of following them (OAuth answers with them). */
  private static WebClient noRedirects() {
    return WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false));
  }

  /** The first account of the test's database owns the workspace, and appoints workspace admins. */
  private static TestApi.User owner;

  private void grantWorkspaceAdmin(TestApi.User user) {
    TestApi.expect(200, api.call(HttpMethod.PUT, "/api/v1/users/" + user.id() + "/role", owner,
        new JsonObject().put("role", "admin")));
  }

  private static JsonObject nextMessage(TestSocket socket) {
    JsonObject event;
    do {
      event = socket.nextOp("evt");
    } while (!"message".equals(event.getString("type")));
    return event;
  }

  private static JsonObject sub(String room) {
    return new JsonObject().put("op", "sub").put("room", room);
  }
}
