package dev.parley.bench;

import dev.parley.bench.ApiClient.Account;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    int shards = Math.min(options.eventLoops(), Layout.of(options).myConnectionCount());
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(shards));
    try {
      return new LoadGenerator(vertx, options, shards, out).execute();
    } catch (RuntimeException e) {
      LOG.error("The bench failed", e);
      out.println("setup_failed stage=bench error=" + oneWord(String.valueOf(e.getMessage())));
      out.flush();
      return EXIT_SETUP_FAILED;
    } finally {
      vertx.close().await();
    }
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
      out.println("setup_failed stage=http error=" + oneWord(e.getMessage()));
      out.flush();
      return EXIT_SETUP_FAILED;
    } finally {
      api.close();
    }
    LOG.info("{} users, {} rooms ready in {} s; opening {} connections", layout.myUsers().size(),
        layout.myRooms().size(), oneDecimal(seconds(System.nanoTime() - setupStart)), layout.myConnectionCount());

    Run run = new Run(options, layout, accounts, roomIds);
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
        out.println("setup_failed stage=connect connections=" + layout.myConnectionCount() + " ready=" + ready
            + " errors=" + run.setupErrors.total() + " errors_by=" + run.setupErrors.breakdown());
        out.flush();
        return EXIT_SETUP_FAILED;
      }
      double setupSeconds = seconds(System.nanoTime() - setupStart);
      LOG.info("All {} connections subscribed; setup took {} s", ready, oneDecimal(setupSeconds));
      return options.idle() ? hold(run, shards, setupSeconds) : load(run, shards);
    } finally {
      run.startClosing();
      all(shards, Shard::closeAll).await();
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
      vertx.timer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(step.measureStartNanos - run.now()))).await();
      long cpuStart = processCpuNanos();
      long wallStart = System.nanoTime();
      schedule.await();
      long cpuEnd = processCpuNanos();
      double clientCpu = cpuStart < 0 || cpuEnd < 0
          ? -1
          : (cpuEnd - cpuStart) / (double) (System.nanoTime() - wallStart);

      long drainEnd = run.now() + TimeUnit.SECONDS.toNanos(options.drainSeconds());
      while (!step.complete() && run.now() < drainEnd) {
        vertx.timer(50).await();
      }
      Step.Result result = step.result(layout, options.durationSeconds(), clientCpu);
      out.println(result.line());
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
