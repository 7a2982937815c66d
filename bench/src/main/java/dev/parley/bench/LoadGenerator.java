package dev.parley.bench;

import dev.parley.bench.ApiClient.Account;
import dev.parley.bench.faults.AbuseCommand;
import dev.parley.bench.faults.FaultsCommand;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Parley load generator. Sets up users, rooms and WebSocket connections, then either offers a fixed
 * message rate (or a sweep of rates) and prints one summary line per rate, or, with {@code --idle}, holds the
 * connections open so the server's memory per connection can be measured. Summary lines go to stdout, logs
 * to stderr. See docs/bench.md.
 *
 * <p>The orchestration runs on the main thread and waits on Futures between stages; everything that touches
 * a socket runs on the client's event loops ({@link Shard}).
 */
public final class LoadGenerator {

  public static final int EXIT_OK = 0;
  public static final int EXIT_SETUP_FAILED = 1;
  public static final int EXIT_USAGE = 2;

  private static final Logger LOG = LoggerFactory.getLogger(LoadGenerator.class);
  /** Server default: 10 sends per second per user, burst 30. */
  private static final double SERVER_DEFAULT_SEND_PER_SECOND = 10;
  private static final long START_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  private static final long PROGRESS_EVERY_MS = 5_000;

  private final Vertx vertx;
  private final BenchOptions options;
  private final int shardCount;
  private final PrintStream out;
  private final Layout layout;
  /** The summary of each rate step, in order. */
  private final List<Step.Result> results = new ArrayList<>();

  private LoadGenerator(Vertx vertx, BenchOptions options, int shardCount, PrintStream out) {
    this.vertx = vertx;
    this.options = options;
    this.shardCount = shardCount;
    this.out = out;
    this.layout = Layout.of(options);
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out));
  }

  /** Runs the bench with these arguments, printing summaries to {@code out}; returns the exit status. */
  public static int run(String[] args, PrintStream out) {
    // Commands of their own, with their own options (docs/operations.md): the fault harness and the abuse run.
    if (args.length > 0 && args[0].equals("abuse")) {
      return AbuseCommand.run(Arrays.copyOfRange(args, 1, args.length), out);
    }
    if (args.length > 0 && args[0].equals("faults")) {
      return FaultsCommand.run(Arrays.copyOfRange(args, 1, args.length), out);
    }
    if (BenchOptions.wantsHelp(args)) {
      out.print(BenchOptions.usage());
      out.flush();
      return EXIT_OK;
    }
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("parley-bench: " + e.getMessage());
      return EXIT_USAGE;
    }
    if (options.compare().isEmpty()) {
      return runTarget(options, out, new ArrayList<>());
    }
    // Side by side: the same load against each target in turn, then the ratios.
    Comparison comparison = new Comparison(options.goodP99Millis());
    int status = EXIT_OK;
    for (Target target : options.compare()) {
      List<Step.Result> results = new ArrayList<>();
      int targetStatus = runTarget(options.forTarget(target), out, results);
      status = Math.max(status, targetStatus);
      comparison.add(target.name(), results);
    }
    comparison.print(out);
    return status;
  }

  /** Runs the whole bench against one target, adding its step summaries to {@code results}. */
  private static int runTarget(BenchOptions options, PrintStream out, List<Step.Result> results) {
    int shards = Math.min(options.eventLoops(), Layout.of(options).myConnectionCount());
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(shards).setPreferNativeTransport(true));
    LoadGenerator generator = new LoadGenerator(vertx, options, shards, out);
    try {
      return generator.execute();
    } catch (RuntimeException e) {
      LOG.error("The bench failed", e);
      out.println(generator.linePrefix() + "setup_failed stage=bench error="
          + oneWord(String.valueOf(e.getMessage())));
      out.flush();
      return EXIT_SETUP_FAILED;
    } finally {
      results.addAll(generator.results);
      vertx.close().await();
    }
  }

  /** In a comparison, every line names its target. */
  private String linePrefix() {
    return options.compare().isEmpty() ? "" : "target=" + options.target().name() + " ";
  }

  private int execute() {
    LOG.info("Parley bench: {}", options.describe());
    warnAboutLimits();
    long setupStart = System.nanoTime();

    List<Account> accounts;
    List<String> roomIds;
    ApiClient api = new ApiClient(vertx, options.httpConcurrency(), options.timeoutSeconds());
    try {
      Provisioner setup = new Provisioner(api, options, layout);
      accounts = setup.accounts().await();
      roomIds = setup.rooms(accounts).await();
      setup.joins(accounts, roomIds).await();
      accounts = setup.refreshStale(accounts).await();
    } catch (Exception e) {
      LOG.error("Setup failed over HTTP: {}", e.getMessage());
      out.println(linePrefix() + "setup_failed stage=http error=" + oneWord(e.getMessage()));
      out.flush();
      return EXIT_SETUP_FAILED;
    } finally {
      api.close();
    }
    LOG.info("{} users, {} rooms ready in {} s; opening {} connections", layout.myUsers().size(),
        layout.myRooms().size(), oneDecimal(seconds(System.nanoTime() - setupStart)), layout.myConnectionCount());

    Run run = new Run(options, layout, accounts, roomIds);
    PushReceiver pushReceiver = null;
    if (options.push() != null) {
      pushReceiver = new PushReceiver(vertx, run);
      if (!listenForPushes(pushReceiver, accounts, roomIds)) {
        return EXIT_SETUP_FAILED;
      }
    }
    List<Shard> shards = new ArrayList<>();
    try {
      for (int k = 0; k < shardCount; k++) {
        Shard shard = new Shard(k, shardCount, run);
        vertx.deployVerticle(shard).await();
        shards.add(shard);
      }
      int ready = connect(shards);
      if (ready < layout.myConnectionCount()) {
        LOG.error("Setup failed: {} of {} connections subscribed ({})", ready, layout.myConnectionCount(),
            run.setupErrors.breakdown());
        out.println(linePrefix() + "setup_failed stage=connect connections=" + layout.myConnectionCount()
            + " ready=" + ready
            + " errors=" + run.setupErrors.total() + " errors_by=" + run.setupErrors.breakdown());
        out.flush();
        return EXIT_SETUP_FAILED;
      }
      double setupSeconds = seconds(System.nanoTime() - setupStart);
      LOG.info("All {} connections subscribed; setup took {} s", ready, oneDecimal(setupSeconds));
      if (options.idle()) {
        return hold(run, shards, setupSeconds);
      }
      if (options.presence()) {
        return presence(run, shards);
      }
      return options.storm() ? storm(run, shards) : load(run, shards);
    } finally {
      run.startClosing();
      all(shards, Shard::closeAll).await();
      if (pushReceiver != null) {
        pushReceiver.close().await();
      }
    }
  }

  /** The --push setup: the bench's push service listens, and each room's listener subscribes to it. */
  private boolean listenForPushes(PushReceiver receiver, List<Account> accounts, List<String> roomIds) {
    String[] hostPort = options.push().split(":");
    ApiClient api = new ApiClient(vertx, options.httpConcurrency(), options.timeoutSeconds());
    try {
      receiver.listen(hostPort[0], Integer.parseInt(hostPort[1])).await();
      new Provisioner(api, options, layout)
          .pushListeners(accounts, roomIds, receiver, "http://" + options.push()).await();
      return true;
    } catch (Exception e) {
      LOG.error("Push setup failed: {}", e.getMessage());
      out.println(linePrefix() + "setup_failed stage=push error=" + oneWord(String.valueOf(e.getMessage())));
      out.flush();
      return false;
    } finally {
      api.close();
    }
  }

  /** Opens every connection (bounded in flight) and returns how many ended up subscribed. */
  private int connect(List<Shard> shards) {
    int perShard = Math.max(1, (options.connectConcurrency() + shardCount - 1) / shardCount);
    long progress = vertx.setPeriodic(PROGRESS_EVERY_MS, id ->
        LOG.info("{}/{} connections subscribed", ready(shards), layout.myConnectionCount()));
    try {
      all(shards, shard -> shard.connectAll(perShard)).await();
    } finally {
      vertx.cancelTimer(progress);
    }
    return ready(shards);
  }

  /** Scenario (c): everything open and subscribed, nothing sent; hold, then report what stayed open. */
  private int hold(Run run, List<Shard> shards, double setupSeconds) {
    ErrorCounts holdErrors = new ErrorCounts();
    run.countErrorsIn(holdErrors);
    out.printf(Locale.ROOT, "READY %s users=%d setup=%.1fs hold=%ds pid=%d%n", layout.describe(),
        layout.myUsers().size(), setupSeconds, options.holdSeconds(), ProcessHandle.current().pid());
    out.flush();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.holdSeconds());
    long left;
    while ((left = end - System.nanoTime()) > 0) {
      vertx.timer(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 10_000))).await();
      LOG.info("Holding: {} connections open, {} s left", open(shards),
          Math.max(0, TimeUnit.NANOSECONDS.toSeconds(end - System.nanoTime())));
    }
    StringBuilder line = new StringBuilder(layout.describe())
        .append(" idle=").append(options.holdSeconds()).append('s')
        .append(" open=").append(open(shards))
        .append(" pongs=").append(run.pongs.sum())
        .append(" errors=").append(holdErrors.total());
    if (holdErrors.total() > 0) {
      line.append(" errors_by=").append(holdErrors.breakdown());
    }
    out.println(line);
    out.flush();
    return EXIT_OK;
  }

  /**
   * The reconnect storm: all but each room's first connection drop at once, the first ones send what the others
   * miss, then every dropped connection reconnects at the same time and resumes with {@code since}. Measures how
   * long until all are subscribed again and until every missed message has been replayed to them.
   */
  private int storm(Run run, List<Shard> shards) {
    long start = run.now();
    Step step = new Step(0, 0, start, start, start + TimeUnit.MINUTES.toNanos(10));
    run.begin(step);
    int dropped = sum(shards, Shard::dropFollowers);
    int sent = sum(shards, shard -> shard.sendMissed(step, options.stormMissed()));
    long ackDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.timeoutSeconds());
    while (!step.allAcked() && System.nanoTime() < ackDeadline) {
      vertx.timer(20).await();
    }
    LOG.info("{} connections dropped, {} messages sent while they were away; reconnecting all at once", dropped, sent);

    long stormStart = System.nanoTime();
    all(shards, shard -> shard.resumeDropped(options.connectConcurrency())).await();
    double subscribedSeconds = seconds(System.nanoTime() - stormStart);
    long drainEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.drainSeconds());
    while (!step.complete() && System.nanoTime() < drainEnd) {
      vertx.timer(5).await();
    }
    double replayedSeconds = seconds(System.nanoTime() - stormStart);
    int resubscribed = ready(shards) - (layout.myConnectionCount() - dropped);
    StringBuilder line = new StringBuilder(layout.describe())
        .append(" storm dropped=").append(dropped)
        .append(" missed_per_room=").append(options.stormMissed())
        .append(" resubscribed=").append(resubscribed)
        .append(" resubscribe_seconds=").append(String.format(Locale.ROOT, "%.2f", subscribedSeconds))
        .append(" subscriptions_per_second=").append(String.format(Locale.ROOT, "%.0f", resubscribed / subscribedSeconds))
        .append(" replayed=").append(step.deliveredCount())
        .append(" expected=").append(step.expectedCount())
        .append(" all_replayed_seconds=").append(String.format(Locale.ROOT, "%.2f", replayedSeconds))
        .append(" lost=").append(Math.max(0, step.expectedCount() - step.deliveredCount()))
        .append(" errors=").append(step.errors.total() + run.setupErrors.total());
    if (step.errors.total() + run.setupErrors.total() > 0) {
      line.append(" errors_by=").append(step.errors.breakdown()).append(run.setupErrors.breakdown());
    }
    out.println(line);
    out.flush();
    return EXIT_OK;
  }

  /**
   * Presence when people come online: every connection watches the people of its room, half of each room leaves
   * and, once their watchers heard it, comes back all at once. Counts the presence events the others got, against
   * what the protocol promises (one per watcher of each person whose status changed) and how fast they came.
   */
  private int presence(Run run, List<Shard> shards) {
    Map<Integer, List<String>> peopleByRoom = new HashMap<>();
    for (int i = 0; i < layout.connections(); i++) {
      ApiClient.Account account = run.accounts.get(layout.userOf(i));
      if (account != null) {
        peopleByRoom.computeIfAbsent(layout.roomOf(i), room -> new ArrayList<>()).add(account.userId());
      }
    }
    peopleByRoom.replaceAll((room, people) -> List.copyOf(new LinkedHashSet<>(people)));
    int watching = sum(shards, shard -> shard.watchRoomMates(peopleByRoom));
    awaitPresenceQuiet(run);
    long beforeDrop = run.presenceEvents.sum();
    int dropped = sum(shards, Shard::dropHalf);
    awaitPresenceQuiet(run);
    long offlineEvents = run.presenceEvents.sum() - beforeDrop;
    LOG.info("{} connections watch their rooms; {} left, {} offline events; all coming back now", watching, dropped,
        offlineEvents);

    long beforeReturn = run.presenceEvents.sum();
    long returnStart = System.nanoTime();
    all(shards, shard -> shard.resumeDropped(options.connectConcurrency())).await();
    double reconnectSeconds = seconds(System.nanoTime() - returnStart);
    awaitPresenceQuiet(run);
    long onlineEvents = run.presenceEvents.sum() - beforeReturn;
    double spreadSeconds = Math.max(1e-3, seconds(run.lastPresenceNanos.get() - returnStart));
    StringBuilder line = new StringBuilder(layout.describe())
        .append(" presence watching=").append(watching)
        .append(" came_back=").append(dropped)
        .append(" offline_events=").append(offlineEvents)
        .append(" online_events=").append(onlineEvents)
        .append(" online_events_per_person=").append(String.format(Locale.ROOT, "%.1f",
            dropped == 0 ? 0 : (double) onlineEvents / dropped))
        .append(" reconnect_seconds=").append(String.format(Locale.ROOT, "%.2f", reconnectSeconds))
        .append(" events_seconds=").append(String.format(Locale.ROOT, "%.2f", spreadSeconds))
        .append(" events_per_second=").append(String.format(Locale.ROOT, "%.0f", onlineEvents / spreadSeconds))
        .append(" errors=").append(run.errors().total() + run.setupErrors.total());
    out.println(line);
    out.flush();
    return EXIT_OK;
  }

  /** Waits until no presence event has come for two seconds (or the drain time ran out). */
  private void awaitPresenceQuiet(Run run) {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.drainSeconds());
    long quiet = TimeUnit.SECONDS.toNanos(2);
    long seen = -1;
    long since = System.nanoTime();
    while (System.nanoTime() < end) {
      long now = run.presenceEvents.sum();
      if (now != seen) {
        seen = now;
        since = System.nanoTime();
      } else if (System.nanoTime() - since > quiet) {
        return;
      }
      vertx.timer(100).await();
    }
  }

  private static int sum(List<Shard> shards, Function<Shard, Future<Integer>> count) {
    List<Future<Integer>> counts = shards.stream().map(count).toList();
    Future.all(counts).await();
    return counts.stream().mapToInt(Future::result).sum();
  }

  /** Scenarios (a), (b), (d): each rate gets a warm-up, a measurement, a drain and one summary line. */
  private int load(Run run, List<Shard> shards) {
    List<Double> rates = options.rates();
    long warmup = TimeUnit.SECONDS.toNanos(options.warmupSeconds());
    long duration = TimeUnit.SECONDS.toNanos(options.durationSeconds());
    for (int i = 0; i < rates.size(); i++) {
      double rate = rates.get(i);
      long start = run.now() + START_DELAY_NANOS;
      Step step = new Step(i, rate, start, start + warmup, start + warmup + duration);
      run.begin(step);
      LOG.info("Offering {} msg/s: {} s warm-up, {} s measured", BenchOptions.formatRate(rate),
          options.warmupSeconds(), options.durationSeconds());
      Future<Void> schedule = all(shards, shard -> shard.runLoad(step));
      int churnedBefore = sum(shards, shard -> Future.succeededFuture(shard.churned()));
      long churnFailedBefore = run.setupErrors.total();
      Future<Void> churn = options.churnPerSecond() > 0
          ? all(shards, shard -> shard.churn(options.churnPerSecond(), schedule)) : Future.succeededFuture();
      vertx.timer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(step.measureStartNanos - run.now()))).await();
      long cpuStart = processCpuNanos();
      long machineStart = MachineCpu.busyNanos();
      long wallStart = System.nanoTime();
      schedule.await();
      churn.await();
      long cpuEnd = processCpuNanos();
      long machineEnd = MachineCpu.busyNanos();
      long wall = System.nanoTime() - wallStart;
      double clientCpu = cpuStart < 0 || cpuEnd < 0 ? -1 : (cpuEnd - cpuStart) / (double) wall;
      double serverCpu = clientCpu < 0 || machineStart < 0 || machineEnd < 0 ? -1
          : Math.max(0, (machineEnd - machineStart) / (double) wall - clientCpu);

      long drainEnd = run.now() + TimeUnit.SECONDS.toNanos(options.drainSeconds());
      while (!step.complete() && run.now() < drainEnd) {
        vertx.timer(50).await();
      }
      Step.Result result = step.result(layout, options.durationSeconds(), clientCpu, serverCpu,
          options.push() != null);
      LOG.info("Slowest delivery (ms) of the messages sent in each measured second: {}", step.slowestBySecond());
      results.add(result);
      String churned = "";
      if (options.churnPerSecond() > 0) {
        churned = " churned=" + (sum(shards, shard -> Future.succeededFuture(shard.churned())) - churnedBefore)
            + " churn_failed=" + (run.setupErrors.total() - churnFailedBefore);
      }
      out.println(linePrefix() + result.line() + churned);
      out.flush();

      if (ready(shards) == 0) {
        LOG.error("No connection is left open; stopping");
        break;
      }
      if (options.stopP99Millis() > 0 && result.p99Millis() > options.stopP99Millis() && i + 1 < rates.size()) {
        LOG.info("p99 {} ms is above --stop-p99 {} ms: stopping the sweep", result.p99Millis(),
            options.stopP99Millis());
        break;
      }
    }
    return EXIT_OK;
  }

  private void warnAboutLimits() {
    double maxRate = options.idle() ? 0 : options.rates().stream().max(Double::compare).orElse(0.0);
    double perUser = maxRate / layout.myUsers().size();
    if (perUser > SERVER_DEFAULT_SEND_PER_SECOND * 0.8) {
      LOG.warn("{} msg/s over {} users is {} msg/s per user, near or above the server's default send limit "
              + "(10/s, burst 30): start the server with PARLEY_LIMITS_SEND_PER_SECOND=1000 or use more --users",
          BenchOptions.formatRate(maxRate), layout.myUsers().size(), oneDecimal(perUser));
    }
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix
        && unix.getMaxFileDescriptorCount() < layout.myConnectionCount() + 256L) {
      LOG.warn("This process may open only {} files but needs {} sockets and some more: raise it (ulimit -n) "
          + "or split the connections over processes with --slice", unix.getMaxFileDescriptorCount(),
          layout.myConnectionCount());
    }
  }

  private static int ready(List<Shard> shards) {
    return shards.stream().mapToInt(Shard::ready).sum();
  }

  private static int open(List<Shard> shards) {
    return shards.stream().mapToInt(Shard::open).sum();
  }

  private static Future<Void> all(List<Shard> shards, Function<Shard, Future<?>> action) {
    return Future.join(shards.stream().map(action).toList()).mapEmpty();
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static String oneDecimal(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  /** CPU time used by this whole process, or -1 where the JVM does not tell. */
  private static long processCpuNanos() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
  }

  private static String oneWord(String message) {
    return message == null ? "unknown" : message.replaceAll("\\s+", "_");
  }
}
