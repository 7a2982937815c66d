package dev.parley.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Password sign-in and sessions: rotation, reuse detection, sign-out reaching open sockets, rate limits. */
class SessionsTest {

  private static final String PASSWORD = "correct horse battery";

  private TestNodes nodes;
  private Vertx vertx;
  private TestApi api;

  @BeforeEach
  void start() {
    nodes = new TestNodes();
    ParleyNode node = nodes.start(false, config -> {
      config.getJsonObject("limits").put("loginPerMinute", 8).put("authPerMinute", 100);
      return config;
    });
    vertx = node.vertx();
    api = new TestApi(vertx, node.gateway().port());
  }

  @AfterEach
  void stop() {
    nodes.close();
  }

  @Test
  void refreshTokensRotateAndAReusedOneEndsTheWholeSession() {
    String email = newAccount("Rita");
    JsonObject session = login(email);
    JsonObject second = refresh(session.getString("refreshToken"), 200);
    JsonObject third = refresh(second.getString("refreshToken"), 200);
    TestApi.User user = user(third);
    try (TestSocket socket = TestSocket.connect(vertx, api.port(), user)) {
      JsonObject reused = refresh(session.getString("refreshToken"), 401);
      assertTrue(reused.getJsonObject("error").getString("message").contains("used before"));
      assertEquals(4001, socket.nextOp("closed").getInteger("status"), "the session's sockets close");
    }
    refresh(third.getString("refreshToken"), 401);
    TestApi.expect(401, api.call(HttpMethod.GET, "/api/v1/me", user, null));
  }

  @Test
  void signingOutClosesThatSessionsSocketsWithinASecondAndNoOthers() {
    String email = newAccount("Sam");
    JsonObject laptop = login(email);
    JsonObject phone = login(email);
    try (TestSocket laptopSocket = TestSocket.connect(vertx, api.port(), user(laptop));
         TestSocket phoneSocket = TestSocket.connect(vertx, api.port(), user(phone))) {
      long start = System.nanoTime();
      TestApi.expect(204, api.call(HttpMethod.POST, "/api/v1/auth/logout", null,
          new JsonObject().put("refreshToken", laptop.getString("refreshToken"))));
      assertEquals(4001, laptopSocket.nextOp("closed").getInteger("status"));
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(millis < 1_000, "closed " + millis + " ms after signing out");
      phoneSocket.assertQuiet();
    }
    TestApi.expect(401, api.call(HttpMethod.GET, "/api/v1/me", user(laptop), null));
    TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/me", user(phone), null));
    refresh(laptop.getString("refreshToken"), 401);
  }

  @Test
  void theSessionsListAndSignOutEverywhere() {
    String email = newAccount("Tia");
    JsonObject first = login(email);
    JsonObject second = login(email);
    JsonArray sessions = TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/sessions", user(first), null))
        .getJsonArray("sessions");
    assertEquals(3, sessions.size(), "sign-up, and two sign-ins");
    assertEquals(1, sessions.stream().filter(s -> ((JsonObject) s).getBoolean("current")).count());
    TestApi.expect(204, api.call(HttpMethod.POST, "/api/v1/sessions/revoke-all", user(first),
        new JsonObject().put("keepCurrent", true)));
    TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/me", user(first), null));
    TestApi.expect(401, api.call(HttpMethod.GET, "/api/v1/me", user(second), null));
    TestApi.expect(204, api.call(HttpMethod.POST, "/api/v1/sessions/revoke-all", user(first), null));
    TestApi.expect(401, api.call(HttpMethod.GET, "/api/v1/me", user(first), null));
  }

  @Test
  void aWrongPasswordAndAnUnknownAccountGetTheSameAnswerAndAttemptsAreLimited() {
    String email = newAccount("Uma");
    JsonObject wrong = TestApi.expect(401, api.call(HttpMethod.POST, "/api/v1/auth/login", null,
        new JsonObject().put("email", email).put("password", "not the password")));
    JsonObject unknown = TestApi.expect(401, api.call(HttpMethod.POST, "/api/v1/auth/login", null,
        new JsonObject().put("email", "nobody-" + UUID.randomUUID() + "@example.com").put("password", "whatever1")));
    assertEquals(wrong, unknown, "nothing tells whether the account exists");

    int status = 0;
    for (int attempt = 0; attempt < 10 && status != 429; attempt++) {
      status = api.call(HttpMethod.POST, "/api/v1/auth/login", null,
          new JsonObject().put("email", email).put("password", "wrong guess " + attempt)).statusCode();
    }
    assertEquals(429, status, "guessing one account's password is slowed down");
    JsonObject limited = TestApi.expect(429, api.call(HttpMethod.POST, "/api/v1/auth/login", null,
        new JsonObject().put("email", email).put("password", PASSWORD)));
    assertEquals("rate_limited", limited.getJsonObject("error").getString("code"));
  }

  @Test
  void changingThePasswordEndsTheOtherSessions() {
    String email = newAccount("Vic");
    JsonObject here = login(email);
    JsonObject elsewhere = login(email);
    TestApi.expect(403, api.call(HttpMethod.POST, "/api/v1/auth/password", user(here),
        new JsonObject().put("currentPassword", "wrong one").put("newPassword", "a new long password")));
    TestApi.expect(204, api.call(HttpMethod.POST, "/api/v1/auth/password", user(here),
        new JsonObject().put("currentPassword", PASSWORD).put("newPassword", "a new long password")));
    TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/me", user(here), null));
    TestApi.expect(401, api.call(HttpMethod.GET, "/api/v1/me", user(elsewhere), null));
    TestApi.expect(401, api.call(HttpMethod.POST, "/api/v1/auth/login", null,
        new JsonObject().put("email", email).put("password", PASSWORD)));
    TestApi.expect(200, api.call(HttpMethod.POST, "/api/v1/auth/login", null,
        new JsonObject().put("email", email).put("password", "a new long password")));
  }

  private String newAccount(String name) {
    String email = name.toLowerCase() + "-" + UUID.randomUUID() + "@example.com";
    TestApi.expect(201, api.call(HttpMethod.POST, "/api/v1/auth/register", null,
        new JsonObject().put("email", email).put("password", PASSWORD).put("name", name)));
    return email;
  }

  private JsonObject login(String email) {
    return TestApi.expect(200, api.call(HttpMethod.POST, "/api/v1/auth/login", null,
        new JsonObject().put("email", email).put("password", PASSWORD)));
  }

  private JsonObject refresh(String refreshToken, int status) {
    return TestApi.expect(status, api.call(HttpMethod.POST, "/api/v1/auth/refresh", null,
        new JsonObject().put("refreshToken", refreshToken)));
  }

  private static TestApi.User user(JsonObject session) {
    JsonObject user = session.getJsonObject("user");
    return new TestApi.User(user.getString("id"), user.getString("name"), session.getString("accessToken"));
  }
}
