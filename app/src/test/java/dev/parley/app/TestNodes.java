package dev.parley.app;

import dev.parley.notify.Vapid;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** Starts Parley nodes for a test on its own fresh database, and stops them all at the end. */
final class TestNodes implements AutoCloseable {

  static final Duration TIMEOUT = Duration.ofSeconds(30);
  /** One VAPID key pair for every test node, as a cluster shares one (a test may set its own). */
  private static final JsonObject VAPID = vapidKeys();

  private final String databaseUrl = TestServices.freshDatabaseUrl();
  private final String clusterName = "parley-test-" + UUID.randomUUID();
  private final List<ParleyNode> nodes = new ArrayList<>();
  /** Where this test's nodes keep uploaded files (unless a test gives them a bucket). */
  private final Path filesDir = temporaryFolder();

  /** The test's own database, for tests that look at what was stored. */
  String databaseUrl() {
    return databaseUrl;
  }

  /**
   * The configuration of a node of this test; generous send limits unless a test tightens them. No default channels:
   * a test sees only the rooms it makes (a test of the newcomer's default channels names them itself).
   */
  JsonObject config(boolean clustered) {
    return new JsonObject()
        .put("http", new JsonObject().put("host", "127.0.0.1").put("port", 0))
        .put("db", new JsonObject().put("url", databaseUrl).put("poolSize", 4))
        .put("redis", new JsonObject().put("url", TestServices.redisUrl()))
        // No verification email on every sign-up: tests that count emails count their own (EmailVerificationTest
        // turns it on).
        .put("auth", new JsonObject().put("jwtSecret", "test-secret-" + clusterName).put("verifyEmailOnSignUp", false))
        .put("limits", new JsonObject().put("sendPerSecond", 10_000).put("sendBurst", 10_000)
            .put("replayLimit", 150).put("authPerMinute", 100_000).put("roomsPerHour", 100_000)
            .put("inviteEmailsPerDay", 100_000).put("searchesPerMinute", 100_000)
            .put("messageSearchesPerMinute", 100_000))
        .put("workspace", new JsonObject().put("defaultChannels", new JsonArray()))
        .put("files", new JsonObject().put("dir", filesDir.toString()))
        .put("notify", new JsonObject().put("vapidPublicKey", VAPID.getString("publicKey"))
            .put("vapidPrivateKey", VAPID.getString("privateKey")))
        .put("cluster", new JsonObject().put("enabled", clustered).put("name", clusterName)
            .put("host", "127.0.0.1").put("members", new JsonArray().add("127.0.0.1")));
  }

  /**
   * The settings of a node of this test run as a process of its own ({@link dev.parley.bench.faults.ParleyProcess}): the same cluster,
   * PostgreSQL, Redis and token secret as {@link #config}, a free port, and its own data folder.
   */
  Map<String, String> processSettings(int httpPort, Path dataDir) {
    return Map.ofEntries(
        Map.entry("PARLEY_HTTP_HOST", "127.0.0.1"),
        Map.entry("PARLEY_HTTP_PORT", Integer.toString(httpPort)),
        Map.entry("PARLEY_DB_URL", databaseUrl),
        Map.entry("PARLEY_REDIS_URL", TestServices.redisUrl()),
        Map.entry("PARLEY_AUTH_JWT_SECRET", "test-secret-" + clusterName),
        Map.entry("PARLEY_CLUSTER", "true"),
        Map.entry("PARLEY_CLUSTER_NAME", clusterName),
        Map.entry("PARLEY_CLUSTER_HOST", "127.0.0.1"),
        Map.entry("PARLEY_CLUSTER_MEMBERS", "127.0.0.1"),
        Map.entry("PARLEY_DATA_DIR", dataDir.toString()));
  }

  /** Two clustered nodes of this test, each with an HTTP client of its own. */
  record Pair(ParleyNode first, ParleyNode second, TestApi firstApi, TestApi secondApi) {
  }

  Pair startPair() {
    ParleyNode first = start(true);
    ParleyNode second = start(true);
    return new Pair(first, second, new TestApi(first.vertx(), first.gateway().port()),
        new TestApi(second.vertx(), second.gateway().port()));
  }

  ParleyNode start(boolean clustered) {
    return start(clustered, UnaryOperator.identity());
  }

  ParleyNode start(boolean clustered, UnaryOperator<JsonObject> customize) {
    return start(clustered, EnumSet.allOf(Role.class), customize);
  }

  ParleyNode start(boolean clustered, Set<Role> roles, UnaryOperator<JsonObject> customize) {
    ParleyNode node = await(ParleyNode.start(customize.apply(config(clustered)), roles));
    nodes.add(node);
    return node;
  }

  /** The folder this test's nodes keep uploaded files in. */
  /** A started node with its client, and Alice and Bob, plain members of a new channel. */
  record WithMembers(ParleyNode node, Vertx vertx, TestApi api, TestApi.TwoMembers members) {
  }

  WithMembers startWithTwoMembers(UnaryOperator<JsonObject> customize) {
    ParleyNode node = start(false, customize);
    TestApi api = new TestApi(node.vertx(), node.gateway().port());
    return new WithMembers(node, node.vertx(), api, api.twoMembersInAChannel("general"));
  }

  /**
   * Puts a sample plugin into a plugin folder as an operator would: its built jar copied in (or, when the build left
   * only its classes, a link to them).
   */
  static void installPlugin(Class<?> plugin, Path folder, String name) {
    try {
      Path built = Path.of(plugin.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isDirectory(built)) {
        Files.createSymbolicLink(folder.resolve(name), built);
      } else {
        Files.copy(built, folder.resolve(name + ".jar"));
      }
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException("Cannot install plugin " + name, e);
    }
  }

  Path filesDir() {
    return filesDir;
  }

  private static Path temporaryFolder() {
    try {
      return Files.createTempDirectory("parley-files-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for a condition another component brings about, checking again after each short timer. */
  void eventually(Supplier<Boolean> condition, String what) {
    long deadline = System.currentTimeMillis() + TIMEOUT.toMillis();
    while (!condition.get()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("Not true in time: " + what);
      }
      await(nodes.get(0).vertx().timer(20));
    }
  }

  private static JsonObject vapidKeys() {
    try {
      return Vapid.generateKeys();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("P-256 keys are part of every JVM", e);
    }
  }

  @Override
  public void close() {
    for (ParleyNode node : nodes) {
      await(node.close());
    }
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("Did not complete within " + TIMEOUT + ": " + e, e);
    }
  }
}
