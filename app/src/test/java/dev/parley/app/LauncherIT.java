package dev.parley.app;

import static dev.parley.app.TestNodes.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The newcomer's path: {@code java -jar parley.jar} in an empty folder, nothing configured but a free port (8080 may
 * be taken on a shared machine). It must serve the web client, carry a message between two clients, and keep its
 * data in ./data across a restart.
 */
class LauncherIT {

  @TempDir
  Path folder;

  private Vertx vertx;
  private Process launcher;

  @BeforeEach
  void clientVertx() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stopAll() throws Exception {
    stopLauncher();
    await(vertx.close());
  }

  @Test
  void runsOnEmbeddedDefaultsCarriesAMessageAndKeepsItsDataAcrossARestart() throws Exception {
    int port = EmbeddedServices.freePort();
    startLauncher(port);
    TestApi api = new TestApi(vertx, port);

    var page = api.call(HttpMethod.GET, "/", null, null);
    assertEquals(200, page.statusCode());
    assertTrue(page.bodyAsString().contains("<html"), "the web client is served at /");

    TestApi.User alice = api.register("Alice");
    TestApi.User bob = api.register("Bob");
    String room = api.createChannel(alice, "first-room");
    api.join(bob, room);
    try (TestSocket aliceSocket = TestSocket.connect(vertx, port, alice);
         TestSocket bobSocket = TestSocket.connect(vertx, port, bob)) {
      aliceSocket.subscribe(room, null);
      bobSocket.subscribe(room, null);
      JsonObject ack = aliceSocket.sendMessage(room, "hello from the jar");
      JsonObject atBob = bobSocket.nextOp("evt");
      assertEquals(ack.getLong("seq"), atBob.getLong("seq"));
      assertEquals("hello from the jar", atBob.getJsonObject("data").getString("text"));
    }
    assertTrue(Files.isDirectory(folder.resolve("data/postgres")), "PostgreSQL keeps its data under ./data");
    assertTrue(Files.isRegularFile(folder.resolve("data/jwt.secret")), "the token secret is kept under ./data");

    stopLauncher();
    startLauncher(port);
    JsonObject history = api.history(bob, room, "after=0");
    assertEquals("hello from the jar", history.getJsonArray("messages").getJsonObject(0).getString("text"),
        "messages and the token secret survive a restart");
  }

  private void startLauncher(int port) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(java, "-jar", System.getProperty("parley.jar"))
        .directory(folder.toFile())
        .redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.startsWith("PARLEY_"));
    builder.environment().put("PARLEY_HTTP_PORT", Integer.toString(port));
    launcher = builder.start();
    CompletableFuture<String> ready = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(
          new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          System.out.println("[parley.jar] " + line);
          if (line.startsWith("Parley is running")) {
            ready.complete(line);
          }
        }
        ready.completeExceptionally(new AssertionError("parley.jar exited with " + launcher.waitFor()));
      } catch (IOException | InterruptedException e) {
        ready.completeExceptionally(e);
      }
    }, "parley-jar-output");
    reader.setDaemon(true);
    reader.start();
    String line = ready.get(120, TimeUnit.SECONDS);
    assertTrue(line.contains("http://localhost:"), "it prints the URL to open: " + line);
  }

  private void stopLauncher() throws InterruptedException {
    if (launcher != null && launcher.isAlive()) {
      launcher.destroy();
      if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
        launcher.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      List<ProcessHandle> leftovers = launcher.descendants().filter(ProcessHandle::isAlive).toList();
      leftovers.forEach(ProcessHandle::destroyForcibly);
    }
    launcher = null;
  }
}
