package dev.parley.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Redis is a cache of what may be lost (docs/operations.md): when it restarts empty or is away, a signed-out session
 * stays out (PostgreSQL is asked), messaging goes on, and the send limit holds per node instead of not at all. The
 * Redis of this test is its own, so stopping it troubles no other test.
 */
class RedisOutageTest {

  private static final String PASSWORD = "correct horse battery";

  @Test
  void signedOutSessionsStayOutAndMessagingGoesOnWhenRedisRestartsEmptyOrIsAway() throws Exception {
    EmbeddedServices.Redis redis = EmbeddedServices.startRedis();
    try (TestNodes nodes = new TestNodes()) {
      ParleyNode node = nodes.start(false, config -> config
          .put("redis", new JsonObject().put("url", redis.url()))
          .put("limits", config.getJsonObject("limits").copy().put("sendPerSecond", 1).put("sendBurst", 3)));
      TestApi api = new TestApi(node.vertx(), node.gateway().port());
      String email = "rae-" + UUID.randomUUID() + "@example.com";
      TestApi.expect(201, api.call(HttpMethod.POST, "/api/v1/auth/register", null,
          new JsonObject().put("email", email).put("password", PASSWORD).put("name", "Rae")));
      JsonObject laptop = login(api, email);
      JsonObject phone = login(api, email);
      TestApi.expect(204, api.call(HttpMethod.POST, "/api/v1/auth/logout", null,
          new JsonObject().put("refreshToken", laptop.getString("refreshToken"))));
      TestApi.expect(401, api.call(HttpMethod.GET, "/api/v1/me", user(laptop), null));

      redis.server().stop();
      redis.server().start();
      TestApi.expect(401, api.call(HttpMethod.GET, "/api/v1/me", user(laptop), null));
      TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/me", user(phone), null));

      redis.server().stop();
      TestApi.expect(401, api.call(HttpMethod.GET, "/api/v1/me", user(laptop), null));
      TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/me", user(phone), null));
      // Single-use tickets need Redis: a browser is told to try again, plainly.
      JsonObject noTicket = TestApi.expect(503, api.call(HttpMethod.POST, "/api/v1/ws-ticket", user(phone), null));
      assertEquals("unavailable", noTicket.getJsonObject("error").getString("code"));
      String room = api.createChannel(user(phone), "no-redis-" + UUID.randomUUID().toString().substring(0, 8));
      try (TestSocket socket = TestSocket.connect(node.vertx(), api.port(), user(phone))) {
        for (int i = 0; i < 10; i++) {
          socket.send(new JsonObject().put("op", "send").put("room", room).put("cid", "c" + i).put("text", "m" + i));
        }
        Map<String, Integer> answers = new HashMap<>();
        for (int i = 0; i < 10; i++) {
          JsonObject reply = socket.next();
          if ("ack".equals(reply.getString("op")) || "err".equals(reply.getString("op"))) {
            answers.merge("ack".equals(reply.getString("op")) ? "ack" : reply.getString("code"), 1, Integer::sum);
          } else {
            i--;
          }
        }
        assertTrue(answers.getOrDefault("ack", 0) >= 3, "messaging goes on without Redis: " + answers);
        assertTrue(answers.getOrDefault("rate_limited", 0) >= 1, "the send limit holds on this node: " + answers);
        assertEquals(10, answers.values().stream().mapToInt(Integer::intValue).sum(), "every send answered");
      }

      redis.server().start();
      TestApi.expect(401, api.call(HttpMethod.GET, "/api/v1/me", user(laptop), null));
      TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/me", user(phone), null));
    } finally {
      redis.close();
    }
  }

  private static JsonObject login(TestApi api, String email) {
    return TestApi.expect(200, api.call(HttpMethod.POST, "/api/v1/auth/login", null,
        new JsonObject().put("email", email).put("password", PASSWORD)));
  }

  private static TestApi.User user(JsonObject session) {
    JsonObject user = session.getJsonObject("user");
    return new TestApi.User(user.getString("id"), user.getString("name"), session.getString("accessToken"));
  }
}
