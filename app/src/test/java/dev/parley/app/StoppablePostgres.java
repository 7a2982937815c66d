package dev.parley.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A PostgreSQL of one test's own, which the test may stop and start again on the same port and data, as an operator's
 * database goes away and comes back. (The shared one of {@link TestServices} serves every other test of the JVM.)
 */
final class StoppablePostgres implements AutoCloseable {

  private final Path data;
  private final int port;
  private EmbeddedPostgres server;

  StoppablePostgres() {
    try {
      data = Files.createTempDirectory("parley-stoppable-pg-");
      port = EmbeddedServices.freePort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    start();
  }

  String url() {
    return "postgresql://postgres@127.0.0.1:" + port + "/postgres";
  }

  void start() {
    try {
      server = EmbeddedPostgres.builder().setPort(port).setDataDirectory(data).setCleanDataDirectory(false)
          .setServerConfig("listen_addresses", "127.0.0.1").start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the test's PostgreSQL", e);
    }
  }

  void stop() {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not stop the test's PostgreSQL", e);
    }
  }

  @Override
  public void close() {
    stop();
  }
}
