package dev.parley.app;

import static dev.parley.app.TestNodes.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.notify.NotificationVerticle;
import dev.parley.notify.Vapid;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.agreement.ECDHBasicAgreement;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Web Push end to end: a local HTTP server started here plays the push service (allowed by
 * {@code notify.pushServices}, the one {@code http} entry a test may add). Bob's "browser" is a P-256 key pair and an
 * auth secret made with BouncyCastle; what arrives is decrypted and its VAPID token verified with BouncyCastle too,
 * not with the code under test.
 */
class WebPushTest {

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final X9ECParameters CURVE = ECNamedCurveTable.getByName("P-256");
  private static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE.getCurve(), CURVE.getG(),
      CURVE.getN(), CURVE.getH());

  /** One request the push service received, and when. */
  private record Received(String path, Map<String, String> headers, byte[] body, long atMillis) {
  }

  /** How the push service answers the next requests (201 once these run out), and an optional Retry-After. */
  private record Answer(int status, String retryAfter) {
  }

  private TestNodes nodes;
  private Vertx vertx;
  private TestApi api;
  private Pool db;
  /** The push service runs on a Vert.x of its own, as a service elsewhere would. */
  private Vertx serverVertx;
  private HttpServer pushService;
  private final LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
  private String pushOrigin;
  private String vapidPublicKey;
  private JsonObject notify;
  private TestApi.User alice;
  private TestApi.User bob;
  private String room;

  @BeforeEach
  void start() throws Exception {
    nodes = new TestNodes();
    serverVertx = Vertx.vertx();
    pushService = await(serverVertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
      Map<String, String> headers = new HashMap<>();
      request.headers().forEach(header -> headers.put(header.getKey().toLowerCase(), header.getValue()));
      received.add(new Received(request.path(), headers, body.getBytes(), System.currentTimeMillis()));
      Answer answer = answers.poll();
      var response = request.response().setStatusCode(answer == null ? 201 : answer.status());
      if (answer != null && answer.retryAfter() != null) {
        response.putHeader("Retry-After", answer.retryAfter());
      }
      response.end();
    })).listen(0, "127.0.0.1"));
    pushOrigin = "http://127.0.0.1:" + pushService.actualPort();
    JsonObject keys = Vapid.generateKeys();
    vapidPublicKey = keys.getString("publicKey");
    notify = new JsonObject().put("pollMillis", 50).put("pushServices", new JsonArray().add(pushOrigin))
        .put("vapidPublicKey", vapidPublicKey).put("vapidPrivateKey", keys.getString("privateKey"))
        .put("vapidSubject", "mailto:ops@parley.test");
    ParleyNode node = nodes.start(false, config -> config.put("notify", notify.copy()));
    vertx = node.vertx();
    api = new TestApi(vertx, node.gateway().port());
    db = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(nodes.databaseUrl())).using(vertx).build();
    alice = api.register("Alice");
    bob = api.register("Bob");
    room = api.createChannel(alice, "push-" + UUID.randomUUID().toString().substring(0, 8));
    api.join(bob, room);
  }

  @AfterEach
  void stop() {
    await(db.close());
    nodes.close();
    await(serverVertx.close());
  }

  @Test
  void aMentionOfSomeoneOfflineArrivesEncryptedToTheirDeviceAndSignedByThisServer() throws Exception {
    Browser browser = new Browser();
    assertEquals(vapidPublicKey, TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/push/key", bob, null))
        .getString("publicKey"));
    subscribe(bob, browser, pushOrigin + "/push/bob-laptop");

    String message = mention("lunch?");
    Received push = nextPush();
    assertEquals("/push/bob-laptop", push.path());
    assertEquals("aes128gcm", push.headers().get("content-encoding"));
    assertEquals("14400", push.headers().get("ttl"));
    assertEquals("high", push.headers().get("urgency"), "a mention wakes the phone");
    assertEquals(room.replace("-", ""), push.headers().get("topic"), "pushes of one room replace each other");

    JsonObject shown = new JsonObject(new String(browser.decrypt(push.body()), StandardCharsets.UTF_8));
    assertEquals("#" + roomName(), shown.getString("title"));
    assertEquals("Alice: @" + handle(bob) + " lunch?", shown.getString("body"));
    assertEquals(room, shown.getString("room"));
    assertEquals(message, shown.getString("message"));
    assertEquals("/#/room/" + room, shown.getString("url"));

    String authorization = push.headers().get("authorization");
    assertTrue(authorization.startsWith("vapid t="), authorization);
    String token = authorization.substring("vapid t=".length(), authorization.indexOf(','));
    assertEquals(vapidPublicKey, authorization.substring(authorization.indexOf("k=") + 2));
    JsonObject claims = verifiedClaims(token, vapidPublicKey);
    assertEquals(pushOrigin, claims.getString("aud"));
    assertEquals("mailto:ops@parley.test", claims.getString("sub"));
    long exp = claims.getLong("exp");
    long now = System.currentTimeMillis() / 1000;
    assertTrue(exp > now && exp <= now + 24 * 3600, "expires within a day: " + exp);
  }

  @Test
  void onlyEndpointsOfAllowedPushServicesAreTaken() throws Exception {
    Browser browser = new Browser();
    for (String endpoint : new String[] {"http://169.254.169.254/latest/meta-data", "https://evil.example/push",
        "http://127.0.0.1:1/push", "file:///etc/passwd"}) {
      JsonObject refused = TestApi.expect(400, api.call(HttpMethod.POST, "/api/v1/push/subscriptions", bob,
          browser.subscription(endpoint)));
      assertEquals("invalid", refused.getJsonObject("error").getString("code"), endpoint);
    }
    JsonObject badKey = browser.subscription(pushOrigin + "/push/x");
    badKey.getJsonObject("keys").put("p256dh", B64.encodeToString(new byte[10]));
    TestApi.expect(400, api.call(HttpMethod.POST, "/api/v1/push/subscriptions", bob, badKey));
    assertEquals(0, subscriptions(bob));
  }

  @Test
  void aSubscriptionThePushServiceSaysIsGoneIsRemoved() throws Exception {
    subscribe(bob, new Browser(), pushOrigin + "/push/gone");
    answers.add(new Answer(410, null));
    mention("are you there?");
    nextPush();
    nodes.eventually(() -> subscriptions(bob) == 0, "the subscription is removed after 410");
  }

  @Test
  void tooManyRequestsWithRetryAfterDelaysTheNextAttemptThatLong() throws Exception {
    Browser browser = new Browser();
    subscribe(bob, browser, pushOrigin + "/push/busy");
    answers.add(new Answer(429, "2"));
    mention("when you can");
    Received first = nextPush();
    Received second = nextPush();
    long waited = second.atMillis() - first.atMillis();
    assertTrue(waited >= 1_900, "tried again after Retry-After (2 s), not before: " + waited + " ms");
    assertTrue(waited < 10_000, "and not much later: " + waited + " ms");
    assertEquals(new String(browser.decrypt(first.body()), StandardCharsets.UTF_8),
        new String(browser.decrypt(second.body()), StandardCharsets.UTF_8), "the same push");
  }

  @Test
  void aPushRefusedAsTooLargeIsSentAgainWithoutItsText() throws Exception {
    Browser browser = new Browser();
    subscribe(bob, browser, pushOrigin + "/push/small");
    answers.add(new Answer(413, null));
    mention("a long story");
    nextPush();
    JsonObject shorter = new JsonObject(new String(browser.decrypt(nextPush().body()), StandardCharsets.UTF_8));
    assertEquals("Alice: New message", shorter.getString("body"));
  }

  @Test
  void everyDeviceGetsItsOwnPushAndUnsubscribingStopsThem() throws Exception {
    Browser laptop = new Browser();
    Browser phone = new Browser();
    subscribe(bob, laptop, pushOrigin + "/push/laptop");
    subscribe(bob, phone, pushOrigin + "/push/phone");
    mention("both");
    Map<String, Received> byPath = new HashMap<>();
    for (int i = 0; i < 2; i++) {
      Received push = nextPush();
      byPath.put(push.path(), push);
    }
    assertNotNull(laptop.decrypt(byPath.get("/push/laptop").body()));
    assertNotNull(phone.decrypt(byPath.get("/push/phone").body()));

    TestApi.expect(204, api.call(HttpMethod.DELETE, "/api/v1/push/subscriptions", bob,
        new JsonObject().put("endpoint", pushOrigin + "/push/phone")));
    TestApi.expect(204, api.call(HttpMethod.DELETE, "/api/v1/push/subscriptions", alice,
        new JsonObject().put("endpoint", pushOrigin + "/push/laptop")));
    assertEquals(1, subscriptions(bob), "Alice cannot unsubscribe Bob's laptop");
    mention("only the laptop");
    assertEquals("/push/laptop", nextPush().path());
    assertTrue(received.poll(300, TimeUnit.MILLISECONDS) == null, "nothing for the phone");
  }

  @Test
  void twoInstancesSendEachPushOnceToEachDevice() throws Exception {
    await(vertx.deployVerticle(new NotificationVerticle(), new DeploymentOptions().setConfig(
        nodes.config(false).put("notify", notify.copy()))));
    Browser browser = new Browser();
    subscribe(bob, browser, pushOrigin + "/push/once");
    Set<String> mentions = new HashSet<>();
    try (TestSocket aliceSocket = TestSocket.connect(vertx, api.port(), alice)) {
      for (int i = 0; i < 30; i++) {
        mentions.add(aliceSocket.sendMessage(room, "@" + handle(bob) + " number " + i).getString("id"));
      }
    }
    Set<String> pushed = new HashSet<>();
    for (int i = 0; i < 30; i++) {
      JsonObject shown = new JsonObject(new String(browser.decrypt(nextPush().body()), StandardCharsets.UTF_8));
      assertTrue(pushed.add(shown.getString("message")), "pushed twice: " + shown);
    }
    assertEquals(mentions, pushed);
    nodes.eventually(() -> count("SELECT count(*) FROM notification_outbox WHERE kind = 'webpush'"
        + " AND outcome = 'done' AND attempts = 1") == 30, "each push finished once, by the instance that sent it");
    assertEquals(30, count("SELECT count(*) FROM notification_outbox WHERE kind = 'webpush'"));
    assertTrue(received.poll(300, TimeUnit.MILLISECONDS) == null, "no push twice");
  }

  // ---- helpers ----

  private long count(String sql) {
    return await(db.query(sql).execute()).iterator().next().getLong(0);
  }


  private void subscribe(TestApi.User user, Browser browser, String endpoint) {
    JsonObject answer = TestApi.expect(201, api.call(HttpMethod.POST, "/api/v1/push/subscriptions", user,
        browser.subscription(endpoint)));
    assertEquals(endpoint, answer.getJsonObject("subscription").getString("endpoint"));
  }

  /** Alice mentions Bob in the room (Bob has no socket open: he is not looking). */
  private String mention(String text) {
    try (TestSocket aliceSocket = TestSocket.connect(vertx, api.port(), alice)) {
      return aliceSocket.sendMessage(room, "@" + handle(bob) + " " + text).getString("id");
    }
  }

  private Received nextPush() throws InterruptedException {
    Received push = received.poll(TestNodes.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    assertNotNull(push, "a push arrives at the push service");
    return push;
  }

  private long subscriptions(TestApi.User user) {
    return await(db.preparedQuery("SELECT count(*) FROM push_subscriptions WHERE user_id = $1")
        .execute(Tuple.of(UUID.fromString(user.id())))).iterator().next().getLong(0);
  }

  private String roomName() {
    return await(db.preparedQuery("SELECT name FROM rooms WHERE id = $1").execute(Tuple.of(UUID.fromString(room))))
        .iterator().next().getString(0);
  }

  private String handle(TestApi.User user) {
    return TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/users/" + user.id(), user, null))
        .getJsonObject("user").getString("handle");
  }

  /** The JWT's claims, once its ES256 signature verifies against the public key (BouncyCastle's ECDSA). */
  private static JsonObject verifiedClaims(String jwt, String publicKey) {
    String[] parts = jwt.split("\\.");
    assertEquals(3, parts.length, jwt);
    byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
    assertEquals(64, signature.length, "ES256 signs with r || s");
    SHA256Digest digest = new SHA256Digest();
    byte[] signed = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
    digest.update(signed, 0, signed.length);
    byte[] hash = new byte[32];
    digest.doFinal(hash, 0);
    ECDSASigner verifier = new ECDSASigner();
    verifier.init(false, new ECPublicKeyParameters(CURVE.getCurve().decodePoint(
        Base64.getUrlDecoder().decode(publicKey)), DOMAIN));
    assertTrue(verifier.verifySignature(hash, new BigInteger(1, Arrays.copyOfRange(signature, 0, 32)),
        new BigInteger(1, Arrays.copyOfRange(signature, 32, 64))), "the VAPID token verifies");
    JsonObject header = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
    assertEquals("ES256", header.getString("alg"));
    return new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
  }

  /** A browser's side of Web Push, written with BouncyCastle alone: its keys, and opening what it receives. */
  private static final class Browser {
    private final ECPrivateKeyParameters privateKey;
    private final byte[] publicKey;
    private final byte[] auth = new byte[16];

    Browser() {
      ECKeyPairGenerator generator = new ECKeyPairGenerator();
      SecureRandom random = new SecureRandom();
      generator.init(new ECKeyGenerationParameters(DOMAIN, random));
      AsymmetricCipherKeyPair pair = generator.generateKeyPair();
      privateKey = (ECPrivateKeyParameters) pair.getPrivate();
      publicKey = ((ECPublicKeyParameters) pair.getPublic()).getQ().getEncoded(false);
      random.nextBytes(auth);
    }

    /** What {@code PushSubscription.toJSON()} gives. */
    JsonObject subscription(String endpoint) {
      return new JsonObject().put("endpoint", endpoint).putNull("expirationTime").put("keys", new JsonObject()
          .put("p256dh", B64.encodeToString(publicKey)).put("auth", B64.encodeToString(auth)));
    }

    /** RFC 8291 / RFC 8188 decryption of one aes128gcm record. */
    byte[] decrypt(byte[] body) throws Exception {
      byte[] salt = Arrays.copyOfRange(body, 0, 16);
      int keyLength = body[20] & 0xff;
      byte[] serverKey = Arrays.copyOfRange(body, 21, 21 + keyLength);
      byte[] ciphertext = Arrays.copyOfRange(body, 21 + keyLength, body.length);

      ECDHBasicAgreement agreement = new ECDHBasicAgreement();
      agreement.init(privateKey);
      byte[] shared = BigIntegers.asUnsignedByteArray(32, agreement.calculateAgreement(
          new ECPublicKeyParameters(CURVE.getCurve().decodePoint(serverKey), DOMAIN)));
      byte[] info = org.bouncycastle.util.Arrays.concatenate("WebPush: info\0".getBytes(StandardCharsets.US_ASCII),
          publicKey, serverKey);
      byte[] ikm = hkdf(auth, shared, info, 32);
      byte[] cek = hkdf(salt, ikm, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
      byte[] nonce = hkdf(salt, ikm, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);

      GCMBlockCipher cipher = (GCMBlockCipher) GCMBlockCipher.newInstance(AESEngine.newInstance());
      cipher.init(false, new AEADParameters(new KeyParameter(cek), 128, nonce));
      byte[] plain = new byte[cipher.getOutputSize(ciphertext.length)];
      int length = cipher.processBytes(ciphertext, 0, ciphertext.length, plain, 0);
      length += cipher.doFinal(plain, length);
      int end = length - 1;
      while (end >= 0 && plain[end] == 0) {
        end--;
      }
      assertEquals(2, plain[end], "the last record's delimiter");
      return Arrays.copyOf(plain, end);
    }

    private static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) {
      HKDFBytesGenerator generator = new HKDFBytesGenerator(new SHA256Digest());
      generator.init(new HKDFParameters(ikm, salt, info));
      byte[] out = new byte[length];
      generator.generateBytes(out, 0, length);
      return out;
    }

  }
}
