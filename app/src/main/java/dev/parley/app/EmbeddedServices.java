package dev.parley.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * The PostgreSQL and Redis a newcomer gets without configuring anything, and that the tests use. Both start as
 * child processes; start-up blocks, so it runs before Vert.x (or, in tests, on the test thread).
 *
 * <p>Both listen on loopback only and ask for a password, so another local user of the machine can neither read
 * the database nor mint WebSocket tickets in Redis: Redis gets a new random password at every start (it keeps
 * nothing), PostgreSQL one generated once and kept beside its data, readable by the owner only. (The tests' throw-away
 * PostgreSQL, started without a data folder, keeps the default local trust.)
 */
public final class EmbeddedServices {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServices.class);

  private EmbeddedServices() {
  }

  /** A running embedded PostgreSQL and the URL (with its password, if any) to reach its {@code postgres} database. */
  public record Postgres(EmbeddedPostgres server, String url) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      server.close();
    }

    /** The URL of another database on the same server. */
    public String urlOf(String database) {
      return "postgresql://postgres@127.0.0.1:" + server.getPort() + "/" + database;
    }
  }

  /** A running embedded Redis and its URL. */
  public record Redis(RedisServer server, String url) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      server.stop();
    }
  }

  /**
   * Starts PostgreSQL with its data kept in {@code dataDirectory} across restarts, password-protected; null: a
   * throw-away one for tests, trusting local connections.
   */
  public static Postgres startPostgres(Path dataDirectory) {
    try {
      return startPostgres(dataDirectory, freePort());
    } catch (IOException e) {
      throw new IllegalStateException("No free port for the embedded PostgreSQL: " + e.getMessage(), e);
    }
  }

  /** The same on a given port: a restart of a kept database where its clients expect it (the outage tests). */
  public static Postgres startPostgres(Path dataDirectory, int port) {
    try {
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPort(port)
          .setServerConfig("listen_addresses", "127.0.0.1");
      String password = null;
      if (dataDirectory != null) {
        Files.createDirectories(dataDirectory);
        password = Secrets.kept(dataDirectory.resolveSibling(dataDirectory.getFileName() + ".password"));
        builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false).setConnectConfig("password", password)
            // The embedded server's defaults trade durability for test speed; data users keep must survive a
            // power cut, since a message is acknowledged once committed. Group commit keeps the flushes few.
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            // A chat server writes all day: a cache that holds the hot end of the message indexes, and checkpoints
            // far enough apart that they do not keep rewriting the same pages (each one makes every page touched
            // next write a full copy of itself to the WAL, and its writes slow the WAL flushes acks wait for).
            .setServerConfig("shared_buffers", "512MB")
            .setServerConfig("max_wal_size", "4GB")
            .setServerConfig("checkpoint_timeout", "15min");
      }
      EmbeddedPostgres server = builder.start();
      if (password != null) {
        requirePassword(server, dataDirectory, password);
      }
      String credentials = password == null ? "postgres" : "postgres:" + password;
      String url = "postgresql://" + credentials + "@127.0.0.1:" + server.getPort() + "/postgres";
      LOG.info("Embedded PostgreSQL running on port {} (data: {})", server.getPort(),
          dataDirectory == null ? "temporary" : dataDirectory.toAbsolutePath());
      return new Postgres(server, url);
    } catch (IOException | SQLException e) {
      throw new IllegalStateException("Could not start the embedded PostgreSQL: " + e.getMessage(), e);
    }
  }

  /**
   * Gives the {@code postgres} role its password and makes every connection present it: initdb set up "trust" for
   * local connections, which lets any user of the machine in.
   */
  private static void requirePassword(EmbeddedPostgres server, Path dataDirectory, String password)
      throws IOException, SQLException {
    try (Connection connection = server.getPostgresDatabase().getConnection();
         Statement sql = connection.createStatement()) {
      // The password is base64url (no quote can occur in it).
      sql.execute("ALTER ROLE postgres PASSWORD '" + password + "'");
      Path hba = dataDirectory.resolve("pg_hba.conf");
      String rules = Files.readString(hba, StandardCharsets.UTF_8);
      String hardened = rules.lines()
          .map(line -> line.strip().startsWith("#") ? line : line.replaceAll("\\btrust\\b", "scram-sha-256"))
          .collect(Collectors.joining("\n", "", "\n"));
      if (!hardened.equals(rules)) {
        Files.writeString(hba, hardened, StandardCharsets.UTF_8);
        sql.execute("SELECT pg_reload_conf()");
        LOG.info("Embedded PostgreSQL now asks every connection for its password");
      }
    }
  }

  /**
   * Starts a Redis that keeps nothing on disk (what Parley keeps there may be lost), on loopback, with a new random
   * password that only this process knows.
   */
  public static Redis startRedis() {
    try {
      int port = freePort();
      String password = Secrets.random();
      RedisServer server = RedisServer.newRedisServer()
          .port(port)
          .bind("127.0.0.1")
          .setting("save \"\"")
          .setting("appendonly no")
          .setting("requirepass " + password)
          .build();
      server.start();
      LOG.info("Embedded Redis running on port {}", port);
      return new Redis(server, "redis://:" + password + "@127.0.0.1:" + port);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded Redis", e);
    }
  }

  /**
   * {@code java -cp parley.jar dev.parley.app.EmbeddedServices}: a throw-away PostgreSQL and a Redis for tools that
   * run Parley nodes as processes of their own (the bench's fault and abuse commands). Prints
   * {@code postgres=<url>} and {@code redis=<url>}, then keeps both until its standard input ends (the tool that
   * started it exits or closes it) or it is stopped, so they never outlive the tool.
   */
  public static void main(String[] args) throws IOException {
    Postgres postgres = startPostgres(null);
    Redis redis = startRedis();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try (postgres; redis) {
        LOG.info("Stopping the embedded PostgreSQL and Redis");
      } catch (IOException e) {
        LOG.warn("Could not stop an embedded service: {}", e.getMessage());
      }
    }, "embedded-services-stop"));
    System.out.println("postgres=" + postgres.url());
    System.out.println("redis=" + redis.url());
    System.out.flush();
    // Blocks this main thread (no event loop here) until the parent closes the pipe.
    System.in.transferTo(OutputStream.nullOutputStream());
    System.exit(0);
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
