package dev.parley.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.app.plugins.BridgeVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An out-of-process plugin in another language: the sample echo bot in plain Node, over the TCP event-bus bridge. It
 * receives a room's message and answers in the room as its own account, serves a message hook the node cannot do
 * without, and cannot reach an address, a command or an account outside its allow-list, or connect without its
 * token.
 */
class BridgeTest {

  private static final Path SAMPLE = Path.of("../plugins/node-echo-bot").toAbsolutePath().normalize();
  private static final String TOKEN = "echo-token-" + UUID.randomUUID();

  private TestNodes nodes;
  private Vertx vertx;
  private TestApi api;
  private TestApi.TwoMembers members;
  private TestApi.User bot;
  private int bridgePort;
  private final List<Process> processes = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    Assumptions.assumeTrue(nodeIsInstalled(), "the Node sample needs `node` on the PATH");
    nodes = new TestNodes();
    // The hook "echo-hook" is served by the Node bot only; its silence refuses, so every stored message proves the
    // bot answered it over the bridge.
    TestNodes.WithMembers started = nodes.startWithTwoMembers(config -> config.put("hooks", new JsonObject()
        .put("message", new JsonArray().add("echo-hook")).put("deadlineMs", 2_000).put("onLate", "refuse")));
    vertx = started.vertx();
    api = started.api();
    members = started.members();
    bot = api.register("Echo");
    api.join(bot, members.room());
    try (ServerSocket free = new ServerSocket(0)) {
      bridgePort = free.getLocalPort();
    }
    // The bridge as the launcher deploys it with bridge.enabled, once the bot's account exists to be named in it.
    JsonObject config = nodes.config(false).put("bridge", new JsonObject().put("enabled", true)
        .put("host", "127.0.0.1").put("port", bridgePort)
        .put("plugins", new JsonObject().put("echo", new JsonObject().put("token", TOKEN)
            .put("addresses", new JsonArray().add("parley.room.*").add("parley.rooms.cmd").add("parley.commands")
                .add("parley.commands-wanted").add("parley.commands.echo"))
            .put("actions", new JsonArray().add("POST_MESSAGE"))
            .put("hooks", new JsonArray().add("echo-hook"))
            .put("bot", bot.id()))));
    TestNodes.await(vertx.deployVerticle(new BridgeVerticle(), new DeploymentOptions().setConfig(config)));
  }

  @AfterEach
  void stop() {
    processes.forEach(Process::destroy);
    if (nodes != null) {
      nodes.close();
    }
  }

  @Test
  void theNodeBotReceivesAMessageAndAnswersInTheRoom() throws Exception {
    BlockingQueue<String> out = run(Map.of("PARLEY_BOT_TOKEN", TOKEN, "PARLEY_BOT_USER", bot.id(),
        "PARLEY_BOT_NAME", "Echo", "PARLEY_BOT_ROOMS", members.room(), "PARLEY_BOT_HOOK", "echo-hook"),
        "echo-bot.js");
    assertEquals("ready", out.poll(30, TimeUnit.SECONDS), "the bot says it is ready");
    try (TestSocket bob = TestSocket.connect(vertx, api.port(), members.bob());
         TestSocket alice = TestSocket.connect(vertx, api.port(), members.alice())) {
      bob.subscribeLive(members.room());
      assertEquals("ack", alice.sendMessage(members.room(), "!echo is anyone there?").getString("op"));

      JsonObject first = bob.nextEvent("message").getJsonObject("data");
      assertEquals("!echo is anyone there?", first.getString("text"));
      JsonObject answer = bob.nextEvent("message").getJsonObject("data");
      assertEquals("is anyone there?", answer.getString("text"));
      assertEquals(bot.id(), answer.getString("sender"), "the bot posts as its own account");
      assertEquals("Echo", answer.getString("senderName"));

      // Its slash command, announced over the bridge, is offered by the gateway and runs in the room.
      nodes.eventually(() -> TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/commands", members.alice(), null))
          .getJsonArray("commands").encode().contains("\"echo\""), "the gateway heard of /echo");
      JsonObject ran = TestApi.expect(200, api.call(HttpMethod.POST, "/api/v1/rooms/" + members.room()
          + "/commands/echo", members.alice(), new JsonObject().put("args", "said by the bot")));
      assertEquals("Echoed", ran.getString("note"));
      assertEquals("said by the bot", bob.nextEvent("message").getJsonObject("data").getString("text"));
    }
  }

  @Test
  void itCannotConnectWithoutItsTokenNorGoOutsideItsAllowList() throws Exception {
    JsonObject post = new JsonObject().put("room", members.room()).put("sender", bot.id()).put("senderName", "Echo")
        .put("cid", "probe").put("text", "hi");

    JsonObject noToken = probe("", "parley.rooms.cmd", "POST_MESSAGE", post);
    assertEquals("refused", noToken.getString("outcome"), noToken.encode());

    JsonObject wrongToken = probe("not-the-" + TOKEN, "parley.rooms.cmd", "POST_MESSAGE", post);
    assertEquals("refused", wrongToken.getString("outcome"), wrongToken.encode());

    JsonObject otherAddress = probe(TOKEN, "parley.accounts.cmd", "GET_USER",
        new JsonObject().put("user", members.alice().id()));
    assertEquals("refused", otherAddress.getString("outcome"), otherAddress.encode());

    JsonObject otherAction = probe(TOKEN, "parley.rooms.cmd", "LIST_MEMBERS",
        new JsonObject().put("room", members.room()).put("user", bot.id()));
    assertEquals("refused", otherAction.getString("outcome"), otherAction.encode());

    JsonObject asSomeoneElse = probe(TOKEN, "parley.rooms.cmd", "POST_MESSAGE",
        post.copy().put("sender", members.alice().id()).put("cid", "impersonated"));
    assertEquals("refused", asSomeoneElse.getString("outcome"), asSomeoneElse.encode());

    assertEquals(List.of(), api.history(members.alice(), members.room(), "after=0").getJsonArray("messages").getList(),
        "nothing was posted");
    JsonObject allowed = probe(TOKEN, "parley.rooms.cmd", "POST_MESSAGE", post.copy().put("cid", "allowed"));
    // Allowed through the bridge, and then refused by the message path: the hook it should serve is not running.
    assertEquals("failed", allowed.getString("outcome"), allowed.encode());
    assertEquals(503, allowed.getInteger("failureCode"), allowed.encode());
  }

  private JsonObject probe(String token, String address, String action, JsonObject body) throws Exception {
    BlockingQueue<String> out = run(Map.of("PARLEY_BOT_TOKEN", token), "probe.js", address, action, body.encode());
    String line = out.poll(30, TimeUnit.SECONDS);
    assertTrue(line != null && line.startsWith("{"), "the probe's answer: " + line);
    return new JsonObject(line);
  }

  /** Runs a script of the sample with the bridge's address and these settings; its output lines, as they come. */
  private BlockingQueue<String> run(Map<String, String> settings, String script, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("node", SAMPLE.resolve(script).toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().put("PARLEY_BRIDGE_HOST", "127.0.0.1");
    builder.environment().put("PARLEY_BRIDGE_PORT", Integer.toString(bridgePort));
    builder.environment().putAll(settings);
    Process process = builder.start();
    processes.add(process);
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader output = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        output.lines().forEach(lines::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, "node-" + script);
    reader.setDaemon(true);
    reader.start();
    return lines;
  }

  private static boolean nodeIsInstalled() {
    return Files.isRegularFile(SAMPLE.resolve("echo-bot.js")) && System.getenv("PATH") != null
        && List.of(System.getenv("PATH").split(":")).stream().anyMatch(dir -> Files.isExecutable(Path.of(dir, "node")));
  }
}
