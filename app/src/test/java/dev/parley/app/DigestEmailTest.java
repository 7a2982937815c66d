package dev.parley.app;

import static dev.parley.app.TestNodes.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.parley.notify.NotificationVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The email digest against a real SMTP server (GreenMail): what stays unread for {@code notify.emailAfterMinutes}
 * (here a second or two) comes in one email with links into the rooms and a one-click unsubscribe; what is read in
 * time does not; two notification-verticle instances never send it twice; one stopped before it was due leaves it to
 * the next.
 */
class DigestEmailTest {

  private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");

  private GreenMail smtp;
  private TestNodes nodes;
  private Vertx vertx;
  private TestApi api;
  private Pool db;
  private TestApi.User alice;
  private TestApi.User bob;
  private TestApi.User carol;
  private String room;

  @BeforeEach
  void startSmtp() throws Exception {
    smtp = new GreenMail(new ServerSetup(EmbeddedServices.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    nodes = new TestNodes();
  }

  @AfterEach
  void stop() {
    if (db != null) {
      await(db.close());
    }
    nodes.close();
    smtp.stop();
  }

  /** One node with every role, or only some, emailing GreenMail after {@code minutes}. */
  private void start(double minutes, EnumSet<Role> roles) {
    startWith(settings(minutes), roles);
  }

  private void startWith(UnaryOperator<JsonObject> settings, EnumSet<Role> roles) {
    ParleyNode node = nodes.start(false, roles, settings);
    vertx = node.vertx();
    api = new TestApi(vertx, node.gateway().port());
    db = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(nodes.databaseUrl())).using(vertx).build();
    alice = api.register("Alice");
    bob = api.register("Bob");
    carol = api.register("Carol");
    room = api.createChannel(alice, "digest-" + UUID.randomUUID().toString().substring(0, 8));
    api.join(bob, room);
    api.join(carol, room);
  }

  private UnaryOperator<JsonObject> settings(double minutes) {
    return config -> config
        .put("mail", new JsonObject().put("host", "127.0.0.1").put("port", smtp.getSmtp().getPort())
            .put("from", "Parley <noreply@parley.test>").put("retryMillis", 100))
        .put("notify", config.getJsonObject("notify").copy().put("pollMillis", 50).put("leaseSeconds", 2)
            .put("emailAfterMinutes", minutes));
  }

  @Test
  void whatStaysUnreadComesInOneEmailWithLinksIntoTheRoomsAndAOneClickUnsubscribe() throws Exception {
    start(0.02, EnumSet.allOf(Role.class));
    String dm = api.openDm(alice, bob);
    try (TestSocket aliceSocket = TestSocket.connect(vertx, api.port(), alice)) {
      aliceSocket.sendMessage(room, "@" + handle(bob) + " can you review <b>this</b>?");
      aliceSocket.sendMessage(room, "@" + handle(bob) + " and this one");
      aliceSocket.sendMessage(dm, "also, lunch?");
    }
    nodes.eventually(() -> digestDone(bob), "Bob's digest is handled");
    MimeMessage email = onlyEmailTo(bob);
    assertEquals("3 unread messages on Parley", email.getSubject());
    String body = GreenMailUtil.getBody(email);
    assertTrue(body.contains("/#/room/" + room), "a link into the channel");
    assertTrue(body.contains("/#/room/" + dm), "a link into the DM");
    assertTrue(body.contains("and this one") && body.contains("also, lunch?"), body);
    String html = part(email, "text/html");
    assertFalse(html.contains("<b>this</b>"), "typed text is escaped in the HTML part");
    assertTrue(html.contains("&lt;b&gt;this&lt;/b&gt;"), html);
    assertTrue(html.contains("href=\"http://localhost:0/#/room/" + room + "\""), html);
    assertEquals("List-Unsubscribe=One-Click", email.getHeader("List-Unsubscribe-Post")[0]);
    String unsubscribe = email.getHeader("List-Unsubscribe")[0];
    assertTrue(unsubscribe.startsWith("<") && unsubscribe.contains("/api/v1/notifications/unsubscribe?token="),
        unsubscribe);

    Matcher token = TOKEN.matcher(unsubscribe);
    assertTrue(token.find());
    TestApi.expect(404, api.call(HttpMethod.POST, "/api/v1/notifications/unsubscribe?token=" + "x".repeat(32), null,
        null));
    TestApi.expect(204, api.call(HttpMethod.POST, "/api/v1/notifications/unsubscribe?token=" + token.group(1), null,
        null));
    assertEquals(false, TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/me/notifications", bob, null))
        .getBoolean("email"), "one click switched email off");
    try (TestSocket aliceSocket = TestSocket.connect(vertx, api.port(), alice)) {
      aliceSocket.sendMessage(room, "@" + handle(bob) + " still there?");
    }
    String carolsWitness;
    try (TestSocket aliceSocket = TestSocket.connect(vertx, api.port(), alice)) {
      carolsWitness = aliceSocket.sendMessage(room, "@" + handle(carol) + " you too").getString("id");
    }
    assertNotNull(carolsWitness);
    nodes.eventually(() -> emailsTo(carol).size() == 1, "Carol's digest comes");
    assertEquals(1, emailsTo(bob).size(), "nothing more for Bob once he unsubscribed");
  }

  @Test
  void aMentionReadBeforeTheDelayIsNeverEmailed() throws Exception {
    start(0.05, EnumSet.allOf(Role.class));
    long seq;
    try (TestSocket aliceSocket = TestSocket.connect(vertx, api.port(), alice)) {
      seq = aliceSocket.sendMessage(room, "@" + handle(bob) + " quick one").getLong("seq");
    }
    TestApi.expect(204, api.call(HttpMethod.POST, "/api/v1/rooms/" + room + "/read", bob,
        new JsonObject().put("seq", seq)));
    nodes.eventually(() -> digestDone(bob), "Bob's digest is looked at when due");
    assertEquals(List.of(), emailsTo(bob), "read in time: no email");
  }

  @Test
  void twoInstancesNeverSendTheSameDigestTwice() throws Exception {
    // Leases longer than any attempt here, as the default (120 s) is longer than an email's attempt (60 s at
    // most): an attempt that outlives its lease may be made again by the other instance, which is what the 2 s
    // leases of the other tests allow on a machine slow enough.
    UnaryOperator<JsonObject> longLeases = config -> {
      JsonObject set = settings(0.02).apply(config);
      set.getJsonObject("notify").put("leaseSeconds", 60);
      return set;
    };
    startWith(longLeases, EnumSet.allOf(Role.class));
    await(vertx.deployVerticle(new NotificationVerticle(), new DeploymentOptions()
        .setConfig(longLeases.apply(nodes.config(false)))));
    try (TestSocket aliceSocket = TestSocket.connect(vertx, api.port(), alice)) {
      for (int i = 0; i < 10; i++) {
        aliceSocket.sendMessage(room, "@" + handle(bob) + " @" + handle(carol) + " number " + i);
      }
    }
    // Usually one email each; on a slow machine the first digest can fall due before the last mention is stored,
    // and a second email then carries the rest. Never a message twice: the counts add up to ten exactly.
    nodes.eventually(() -> digestDone(bob) && digestDone(carol) && unreadEmailed(bob) >= 10
        && unreadEmailed(carol) >= 10, "both digests handled");
    assertEquals(10, unreadEmailed(bob), "each message in one email for Bob");
    assertEquals(10, unreadEmailed(carol), "each message in one email for Carol");
  }

  /** The unread messages the person's emails told of, added up ("10 unread messages on Parley"). */
  private int unreadEmailed(TestApi.User user) {
    int total = 0;
    for (MimeMessage email : emailsTo(user)) {
      try {
        total += Integer.parseInt(email.getSubject().split(" ")[0]);
      } catch (Exception unreadable) {
        throw new AssertionError("a digest's subject starts with its count", unreadable);
      }
    }
    return total;
  }

  @Test
  void aDigestLeftByAStoppedInstanceIsSentOnceByTheNext() throws Exception {
    start(0.05, EnumSet.of(Role.ROOMS, Role.GATEWAY));
    String first = await(vertx.deployVerticle(new NotificationVerticle(), new DeploymentOptions()
        .setConfig(settings(0.05).apply(nodes.config(false)))));
    try (TestSocket aliceSocket = TestSocket.connect(vertx, api.port(), alice)) {
      aliceSocket.sendMessage(room, "@" + handle(bob) + " before the restart");
    }
    nodes.eventually(() -> count("SELECT count(*) FROM notification_outbox WHERE kind = 'digest'"
        + " AND finished_at IS NULL AND user_id = $1", bob) == 1, "Bob's digest is queued");
    // A claim this instance made and could not finish, as if it stopped mid-way.
    await(db.preparedQuery("UPDATE notification_outbox SET claimed_by = 'stopped', claimed_until = now()"
        + " + interval '1 second' WHERE kind = 'digest' AND user_id = $1").execute(Tuple.of(UUID.fromString(bob.id()))));
    await(vertx.undeploy(first));
    await(vertx.deployVerticle(new NotificationVerticle(), new DeploymentOptions()
        .setConfig(settings(0.05).apply(nodes.config(false)))));
    nodes.eventually(() -> digestDone(bob), "the next instance sends it");
    assertEquals(1, emailsTo(bob).size(), "exactly one email");
  }

  // ---- helpers ----

  private boolean digestDone(TestApi.User user) {
    return count("SELECT count(*) FROM notification_outbox WHERE kind = 'digest' AND outcome = 'done'"
        + " AND user_id = $1", user) == 1;
  }

  private MimeMessage onlyEmailTo(TestApi.User user) throws Exception {
    List<MimeMessage> emails = emailsTo(user);
    assertEquals(1, emails.size(), "exactly one email");
    return emails.get(0);
  }

  private static String part(MimeMessage mail, String type) throws Exception {
    MimeMultipart alternative = (MimeMultipart) mail.getContent();
    for (int i = 0; i < alternative.getCount(); i++) {
      if (alternative.getBodyPart(i).isMimeType(type)) {
        return (String) alternative.getBodyPart(i).getContent();
      }
    }
    throw new AssertionError("no " + type + " part");
  }

  private List<MimeMessage> emailsTo(TestApi.User user) {
    String address = await(db.preparedQuery("SELECT email FROM users WHERE id = $1")
        .execute(Tuple.of(UUID.fromString(user.id())))).iterator().next().getString(0);
    return Arrays.stream(smtp.getReceivedMessages()).filter(mail -> {
      try {
        return address.equalsIgnoreCase(mail.getRecipients(Message.RecipientType.TO)[0].toString());
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }).toList();
  }

  private long count(String sql, TestApi.User user) {
    return await(db.preparedQuery(sql).execute(Tuple.of(UUID.fromString(user.id())))).iterator().next().getLong(0);
  }

  private String handle(TestApi.User user) {
    return TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/users/" + user.id(), user, null))
        .getJsonObject("user").getString("handle");
  }
}
