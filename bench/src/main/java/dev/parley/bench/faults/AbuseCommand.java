package dev.parley.bench.faults;

import static dev.parley.bench.faults.FaultsCommand.person;

import dev.parley.bench.ApiClient;
import dev.parley.bench.ServerSampler;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code parley-bench abuse}: issue 13's overload target measured from outside. A {@code parley.jar} started as a
 * process of its own serves ordinary clients (the fault harness's); their ack and delivery p99 are measured over a
 * baseline phase, then again over a phase of the same length while the three abusers ({@link Abusers}) run against
 * the same node: one person sending at twice their rate limit and sockets that never read, from this process, and a
 * flood of connection attempts with a forged or no token, from a JVM of its own ({@link StormProcess}) so that this
 * one's measuring clients do not share their JVM with it. It prints both p99s and their change, the node's
 * heap after a full GC and its resident memory before and at the end of the abuse, and what each abuser was answered;
 * then the harness's line (nothing acked lost, no duplicate, gap or disorder for the ordinary clients).
 *
 * <p>Exit status 0 when the ordinary clients lost nothing, 1 otherwise, 2 for a bad command line.
 */
public final class AbuseCommand {

  private static final Logger LOG = LoggerFactory.getLogger(AbuseCommand.class);
  /** Connection attempts of the flood that may wait for their answer at once; the rest are counted, not sent. */
  private static final int STORM_IN_FLIGHT = 1_000;

  static final String USAGE = """
      Usage: parley-bench abuse [options]
        --clients N              ordinary clients, members of every room (default 40)
        --rooms N                their rooms (default 4)
        --send-every-ms MS       each ordinary client sends this often (default 200: 5 a second)
        --phase-seconds S        length of the baseline phase and of the abuse phase (default 30)
        --send-limit N           the node's send rate limit a second (and burst); the flooder sends twice it
                                 (default 100)
        --stuck N                sockets that never read (default 100)
        --attempts-per-second N  connection attempts with a forged or no token (default 5000)
        --jar PATH               parley.jar (default app/target/parley.jar)
        --db-url URL, --redis-url URL
                                 the node's PostgreSQL and Redis (default: a throw-away pair from parley.jar)
      """;

  record Options(int clients, int rooms, long sendEveryMillis, int phaseSeconds, int sendLimit, int stuck,
                 int attemptsPerSecond, Args.Nodes nodes) {

    static Options from(Args given) {
      return new Options(given.positive("--clients", 40), given.positive("--rooms", 4),
          given.positive("--send-every-ms", 200), given.positive("--phase-seconds", 30),
          given.positive("--send-limit", 100), given.positive("--stuck", 100),
          given.positive("--attempts-per-second", 5_000), given.nodes());
    }
  }

  private AbuseCommand() {
  }

  /** Runs the command; returns the exit status. */
  public static int run(String[] args, PrintStream out) {
    Args.Read<Options> read = Args.read("abuse", USAGE, args, out, Options::from);
    if (read.options() == null) {
      return read.exitStatus();
    }
    Options options = read.options();
    String limit = Integer.toString(options.sendLimit());
    try (LocalCluster cluster = LocalCluster.start(options.nodes(),
        Map.of("PARLEY_CLUSTER", "false", "PARLEY_LIMITS_SEND_PER_SECOND", limit, "PARLEY_LIMITS_SEND_BURST", limit))) {
      return measure(options, cluster.startNode(), out);
    } catch (Exception e) {
      LOG.error("The abuse run failed", e);
      out.println("abuse_failed " + e);
      return 1;
    }
  }

  private static int measure(Options options, LocalCluster.Node node, PrintStream out) throws Exception {
    int port = node.port();
    URI base = URI.create("http://127.0.0.1:" + port);
    ServerSampler sampler = new ServerSampler(node.process().pid());
    Vertx abusers = Vertx.vertx();
    ApiClient api = new ApiClient(abusers, 16, 60);
    try {
      FaultsCommand.Person owner = await(person(api, base, "owner", List.of()));
      List<String> rooms = await(Future.all(IntStream.range(0, options.rooms())
          .mapToObj(i -> api.createRoom(base, owner.accessToken(), FaultHarness.roomName("abuse", i))).toList()))
          .list();
      FaultsCommand.Person feeder = await(person(api, base, "feeder", List.of()));
      String bigRoom = await(api.createRoom(base, feeder.accessToken(), FaultHarness.roomName("big", 0)));
      FaultsCommand.Person stuck = await(person(api, base, "stuck", List.of(bigRoom)));
      FaultsCommand.Person flooder = await(person(api, base, "flooder", List.of(rooms.get(0))));
      List<FaultsCommand.Person> people = await(Future.all(IntStream.range(0, options.clients())
          .mapToObj(i -> person(api, base, "u" + i, rooms)).toList())).list();
      try (FaultHarness harness = new FaultHarness(rooms)) {
        people.forEach(person -> harness.client(person, List.of(port)));
        harness.awaitConnected();
        harness.startSending(options.sendEveryMillis());
        LOG.info("Warming up, then the baseline phase ({} s)", options.phaseSeconds());
        pause(Math.max(10, options.phaseSeconds() / 3));
        Marks baseline = Marks.over(harness, options.phaseSeconds());
        sampler.collectGarbage();
        ServerSampler.Sample before = sampler.sample(0);

        Map<String, Integer> shed = new ConcurrentHashMap<>();
        Abusers.Stuck stuckSockets = Abusers.stuckReaders(abusers, port, stuck.accessToken(), feeder.accessToken(),
            bigRoom, options.stuck(), shed);
        awaitWithin(stuckSockets.subscribed(), 120);
        LOG.info("Abusers running for {} s", options.phaseSeconds());
        long floodEvery = Math.max(1, 500 / options.sendLimit());
        Future<Void> flood = Abusers.flood(abusers, port, flooder.accessToken(), rooms.get(0), floodEvery,
            (int) (options.phaseSeconds() * 1000L / floodEvery), shed);
        StormProcess storm = StormProcess.start(port, options.attemptsPerSecond(),
            options.attemptsPerSecond() * options.phaseSeconds(), STORM_IN_FLIGHT);
        Marks abuse = Marks.over(harness, options.phaseSeconds());
        sampler.collectGarbage();
        ServerSampler.Sample during = sampler.sample(0);
        storm.awaitInto(shed, 180);
        awaitWithin(Future.join(flood, stuckSockets.closed()), 180);
        harness.stopSending();
        harness.awaitSettled(120);
        FaultHarness.Report report = harness.check();
        out.println(String.format(Locale.ROOT, "abuse clients=%d offered=%.0f/s phase=%ds ack_p99_before=%dms "
                + "ack_p99_during=%dms ack_p99_change=%s delivery_p99_before=%dms delivery_p99_during=%dms "
                + "delivery_p99_change=%s heap_after_gc_mib=%.1f..%.1f rss_mib=%.1f..%.1f abusers=%s",
            options.clients(), options.clients() * 1000.0 / options.sendEveryMillis(), options.phaseSeconds(),
            baseline.ackP99(), abuse.ackP99(), change(baseline.ackP99(), abuse.ackP99()), baseline.deliveryP99(),
            abuse.deliveryP99(), change(baseline.deliveryP99(), abuse.deliveryP99()), before.heapAfterGcMiB(),
            during.heapAfterGcMiB(), before.rssMiB(), during.rssMiB(), new TreeMap<>(shed)));
        out.println(report.line("abuse"));
        out.flush();
        return report.lost() == 0 && report.duplicates() == 0 && report.missing() == 0
            && report.orderViolations() == 0 ? 0 : 1;
      }
    } finally {
      api.close();
      await(abusers.close());
    }
  }

  /** The ordinary clients' ack and delivery p99 over a phase. */
  private record Marks(long ackP99, long deliveryP99) {

    static Marks over(FaultHarness harness, int seconds) throws InterruptedException {
      int acks = harness.ackCount();
      int deliveries = harness.deliveryCount();
      pause(seconds);
      return new Marks(harness.ackPercentileBetween(acks, harness.ackCount(), 99),
          harness.deliveryPercentileBetween(deliveries, harness.deliveryCount(), 99));
    }
  }

  /** "+12%", "-3%", or "n/a" without a baseline. */
  static String change(long before, long during) {
    if (before <= 0) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%+.0f%%", (during - before) * 100.0 / before);
  }

  /** A measurement phase: the clock is what is waited for. */
  private static void pause(int seconds) throws InterruptedException {
    TimeUnit.SECONDS.sleep(seconds);
  }

  private static void awaitWithin(Future<?> future, long seconds) throws Exception {
    future.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
  }

  private static <T> T await(Future<T> future) {
    return FaultHarness.await(future);
  }
}
