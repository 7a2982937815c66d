package dev.parley.notify;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.parley.shared.Addresses;
import dev.parley.shared.ErrorCode;
import dev.parley.shared.contract.Contract;
import dev.parley.shared.contract.Done;
import dev.parley.shared.contract.Requester;
import dev.parley.shared.notify.InviteEmailWork;
import dev.parley.shared.rooms.InviteCommands.EmailInviteStatus;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The verticle against a real SMTP server (GreenMail, on a free port). A test consumer on {@link Addresses#ROOMS_CMD}
 * stands in for room-verticle's side of the status contract: it records each report and answers {@code {}}.
 */
@ExtendWith(VertxExtension.class)
class NotificationVerticleTest {

  private static final long WAIT_MS = 10_000;
  private static final String LOOPBACK = "127.0.0.1";
  private static final String FROM = "Parley <noreply@parley.test>";
  private static final String LINK = "http://localhost:8080/invite/Zm9vYmFyYmF6cXV4LXRva2Vu";

  private Vertx vertx;
  private GreenMail greenMail;
  private final LinkedBlockingQueue<EmailInviteStatus> statuses = new LinkedBlockingQueue<>();

  @BeforeEach
  void setUp(Vertx vertx) {
    this.vertx = vertx;
  }

  @AfterEach
  void stopSmtp() {
    if (greenMail != null) {
      greenMail.stop();
    }
  }

  @Test
  void anInviteArrivesOnceWithTheLinkInBothPartsAndEscapedNamesAndIsReportedSent() throws Exception {
    roomVerticleStandIn();
    int port = startSmtp(0);
    deploy(smtp(port, 100, 3));

    assertEquals(Done.DONE, submit(invite("inv-1", "<script>alert(1)</script>", "Alice & <b>Co</b>")));

    assertTrue(greenMail.waitForIncomingEmail(WAIT_MS, 1), "the email arrives");
    assertEquals(sent("inv-1"), nextStatus());
    MimeMessage[] received = greenMail.getReceivedMessages();
    assertEquals(1, received.length, "exactly one email");
    MimeMessage mail = received[0];
    assertEquals("You are invited to a room on localhost (Parley)", mail.getSubject(), "no typed text in the subject");
    assertEquals("bob@example.org", mail.getAllRecipients()[0].toString());
    assertEquals("noreply@parley.test", ((InternetAddress) mail.getFrom()[0]).getAddress());

    String text = part(mail, "text/plain");
    String html = part(mail, "text/html");
    assertTrue(text.contains(LINK), text);
    assertTrue(html.contains("href=\"" + LINK + "\""), html);
    assertFalse(html.contains("<script>"), html);
    assertFalse(html.contains("<b>Co</b>"), html);
    assertTrue(html.contains("#&lt;script&gt;alert(1)&lt;/script&gt;"), html);
    assertTrue(html.contains("Alice &amp; &lt;b&gt;Co&lt;/b&gt;"), html);
    assertTrue(statuses.isEmpty(), "one report: " + statuses);
  }

  @Test
  void whileTheSmtpServerIsDownTheMailIsTriedAgainAndSentOnceItIsBack() throws Exception {
    roomVerticleStandIn();
    int port = freePort();
    NotificationVerticle verticle = deploy(smtp(port, 100, 10));

    submit(invite("inv-2", "general", "Alice"));
    awaitCondition(() -> verticle.failures() >= 1);
    assertTrue(statuses.isEmpty(), "nothing reported while retrying: " + statuses);

    startSmtp(port);
    assertTrue(greenMail.waitForIncomingEmail(WAIT_MS, 1), "the email arrives once the server is back");
    assertEquals(sent("inv-2"), nextStatus());
    assertEquals(1, greenMail.getReceivedMessages().length, "exactly one email");
    assertEquals(verticle.failures() + 1, verticle.attempts(), "every attempt but the last failed");
    assertTrue(statuses.isEmpty(), "one report: " + statuses);
  }

  @Test
  void theSameInviteSubmittedTwiceIsMailedOnce() throws Exception {
    roomVerticleStandIn();
    int port = startSmtp(0);
    NotificationVerticle verticle = deploy(smtp(port, 100, 3));

    InviteEmailWork work = invite("inv-3", "general", "Alice");
    assertEquals(Done.DONE, submit(work));
    assertEquals(Done.DONE, submit(work), "a duplicate is accepted, and ignored");

    assertTrue(greenMail.waitForIncomingEmail(WAIT_MS, 1));
    assertEquals("sent", nextStatus().status());
    assertEquals(Done.DONE, submit(work), "still ignored once sent");

    assertEquals(1, verticle.attempts(), "one delivery attempt in all");
    assertEquals(1, greenMail.getReceivedMessages().length);
    assertTrue(statuses.isEmpty(), "one report: " + statuses);
  }

  @Test
  void whenEveryAttemptFailsOneFailedReportCarriesTheLastError() throws Exception {
    roomVerticleStandIn();
    NotificationVerticle verticle = deploy(smtp(freePort(), 20, 3));

    submit(invite("inv-4", "general", "Alice"));

    EmailInviteStatus status = nextStatus();
    assertEquals("inv-4", status.invite());
    assertEquals(EmailInviteStatus.FAILED, status.status());
    assertNotNull(status.error());
    assertFalse(status.error().isBlank());
    assertEquals(3, verticle.attempts(), "maxAttempts attempts in all");
    assertEquals(3, verticle.failures());
    assertTrue(statuses.isEmpty(), "one report: " + statuses);
  }

  @Test
  void withoutAnSmtpHostTheMailIsWrittenToTheOutboxAndReportedSent(@TempDir Path dataDir) throws Exception {
    roomVerticleStandIn();
    deploy(new JsonObject().put("from", FROM).put("outbox", "outbox"), dataDir);

    submit(invite("inv-5", "general", "Alice"));

    assertEquals(sent("inv-5"), nextStatus());
    List<Path> files;
    try (Stream<Path> listing = Files.list(dataDir.resolve("outbox"))) {
      files = listing.toList();
    }
    assertEquals(1, files.size(), "one file: " + files);
    assertTrue(files.get(0).getFileName().toString().endsWith(".eml"), files.toString());
    String eml = Files.readString(files.get(0), StandardCharsets.UTF_8);
    assertTrue(eml.contains("To: bob@example.org\r\n"), eml);
    assertTrue(eml.contains("Subject: You are invited to a room on localhost (Parley)\r\n"), eml);
    assertTrue(eml.contains("text/plain") && eml.contains("text/html"), "both parts: " + eml);
    assertTrue(eml.contains(LINK), eml);
  }

  @Test
  void aReportThatRoomVerticleMissesIsSentAgainButTheEmailIsNot() throws Exception {
    int port = startSmtp(0);
    NotificationVerticle verticle = deploy(smtp(port, 100, 3));

    submit(invite("inv-6", "general", "Alice"));
    assertTrue(greenMail.waitForIncomingEmail(WAIT_MS, 1));
    roomVerticleStandIn();

    assertEquals(sent("inv-6"), nextStatus());
    assertEquals(1, verticle.attempts());
    assertEquals(1, greenMail.getReceivedMessages().length);
  }

  @Test
  void whenTooManyMailsWaitNewWorkIsRefusedAsUnavailable() throws Exception {
    roomVerticleStandIn();
    NotificationVerticle verticle = new NotificationVerticle(1);
    deploy(verticle, config(smtp(freePort(), 60_000, 3), null));

    assertEquals(Done.DONE, submit(invite("inv-7a", "general", "Alice")));
    ReplyException refused = refusal(invite("inv-7b", "general", "Alice").toJson());
    assertEquals(ErrorCode.UNAVAILABLE.failureCode(), refused.failureCode());
    assertEquals(Done.DONE, submit(invite("inv-7a", "general", "Alice")), "a duplicate is still fine");
  }

  @Test
  void malformedWorkIsRefusedAsInvalid() throws Exception {
    roomVerticleStandIn();
    deploy(smtp(freePort(), 60_000, 3));

    JsonObject good = invite("inv-8", "general", "Alice").toJson();
    for (JsonObject bad : List.of(good.copy().putNull("to"),
        good.copy().put("to", "bob@example.org\r\nBcc: eve@example.org"),
        good.copy().put("link", "javascript:alert(1)"),
        good.copy().putNull("invite"),
        good.copy().put("kind", "digest"))) {
      assertEquals(ErrorCode.INVALID.failureCode(), refusal(bad).failureCode(), bad.encode());
    }
  }

  // ---- helpers ----

  private static InviteEmailWork invite(String id, String roomName, String inviterName) {
    return new InviteEmailWork(id, "bob@example.org", LINK, roomName, inviterName);
  }

  private static EmailInviteStatus sent(String invite) {
    return new EmailInviteStatus(invite, EmailInviteStatus.SENT, null);
  }

  private static JsonObject smtp(int port, long retryMillis, int maxAttempts) {
    return new JsonObject().put("host", LOOPBACK).put("port", port).put("from", FROM)
        .put("retryMillis", retryMillis).put("maxAttempts", maxAttempts);
  }

  private static JsonObject config(JsonObject mail, Path dataDir) {
    JsonObject config = new JsonObject().put("mail", mail);
    return dataDir == null ? config : config.put("dataDir", dataDir.toString());
  }

  private NotificationVerticle deploy(JsonObject mail) throws Exception {
    return deploy(mail, null);
  }

  private NotificationVerticle deploy(JsonObject mail, Path dataDir) throws Exception {
    NotificationVerticle verticle = new NotificationVerticle();
    deploy(verticle, config(mail, dataDir));
    return verticle;
  }

  private void deploy(NotificationVerticle verticle, JsonObject config) throws Exception {
    vertx.deployVerticle(verticle, new DeploymentOptions().setConfig(config)).await(WAIT_MS, TimeUnit.MILLISECONDS);
  }

  /** room-verticle's side of the status contract: records each report, answers {@code {}}. */
  private void roomVerticleStandIn() throws Exception {
    MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(Addresses.ROOMS_CMD, message -> {
      if (EmailInviteStatus.ROUTE.action().equals(message.headers().get(Contract.ACTION_HEADER))) {
        statuses.add(EmailInviteStatus.fromJson(message.body()));
        message.reply(new JsonObject());
      } else {
        message.fail(ErrorCode.INVALID.failureCode(), "unexpected action");
      }
    });
    consumer.completion().await(WAIT_MS, TimeUnit.MILLISECONDS);
  }

  private EmailInviteStatus nextStatus() throws InterruptedException {
    EmailInviteStatus status = statuses.poll(WAIT_MS, TimeUnit.MILLISECONDS);
    assertNotNull(status, "a status report arrives on " + Addresses.ROOMS_CMD);
    return status;
  }

  private Done submit(InviteEmailWork work) throws Exception {
    return new Requester(vertx.eventBus(), WAIT_MS).ask(work).await(WAIT_MS, TimeUnit.MILLISECONDS);
  }

  private ReplyException refusal(JsonObject body) {
    DeliveryOptions options = new DeliveryOptions()
        .addHeader(Contract.ACTION_HEADER, InviteEmailWork.ROUTE.action());
    CompletableFuture<Object> reply = vertx.eventBus().request(Addresses.NOTIFY_EMAIL, body, options)
        .map(message -> message.body()).toCompletionStage().toCompletableFuture();
    CompletionException failure = assertThrows(CompletionException.class, () -> reply.orTimeout(WAIT_MS,
        TimeUnit.MILLISECONDS).join());
    return assertInstanceOf(ReplyException.class, failure.getCause());
  }

  /** Starts GreenMail on this port (0: any free one) and answers the port it listens on. */
  private int startSmtp(int port) {
    ServerSetup setup = new ServerSetup(port, LOOPBACK, ServerSetup.PROTOCOL_SMTP);
    greenMail = new GreenMail(port == 0 ? setup.dynamicPort() : setup);
    greenMail.start();
    return greenMail.getSmtp().getPort();
  }

  /** A port nothing listens on (until a test starts GreenMail there). */
  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
      return socket.getLocalPort();
    }
  }

  /** Waits, without sleeping, until the condition holds: a Vert.x timer checks it every few milliseconds. */
  private void awaitCondition(BooleanSupplier condition) throws Exception {
    CompletableFuture<Void> met = new CompletableFuture<>();
    long timer = vertx.setPeriodic(5, id -> {
      if (condition.getAsBoolean()) {
        met.complete(null);
      }
    });
    try {
      met.get(WAIT_MS, TimeUnit.MILLISECONDS);
    } finally {
      vertx.cancelTimer(timer);
    }
  }

  private static String part(MimeMessage mail, String type) throws Exception {
    MimeMultipart alternative = (MimeMultipart) mail.getContent();
    for (int i = 0; i < alternative.getCount(); i++) {
      BodyPart part = alternative.getBodyPart(i);
      if (part.isMimeType(type)) {
        return (String) part.getContent();
      }
    }
    throw new AssertionError("no " + type + " part");
  }
}
