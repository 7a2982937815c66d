package dev.parley.rooms.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned SQL migrations from {@code db/migration/}, applied at start-up over the reactive client itself.
 *
 * <p>Why not Flyway: it needs JDBC on a worker thread and a second driver in the image, for what comes down to
 * "run the scripts not yet applied, in order, once". Every node may start at the same time, so the whole run holds a
 * transaction-scoped advisory lock: the first node migrates, the others wait and then find nothing left to do.
 *
 * <p>Stored functions live in one repeatable script ({@code R__functions.sql}), applied after the versioned ones
 * whenever its text changes, so the functions as they stand now are in one file rather than spread over every
 * version that ever replaced them.
 */
public final class Migrations {

  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

  /** The scripts in the order they apply. A script is never edited once released: add a new one instead. */
  static final List<String> SCRIPTS =
      List.of("V1__core.sql", "V2__conversations.sql", "V3__identity.sql", "V4__security.sql",
          "V5__message_write_path.sql", "V6__messages.sql", "V7__reads.sql", "V8__files.sql", "V9__search.sql",
          "V10__read_receipts.sql", "V11__replies_not_unread.sql", "V12__notifications.sql",
          "V13__search_file_names.sql", "V14__search_off_the_write_path.sql", "V15__firehose_cursors.sql", "V20__password_resets.sql",
          "V21__deactivation.sql", "V22__email_verification.sql", "V25__firehose_positions.sql",
          "V26__webhooks.sql", "V27__bot_tokens.sql", "V30__e2ee.sql");

  /** Scripts applied again whenever their text changes; they must be safe to run over an earlier version of them. */
  static final List<String> REPEATABLE = List.of("R__functions.sql");

  /** An arbitrary constant naming Parley's migration lock among the database's advisory locks. */
  private static final long LOCK_KEY = 0x7061726c6579L;

  private Migrations() {
  }

  public static Future<Void> run(Vertx vertx, Pool pool) {
    return vertx.executeBlocking(() -> List.of(readScripts(SCRIPTS), readScripts(REPEATABLE)))
        .compose(scripts -> pool.withTransaction(conn -> applyMissing(conn, scripts.get(0))
            .compose(versioned -> applyChanged(conn, scripts.get(1)))));
  }

  private static Future<Void> applyMissing(SqlConnection conn, List<Script> scripts) {
    return conn.preparedQuery("SELECT pg_advisory_xact_lock($1)").execute(Tuple.of(LOCK_KEY))
        // "already exists, skipping" notices are expected on every start after the first.
        .compose(locked -> conn.query("SET LOCAL client_min_messages = warning").execute())
        .compose(quiet -> conn.query("""
            CREATE TABLE IF NOT EXISTS schema_migrations (
              version    int PRIMARY KEY,
              name       text NOT NULL,
              applied_at timestamptz NOT NULL DEFAULT now())""").execute())
        .compose(created -> conn.query("SELECT version FROM schema_migrations").execute())
        .compose(rows -> {
          Set<Integer> applied = new HashSet<>();
          for (Row row : rows) {
            applied.add(row.getInteger(0));
          }
          Future<Void> chain = Future.succeededFuture();
          for (Script script : scripts) {
            if (!applied.contains(script.version())) {
              chain = chain.compose(previous -> apply(conn, script));
            }
          }
          return chain;
        });
  }

  private static Future<Void> applyChanged(SqlConnection conn, List<Script> scripts) {
    return conn.query("""
            CREATE TABLE IF NOT EXISTS schema_repeatable (
              name       text PRIMARY KEY,
              checksum   text NOT NULL,
              applied_at timestamptz NOT NULL DEFAULT now())""").execute()
        .compose(created -> conn.query("SELECT name, checksum FROM schema_repeatable").execute())
        .compose(rows -> {
          Map<String, String> applied = new HashMap<>();
          for (Row row : rows) {
            applied.put(row.getString("name"), row.getString("checksum"));
          }
          Future<Void> chain = Future.succeededFuture();
          for (Script script : scripts) {
            if (!script.checksum().equals(applied.get(script.name()))) {
              chain = chain.compose(previous -> {
                LOG.info("Applying database script {} (changed)", script.name());
                return conn.query(script.sql()).execute().compose(done -> conn.preparedQuery("""
                        INSERT INTO schema_repeatable (name, checksum) VALUES ($1, $2)
                        ON CONFLICT (name) DO UPDATE SET checksum = excluded.checksum, applied_at = now()""")
                    .execute(Tuple.of(script.name(), script.checksum())))
                    .mapEmpty();
              });
            }
          }
          return chain;
        });
  }

  private static Future<Void> apply(SqlConnection conn, Script script) {
    LOG.info("Applying database migration {}", script.name());
    // The simple query protocol runs a whole multi-statement script in one go.
    return conn.query(script.sql()).execute()
        .compose(done -> conn.preparedQuery("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)")
            .execute(Tuple.of(script.version(), script.name())))
        .mapEmpty();
  }

  private static List<Script> readScripts(List<String> names) {
    return names.stream().map(Migrations::readScript).collect(Collectors.toList());
  }

  private static Script readScript(String name) {
    String path = "db/migration/" + name;
    try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Migration script missing from the classpath: " + path);
      }
      String prefix = name.substring(1, name.indexOf("__"));
      int version = prefix.isEmpty() ? 0 : Integer.parseInt(prefix);
      String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return new Script(version, name, sql, sha256(sql));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read migration " + path, e);
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  private record Script(int version, String name, String sql, String checksum) {
  }
}
