package dev.parley.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The encryption is the standard's, and the server never sees a message in clear: a Node client
 * ({@code scripts/e2ee-client.mjs}, the vendored ts-mls and nothing of the web client) plays Alice, Bob on two
 * devices and Carol against a real node with real PostgreSQL and Redis. Then the whole database, Redis, the log and
 * the email outbox are searched for every text sent ({@link ClearText}): none is there, while a plain message sent
 * alongside is found by the same search (so the search can find what it looks for).
 */
class E2eeNodeIT {

  private static final Path CLIENT = Path.of("..", "scripts", "e2ee-client.mjs").toAbsolutePath().normalize();

  private TestNodes nodes;
  private Vertx vertx;
  private TestApi api;
  private ListAppender<ILoggingEvent> log;

  @BeforeEach
  void start() {
    Assumptions.assumeTrue(nodeVersion() >= 20, "Node 20 or later is needed on the PATH for this test");
    log = ClearText.captureLog();
    nodes = new TestNodes();
    ParleyNode node = nodes.start(false, config -> {
      config.getJsonObject("limits").put("authPerMinute", 100);
      return config;
    });
    vertx = node.vertx();
    api = new TestApi(vertx, node.gateway().port());
    api.register("Founder");
  }

  @AfterEach
  void stop() {
    if (nodes != null) {
      nodes.close();
      ClearText.releaseLog(log);
    }
  }

  @Test
  void aNodeClientOfTheStandardReadsBothWaysOnEveryDeviceAndTheServerKeepsNothingInClear() throws Exception {
    JsonObject bobLaptop = register("Bob");
    JsonObject bobPhone = login(bobLaptop.getString("email"));
    JsonObject tokens = new JsonObject()
        .put("alice", register("Alice").getString("accessToken"))
        .put("bob", bobLaptop.getString("accessToken"))
        .put("bob2", bobPhone.getString("accessToken"))
        .put("carol", register("Carol").getString("accessToken"));
    TestApi.User control = api.register("Control");
    TestApi.User witness = api.register("Witness");
    String plainText = "plain-control-" + UUID.randomUUID();
    try (TestSocket socket = TestSocket.connect(vertx, api.port(), control)) {
      assertEquals("ack", socket.sendMessage(api.openDm(control, witness), plainText).getString("op"));
    }

    JsonObject report = run("scenario", "http://localhost:" + api.port(), tokens.encode());

    JsonObject sent = report.getJsonObject("sent");
    List<String> dm = new ArrayList<>();
    sent.getJsonArray("alice").forEach(text -> dm.add((String) text));
    dm.addAll(strings(sent.getJsonArray("bob")));
    assertEquals(dm, strings(report.getJsonObject("read").getJsonArray("bob")), "Bob's laptop reads both ways");
    assertEquals(dm, strings(report.getJsonObject("read").getJsonArray("bob2")), "Bob's phone reads it all too");
    assertEquals(dm, strings(report.getJsonObject("read").getJsonArray("alice")), "Alice reads Bob's reply");
    assertTrue(report.getString("replay").startsWith("refused"), "a replayed message is detected: " + report);
    assertEquals("accepted", report.getString("reorderedLaterFirst"), "MLS keeps keys for a skipped message");
    assertTrue(report.getString("reorderedEarlierAfter").startsWith("accepted"), report.encode());
    List<String> group = strings(sent.getJsonArray("group"));
    assertEquals(List.of(group.get(0)), strings(report.getJsonArray("carolBefore")));
    assertEquals(1, report.getInteger("removedLeaves"));
    assertEquals(group, strings(report.getJsonArray("bobGroup")));
    assertTrue(report.getString("messageBeforeItsCommit").startsWith("refused"),
        "a message handed out before the commit it follows is detected: " + report);
    assertTrue(report.getString("commitReplayed").startsWith("refused"), "a replayed commit is detected: " + report);
    assertTrue(report.getString("carolAfter").startsWith("refused"),
        "Carol, removed, cannot open what was sent after: " + report.getString("carolAfter"));
    assertTrue(report.getString("carolCanReadHistory").contains("404"), report.getString("carolCanReadHistory"));

    List<String> secrets = new ArrayList<>(dm);
    secrets.addAll(group);
    ClearText.assertNowhere(secrets, plainText, ClearText.dump(vertx, nodes, log));
  }

  /** Runs the Node client and answers the JSON of its last line (its report). */
  static JsonObject run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("node", "--experimental-websocket", "--no-warnings",
        CLIENT.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the Node client did not finish within 120 s");
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertEquals(0, process.exitValue(), output);
    return new JsonObject(output.substring(output.lastIndexOf('\n') + 1));
  }

  /** The major version of the {@code node} on the PATH, 0 without one. */
  static int nodeVersion() {
    try {
      Process process = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      return process.waitFor(10, TimeUnit.SECONDS) && version.startsWith("v")
          ? Integer.parseInt(version.substring(1, version.indexOf('.'))) : 0;
    } catch (IOException | InterruptedException | RuntimeException none) {
      return 0;
    }
  }

  private JsonObject register(String name) {
    String email = name.toLowerCase() + "-" + UUID.randomUUID() + "@example.com";
    return TestApi.expect(201, api.call(HttpMethod.POST, "/api/v1/auth/register", null, new JsonObject()
        .put("email", email).put("password", "correct horse battery").put("name", name))).put("email", email);
  }

  private JsonObject login(String email) {
    return TestApi.expect(200, api.call(HttpMethod.POST, "/api/v1/auth/login", null,
        new JsonObject().put("email", email).put("password", "correct horse battery")));
  }

  private static List<String> strings(JsonArray array) {
    List<String> strings = new ArrayList<>();
    array.forEach(value -> strings.add((String) value));
    return strings;
  }
}
