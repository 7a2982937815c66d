package dev.parley.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.notify.WebhookVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks as a room admin sets them up: an incoming URL that posts into the room, and an outgoing hook called on its
 * trigger word, signed, retried when its receiver fails, whose answer is posted back. The receiver is a real local
 * HTTP server started by the test.
 */
class WebhooksTest {

  private TestNodes nodes;
  private Vertx vertx;
  private TestApi api;
  private TestApi.TwoMembers members;

  @BeforeEach
  void start() {
    nodes = new TestNodes();
    TestNodes.WithMembers started = nodes.startWithTwoMembers(config -> config.put("webhooks",
        new JsonObject().put("retryMillis", 50).put("maxAttempts", 4)));
    vertx = started.vertx();
    api = started.api();
    members = started.members();
  }

  @AfterEach
  void stop() {
    nodes.close();
  }

  private JsonObject createHook(TestApi.User who, JsonObject hook) {
    return TestApi.expect(201, api.call(HttpMethod.POST, "/api/v1/rooms/" + members.room() + "/webhooks", who, hook));
  }

  /** Posts to an incoming hook's URL as another system would: no session, just the URL. */
  private HttpResponse<Buffer> postTo(String url, JsonObject body) {
    URI target = URI.create(url);
    return TestNodes.await(WebClient.create(vertx).post(api.port(), "127.0.0.1", target.getPath())
        .sendJsonObject(body));
  }

  @Test
  void anIncomingWebhookPostsIntoItsRoomAsItsBot() {
    JsonObject created = createHook(members.alice(), new JsonObject().put("kind", "incoming").put("name", "CI"));
    String url = created.getString("url");
    assertTrue(url.startsWith("http://localhost:" + api.port() + "/api/v1/hooks/"), url);
    String bot = created.getJsonObject("webhook").getString("bot");

    try (TestSocket bob = TestSocket.connect(vertx, api.port(), members.bob())) {
      bob.subscribeLive(members.room());
      HttpResponse<Buffer> posted = postTo(url, new JsonObject().put("text", "build 42 is green"));
      assertEquals(200, posted.statusCode(), posted.bodyAsString());

      JsonObject message = bob.nextEvent("message").getJsonObject("data");
      assertEquals("build 42 is green", message.getString("text"));
      assertEquals(bot, message.getString("sender"));
      assertEquals("CI", message.getString("senderName"));
    }
    assertEquals(404, postTo(url + "x", new JsonObject().put("text", "guess")).statusCode(), "an unknown URL");
    assertEquals(400, postTo(url, new JsonObject().put("text", " ")).statusCode(), "nothing to post");
    JsonObject refused = TestApi.expect(403, api.call(HttpMethod.POST, "/api/v1/rooms/" + members.room()
        + "/webhooks", members.bob(), new JsonObject().put("kind", "incoming").put("name", "mine")));
    assertEquals("forbidden", refused.getJsonObject("error").getString("code"), "only the room's admins make hooks");
  }

  @Test
  void anOutgoingWebhookIsSignedRetriedAndItsAnswerPostedBack() throws Exception {
    List<JsonObject> calls = new CopyOnWriteArrayList<>();
    List<String> signatures = new CopyOnWriteArrayList<>();
    List<String> deliveries = new CopyOnWriteArrayList<>();
    HttpServer receiver = TestNodes.await(vertx.createHttpServer().requestHandler(request -> request.body()
        .onSuccess(body -> {
          calls.add(body.toJsonObject().put("raw", body.toString()));
          signatures.add(request.getHeader("X-Parley-Signature"));
          deliveries.add(request.getHeader("X-Parley-Delivery"));
          if (calls.size() == 1) {
            request.response().setStatusCode(500).end();
          } else {
            String text = body.toJsonObject().getJsonObject("message").getString("text");
            request.response().putHeader("content-type", "application/json")
                .end(new JsonObject().put("text", "pong to: " + text).encode());
          }
        })).listen(0, "127.0.0.1"));
    try {
      JsonObject created = createHook(members.alice(), new JsonObject().put("kind", "outgoing").put("name", "Pinger")
          .put("url", "http://127.0.0.1:" + receiver.actualPort() + "/hook").put("trigger", "!ping"));
      String secret = created.getString("secret");
      String bot = created.getJsonObject("webhook").getString("bot");

      try (TestSocket alice = TestSocket.connect(vertx, api.port(), members.alice());
           TestSocket bob = TestSocket.connect(vertx, api.port(), members.bob())) {
        bob.subscribeLive(members.room());
        alice.sendMessage(members.room(), "no trigger here");
        alice.sendMessage(members.room(), "!pingpong is not the trigger either");
        alice.sendMessage(members.room(), "!ping are you there?");

        nodes.eventually(() -> calls.size() >= 2, "the receiver was called, failed, and called again");
        assertEquals("!ping are you there?", calls.get(0).getJsonObject("message").getString("text"),
            "only the trigger word calls the hook");
        assertEquals(calls.get(0).getString("raw"), calls.get(1).getString("raw"), "the retry sends the same");
        assertEquals(deliveries.get(0), deliveries.get(1), "with the same delivery id");
        String expected = "sha256=" + hmac(secret, calls.get(1).getString("raw"));
        assertEquals(expected, signatures.get(1), "the signature verifies with the hook's secret");
        assertNotEquals("sha256=" + hmac("another secret", calls.get(1).getString("raw")), signatures.get(1));

        JsonObject answer = null;
        for (int i = 0; i < 4 && answer == null; i++) {
          JsonObject message = bob.nextEvent("message").getJsonObject("data");
          if (bot.equals(message.getString("sender"))) {
            answer = message;
          }
        }
        assertTrue(answer != null, "the bot answered");
        assertEquals("pong to: !ping are you there?", answer.getString("text"));
        assertEquals("Pinger", answer.getString("senderName"));
      }
    } finally {
      TestNodes.await(receiver.close());
    }
  }

  @Test
  void twoInstancesCallAnOutgoingHookOncePerMessage() {
    TestNodes.await(vertx.deployVerticle(new WebhookVerticle(), new DeploymentOptions().setConfig(
        nodes.config(false).put("webhooks", new JsonObject().put("retryMillis", 50).put("maxAttempts", 4)))));
    List<String> texts = new CopyOnWriteArrayList<>();
    HttpServer receiver = TestNodes.await(vertx.createHttpServer().requestHandler(request -> request.body()
        .onSuccess(body -> {
          texts.add(body.toJsonObject().getJsonObject("message").getString("text"));
          request.response().setStatusCode(204).end();
        })).listen(0, "127.0.0.1"));
    try {
      createHook(members.alice(), new JsonObject().put("kind", "outgoing").put("name", "Logger")
          .put("url", "http://127.0.0.1:" + receiver.actualPort() + "/hook"));
      try (TestSocket alice = TestSocket.connect(vertx, api.port(), members.alice())) {
        for (int i = 0; i < 10; i++) {
          alice.sendMessage(members.room(), "line " + i);
        }
        alice.sendMessage(members.room(), "last");
        nodes.eventually(() -> texts.contains("last"), "the hook heard the last message");
      }
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        expected.add("line " + i);
      }
      expected.add("last");
      List<String> heard = new ArrayList<>(texts);
      heard.sort(null);
      expected.sort(null);
      assertEquals(expected, heard, "each message once (calls run on their own: in any order), two instances");
    } finally {
      TestNodes.await(receiver.close());
    }
  }

  private static String hmac(String secret, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }
}
