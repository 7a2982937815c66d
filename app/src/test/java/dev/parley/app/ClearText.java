package dev.parley.app;

import static dev.parley.app.TestNodes.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * Everything the server keeps or writes, as text, to search for what must never be there in clear: every row of
 * every table of the database, every key of Redis with its value, the log (captured from the start of a test),
 * the emails of the outbox folder, and the uploaded files' bytes (their storage folder).
 */
final class ClearText {

  private ClearText() {
  }

  /** Starts capturing the log of this JVM (the nodes of a test run in it). */
  static ListAppender<ILoggingEvent> captureLog() {
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    root().addAppender(log);
    return log;
  }

  static void releaseLog(ListAppender<ILoggingEvent> log) {
    root().detachAppender(log);
  }

  static String dump(Vertx vertx, TestNodes nodes, ListAppender<ILoggingEvent> log) {
    return database(vertx, nodes.databaseUrl()) + redis(vertx) + log(log) + folder(Path.of("data", "outbox"))
        + folder(nodes.filesDir());
  }

  /** None of the secrets is in the dump, as text or as hex; the control, sent in clear, is (the search works). */
  static void assertNowhere(List<String> secrets, String control, String dump) {
    assertTrue(dump.contains(control), "the dump finds a message sent in clear");
    for (String secret : secrets) {
      assertFalse(dump.contains(secret), "found in clear: " + secret);
      assertFalse(dump.contains(HexFormat.of().formatHex(secret.getBytes(StandardCharsets.UTF_8))),
          "found as hex: " + secret);
    }
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  /** Every row of every table of the database, as PostgreSQL prints it. */
  private static String database(Vertx vertx, String url) {
    Pool db = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(url)).using(vertx).build();
    try {
      StringBuilder dump = new StringBuilder();
      for (Row table : await(db.query("""
          SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) AS name FROM information_schema.tables
          WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')""")
          .execute())) {
        for (Row row : await(db.query("SELECT t::text AS line FROM " + table.getString("name") + " t").execute())) {
          dump.append(row.getString("line")).append('\n');
        }
      }
      assertTrue(dump.toString().contains("e2ee.commit"), "the dump reads the room events");
      return dump.toString();
    } finally {
      await(db.close());
    }
  }

  /** Every key of Redis with its value, whatever its type. */
  private static String redis(Vertx vertx) {
    RedisAPI redis = RedisAPI.api(Redis.createClient(vertx, TestServices.redisUrl()));
    try {
      StringBuilder dump = new StringBuilder();
      for (Response key : await(redis.keys("*"))) {
        String name = key.toString();
        String type = await(redis.type(name)).toString();
        Response value = switch (type) {
          case "string" -> await(redis.get(name));
          case "hash" -> await(redis.hgetall(name));
          case "set" -> await(redis.smembers(name));
          case "list" -> await(redis.lrange(name, "0", "-1"));
          case "zset" -> await(redis.zrange(List.of(name, "0", "-1")));
          default -> null;
        };
        dump.append(name).append(' ').append(value).append('\n');
      }
      return dump.toString();
    } finally {
      redis.close();
    }
  }

  private static String log(ListAppender<ILoggingEvent> log) {
    StringBuilder dump = new StringBuilder();
    for (ILoggingEvent event : List.copyOf(log.list)) {
      dump.append(event.getFormattedMessage()).append('\n');
    }
    return dump.toString();
  }

  /**
   * Every file of a folder, bytes as ISO-8859-1 text (one char per byte, so any byte sequence can be searched): the
   * emails of the outbox folder (no SMTP server is configured in these tests), the uploads of the files folder.
   */
  private static String folder(Path folder) {
    if (!Files.isDirectory(folder)) {
      return "";
    }
    StringBuilder dump = new StringBuilder();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        dump.append(Files.readString(file, StandardCharsets.ISO_8859_1)).append('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dump.toString();
  }
}
