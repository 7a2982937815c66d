package dev.parley.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.bench.faults.ParleyProcess;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway killed with SIGKILL says goodbye to nobody: its people must still go offline, within a minute, for
 * everyone watching them on the nodes that live on. One node runs in this JVM, the other is the real parley.jar in
 * a process of its own, on the default presence settings.
 */
class PresenceFailoverIT {

  @TempDir
  Path folder;

  @Test
  void aNodeKilledWithSigkillTakesItsPeopleOfflineWithinAMinute() throws Exception {
    try (TestNodes nodes = new TestNodes()) {
      ParleyNode survivor = nodes.start(true);
      TestApi survivorApi = new TestApi(survivor.vertx(), survivor.gateway().port());
      int doomedPort = EmbeddedServices.freePort();
      try (ParleyProcess doomed = ParleyProcess.start(folder, nodes.processSettings(doomedPort, folder.resolve("data")),
          "--roles", "gateway")) {
        TestApi doomedApi = new TestApi(survivor.vertx(), doomedPort);
        TestApi.User alice = survivorApi.register("Alice");
        TestApi.User bob = survivorApi.register("Bob");
        String room = survivorApi.createChannel(alice, "failover-" + UUID.randomUUID().toString().substring(0, 8));
        survivorApi.join(bob, room);

        try (TestSocket bobSocket = TestSocket.connect(survivor.vertx(), survivorApi.port(), bob);
             TestSocket aliceSocket = TestSocket.connect(survivor.vertx(), doomedApi.port(), alice)) {
          assertEquals(alice.id(), aliceSocket.hello().getString("user"), "Alice is on through the doomed node");
          bobSocket.send(new JsonObject().put("op", "watch").put("users", new JsonArray().add(alice.id())));
          JsonObject watching = bobSocket.nextOp("watching");
          String seen = watching.getJsonArray("presence").getJsonObject(0).getString("status");
          if (!"online".equals(seen)) {
            assertEquals("online", bobSocket.nextEvent("presence").getJsonObject("data").getString("status"),
                "Alice, connected to the other node, is online");
          }

          long killedAt = System.nanoTime();
          doomed.kill();
          // A late "online" may still be on its way (published as Bob started watching): wait past it.
          JsonObject offline;
          do {
            offline = bobSocket.nextEvent("presence", Duration.ofSeconds(75));
          } while (!"offline".equals(offline.getJsonObject("data").getString("status")));
          Duration took = Duration.ofNanos(System.nanoTime() - killedAt);
          assertEquals(new JsonObject().put("user", alice.id()).put("status", "offline").put("text", ""),
              offline.getJsonObject("data"));
          assertTrue(took.compareTo(Duration.ofMinutes(1)) < 0, "offline within a minute of the kill, took " + took);
          System.out.println("Presence after SIGKILL: offline after " + took.toMillis() + " ms");
        }
      }
    }
  }
}
