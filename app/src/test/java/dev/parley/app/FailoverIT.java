package dev.parley.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.bench.faults.FaultHarness;
import dev.parley.bench.faults.ParleyProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault scenarios of the harness ({@link FaultHarness}) that run in {@code mvn verify}: real parley.jar processes
 * beside a node in this JVM, on the tests' embedded PostgreSQL and Redis, clients that behave as the protocol asks.
 * They pass on the absence of loss, duplicates, gaps and disorder, and on bounds that hold with a wide margin; the
 * timings are printed (the figures of docs/operations.md), not asserted tightly, so a busy machine does not fail them.
 */
class FailoverIT {

  /*
   * The short version's load, about 60 messages a second over two nodes; the long one is the same test with system
   * properties (docs/operations.md), e.g. -Dfault.nodes=3 -Dfault.clientsPerNode=20 -Dfault.afterKill=20000.
   */
  /** Nodes of the SIGKILL scenario: this JVM's and parley.jar processes, one of which is killed. */
  private static final int NODES = Integer.getInteger("fault.nodes", 2);
  private static final int CLIENTS_PER_NODE = Integer.getInteger("fault.clientsPerNode", 6);
  private static final int ROOMS = Integer.getInteger("fault.rooms", 3);
  private static final long SEND_EVERY_MILLIS = Long.getLong("fault.sendEveryMillis", 200);
  /** Messages acked after the killed node left the cluster before the load stops. */
  private static final int AFTER_KILL = Integer.getInteger("fault.afterKill", 200);

  @TempDir
  Path folder;

  /** What happens to one node of the cluster. */
  private interface Fault {
    void on(ParleyProcess node) throws Exception;
  }

  /** What a scenario's run showed, with the errors seen by the clients of the nodes that stayed up. */
  private record Outcome(FaultHarness.Report report, Map<String, Integer> survivorsErrors) {
  }

  @Test
  void aNodeKilledWithSigkillLosesNothingAndItsClientsAreServedAgainByTheOthers() throws Exception {
    lose("SIGKILL", ParleyProcess::kill, FaultHarness.Watch.STEADY);
  }

  /**
   * A node that hangs instead of dying (SIGSTOP: a machine gone from the network looks so): nothing resets its
   * connections, so only the missing heartbeats tell Hazelcast (5 s). The other nodes' requesters stop sending it
   * commands after its first unanswered one (Peers), and its clients find out by their own pings, as the web client
   * does: every 500 ms while a send awaits its ack, giving up after 1 s of silence.
   */
  @Test
  void aNodeThatHangsLosesNothingAndItsClientsAreServedAgainByTheOthers() throws Exception {
    Outcome outcome = lose("SIGSTOP", ParleyProcess::freeze, FaultHarness.Watch.AWAITED_ACKS);
    assertEquals(Map.of(), outcome.survivorsErrors(), "the clients of the node that stayed up saw no error");
    assertEquals(Map.of(), outcome.report().errors(), "no client saw an error");
    assertTrue(outcome.report().closes().getOrDefault(FaultHarness.SILENT, 0) >= CLIENTS_PER_NODE,
        "every client of the hung node noticed its silence: " + outcome.report().closes());
  }

  private Outcome lose(String how, Fault fault, FaultHarness.Watch watch) throws Exception {
    try (TestNodes nodes = new TestNodes()) {
      ParleyNode survivor = nodes.start(true);
      TestApi api = new TestApi(survivor.vertx(), survivor.gateway().port());
      List<Integer> ports = new ArrayList<>(List.of(survivor.gateway().port()));
      List<ParleyProcess> processes = new ArrayList<>();
      try (FaultHarness harness = new FaultHarness(api.scenarioRooms("fault", ROOMS), watch)) {
        for (int i = 1; i < NODES; i++) {
          int port = EmbeddedServices.freePort();
          processes.add(ParleyProcess.start(folder, nodes.processSettings(port, folder.resolve("node" + i))));
          ports.add(port);
        }
        nodes.eventually(() -> survivor.clusterManager().getNodes().size() == NODES, "the processes joined");
        // Clients spread over the nodes; each reconnects to the next node of the list.
        startClients(api, harness, NODES, (user, i) -> harness.client(user, ports, i % NODES));
        nodes.eventually(() -> harness.acked() >= 200, "some messages acked before the kill");

        ParleyProcess doomed = processes.get(0);
        int doomedPort = ports.get(1);
        long killedAt = System.nanoTime();
        fault.on(doomed);
        nodes.eventually(() -> survivor.clusterManager().getNodes().size() == NODES - 1,
            "the killed node left the cluster");
        Duration detected = Duration.ofNanos(System.nanoTime() - killedAt);
        int ackedAtDetection = harness.acked();
        // Time enough for the long version's numbers (at least 10 messages a second), 30 s at least.
        harness.awaitAcked(ackedAtDetection + AFTER_KILL, Math.max(30, AFTER_KILL / 10));
        harness.stopSending();
        harness.awaitSettled(60);

        FaultHarness.Report report = harness.check();
        Map<String, Integer> survivorsErrors = new TreeMap<>();
        ports.stream().filter(port -> port != doomedPort).forEach(port -> harness.errorsOfClientsOf(port)
            .forEach((code, count) -> survivorsErrors.merge(code, count, Integer::sum)));
        System.out.println("Failover (" + how + " of 1 of " + NODES + " nodes): " + report.line(how.toLowerCase())
            + " hazelcast_removed_after=" + detected.toMillis() + "ms survivors_errors=" + survivorsErrors
            + " killed_node_clients_errors=" + harness.errorsOfClientsOf(doomedPort));
        assertEquals(0, report.lost(), "acked but not stored");
        assertEquals(0, report.duplicates(), "stored twice");
        assertEquals(0, report.missing(), "stored but not received by a member");
        assertEquals(0, report.orderViolations(), "received out of seq order");
        assertTrue(report.reconnectMillis().size() >= CLIENTS_PER_NODE, "every client of the killed node reconnected");
        // Wide bounds: the target is 2 s (docs/operations.md); 20 s would mean the failover did not work at all.
        assertTrue(report.reconnectPercentile(100) < 20_000, "reconnected within 20 s: " + report.reconnectMillis());
        assertTrue(report.ackPercentile(100) < 20_000, "every send acked within 20 s of its first try");
        return new Outcome(report, survivorsErrors);
      } finally {
        if (!processes.isEmpty()) {
          processes.get(0).kill();
        }
        for (ParleyProcess process : processes) {
          process.close();
        }
      }
    }
  }

  @Test
  void aRollingRestartAtLoadLosesNothingAndShowsClientsNoErrorButTheReconnect() throws Exception {
    try (TestNodes nodes = new TestNodes()) {
      ParleyNode first = nodes.start(true);
      TestApi api = new TestApi(first.vertx(), first.gateway().port());
      int firstPort = first.gateway().port();
      int secondPort = EmbeddedServices.freePort();
      int thirdPort = EmbeddedServices.freePort();
      // The nodes clients may try, as a load balancer would list them: a node joins before the one it replaces leaves.
      List<Integer> live = new CopyOnWriteArrayList<>(List.of(firstPort, secondPort));
      ParleyProcess second = ParleyProcess.start(folder, nodes.processSettings(secondPort, folder.resolve("second")));
      try (FaultHarness harness = new FaultHarness(api.scenarioRooms("fault", ROOMS))) {
        nodes.eventually(() -> first.clusterManager().getNodes().size() == 2, "the process joined the cluster");
        startClients(api, harness, 2, (user, i) -> harness.client(user, live, i % 2));
        nodes.eventually(() -> harness.acked() >= 150, "messages acked before the restart");

        // The process is replaced: its successor starts, then it is sent SIGTERM and drains.
        try (ParleyProcess third = ParleyProcess.start(folder, nodes.processSettings(thirdPort,
            folder.resolve("third")))) {
          assertTrue(third.pid() > 0, "the successor runs as a process of its own");
          live.add(thirdPort);
          int before = harness.acked();
          second.close();
          live.remove(Integer.valueOf(secondPort));
          nodes.eventually(() -> harness.acked() >= before + 150, "messages acked after the first restart");

          // Then the node in this JVM: the same drain as the launcher's on SIGTERM, then a new node in its place.
          ParleyNode fourth = nodes.start(true);
          live.add(fourth.gateway().port());
          int middle = harness.acked();
          TestNodes.await(first.drain(Main.DRAIN_SPREAD_MILLIS));
          live.remove(Integer.valueOf(firstPort));
          nodes.eventually(() -> harness.acked() >= middle + 150, "messages acked after the second restart");
          harness.stopSending();
          harness.awaitSettled(60);

          FaultHarness.Report report = harness.check();
          System.out.println("Rolling restart (2 nodes, each drained in turn): " + report.line("rolling-restart"));
          assertEquals(0, report.lost(), "acked but not stored");
          assertEquals(0, report.duplicates(), "stored twice");
          assertEquals(0, report.missing(), "stored but not received by a member");
          assertEquals(0, report.orderViolations(), "received out of seq order");
          assertEquals(Map.of(), report.errors(), "no error but the reconnect");
          assertEquals(Set.of(1012), report.closes().keySet(), "every socket closed by the server as restarting");
          assertTrue(report.reconnectMillis().size() >= CLIENTS_PER_NODE * 2, "clients of both nodes reconnected");
        }
      } finally {
        second.close();
      }
    }
  }

  /** {@link #CLIENTS_PER_NODE} per node, members of every room, all sending. */
  private static void startClients(TestApi api, FaultHarness harness, int nodes,
                                   BiConsumer<TestApi.User, Integer> add) {
    for (int i = 0; i < CLIENTS_PER_NODE * nodes; i++) {
      TestApi.User user = api.register("u" + i);
      harness.rooms().forEach(room -> api.join(user, room));
      add.accept(user, i);
    }
    harness.awaitConnected();
    harness.startSending(SEND_EVERY_MILLIS);
  }
}
