package dev.parley.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Bot accounts with API tokens (issue 15): the workspace owner makes one, a room admin adds it to a room by its
 * handle, and it posts over the WebSocket like a person; nobody else makes bots, and a wrong token gets nowhere.
 */
class BotsTest {

  private final TestNodes nodes = new TestNodes();

  @AfterEach
  void stop() {
    nodes.close();
  }

  @Test
  void aBotMadeByTheOwnerIsAddedToARoomAndPostsLikeAPerson() {
    TestNodes.WithMembers started = nodes.startWithTwoMembers(config -> config);
    TestApi api = started.api();
    TestApi.TwoMembers members = started.members();
    JsonObject refused = TestApi.expect(403, api.call(HttpMethod.POST, "/api/v1/bots", members.alice(),
        new JsonObject().put("name", "Nope")));
    assertEquals("forbidden", refused.getJsonObject("error").getString("code"), "only owners and admins make bots");

    JsonObject made = TestApi.expect(201, api.call(HttpMethod.POST, "/api/v1/bots", members.owner(),
        new JsonObject().put("name", "Standup")));
    String token = made.getString("token");
    JsonObject bot = made.getJsonObject("bot");
    assertTrue(token.startsWith("pbot_"), token);
    assertTrue(bot.getString("handle").startsWith("bot_"), bot.encode());
    TestApi.User asBot = new TestApi.User(bot.getString("bot"), "Standup", token);

    TestApi.expect(200, api.call(HttpMethod.POST, "/api/v1/rooms/" + members.room() + "/members", members.alice(),
        new JsonObject().put("user", asBot.id())));
    try (TestSocket botSocket = TestSocket.connect(started.vertx(), api.port(), asBot);
         TestSocket bob = TestSocket.connect(started.vertx(), api.port(), members.bob())) {
      assertEquals(asBot.id(), botSocket.hello().getString("user"));
      bob.subscribeLive(members.room());
      assertEquals("ack", botSocket.sendMessage(members.room(), "Stand-up in 5 minutes").getString("op"));
      JsonObject message = bob.nextEvent("message").getJsonObject("data");
      assertEquals("Stand-up in 5 minutes", message.getString("text"));
      assertEquals(asBot.id(), message.getString("sender"));
      assertEquals("Standup", message.getString("senderName"));
    }
    JsonObject rooms = TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/rooms", asBot, null));
    assertEquals(members.room(), rooms.getJsonArray("rooms").getJsonObject(0).getString("id"),
        "the HTTP API answers the bot as it would a person");
    TestApi.expect(401, api.call(HttpMethod.GET, "/api/v1/rooms",
        new TestApi.User(asBot.id(), "Standup", token + "x"), null));
  }
}
