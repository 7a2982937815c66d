package dev.parley.app;

import static dev.parley.app.TestNodes.await;

import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real S3-compatible server for the tests: Adobe S3Mock, in a process of its own (it runs on Spring Boot and Netty
 * 4.1, which must not meet Vert.x's Netty on one class path). The build copies its standalone jar into
 * {@code target/s3mock}; it starts on a free port with one empty bucket and keeps its objects in a temporary folder.
 */
final class S3Mock implements AutoCloseable {

  static final String BUCKET = "parley";
  private static final Path JAR = Path.of("target", "s3mock", "s3mock.jar");
  private static final long START_MILLIS = 90_000;

  private final Process process;
  private final int port;
  private final WebClient client;

  private S3Mock(Process process, int port, WebClient client) {
    this.process = process;
    this.port = port;
    this.client = client;
  }

  static S3Mock start(Vertx vertx) {
    try {
      int port = freePort();
      Path root = Files.createTempDirectory("parley-s3mock-");
      Path log = Path.of("target", "s3mock", "s3mock-" + port + ".log");
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process process = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar",
          JAR.toString(), "--server.port=0", "--http.port=" + port,
          "--com.adobe.testing.s3mock.store.initial-buckets=" + BUCKET,
          "--com.adobe.testing.s3mock.store.root=" + root, "--com.adobe.testing.s3mock.max-payload-size=200MB",
          "--spring.main.banner-mode=off"))
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      S3Mock mock = new S3Mock(process, port, WebClient.create(vertx));
      mock.awaitBucket(vertx);
      return mock;
    } catch (IOException e) {
      throw new UncheckedIOException("S3Mock did not start (is " + JAR + " there? mvn copies it)", e);
    }
  }

  /** Waits, a short timer at a time, until the bucket answers. */
  private void awaitBucket(Vertx vertx) {
    long deadline = System.currentTimeMillis() + START_MILLIS;
    while (status("") != 200) {
      if (!process.isAlive() || System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("S3Mock did not start: see target/s3mock/s3mock-" + port + ".log");
      }
      await(vertx.timer(200));
    }
  }

  /** The HTTP status of a GET of an object of the bucket ("" for the bucket itself); -1 when nothing answers. */
  int status(String key) {
    try {
      return await(client.get(port, "127.0.0.1", "/" + BUCKET + "/" + key).send()).statusCode();
    } catch (AssertionError refused) {
      return -1;
    }
  }

  String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
