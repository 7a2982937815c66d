package dev.parley.bench.faults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Parley nodes as processes of their own on loopback, sharing one PostgreSQL and one Redis: either the ones given by
 * URL, or a throw-away pair that {@code parley.jar} itself starts ({@code dev.parley.app.EmbeddedServices}) in a
 * process that lives as long as this one. Every node of one cluster shares a cluster name, a token key and the
 * settings below; {@link #newCluster} gives each scenario a cluster of its own on the same databases.
 */
public final class LocalCluster implements AutoCloseable {

  private final Path jar;
  private final Path folder;
  private final String databaseUrl;
  private final String redisUrl;
  private final Process services;
  private final Map<String, String> extra;
  private final List<ParleyProcess> nodes = new ArrayList<>();
  private String clusterName = "parley-faults-" + UUID.randomUUID();
  private final String jwtSecret = "faults-" + UUID.randomUUID();
  private int started;

  private LocalCluster(Path jar, Path folder, String databaseUrl, String redisUrl, Process services,
                       Map<String, String> extra) {
    this.jar = jar.toAbsolutePath();
    this.folder = folder;
    this.databaseUrl = databaseUrl;
    this.redisUrl = redisUrl;
    this.services = services;
    this.extra = Map.copyOf(extra);
  }

  /**
   * A cluster of these nodes (their jar, and their databases or, none given, the embedded pair started now), its
   * nodes' files under a new temporary folder; {@code extra} are more {@code PARLEY_*} settings for every node.
   */
  static LocalCluster start(Args.Nodes nodes, Map<String, String> extra) throws IOException {
    Path jar = nodes.jar();
    String databaseUrl = nodes.databaseUrl();
    String redisUrl = nodes.redisUrl();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException(jar + " is not there: build it with mvn -pl app -am package -DskipTests");
    }
    Path folder = Files.createTempDirectory("parley-faults-");
    if (databaseUrl != null && redisUrl != null) {
      return new LocalCluster(jar, folder, databaseUrl, redisUrl, null, extra);
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process services = new ProcessBuilder(java, "-cp", jar.toAbsolutePath().toString(),
        "dev.parley.app.EmbeddedServices")
        .directory(folder.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(services.getInputStream(), StandardCharsets.UTF_8));
    String db = databaseUrl;
    String redis = redisUrl;
    try {
      while (db == null || redis == null) {
        String line = out.readLine();
        if (line == null) {
          break;
        }
        if (line.startsWith("postgres=")) {
          db = line.substring("postgres=".length());
        } else if (line.startsWith("redis=")) {
          redis = line.substring("redis=".length());
        }
      }
    } catch (IOException e) {
      services.destroyForcibly();
      throw e;
    }
    if (db == null || redis == null) {
      services.destroyForcibly();
      throw new IOException("The embedded PostgreSQL and Redis did not start (see above)");
    }
    return new LocalCluster(jar, folder, db, redis, services, extra);
  }

  /** From now on, nodes start in a new cluster (a scenario of its own); the databases stay. */
  public void newCluster() {
    clusterName = "parley-faults-" + UUID.randomUUID();
  }

  /** A node started by {@link #startNode}: its process and the port it serves HTTP and WebSockets on. */
  public record Node(ParleyProcess process, int port) {
  }

  /** Starts a node of the current cluster on a free port, and waits until it serves. */
  public Node startNode() throws Exception {
    int port = freePort();
    int index = ++started;
    Path data = Files.createDirectories(folder.resolve("node" + index));
    ParleyProcess node = ParleyProcess.start(jar, data, settings(port, data));
    nodes.add(node);
    return new Node(node, port);
  }

  /** The settings of a node: loopback, the shared databases and token key, this cluster, generous sign-up limits. */
  private Map<String, String> settings(int port, Path data) {
    Map<String, String> settings = new HashMap<>(Map.of(
        "PARLEY_HTTP_HOST", "127.0.0.1",
        "PARLEY_HTTP_PORT", Integer.toString(port),
        "PARLEY_DB_URL", databaseUrl,
        "PARLEY_REDIS_URL", redisUrl,
        "PARLEY_AUTH_JWT_SECRET", jwtSecret,
        "PARLEY_CLUSTER", "true",
        "PARLEY_CLUSTER_NAME", clusterName,
        "PARLEY_CLUSTER_HOST", "127.0.0.1",
        "PARLEY_CLUSTER_MEMBERS", "127.0.0.1",
        "PARLEY_DATA_DIR", data.toString()));
    // Every user signs up from 127.0.0.1, and no verification email should be queued for each.
    settings.putAll(Map.of("PARLEY_LIMITS_AUTH_PER_MINUTE", "100000", "PARLEY_AUTH_VERIFY_EMAIL_ON_SIGN_UP", "false"));
    settings.putAll(extra);
    return settings;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  /** Stops every node still running (SIGTERM, then SIGKILL), then the embedded databases. */
  @Override
  public void close() {
    for (ParleyProcess node : nodes) {
      node.close();
    }
    if (services != null) {
      services.destroy();
      try {
        if (!services.waitFor(30, TimeUnit.SECONDS)) {
          services.destroyForcibly();
        }
      } catch (InterruptedException interrupted) {
        services.destroyForcibly();
        Thread.currentThread().interrupt();
      }
      services.descendants().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
  }
}
