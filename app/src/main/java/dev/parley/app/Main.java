package dev.parley.app;

import dev.parley.shared.ParleyConfig;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar parley.jar [--roles gateway,rooms,notify] [--cluster] [--config file.json]}.
 *
 * <p>With no database, Redis or token secret configured, it starts an embedded PostgreSQL (data under the data
 * folder, kept across restarts) and an embedded Redis, keeps a generated token secret in the data folder, and
 * prints the URL to open.
 */
public final class Main {

  private static final Logger LOG = LoggerFactory.getLogger(Main.class);
  /**
   * Over how long a drain closes the WebSocket connections: 3 s turns a node's thousands of clients into a steady
   * stream of reconnections the other nodes absorb (a reconnection costs a handshake and a replay per room) rather
   * than one storm, and keeps a rolling restart of a few nodes within minutes.
   */
  static final long DRAIN_SPREAD_MILLIS = 3_000;
  /**
   * What a drain may take beyond the spread: the last sends acked, room-verticle's work in hand answered, the cluster
   * left. 3 s + 10 s stays well inside Kubernetes's default 30 s between SIGTERM and SIGKILL.
   */
  private static final long STOP_GRACE_MILLIS = 10_000;
  /** The roles, when no {@code --roles} is given: how a container image is told which verticles to run. */
  static final String ROLES_VARIABLE = "PARLEY_ROLES";
  private static final String USAGE = """
      Usage: java -jar parley.jar [--roles gateway,rooms,notify] [--cluster] [--config FILE]
             java -jar parley.jar admin COMMAND ... (java -jar parley.jar admin --help lists them)
        --roles    the verticles this process runs (default: PARLEY_ROLES, else all)
        --cluster  join a Hazelcast cluster (also PARLEY_CLUSTER=true)
        --config   a JSON file overriding conf/parley.json; PARLEY_* environment variables override both
      """;

  private Main() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("admin")) {
      System.exit(admin(Arrays.copyOfRange(args, 1, args.length)));
    }
    Set<Role> roles = EnumSet.allOf(Role.class);
    boolean cluster = false;
    String configFile = null;
    try {
      // A container image passes everything through the environment, the roles too (the option wins over it).
      String fromEnvironment = System.getenv(ROLES_VARIABLE);
      if (fromEnvironment != null && !fromEnvironment.isBlank()) {
        roles = Role.parse(fromEnvironment);
      }
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--roles" -> roles = Role.parse(value(args, ++i, "--roles"));
          case "--cluster" -> cluster = true;
          case "--config" -> configFile = value(args, ++i, "--config");
          case "--help", "-h" -> {
            System.out.print(USAGE);
            return;
          }
          default -> throw new IllegalArgumentException("Unknown option " + args[i]);
        }
      }
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
    }

    JsonObject config = loadConfig(configFile);
    if (cluster) {
      config.put("cluster", config.getJsonObject("cluster", new JsonObject()).put("enabled", true));
    }
    List<AutoCloseable> embedded = new ArrayList<>();
    AtomicReference<ParleyNode> running = new AtomicReference<>();
    // One hook, in order: the node drains while the embedded PostgreSQL and Redis still run (the JVM would run two
    // hooks at the same time), then they stop.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      ParleyNode started = running.get();
      if (started != null) {
        awaitDrain(started);
      }
      closeAll(embedded);
    }, "parley-shutdown"));
    prepareDefaults(config, roles, embedded);

    ParleyNode node = ParleyNode.start(config, roles).toCompletionStage().toCompletableFuture().get();
    running.set(node);
    ParleyConfig parsed = ParleyConfig.fromJson(config);
    if (node.gateway() != null) {
      String url = parsed.http().publicUrl(node.gateway().port());
      LOG.info("Parley is running. Open {}", url);
      System.out.println("Parley is running. Open " + url);
    } else {
      LOG.info("Parley is running with roles {}", roles);
    }
  }

  /** {@code admin COMMAND ... [--config FILE]}: the settings as a node reads them, then the command. */
  private static int admin(String[] args) throws Exception {
    List<String> command = new ArrayList<>(Arrays.asList(args));
    String configFile = null;
    int option = command.indexOf("--config");
    if (option >= 0) {
      if (option + 1 >= command.size()) {
        System.err.println("--config needs a value");
        return 2;
      }
      configFile = command.get(option + 1);
      command.subList(option, option + 2).clear();
    }
    return AdminCommands.run(command.toArray(String[]::new), loadConfig(configFile), System.out, System.err);
  }

  private static JsonObject loadConfig(String configFile) throws Exception {
    Vertx boot = Vertx.vertx();
    try {
      return ConfigLoader.load(boot, configFile, System.getenv()).toCompletionStage().toCompletableFuture().get();
    } finally {
      boot.close();
    }
  }

  /** Fills in what was not configured: embedded PostgreSQL and Redis, a token secret kept in the data folder. */
  private static void prepareDefaults(JsonObject config, Set<Role> roles, List<AutoCloseable> embedded)
      throws IOException {
    ParleyConfig parsed = ParleyConfig.fromJson(config);
    Path dataDir = Path.of(parsed.dataDir());
    if (roles.contains(Role.ROOMS) && parsed.db().url() == null) {
      EmbeddedServices.Postgres postgres = EmbeddedServices.startPostgres(dataDir.resolve("postgres"));
      embedded.add(postgres);
      config.getJsonObject("db").put("url", postgres.url());
    }
    if (roles.contains(Role.GATEWAY) && parsed.redis().url() == null) {
      EmbeddedServices.Redis redis = EmbeddedServices.startRedis();
      embedded.add(redis);
      config.getJsonObject("redis").put("url", redis.url());
    }
    if (roles.contains(Role.GATEWAY) && parsed.auth().jwtSecret() == null) {
      config.getJsonObject("auth").put("jwtSecret", Secrets.kept(dataDir.resolve("jwt.secret")));
    }
    // Browsers subscribe with the public key and pushes are signed with the private one: one pair for good, or every
    // subscription is lost. A cluster sets the same pair on every node (notify.vapidPublicKey / vapidPrivateKey).
    boolean pushes = roles.contains(Role.GATEWAY) || roles.contains(Role.NOTIFY);
    if (pushes && parsed.notifications().vapidPublicKey() == null) {
      JsonObject vapid = Secrets.keptVapidKeys(dataDir.resolve("vapid.json"));
      JsonObject notify = config.getJsonObject("notify");
      if (notify == null) {
        notify = new JsonObject();
        config.put("notify", notify);
      }
      notify.put("vapidPublicKey", vapid.getString("publicKey")).put("vapidPrivateKey", vapid.getString("privateKey"));
    }
  }

  private static String value(String[] args, int index, String option) {
    if (index >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[index];
  }

  private static void awaitDrain(ParleyNode node) {
    CompletableFuture<Void> closed = node.drain(DRAIN_SPREAD_MILLIS).toCompletionStage().toCompletableFuture();
    try {
      closed.get(DRAIN_SPREAD_MILLIS + STOP_GRACE_MILLIS, TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      LOG.warn("Parley did not stop cleanly: {}", e.getMessage());
    }
  }

  private static void closeAll(List<AutoCloseable> resources) {
    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (Exception e) {
        LOG.warn("Could not stop an embedded service: {}", e.getMessage());
      }
    }
  }
}
