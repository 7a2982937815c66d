package dev.parley.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Email verification, end to end on one node mailing a real SMTP server (GreenMail) and keeping its tokens in a real
 * PostgreSQL: signing up sends one link, the link verifies once and not after it expires, an unknown token changes
 * nothing, and a signed-in person may ask for a few more links an hour. Sign-in never waits for it.
 */
class EmailVerificationTest {

  private static final String PASSWORD = "correct horse battery";

  private TestMail mail;
  private GreenMail smtp;
  private TestNodes nodes;
  private ParleyNode node;
  private TestApi api;

  @BeforeEach
  void start() {
    mail = TestMail.start();
    smtp = mail.smtp();
    nodes = new TestNodes();
    node = nodes.start(false, config -> {
      config.getJsonObject("auth").put("verifyEmailOnSignUp", true);
      return mail.sendingHere(config);
    });
    api = new TestApi(node.vertx(), node.gateway().port());
  }

  @AfterEach
  void stop() {
    nodes.close();
    mail.close();
  }

  @Test
  void signingUpSendsOneLinkThatVerifiesOnce() throws Exception {
    String email = TestMail.newAddress("ana");
    JsonObject session = register(email);
    TestApi.User ana = user(session);
    assertFalse(session.getJsonObject("user").getBoolean("emailVerified"), "not verified on signing up");
    assertFalse(emailVerified(ana), "nor in the profile");
    assertEquals(200, login(email).statusCode(), "an unverified account signs in all the same");

    assertTrue(smtp.waitForIncomingEmail(20_000, 1), "the email arrives");
    MimeMessage sent = smtp.getReceivedMessages()[0];
    assertEquals(email, sent.getAllRecipients()[0].toString());
    String token = TestMail.linkToken(sent, "verify-email");

    assertEquals(204, verify(token).statusCode());
    assertTrue(emailVerified(ana), "the profile says so");
    assertEquals(1L, count("SELECT count(*) FROM users WHERE email_verified_at IS NOT NULL"));

    HttpResponse<Buffer> again = verify(token);
    assertEquals(410, again.statusCode(), "the token works once");
    assertEquals("gone", again.bodyAsJsonObject().getJsonObject("error").getString("code"));
    assertEquals(409, askForLink(ana).statusCode(), "a verified address needs no other link");

    assertEquals(1, smtp.getReceivedMessages().length, "exactly one email was sent");
    assertEquals(0L, count("SELECT count(*) FROM notification_outbox WHERE kind = 'email-verification'"
        + " AND payload IS NOT NULL"), "the sent email's payload, which held the token, is gone");
  }

  @Test
  void anExpiredLinkChangesNothing() throws Exception {
    String email = TestMail.newAddress("bo");
    TestApi.User bo = user(register(email));
    assertTrue(smtp.waitForIncomingEmail(20_000, 1));
    String token = TestMail.linkToken(smtp.getReceivedMessages()[0], "verify-email");

    // Its time runs out (the clock of the database decides, as it does for the check).
    TestSql.execute(node.vertx(), nodes.databaseUrl(),
        "UPDATE email_verifications SET expires_at = now() - interval '1 second'");

    HttpResponse<Buffer> expired = verify(token);
    assertEquals(410, expired.statusCode());
    assertEquals("gone", expired.bodyAsJsonObject().getJsonObject("error").getString("code"));
    assertFalse(emailVerified(bo), "still unverified");
  }

  @Test
  void anUnknownOrMalformedTokenChangesNothing() {
    String email = TestMail.newAddress("cy");
    TestApi.User cy = user(register(email));

    HttpResponse<Buffer> unknown = verify("bm90LWEtdG9rZW4tYW55b25lLWdvdA");
    assertEquals(410, unknown.statusCode());
    assertEquals("gone", unknown.bodyAsJsonObject().getJsonObject("error").getString("code"));
    HttpResponse<Buffer> missing = api.call(HttpMethod.POST, "/api/v1/auth/verify-email", null, new JsonObject());
    assertEquals(400, missing.statusCode());
    assertEquals("invalid", missing.bodyAsJsonObject().getJsonObject("error").getString("code"));
    assertFalse(emailVerified(cy));
    assertEquals(0L, count("SELECT count(*) FROM users WHERE email_verified_at IS NOT NULL"));
  }

  @Test
  void aSignedInPersonAsksForAFewLinksAnHourAtMost() throws Exception {
    String email = TestMail.newAddress("di");
    TestApi.User di = user(register(email));
    assertEquals(401, api.call(HttpMethod.POST, "/api/v1/auth/verify-email/request", null, null).statusCode(),
        "only for the signed-in person");

    assertEquals(204, askForLink(di).statusCode());
    assertEquals(204, askForLink(di).statusCode());
    HttpResponse<Buffer> refused = askForLink(di);
    assertEquals(429, refused.statusCode(), "three links an hour, the one sent on signing up included");
    assertEquals("rate_limited", refused.bodyAsJsonObject().getJsonObject("error").getString("code"));
    assertEquals(3L, count("SELECT count(*) FROM email_verifications"), "no more kept");

    assertTrue(smtp.waitForIncomingEmail(20_000, 3), "the three emails arrive");
    MimeMessage[] sent = smtp.getReceivedMessages();
    assertEquals(3, sent.length);
    // Any of them verifies; the others stop working with it.
    assertEquals(204, verify(TestMail.linkToken(sent[1], "verify-email")).statusCode());
    assertEquals(410, verify(TestMail.linkToken(sent[0], "verify-email")).statusCode());
    assertEquals(410, verify(TestMail.linkToken(sent[2], "verify-email")).statusCode());
    assertTrue(emailVerified(di));
  }

  private JsonObject register(String email) {
    return TestApi.expect(201, api.call(HttpMethod.POST, "/api/v1/auth/register", null, new JsonObject()
        .put("email", email).put("password", PASSWORD).put("name", "Someone")));
  }

  private static TestApi.User user(JsonObject session) {
    JsonObject user = session.getJsonObject("user");
    return new TestApi.User(user.getString("id"), user.getString("name"), session.getString("accessToken"));
  }

  private boolean emailVerified(TestApi.User user) {
    return TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/me", user, null))
        .getJsonObject("user").getBoolean("emailVerified");
  }

  private HttpResponse<Buffer> login(String email) {
    return api.call(HttpMethod.POST, "/api/v1/auth/login", null,
        new JsonObject().put("email", email).put("password", PASSWORD));
  }

  private HttpResponse<Buffer> askForLink(TestApi.User user) {
    return api.call(HttpMethod.POST, "/api/v1/auth/verify-email/request", user, null);
  }

  private HttpResponse<Buffer> verify(String token) {
    return api.call(HttpMethod.POST, "/api/v1/auth/verify-email", null, new JsonObject().put("token", token));
  }


  private long count(String sql) {
    return TestSql.count(node.vertx(), nodes.databaseUrl(), sql);
  }

}
