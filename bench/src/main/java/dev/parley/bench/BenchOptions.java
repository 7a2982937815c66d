package dev.parley.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The command line of the load generator, parsed and validated once. Every option has a default, so
 * {@code java -jar parley-bench.jar} alone runs scenario (a) against a local server.
 */
record BenchOptions(
    Target target,
    List<Target> compare,
    double goodP99Millis,
    int connections,
    int rooms,
    int users,
    List<Double> rates,
    int durationSeconds,
    int warmupSeconds,
    int drainSeconds,
    boolean idle,
    int holdSeconds,
    boolean storm,
    int stormMissed,
    boolean presence,
    String push,
    double churnPerSecond,
    String prefix,
    String password,
    int textBytes,
    int eventLoops,
    int httpConcurrency,
    int connectConcurrency,
    double stopP99Millis,
    int timeoutSeconds,
    int slice,
    int slices) {

  static final String DEFAULT_URL = "http://127.0.0.1:8080";
  static final int MAX_CONNECTIONS = 100_000;
  static final int MIN_TEXT_BYTES = 48;
  static final int MAX_TEXT_BYTES = 4_000;
  private static final Set<String> FLAGS = Set.of("--idle", "--storm", "--presence", "--help", "-h");

  static String usage() {
    return """
        Usage: java -jar bench/target/parley-bench.jar [options]

        Registers (or logs in) users, creates rooms, opens WebSocket connections and subscribes each
        to its room, then sends at a fixed offered rate and prints one summary line per rate on
        stdout (logs go to stderr). Latency is measured from each message's scheduled send time, so
        a stalled server or generator cannot hide queueing (no coordinated omission).

        Target
          --url URLS               server base URL(s), comma separated; connections and setup calls
                                   are spread round-robin over them            [%s]
          --compare N=URL,...      side by side: the same load against each target in turn (each
                                   with its own setup, warm-up and sweep), then the ratios of the
                                   first to each other one; a Socket.IO server is written
                                   N=socketio+http://host:port                  [off]
          --good-p99 MS            the p99 a rate must stay under to count as carried, for the
                                   "highest rate" comparison                    [100]
        Shape
          --connections N          WebSocket connections; connection i is in room i %% R  [2000]
          --rooms R                rooms (public channels)                       [200]
          --users U                distinct users, connection i signs in as user i %% U;
                                   fewer users than connections saves Argon2 hashes
                                   (pick U a multiple of R so each user has one room)  [= connections]
        Load
          --rate MSGS              offered messages per second, all senders together    [1000]
          --rates A,B,C            a sweep: one warm-up + measurement + summary per rate
          --duration S             seconds of measurement per rate                [60]
          --warmup S               seconds of load before each measurement        [10]
          --drain S                at most this many seconds after a measurement to wait for
                                   outstanding acks and deliveries               [10]
          --stop-p99 MS            end a sweep after the first rate whose p99 exceeds MS (0: never) [0]
          --size B                 message text length in characters (%d..%d)     [64]
        Idle (heap/RSS per connection)
          --idle                   connect and subscribe, send nothing, print READY, hold, close
          --hold S                 seconds to hold the idle connections            [60]
        Reconnect storm
          --storm                  connect and subscribe; then every connection but the first of
                                   each room drops at once, the first ones send what they miss, and
                                   all dropped ones reconnect together and resume with 'since' (up to
                                   --connect-concurrency handshakes in flight); prints how long until
                                   all were subscribed again and had every missed message
          --storm-missed M         messages each room gets while its members are away  [5]
        Presence
          --presence               connect and subscribe; every connection watches the people of its
                                   room; then half of each room leaves and comes back all at once
                                   (up to --connect-concurrency handshakes in flight); prints the
                                   presence events the others got, and how fast
        Notifications
          --push HOST:PORT         with a load sweep: the first user of each room sets it to "all"
                                   and subscribes a push "browser" whose push service the bench
                                   runs on HOST:PORT (start Parley with
                                   PARLEY_NOTIFY_PUSH_SERVICES=http://HOST:PORT); adds pushes/s,
                                   the pushes expected, and the delay from a message's scheduled
                                   send to its push (p50/p99 over one push in 10, decrypted)  [off]
        Churn (soak)
          --churn N                with a load sweep: N connections a second close and reconnect,
                                   resuming with 'since' from the last event they got (only ones
                                   with no send awaiting its ack); what they miss while away
                                   counts as delivered late, or as lost                [0]
        Accounts
          --prefix P               user e-mail prefix (P-<i>@example.com) and room name prefix;
                                   reruns with the same prefix log in instead      [bench]
          --password P             password of the bench users                     [parley-bench-password]
        Client
          --event-loops E          client event loops (connections are spread over them) [min(4, cores)]
          --http-concurrency K     setup HTTP calls in flight (register, login, rooms, joins) [16]
          --connect-concurrency K  WebSocket handshakes + subscriptions in flight  [200]
          --timeout S              timeout of each setup step (HTTP call, handshake, hello, subbed) [30]
          --slice K/N              open only connections i with i %% N == K, so N processes share one
                                   layout (a process holds at most `ulimit -n` sockets); start slice 0
                                   first, the others once it printed READY or its first line. --rate
                                   is then this process's share; pick N dividing R     [0/1]
          --help                   this text

        Exit status: 0 when the run completed (errors are reported in the summary), 1 when the
        setup failed (a user, room, join, connection or subscription could not be made; stdout
        then says setup_failed), 2 for a bad command line.
        """.formatted(DEFAULT_URL, MIN_TEXT_BYTES, MAX_TEXT_BYTES);
  }

  static boolean wantsHelp(String[] args) {
    for (String arg : args) {
      if (arg.equals("--help") || arg.equals("-h")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Parses {@code --name value} and {@code --name=value}; throws {@link IllegalArgumentException} with a
   * readable message.
   */
  static BenchOptions parse(String[] args) {
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + arg + "' (see --help)");
      }
      String name;
      String value;
      int eq = arg.indexOf('=');
      if (eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      } else if (FLAGS.contains(arg)) {
        name = arg;
        value = "true";
      } else {
        name = arg;
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(name + " needs a value");
        }
        value = args[++i];
      }
      if (values.put(name, value) != null) {
        throw new IllegalArgumentException(name + " given twice");
      }
    }
    Options o = new Options(values);

    if (values.containsKey("--compare") && values.containsKey("--url")) {
      throw new IllegalArgumentException("give --url or --compare, not both");
    }
    List<Target> compare = values.containsKey("--compare") ? Target.parseAll(o.string("--compare", "")) : List.of();
    Target target = compare.isEmpty()
        ? new Target("parley", parseUrls(o.string("--url", DEFAULT_URL)), Wire.PARLEY) : compare.get(0);
    double goodP99 = o.decimal("--good-p99", 100, 0.01, 3_600_000);
    int connections = o.integer("--connections", 2000, 1, MAX_CONNECTIONS);
    int rooms = o.integer("--rooms", 200, 1, connections);
    int users = o.integer("--users", connections, 1, connections);
    boolean idle = o.flag("--idle");
    boolean storm = o.flag("--storm");
    int stormMissed = o.integer("--storm-missed", 5, 1, 1000);
    boolean presence = o.flag("--presence");
    if ((idle ? 1 : 0) + (storm ? 1 : 0) + (presence ? 1 : 0) > 1) {
      throw new IllegalArgumentException("give one of --idle, --storm and --presence");
    }
    List<Double> rates;
    if (values.containsKey("--rates") && values.containsKey("--rate")) {
      throw new IllegalArgumentException("give --rate or --rates, not both");
    } else if (values.containsKey("--rates")) {
      rates = parseRates(o.string("--rates", ""));
    } else {
      rates = List.of(o.decimal("--rate", 1000, 0.01, 1_000_000));
    }
    int duration = o.integer("--duration", 60, 1, 3600);
    int warmup = o.integer("--warmup", 10, 0, 3600);
    int drain = o.integer("--drain", 10, 1, 600);
    int hold = o.integer("--hold", 60, 0, 24 * 3600);
    String prefix = o.string("--prefix", "bench");
    if (!prefix.matches("[A-Za-z0-9._-]{1,40}")) {
      throw new IllegalArgumentException("--prefix must be 1-40 letters, digits, '.', '_' or '-'");
    }
    String password = o.string("--password", "parley-bench-password");
    if (password.isEmpty()) {
      throw new IllegalArgumentException("--password must not be empty");
    }
    int textBytes = o.integer("--size", 64, MIN_TEXT_BYTES, MAX_TEXT_BYTES);
    int eventLoops = o.integer("--event-loops", Math.min(4, Runtime.getRuntime().availableProcessors()), 1, 64);
    int httpConcurrency = o.integer("--http-concurrency", 16, 1, 1000);
    int connectConcurrency = o.integer("--connect-concurrency", 200, 1, 10_000);
    double stopP99 = o.decimal("--stop-p99", 0, 0, 3_600_000);
    int timeout = o.integer("--timeout", 30, 1, 600);
    int[] slice = parseSlice(o.string("--slice", "0/1"), connections);
    String push = values.containsKey("--push") ? o.string("--push", "") : null;
    if (push != null && !push.matches("[A-Za-z0-9.-]+:[0-9]{1,5}")) {
      throw new IllegalArgumentException("--push is HOST:PORT, where the bench's push service listens");
    }
    double churn = o.decimal("--churn", 0, 0, 10_000);
    o.rejectUnknown();
    if (churn > 0 && (idle || storm || presence)) {
      throw new IllegalArgumentException("--churn goes with a load sweep");
    }
    if (push != null && (idle || storm || presence || !compare.isEmpty())) {
      throw new IllegalArgumentException("--push goes with a load sweep against Parley alone");
    }
    if (!compare.isEmpty() && (idle || storm || presence || slice[1] > 1)) {
      throw new IllegalArgumentException("--compare runs a load sweep in one process: not with --idle, --storm, "
          + "--presence or --slice");
    }
    return new BenchOptions(target, compare, goodP99, connections, rooms, users, rates, duration, warmup, drain, idle,
        hold, storm, stormMissed, presence, push, churn, prefix, password, textBytes, eventLoops, httpConcurrency,
        connectConcurrency, stopP99, timeout, slice[0], slice[1]);
  }

  /** The base URLs of the target being driven. */
  List<URI> urls() {
    return target.urls();
  }

  /** These options aimed at another target. */
  BenchOptions forTarget(Target other) {
    return new BenchOptions(other, compare, goodP99Millis, connections, rooms, users, rates, durationSeconds,
        warmupSeconds, drainSeconds, idle, holdSeconds, storm, stormMissed, presence, push, churnPerSecond, prefix,
        password, textBytes, eventLoops, httpConcurrency, connectConcurrency, stopP99Millis, timeoutSeconds, slice,
        slices);
  }

  /** One line for the log: what this run is going to do. */
  String describe() {
    StringBuilder sb = new StringBuilder()
        .append("target=").append(target.name()).append(' ')
        .append("urls=").append(target.urls())
        .append(" connections=").append(connections)
        .append(" rooms=").append(rooms)
        .append(" users=").append(users);
    if (slices > 1) {
      sb.append(" slice=").append(slice).append('/').append(slices);
    }
    if (idle) {
      sb.append(" idle hold=").append(holdSeconds).append('s');
    } else if (storm) {
      sb.append(" storm missed=").append(stormMissed);
    } else if (presence) {
      sb.append(" presence");
    } else {
      sb.append(" rates=").append(rates.stream().map(BenchOptions::formatRate).toList())
          .append(" warmup=").append(warmupSeconds).append('s')
          .append(" duration=").append(durationSeconds).append('s');
      if (push != null) {
        sb.append(" push=").append(push);
      }
      if (churnPerSecond > 0) {
        sb.append(" churn=").append(formatRate(churnPerSecond)).append("/s");
      }
    }
    return sb.append(" event-loops=").append(eventLoops).toString();
  }

  static String formatRate(double rate) {
    return rate == Math.rint(rate) ? Long.toString((long) rate) : String.format(Locale.ROOT, "%.2f", rate);
  }

  static List<URI> parseUrls(String text) {
    List<URI> urls = new ArrayList<>();
    for (String part : text.split(",")) {
      String s = part.trim();
      if (s.isEmpty()) {
        continue;
      }
      URI uri;
      try {
        uri = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("bad --url '" + s + "': " + e.getMessage());
      }
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
        throw new IllegalArgumentException("bad --url '" + s + "': expected http://host:port or https://host:port");
      }
      if (uri.getQuery() != null || uri.getFragment() != null) {
        throw new IllegalArgumentException("bad --url '" + s + "': no query or fragment, please");
      }
      urls.add(uri);
    }
    if (urls.isEmpty()) {
      throw new IllegalArgumentException("--url needs at least one URL");
    }
    return List.copyOf(urls);
  }

  private static int[] parseSlice(String text, int connections) {
    String[] parts = text.split("/");
    try {
      if (parts.length == 2) {
        int k = Integer.parseInt(parts[0].trim());
        int n = Integer.parseInt(parts[1].trim());
        if (n >= 1 && n <= connections && k >= 0 && k < n) {
          return new int[] {k, n};
        }
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("--slice must be K/N with 0 <= K < N <= connections, not '" + text + "'");
  }

  private static List<Double> parseRates(String text) {
    List<Double> rates = new ArrayList<>();
    for (String part : text.split(",")) {
      if (!part.isBlank()) {
        rates.add(Options.decimalValue("--rates", part.trim(), 0.01, 1_000_000));
      }
    }
    if (rates.isEmpty() || rates.size() > 100) {
      throw new IllegalArgumentException("--rates needs 1 to 100 comma-separated rates");
    }
    return List.copyOf(rates);
  }

  /** The raw name/value pairs, consumed one by one so leftovers can be reported as unknown. */
  private static final class Options {
    private final Map<String, String> values;

    Options(Map<String, String> values) {
      this.values = new HashMap<>(values);
    }

    String string(String name, String fallback) {
      String v = values.remove(name);
      return v == null ? fallback : v;
    }

    boolean flag(String name) {
      String v = values.remove(name);
      if (v == null) {
        return false;
      }
      if (!v.equals("true") && !v.equals("false")) {
        throw new IllegalArgumentException(name + " takes no value, or =true/=false");
      }
      return Boolean.parseBoolean(v);
    }

    int integer(String name, int fallback, int min, int max) {
      String v = values.remove(name);
      if (v == null) {
        return fallback;
      }
      int n;
      try {
        n = Integer.parseInt(v.replace("_", ""));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " must be a whole number, not '" + v + "'");
      }
      if (n < min || n > max) {
        throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", not " + n);
      }
      return n;
    }

    double decimal(String name, double fallback, double min, double max) {
      String v = values.remove(name);
      return v == null ? fallback : decimalValue(name, v, min, max);
    }

    static double decimalValue(String name, String v, double min, double max) {
      double d;
      try {
        d = Double.parseDouble(v.replace("_", ""));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " must be a number, not '" + v + "'");
      }
      if (!(d >= min && d <= max)) {
        throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", not " + v);
      }
      return d;
    }

    void rejectUnknown() {
      values.remove("--help");
      values.remove("-h");
      if (!values.isEmpty()) {
        throw new IllegalArgumentException("unknown option(s) " + values.keySet() + " (see --help)");
      }
    }
  }
}
