package dev.parley.bench.faults;

import dev.parley.bench.ApiClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code parley-bench faults}: the fault harness's long version (docs/operations.md, "Failure modes and recovery").
 * Every node is a {@code parley.jar} process on loopback; the clients are the harness's ({@link FaultHarness}), spread
 * over the nodes; each scenario kills, freezes or restarts nodes under load and prints one line: acked, lost,
 * duplicates, missing, order violations, reconnect p50/p99/max, ack p50/p99/max, errors by code. The short version
 * of the same scenarios is app's {@code FailoverIT} in {@code mvn verify}.
 *
 * <p>Exit status 0 when every scenario lost nothing (no loss, duplicate, gap or disorder), 1 otherwise, 2 for a bad
 * command line.
 */
public final class FaultsCommand {

  private static final Logger LOG = LoggerFactory.getLogger(FaultsCommand.class);
  private static final String PASSWORD = "correct horse battery";
  /** Messages acked before a fault: the load is running everywhere. */
  private static final int BEFORE_FAULT = 200;

  static final String USAGE = """
      Usage: parley-bench faults [options]
        --scenario S           kill (SIGKILL one node), hang (SIGSTOP one node), rolling (every node replaced in
                               turn, each drained by SIGTERM), or all (default)
        --nodes N              parley.jar processes in the cluster (default 3)
        --clients-per-node N   clients that start on each node (default 20)
        --rooms N              rooms every client is a member of (default 4)
        --send-every-ms MS     each client sends a message this often (default 50: 20 a second)
        --after-kill N         messages acked after the fault before the load stops (default 20000; the rolling
                               scenario waits for N / nodes after each restart)
        --jar PATH             parley.jar (default app/target/parley.jar)
        --db-url URL, --redis-url URL
                               the PostgreSQL and Redis the nodes share (default: a throw-away pair that parley.jar
                               starts, dev.parley.app.EmbeddedServices)
      """;

  /** The command line. */
  record Options(List<String> scenarios, int nodes, int clientsPerNode, int rooms, long sendEveryMillis,
                 int afterFault, Args.Nodes processes) {

    static Options from(Args given) {
      String scenario = given.text("--scenario", "all");
      Options options = new Options("all".equals(scenario) ? List.of("kill", "hang", "rolling") : List.of(
          scenario(scenario)), given.positive("--nodes", 3), given.positive("--clients-per-node", 20),
          given.positive("--rooms", 4), given.positive("--send-every-ms", 50), given.positive("--after-kill", 20_000),
          given.nodes());
      if (options.nodes() < 2) {
        throw new IllegalArgumentException("--nodes must be at least 2: one fails, the others serve");
      }
      return options;
    }

    private static String scenario(String value) {
      if (!List.of("kill", "hang", "rolling").contains(value)) {
        throw new IllegalArgumentException("--scenario is kill, hang, rolling or all, not " + value);
      }
      return value;
    }
  }

  /** Someone the harness plays. */
  record Person(String name, String accessToken) implements FaultHarness.Member {
  }

  private final Options options;
  private final LocalCluster cluster;
  private final PrintStream out;

  private FaultsCommand(Options options, LocalCluster cluster, PrintStream out) {
    this.options = options;
    this.cluster = cluster;
    this.out = out;
  }

  /** Runs the command; returns the exit status. */
  public static int run(String[] args, PrintStream out) {
    Args.Read<Options> read = Args.read("faults", USAGE, args, out, Options::from);
    if (read.options() == null) {
      return read.exitStatus();
    }
    Options options = read.options();
    try (LocalCluster cluster = LocalCluster.start(options.processes(),
        Map.of("PARLEY_LIMITS_SEND_PER_SECOND", "1000", "PARLEY_LIMITS_SEND_BURST", "1000"))) {
      FaultsCommand command = new FaultsCommand(options, cluster, out);
      boolean clean = true;
      for (String scenario : options.scenarios()) {
        clean &= command.scenario(scenario);
      }
      return clean ? 0 : 1;
    } catch (Exception e) {
      LOG.error("The fault run failed", e);
      out.println("faults_failed " + e);
      return 1;
    }
  }

  /** One scenario on a cluster of its own: true when it lost nothing. */
  private boolean scenario(String scenario) throws Exception {
    cluster.newCluster();
    List<LocalCluster.Node> nodes = new ArrayList<>();
    for (int i = 0; i < options.nodes(); i++) {
      nodes.add(cluster.startNode());
    }
    // The ports clients may try, as a load balancer lists them: a replacement joins before the node it replaces goes.
    List<Integer> live = new CopyOnWriteArrayList<>(nodes.stream().map(LocalCluster.Node::port).toList());
    Vertx vertx = Vertx.vertx();
    ApiClient api = new ApiClient(vertx, 16, 60);
    URI base = URI.create("http://127.0.0.1:" + live.get(0));
    // The hang is noticed by silence: its clients watch as the web client does (docs/protocol.md).
    FaultHarness.Watch watch = "hang".equals(scenario) ? FaultHarness.Watch.AWAITED_ACKS : FaultHarness.Watch.STEADY;
    try (FaultHarness harness = new FaultHarness(rooms(api, base, scenario), watch)) {
      int clients = options.clientsPerNode() * options.nodes();
      List<Person> people = await(Future.all(IntStream.range(0, clients)
          .mapToObj(i -> person(api, base, "u" + i, harness.rooms())).toList())).list();
      for (int i = 0; i < clients; i++) {
        harness.client(people.get(i), live, i % options.nodes());
      }
      harness.awaitConnected();
      harness.startSending(options.sendEveryMillis());
      harness.awaitAcked(BEFORE_FAULT, 120);
      LOG.info("Scenario {}: {} clients sending on {} nodes", scenario, clients, options.nodes());
      String detail = switch (scenario) {
        case "kill" -> lose(harness, nodes.get(1), false);
        case "hang" -> lose(harness, nodes.get(1), true);
        default -> rolling(harness, nodes, live);
      };
      harness.stopSending();
      harness.awaitSettled(120);
      FaultHarness.Report report = harness.check();
      out.println(report.line(scenario) + String.format(Locale.ROOT, " nodes=%d clients=%d offered=%.0f/s",
          options.nodes(), clients, clients * 1000.0 / options.sendEveryMillis()) + detail);
      out.flush();
      return report.lost() == 0 && report.duplicates() == 0 && report.missing() == 0
          && report.orderViolations() == 0;
    } finally {
      api.close();
      await(vertx.close());
      for (LocalCluster.Node node : nodes) {
        node.process().close();
      }
    }
  }

  /** SIGKILL or SIGSTOP of one node; the others serve its clients. The clients of each side's errors, apart. */
  private String lose(FaultHarness harness, LocalCluster.Node doomed, boolean hang) throws Exception {
    int before = harness.acked();
    if (hang) {
      doomed.process().freeze();
    } else {
      doomed.process().kill();
    }
    harness.awaitAcked(before + options.afterFault(), waitSeconds(options.afterFault()));
    Map<String, Integer> survivors = new TreeMap<>(harness.errors());
    harness.errorsOfClientsOf(doomed.port()).forEach((code, count) -> survivors.merge(code, -count, Integer::sum));
    survivors.values().removeIf(count -> count == 0);
    String line = " survivors_errors=" + survivors + " failed_node_clients_errors="
        + harness.errorsOfClientsOf(doomed.port());
    if (hang) {
      doomed.process().kill();
    }
    return line;
  }

  /** Every node replaced in turn: a new one joins, then the old one gets SIGTERM and drains. */
  private String rolling(FaultHarness harness, List<LocalCluster.Node> nodes, List<Integer> live) throws Exception {
    int each = Math.max(150, options.afterFault() / options.nodes());
    for (LocalCluster.Node old : List.copyOf(nodes)) {
      LocalCluster.Node fresh = cluster.startNode();
      nodes.add(fresh);
      live.add(fresh.port());
      int before = harness.acked();
      old.process().close();
      live.remove(Integer.valueOf(old.port()));
      harness.awaitAcked(before + each, waitSeconds(each));
    }
    return " restarts=" + options.nodes();
  }

  /** Time enough for {@code messages} acks at 10 a second at least, a minute at least. */
  private static long waitSeconds(int messages) {
    return Math.max(60, messages / 10);
  }

  /** The scenario's new rooms, of one owner. */
  private List<String> rooms(ApiClient api, URI base, String scenario) {
    Person owner = await(person(api, base, "owner", List.of()));
    return await(Future.all(IntStream.range(0, options.rooms())
        .mapToObj(i -> api.createRoom(base, owner.accessToken(), FaultHarness.roomName(scenario, i))).toList()))
        .list();
  }

  /** Signs someone new up and makes them a member of every room. */
  static Future<Person> person(ApiClient api, URI base, String name, List<String> rooms) {
    String email = name + "-" + UUID.randomUUID() + "@example.com";
    return api.registerOrLogin(base, 0, email, PASSWORD, name)
        .compose(account -> Future.all(rooms.stream().map(room -> api.join(base, account.accessToken(), room))
            .toList()).map(joined -> new Person(name, account.accessToken())));
  }

  private static <T> T await(Future<T> future) {
    return FaultHarness.await(future);
  }
}
