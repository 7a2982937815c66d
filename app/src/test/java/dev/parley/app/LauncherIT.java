package dev.parley.app;

import static dev.parley.app.TestNodes.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.bench.faults.ParleyProcess;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
  private ParleyProcess launcher;

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
    launcher = ParleyProcess.start(folder, Map.of("PARLEY_HTTP_PORT", Integer.toString(port)));
    assertTrue(launcher.readyLine().contains("http://localhost:"),
        "it prints the URL to open: " + launcher.readyLine());
  }

  private void stopLauncher() throws InterruptedException {
    if (launcher != null) {
      launcher.close();
    }
    launcher = null;
  }
}
