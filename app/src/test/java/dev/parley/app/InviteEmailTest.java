package dev.parley.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Invite by email end to end: gateway, room-verticle and notification-verticle on one node, mailing a real SMTP
 * server (GreenMail). The link in the email works once.
 */
class InviteEmailTest {

  private static final Pattern LINK = Pattern.compile("http://\\S+/invite/([A-Za-z0-9_-]+)");

  private GreenMail smtp;
  private TestNodes nodes;
  private TestApi api;

  @BeforeEach
  void start() throws Exception {
    smtp = new GreenMail(new ServerSetup(EmbeddedServices.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    nodes = new TestNodes();
    ParleyNode node = nodes.start(false, config -> config.put("mail", new JsonObject()
        .put("host", "127.0.0.1").put("port", smtp.getSmtp().getPort()).put("retryMillis", 100)));
    api = new TestApi(node.vertx(), node.gateway().port());
  }

  @AfterEach
  void stop() {
    nodes.close();
    smtp.stop();
  }

  @Test
  void anInvitedAddressGetsOneEmailWhoseLinkWorksOnce() throws Exception {
    TestApi.User owner = api.register("Olivia");
    String room = api.createRoom(owner, "book-club", "private");
    String path = "/api/v1/rooms/" + room + "/invites/email";

    TestApi.expect(400, api.call(HttpMethod.POST, path, owner, new JsonObject().put("emails",
        new JsonArray().add("friend@example.com").add("not an address"))));
    JsonObject queued = TestApi.expect(202, api.call(HttpMethod.POST, path, owner, new JsonObject().put("emails",
        new JsonArray().add("friend@example.com").add("FRIEND@example.com"))));
    assertEquals(1, queued.getJsonArray("invites").size(), "one address, one invite");
    String invite = queued.getJsonArray("invites").getJsonObject(0).getString("id");

    assertTrue(smtp.waitForIncomingEmail(20_000, 1), "the email arrives");
    MimeMessage email = smtp.getReceivedMessages()[0];
    assertEquals("friend@example.com", email.getAllRecipients()[0].toString());
    assertFalse(email.getSubject().contains("book-club"), "nothing typed by a person goes into the subject");
    assertTrue(GreenMailUtil.getBody(email).contains("book-club"), "the room is named in the body");
    Matcher link = LINK.matcher(GreenMailUtil.getBody(email));
    assertTrue(link.find(), "the email carries the invite link");
    String token = link.group(1);
    nodes.eventually(() -> "sent".equals(emailStatus(owner, room, invite)), "the invite shows as sent");

    JsonObject again = TestApi.expect(202, api.call(HttpMethod.POST, path, owner,
        new JsonObject().put("emails", new JsonArray().add("friend@example.com"))));
    assertEquals(invite, again.getJsonArray("invites").getJsonObject(0).getString("id"),
        "the same address within minutes gets no second invite");

    TestApi.User friend = api.register("Friend");
    JsonObject joined = TestApi.expect(200, api.call(HttpMethod.POST, "/api/v1/invites/" + token + "/accept", friend,
        null));
    assertEquals(room, joined.getJsonObject("room").getString("id"));
    assertEquals("accepted", emailStatus(owner, room, invite));
    TestApi.User stranger = api.register("Stranger");
    TestApi.expect(410, api.call(HttpMethod.POST, "/api/v1/invites/" + token + "/accept", stranger, null));
    assertEquals(1, smtp.getReceivedMessages().length, "exactly one email was sent");
  }

  @Test
  void anInvitationAfterARenameNamesTheRoomAsItIsCalledNow() throws Exception {
    TestApi.User owner = api.register("Olivia");
    String room = api.createRoom(owner, "old-name", "private");
    TestApi.expect(200, api.call(HttpMethod.PATCH, "/api/v1/rooms/" + room, owner,
        new JsonObject().put("name", "New Name")));
    TestApi.expect(202, api.call(HttpMethod.POST, "/api/v1/rooms/" + room + "/invites/email", owner,
        new JsonObject().put("emails", new JsonArray().add("friend@example.com"))));
    assertTrue(smtp.waitForIncomingEmail(20_000, 1), "the email arrives");
    String body = GreenMailUtil.getBody(smtp.getReceivedMessages()[0]);
    assertTrue(body.contains("new-name"), "the room's name now");
    assertFalse(body.contains("old-name"), "not the one it had");
  }

  private String emailStatus(TestApi.User owner, String room, String invite) {
    JsonArray invites = TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/rooms/" + room + "/invites", owner,
        null)).getJsonArray("invites");
    return invites.stream().map(JsonObject.class::cast).filter(candidate -> invite.equals(candidate.getString("id")))
        .map(candidate -> candidate.getString("emailStatus")).findFirst().orElse(null);
  }
}
