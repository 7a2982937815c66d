package dev.parley.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * The PostgreSQL and Redis a newcomer gets without configuring anything, and that the tests use. Both start as
 * child processes; start-up blocks, so it runs before Vert.x (or, in tests, on the test thread).
 */
public final class EmbeddedServices {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServices.class);

  private EmbeddedServices() {
  }

  /** A running embedded PostgreSQL and the URL to reach its {@code postgres} database. */
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

  /** Starts PostgreSQL with its data kept in {@code dataDirectory} across restarts (null: a throw-away one). */
  public static Postgres startPostgres(Path dataDirectory) {
    try {
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPort(freePort());
      if (dataDirectory != null) {
        Files.createDirectories(dataDirectory);
        builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
      }
      EmbeddedPostgres server = builder.start();
      String url = "postgresql://postgres@127.0.0.1:" + server.getPort() + "/postgres";
      LOG.info("Embedded PostgreSQL running on port {} (data: {})", server.getPort(),
          dataDirectory == null ? "temporary" : dataDirectory.toAbsolutePath());
      return new Postgres(server, url);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
    }
  }

  /** Starts a Redis that keeps nothing on disk: what Parley keeps there may be lost. */
  public static Redis startRedis() {
    try {
      int port = freePort();
      RedisServer server = RedisServer.newRedisServer()
          .port(port)
          .bind("127.0.0.1")
          .setting("save \"\"")
          .setting("appendonly no")
          .build();
      server.start();
      LOG.info("Embedded Redis running on port {}", port);
      return new Redis(server, "redis://127.0.0.1:" + port);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the embedded Redis", e);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
