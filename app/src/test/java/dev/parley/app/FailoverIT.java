package dev.parley.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault scenarios of the harness ({@link FaultHarness}) that run in {@code mvn verify}: real parley.jar processes
 * beside a node in this JVM, on the tests' embedded PostgreSQL and Redis, clients that behave as the protocol asks.
 * They pass on the absence of loss, duplicates, gaps and disorder, and on bounds that hold with a wide margin; the
 * timings are printed (the figures of docs/operations.md), not asserted tightly, so a busy machine does not fail them.
 */
class FailoverIT {

  /** Clients per node, rooms, and the pace of each client's sends: about 60 messages a second in all. */
  private static final int CLIENTS_PER_NODE = 6;
  private static final int ROOMS = 3;
  private static final long SEND_EVERY_MILLIS = 200;

  @TempDir
  Path folder;

  @Test
  void aNodeKilledWithSigkillLosesNothingAndItsClientsAreServedAgainByTheOther() throws Exception {
    try (TestNodes nodes = new TestNodes()) {
      ParleyNode survivor = nodes.start(true);
      TestApi api = new TestApi(survivor.vertx(), survivor.gateway().port());
      int survivorPort = survivor.gateway().port();
      int doomedPort = EmbeddedServices.freePort();
      try (ParleyProcess doomed = ParleyProcess.start(folder, nodes.processSettings(doomedPort, folder.resolve("data")));
           FaultHarness harness = new FaultHarness(rooms(api))) {
        nodes.eventually(() -> survivor.clusterManager().getNodes().size() == 2, "the process joined the cluster");
        for (int i = 0; i < CLIENTS_PER_NODE * 2; i++) {
          TestApi.User user = api.register("u" + i);
          harness.rooms().forEach(room -> api.join(user, room));
          boolean onDoomed = i % 2 == 1;
          harness.client(user, onDoomed ? List.of(doomedPort, survivorPort) : List.of(survivorPort, doomedPort));
        }
        harness.awaitConnected();
        harness.startSending(SEND_EVERY_MILLIS);
        nodes.eventually(() -> harness.acked() >= 200, "some messages acked before the kill");

        long killedAt = System.nanoTime();
        doomed.kill();
        nodes.eventually(() -> survivor.clusterManager().getNodes().size() == 1, "the killed node left the cluster");
        Duration detected = Duration.ofNanos(System.nanoTime() - killedAt);
        int ackedAtDetection = harness.acked();
        nodes.eventually(() -> harness.acked() >= ackedAtDetection + 200, "messages acked after the kill");
        harness.stopSending();
        harness.awaitSettled(60);

        FaultHarness.Report report = harness.check();
        System.out.println("Failover (SIGKILL of 1 of 2 nodes): " + report.line("sigkill")
            + " hazelcast_removed_after=" + detected.toMillis() + "ms survivors_errors="
            + harness.errorsOfClientsOf(survivorPort) + " killed_node_clients_errors="
            + harness.errorsOfClientsOf(doomedPort));
        assertEquals(0, report.lost(), "acked but not stored");
        assertEquals(0, report.duplicates(), "stored twice");
        assertEquals(0, report.missing(), "stored but not received by a member");
        assertEquals(0, report.orderViolations(), "received out of seq order");
        assertTrue(report.reconnectMillis().size() >= CLIENTS_PER_NODE, "every client of the killed node reconnected");
        // Wide bounds: the target is 2 s (docs/operations.md); 20 s would mean the failover did not work at all.
        assertTrue(report.reconnectPercentile(100) < 20_000, "reconnected within 20 s: " + report.reconnectMillis());
        assertTrue(report.ackPercentile(100) < 20_000, "every send acked within 20 s of its first try");
      }
    }
  }

  private static List<String> rooms(TestApi api) {
    TestApi.User owner = api.register("Owner");
    List<String> rooms = new ArrayList<>();
    for (int i = 0; i < ROOMS; i++) {
      rooms.add(api.createChannel(owner, "fault-" + i + "-" + UUID.randomUUID().toString().substring(0, 8)));
    }
    return rooms;
  }
}
