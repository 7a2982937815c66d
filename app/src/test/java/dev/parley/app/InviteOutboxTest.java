package dev.parley.app;

import static dev.parley.app.TestNodes.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.parley.notify.NotificationVerticle;
import dev.parley.shared.Addresses;
import dev.parley.shared.ErrorCode;
import dev.parley.shared.contract.Contract;
import dev.parley.shared.contract.Done;
import dev.parley.shared.contract.Requester;
import dev.parley.shared.notify.InviteEmailWork;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Invitation emails through the outbox in PostgreSQL: notification-verticle answers once an email is stored there,
 * sends it once (a real SMTP server, GreenMail), tries it again while the server is down, gives up after
 * {@code mail.maxAttempts}, and an instance stopped with mail still to send leaves it to the next one, which sends it
 * once. room-verticle is the real one (only its role: no gateway is needed to hand over the work).
 */
class InviteOutboxTest {

  private static final String LINK = "http://localhost:8080/invite/Zm9vYmFyYmF6cXV4LXRva2Vu";

  private TestNodes nodes;
  private Vertx vertx;
  private Pool db;
  private GreenMail smtp;

  @BeforeEach
  void start() {
    nodes = new TestNodes();
    vertx = nodes.start(false, EnumSet.of(Role.ROOMS), config -> config).vertx();
    db = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(nodes.databaseUrl())).using(vertx).build();
  }

  @AfterEach
  void stop() {
    await(db.close());
    nodes.close();
    if (smtp != null) {
      smtp.stop();
    }
  }

  @Test
  void anInviteSubmittedTwiceIsMailedOnceAndItsLinkLeavesTheOutboxOnceSent() throws Exception {
    int port = startSmtp(0);
    deploy(smtp(port, 100, 3));
    InviteEmailWork work = invite();

    assertEquals(Done.DONE, submit(work));
    assertEquals(Done.DONE, submit(work), "a duplicate is accepted, and ignored");
    assertTrue(smtp.waitForIncomingEmail(20_000, 1));
    nodes.eventually(() -> "done".equals(row(work).getString("outcome")), "the work is finished");
    assertEquals(Done.DONE, submit(work), "still ignored once sent");

    MimeMessage[] received = smtp.getReceivedMessages();
    assertEquals(1, received.length, "exactly one email");
    assertEquals("bob@example.org", received[0].getAllRecipients()[0].toString());
    assertEquals(1, row(work).getInteger("attempts"));
    assertNull(row(work).getJsonObject("payload"), "the link (the invite's token) is not kept once sent");
  }

  @Test
  void whileTheSmtpServerIsDownTheMailIsTriedAgainAndSentOnceItIsBack() throws Exception {
    int port = EmbeddedServices.freePort();
    deploy(smtp(port, 100, 20));
    InviteEmailWork work = invite();

    submit(work);
    nodes.eventually(() -> row(work).getString("last_error") != null, "a failed attempt");
    startSmtp(port);
    assertTrue(smtp.waitForIncomingEmail(20_000, 1), "the email arrives once the server is back");
    nodes.eventually(() -> "done".equals(row(work).getString("outcome")), "the work is finished");
    assertEquals(1, smtp.getReceivedMessages().length, "exactly one email");
    assertTrue(row(work).getInteger("attempts") > 1, "tried more than once");
  }

  @Test
  void whenEveryAttemptFailsTheWorkFailsWithTheLastError() throws Exception {
    deploy(smtp(EmbeddedServices.freePort(), 20, 3));
    InviteEmailWork work = invite();

    submit(work);
    nodes.eventually(() -> "failed".equals(row(work).getString("outcome")), "the work fails");
    assertEquals(3, row(work).getInteger("attempts"), "maxAttempts attempts in all");
    assertFalse(row(work).getString("last_error").isBlank());
  }

  @Test
  void anInstanceStoppedWithMailToSendLeavesItToTheNextWhichSendsItOnce() throws Exception {
    int port = EmbeddedServices.freePort();
    JsonObject downFirst = smtp(port, 500, 20);
    String first = deploy(downFirst);
    InviteEmailWork work = invite();

    submit(work);
    nodes.eventually(() -> row(work).getString("last_error") != null, "a failed attempt, due again later");
    await(vertx.undeploy(first));
    startSmtp(port);
    deploy(downFirst);

    assertTrue(smtp.waitForIncomingEmail(20_000, 1), "the restarted instance sends it");
    nodes.eventually(() -> "done".equals(row(work).getString("outcome")), "the work is finished");
    assertEquals(1, smtp.getReceivedMessages().length, "exactly one email");
  }

  @Test
  void withoutAnSmtpHostTheMailIsWrittenToTheOutboxFolder(@TempDir Path dataDir) throws Exception {
    deploy(new JsonObject().put("from", "Parley <noreply@parley.test>").put("outbox", "outbox"), dataDir);
    InviteEmailWork work = invite();

    submit(work);
    nodes.eventually(() -> "done".equals(row(work).getString("outcome")), "the work is finished");
    List<Path> files;
    try (Stream<Path> listing = Files.list(dataDir.resolve("outbox"))) {
      files = listing.toList();
    }
    assertEquals(1, files.size(), "one file: " + files);
    String eml = Files.readString(files.get(0), StandardCharsets.UTF_8);
    assertTrue(eml.contains("To: bob@example.org\r\n"), eml);
    assertTrue(eml.contains("text/plain") && eml.contains("text/html"), "both parts: " + eml);
    assertTrue(eml.contains(LINK), eml);
  }

  @Test
  void malformedWorkIsRefusedAsInvalid() throws Exception {
    deploy(smtp(EmbeddedServices.freePort(), 60_000, 3));
    JsonObject good = invite().toJson();
    for (JsonObject bad : List.of(good.copy().putNull("to"),
        good.copy().put("to", "bob@example.org\r\nBcc: eve@example.org"),
        good.copy().put("link", "javascript:alert(1)"),
        good.copy().putNull("invite"),
        good.copy().put("kind", "digest"))) {
      Future<Object> reply = vertx.eventBus().request(Addresses.NOTIFY_EMAIL, bad,
          new DeliveryOptions().addHeader(Contract.ACTION_HEADER, InviteEmailWork.ROUTE.action())).map(m -> m.body());
      Throwable failure = await(reply.map(body -> (Throwable) null).recover(Future::succeededFuture));
      assertEquals(ErrorCode.INVALID.failureCode(), assertInstanceOf(ReplyException.class, failure).failureCode(),
          bad.encode());
    }
  }

  private static InviteEmailWork invite() {
    return new InviteEmailWork(UUID.randomUUID().toString(), "bob@example.org", LINK, "general", "Alice");
  }

  private static JsonObject smtp(int port, long retryMillis, int maxAttempts) {
    return new JsonObject().put("host", "127.0.0.1").put("port", port).put("from", "Parley <noreply@parley.test>")
        .put("retryMillis", retryMillis).put("maxAttempts", maxAttempts);
  }

  private String deploy(JsonObject mail) {
    return deploy(mail, null);
  }

  /** A notification-verticle looking at the outbox every 50 ms, with a short lease. */
  private String deploy(JsonObject mail, Path dataDir) {
    JsonObject config = nodes.config(false).put("mail", mail);
    config.getJsonObject("notify").put("pollMillis", 50).put("leaseSeconds", 1);
    if (dataDir != null) {
      config.put("dataDir", dataDir.toString());
    }
    return await(vertx.deployVerticle(new NotificationVerticle(), new DeploymentOptions().setConfig(config)));
  }

  private Done submit(InviteEmailWork work) {
    return await(new Requester(vertx.eventBus(), 10_000).ask(work));
  }

  private Row row(InviteEmailWork work) {
    return await(db.preparedQuery("SELECT * FROM notification_outbox WHERE dedupe_key = $1")
        .execute(Tuple.of("invite:" + work.invite()))).iterator().next();
  }

  /** Starts GreenMail on this port (0: any free one) and answers the port it listens on. */
  private int startSmtp(int port) {
    ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    smtp = new GreenMail(port == 0 ? setup.dynamicPort() : setup);
    smtp.start();
    return smtp.getSmtp().getPort();
  }
}
