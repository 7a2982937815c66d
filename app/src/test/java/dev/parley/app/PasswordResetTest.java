package dev.parley.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Password reset by email, end to end on one node mailing a real SMTP server (GreenMail) and keeping its tokens in a
 * real PostgreSQL: the link works once and not after it expires, a reset ends every session, and an address without
 * an account gets the same answer, in the same time, and no email.
 */
class PasswordResetTest {

  private static final String OLD_PASSWORD = "correct horse battery";
  private static final String NEW_PASSWORD = "a brand new passphrase";

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
    node = nodes.start(false, mail::sendingHere);
    api = new TestApi(node.vertx(), node.gateway().port());
  }

  @AfterEach
  void stop() {
    nodes.close();
    mail.close();
  }

  @Test
  void theLinkWorksOnceAndTheResetEndsEverySession() throws Exception {
    String email = TestMail.newAddress("ana");
    JsonObject session = register(email);
    String accessToken = session.getString("accessToken");

    assertEquals(204, forgot(email.toUpperCase(Locale.ROOT)).statusCode(), "addresses match whatever their case");
    assertTrue(smtp.waitForIncomingEmail(20_000, 1), "the email arrives");
    MimeMessage mail = smtp.getReceivedMessages()[0];
    assertEquals(email, mail.getAllRecipients()[0].toString());
    String token = TestMail.linkToken(mail, "reset-password");

    assertEquals(204, reset(token, NEW_PASSWORD).statusCode());
    assertEquals(401, api.call(HttpMethod.GET, "/api/v1/me", new TestApi.User(null, "Ana", accessToken), null)
        .statusCode(), "the session that was open has ended");
    assertEquals(401, api.call(HttpMethod.POST, "/api/v1/auth/refresh", null,
        new JsonObject().put("refreshToken", session.getString("refreshToken"))).statusCode(), "for good");
    assertEquals(401, login(email, OLD_PASSWORD).statusCode(), "the old password is gone");
    assertEquals(200, login(email, NEW_PASSWORD).statusCode(), "the new one signs in");

    HttpResponse<Buffer> again = reset(token, "yet another passphrase");
    assertEquals(410, again.statusCode(), "the token works once");
    assertEquals("gone", again.bodyAsJsonObject().getJsonObject("error").getString("code"));
    assertEquals(200, login(email, NEW_PASSWORD).statusCode(), "and a second use changed nothing");
  }

  @Test
  void anExpiredLinkChangesNothing() throws Exception {
    String email = TestMail.newAddress("bo");
    register(email);
    assertEquals(204, forgot(email).statusCode());
    assertTrue(smtp.waitForIncomingEmail(20_000, 1));
    String token = TestMail.linkToken(smtp.getReceivedMessages()[0], "reset-password");

    // Its time runs out (the clock of the database decides, as it does for the check).
    TestSql.execute(node.vertx(), nodes.databaseUrl(),
        "UPDATE password_resets SET expires_at = now() - interval '1 second'");

    assertEquals(410, reset(token, NEW_PASSWORD).statusCode());
    assertEquals(200, login(email, OLD_PASSWORD).statusCode(), "the password is as it was");
  }

  @Test
  void anUnknownAddressGetsTheSameAnswerInTheSameTimeAndNoEmail() throws Exception {
    List<String> known = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      known.add(TestMail.newAddress("known" + i));
      register(known.get(i));
    }
    // Warm both paths up (JIT, prepared statements), then time them in turn.
    for (int i = 0; i < 5; i++) {
      forgot(TestMail.newAddress("warm-up"));
    }
    List<Long> knownNanos = new ArrayList<>();
    List<Long> unknownNanos = new ArrayList<>();
    Set<String> unknown = new HashSet<>();
    for (int round = 0; round < 10; round++) {
      String stranger = TestMail.newAddress("nobody");
      unknown.add(stranger);
      HttpResponse<Buffer> forKnown = timed(knownNanos, known.get(round % known.size()));
      HttpResponse<Buffer> forUnknown = timed(unknownNanos, stranger);
      assertEquals(forKnown.statusCode(), forUnknown.statusCode(), "the same status");
      assertEquals(String.valueOf(forKnown.bodyAsString()), String.valueOf(forUnknown.bodyAsString()), "the same body");
      assertEquals(204, forUnknown.statusCode());
    }
    long knownMedian = median(knownNanos);
    long unknownMedian = median(unknownNanos);
    assertTrue(Math.abs(knownMedian - unknownMedian) < Math.max(15_000_000L, Math.max(knownMedian, unknownMedian) / 2),
        "the same time: median " + knownMedian / 1000 + " µs for known addresses, " + unknownMedian / 1000
            + " µs for unknown ones");

    assertTrue(smtp.waitForIncomingEmail(20_000, 10), "the known addresses got their emails");
    for (MimeMessage mail : smtp.getReceivedMessages()) {
      String to = mail.getAllRecipients()[0].toString();
      assertTrue(known.contains(to), "no email to an address without an account: " + to);
    }
  }

  @Test
  void anAccountGetsAFewLinksAnHourAtMost() throws Exception {
    String email = TestMail.newAddress("cy");
    register(email);
    for (int i = 0; i < 5; i++) {
      assertEquals(204, forgot(email).statusCode(), "the answer does not change past the limit");
    }
    assertTrue(smtp.waitForIncomingEmail(20_000, 3));
    assertEquals(3L, count("SELECT count(*) FROM password_resets"), "three links an hour, no more kept");
    assertEquals(3L, count("SELECT count(*) FROM notification_outbox WHERE kind = 'password-reset'"), "nor sent");
  }

  private HttpResponse<Buffer> timed(List<Long> nanos, String email) {
    long start = System.nanoTime();
    HttpResponse<Buffer> response = forgot(email);
    nanos.add(System.nanoTime() - start);
    return response;
  }

  private static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private JsonObject register(String email) {
    return TestApi.expect(201, api.call(HttpMethod.POST, "/api/v1/auth/register", null, new JsonObject()
        .put("email", email).put("password", OLD_PASSWORD).put("name", "Someone")));
  }

  private HttpResponse<Buffer> login(String email, String password) {
    return api.call(HttpMethod.POST, "/api/v1/auth/login", null,
        new JsonObject().put("email", email).put("password", password));
  }

  private HttpResponse<Buffer> forgot(String email) {
    return api.call(HttpMethod.POST, "/api/v1/auth/password-reset", null, new JsonObject().put("email", email));
  }

  private HttpResponse<Buffer> reset(String token, String password) {
    return api.call(HttpMethod.POST, "/api/v1/auth/password-reset/confirm", null,
        new JsonObject().put("token", token).put("password", password));
  }


  private long count(String sql) {
    return TestSql.count(node.vertx(), nodes.databaseUrl(), sql);
  }

}
