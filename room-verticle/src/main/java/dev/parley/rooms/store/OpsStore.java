package dev.parley.rooms.store;

import dev.parley.shared.contract.Done;
import dev.parley.shared.ops.OpsCommands.Backlog;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import dev.parley.shared.ErrorCode;
import dev.parley.shared.ParleyException;
import dev.parley.shared.accounts.AccountView;
import dev.parley.shared.Ids;
import dev.parley.shared.ops.ExportLine;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Cursor;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Function;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

/**
 * The SQL an operator's tools ({@code parley.jar admin ...}) and a node's health checks run. Long work (retention)
 * goes in bounded batches, each its own short statement, so that it never holds locks the message path waits for.
 */
public final class OpsStore {

  /** Unfinished outbox work: what is due now, and all of it (both counts read the partial index of unfinished work). */
  static final String BACKLOG = """
      SELECT count(*) FILTER (WHERE due_at <= now()) AS due, count(*) AS pending
      FROM notification_outbox WHERE finished_at IS NULL""";

  /** One account as an operator sees it. */
  public record Account(String id, String email, String role, boolean deactivated) {
  }

  /** An account deactivated, and the sessions that ended with it. */
  public record Deactivated(Account account, List<String> sessions) {
  }

  /**
   * What a purge removed: ended or expired sessions (with their rotated refresh tokens), used or expired reset and
   * email-verification links.
   */
  public record Purged(long sessions, long rotatedTokens, long resets, long verifications) {
  }

  static final String ACCOUNT_COLUMNS =
      "u.id::text AS id, u.email, u.workspace_role, u.deactivated_at IS NOT NULL AS deactivated";

  /** Workspace role $2 for the account of address $1 (the owner stays the owner). */
  static final String SET_ROLE = """
      UPDATE users u SET workspace_role = $2
      WHERE lower(u.email) = lower($1) AND u.workspace_role <> 'owner'
      RETURNING\s""" + ACCOUNT_COLUMNS;

  static final String FIND = "SELECT " + ACCOUNT_COLUMNS + " FROM users u WHERE lower(u.email) = lower($1)";

  /** Deactivates the account of address $1 and ends every session of it, in one statement. */
  static final String DEACTIVATE = """
      WITH account AS (
        UPDATE users u SET deactivated_at = coalesce(u.deactivated_at, now())
        WHERE lower(u.email) = lower($1)
        RETURNING\s""" + ACCOUNT_COLUMNS + """
      ), ended AS (
        UPDATE sessions s SET revoked_at = now()
        FROM account WHERE s.user_id = account.id::uuid AND s.revoked_at IS NULL
        RETURNING s.id::text AS id
      )
      SELECT account.*, ARRAY(SELECT id FROM ended) AS sessions FROM account""";

  static final String REACTIVATE = """
      UPDATE users u SET deactivated_at = NULL WHERE lower(u.email) = lower($1)
      RETURNING\s""" + ACCOUNT_COLUMNS;

  /** Sessions ended or expired more than $1 days ago (their rotated tokens go with them), and old reset tokens. */
  static final String PURGE = """
      WITH gone AS (
        DELETE FROM sessions
        WHERE coalesce(revoked_at, expires_at) < now() - $1 * interval '1 day'
        RETURNING id
      ), tokens AS (
        DELETE FROM rotated_refresh_tokens r USING gone WHERE r.session_id = gone.id RETURNING 1
      ), resets AS (
        DELETE FROM password_resets
        WHERE coalesce(used_at, expires_at) < now() - $1 * interval '1 day'
        RETURNING 1
      ), verifications AS (
        DELETE FROM email_verifications
        WHERE coalesce(used_at, expires_at) < now() - $1 * interval '1 day'
        RETURNING 1
      )
      SELECT (SELECT count(*) FROM gone) AS sessions, (SELECT count(*) FROM tokens) AS tokens,
             (SELECT count(*) FROM resets) AS resets, (SELECT count(*) FROM verifications) AS verifications""";

  /**
   * One batch of retention: up to $3 messages older than $1 days (in room $2, or every room), with what hangs on them
   * by (room, seq) and has no foreign key (mentions); reactions, thread followers and files go with them (cascade).
   */
  static final String RETENTION_BATCH = """
      WITH doomed AS (
        SELECT id, room_id, seq FROM messages
        WHERE created_at < now() - $1 * interval '1 day' AND ($2::uuid IS NULL OR room_id = $2::uuid)
        ORDER BY created_at
        LIMIT $3
      ), message_mentions_gone AS (
        DELETE FROM message_mentions mm USING doomed d WHERE mm.room_id = d.room_id AND mm.seq = d.seq
      ), mentions_gone AS (
        DELETE FROM mentions m USING doomed d WHERE m.room_id = d.room_id AND m.seq = d.seq
      )
      DELETE FROM messages m USING doomed d WHERE m.id = d.id RETURNING 1""";

  /** The other events of the log (edits, reactions, joins) older than $1 days, in room $2 or every room, a batch. */
  static final String RETENTION_EVENTS_BATCH = """
      DELETE FROM room_events e USING (
        SELECT room_id, seq FROM room_events
        WHERE created_at < now() - $1 * interval '1 day' AND ($2::uuid IS NULL OR room_id = $2::uuid)
        LIMIT $3) old
      WHERE e.room_id = old.room_id AND e.seq = old.seq RETURNING 1""";

  /**
   * The tables an export holds, in an order that satisfies their foreign keys, each with the condition that keeps the
   * rows of one room ($1; a null $1 keeps every row). Every account is exported with a room too: a room's rows name
   * people. Left out: sessions and their tokens, reset and verification links, push subscriptions and the outbox (bound to devices or
   * passing), and the migration ledger (the importing side has its own).
   */
  static final List<Map.Entry<String, String>> EXPORTED = List.of(
      Map.entry("users", "true"),
      Map.entry("avatars", "true"),
      Map.entry("identities", "true"),
      Map.entry("notification_user_prefs", "true"),
      Map.entry("rooms", "id = $1"),
      Map.entry("memberships", "room_id = $1"),
      Map.entry("room_bans", "room_id = $1"),
      Map.entry("messages", "room_id = $1"),
      Map.entry("room_events", "room_id = $1"),
      Map.entry("reactions", "message_id IN (SELECT id FROM messages WHERE room_id = $1)"),
      Map.entry("thread_followers", "thread_id IN (SELECT id FROM messages WHERE room_id = $1)"),
      Map.entry("message_mentions", "room_id = $1"),
      Map.entry("mentions", "room_id = $1"),
      Map.entry("files", "room_id = $1"),
      Map.entry("invites", "room_id = $1"),
      Map.entry("audit_log", "room_id = $1"),
      Map.entry("notification_room_prefs", "room_id = $1"));

  /**
   * After an import: the sequence of the one serial column among the exported tables moved past the imported ids, so
   * that new rows do not collide (a table with a serial column added later needs its line here).
   */
  static final String ADVANCE_SEQUENCES = """
      SELECT setval(pg_get_serial_sequence('audit_log', 'id'), (SELECT coalesce(max(id), 0) + 1 FROM audit_log), false)""";

  private final Pool pool;

  public OpsStore(Pool pool) {
    this.pool = pool;
  }

  /** Succeeds when a pooled connection answers a query: PostgreSQL is up and reachable from this node. */
  public Future<Done> ping() {
    return pool.query("SELECT 1").execute().map(Done.DONE);
  }

  public Future<Backlog> notificationBacklog() {
    return pool.query(BACKLOG).execute().map(rows -> {
      Row row = rows.iterator().next();
      return new Backlog(row.getLong("due"), row.getLong("pending"));
    });
  }

  /** Makes the account of that address a workspace admin or member; the owner's role does not change this way. */
  public Future<Account> setWorkspaceRole(String email, String role) {
    if (!AccountView.ADMIN.equals(role) && !AccountView.MEMBER.equals(role)) {
      return Future.failedFuture(new ParleyException(ErrorCode.INVALID, "the role is admin or member"));
    }
    return pool.preparedQuery(SET_ROLE).execute(Tuple.of(email, role))
        .compose(rows -> rows.size() > 0 ? Future.succeededFuture(account(rows.iterator().next()))
            : find(email).compose(found -> Future.failedFuture(
                new ParleyException(ErrorCode.FORBIDDEN, "the workspace owner stays the owner"))));
  }

  /** The account of that address; not found when there is none. */
  public Future<Account> find(String email) {
    return pool.preparedQuery(FIND).execute(Tuple.of(email)).map(rows -> account(only(rows, email)));
  }

  /** Deactivates the account of that address and ends its sessions (the caller tells the gateways). */
  public Future<Deactivated> deactivate(String email) {
    return pool.preparedQuery(DEACTIVATE).execute(Tuple.of(email)).map(rows -> {
      Row row = only(rows, email);
      return new Deactivated(account(row), List.of(row.getArrayOfStrings("sessions")));
    });
  }

  public Future<Account> reactivate(String email) {
    return pool.preparedQuery(REACTIVATE).execute(Tuple.of(email)).map(rows -> account(only(rows, email)));
  }

  public Future<Purged> purgeSessions(int olderThanDays) {
    return pool.preparedQuery(PURGE).execute(Tuple.of(olderThanDays)).map(rows -> {
      Row row = rows.iterator().next();
      return new Purged(row.getLong("sessions"), row.getLong("tokens"), row.getLong("resets"),
          row.getLong("verifications"));
    });
  }

  /** One batch of retention in room {@code room} (null: every room): the messages deleted, 0 when none are left. */
  public Future<Integer> deleteMessagesBatch(int olderThanDays, String room, int batch) {
    return pool.preparedQuery(RETENTION_BATCH).execute(Tuple.of(olderThanDays, room, batch))
        .map(rows -> rows.rowCount());
  }

  /** One batch of the log's other events older than that: the events deleted, 0 when none are left. */
  public Future<Integer> deleteEventsBatch(int olderThanDays, String room, int batch) {
    return pool.preparedQuery(RETENTION_EVENTS_BATCH).execute(Tuple.of(olderThanDays, room, batch))
        .map(rows -> rows.rowCount());
  }

  private static Row only(RowSet<Row> rows, String email) {
    if (rows.size() == 0) {
      throw new ParleyException(ErrorCode.NOT_FOUND, "no account has the address " + email);
    }
    return rows.iterator().next();
  }

  private static Account account(Row row) {
    return new Account(row.getString("id"), row.getString("email"), row.getString("workspace_role"),
        row.getBoolean("deactivated"));
  }

  /**
   * Streams the rows of an export (one room's, or the workspace's with {@code room} null) to {@code sink}, a table at
   * a time through a cursor, {@code batch} rows per read; {@code progress} hears each table's count.
   */
  public Future<Long> export(String room, int batch, Function<ExportLine, Future<Void>> sink,
                             BiConsumer<String, Long> progress) {
    if (room != null && !Ids.isId(room)) {
      return Future.failedFuture(new ParleyException(ErrorCode.INVALID, "the room is a room's id"));
    }
    Tuple args = Tuple.of(room == null ? null : UUID.fromString(room));
    return pool.withTransaction(conn -> {
      Future<Long> total = Future.succeededFuture(0L);
      for (Map.Entry<String, String> table : EXPORTED) {
        String sql = "SELECT row_to_json(t)::text AS row FROM " + table.getKey() + " t WHERE ($1::uuid IS NULL OR "
            + table.getValue() + ")";
        total = total.compose(before -> conn.prepare(sql)
            .compose(statement -> copy(statement.cursor(args), table.getKey(), batch, sink, 0L))
            .map(rows -> {
              progress.accept(table.getKey(), rows);
              return before + rows;
            }));
      }
      return total;
    });
  }

  private static Future<Long> copy(Cursor cursor, String table, int batch, Function<ExportLine, Future<Void>> sink,
                                   long done) {
    return cursor.read(batch).compose(rows -> {
      Future<Void> written = Future.succeededFuture();
      for (Row row : rows) {
        ExportLine line = new ExportLine(table, new JsonObject(row.getString("row")));
        written = written.compose(previous -> sink.apply(line));
      }
      long copied = done + rows.size();
      return written.compose(ok -> cursor.hasMore() ? copy(cursor, table, batch, sink, copied)
          : cursor.close().map(copied));
    });
  }

  /** Whether the database holds no account: an import goes only into an empty one. */
  public Future<Boolean> isEmpty() {
    return pool.query("SELECT NOT EXISTS (SELECT 1 FROM users) AS empty").execute()
        .map(rows -> rows.iterator().next().getBoolean("empty"));
  }

  /**
   * Imports in one transaction (a failed import leaves nothing behind): {@code lines} hands each line of the file
   * to the given writer and completes when the file ends. Tables not among those exported are refused.
   */
  public Future<Long> importLines(Function<Function<ExportLine, Future<Void>>, Future<Void>> lines) {
    AtomicLong count = new AtomicLong();
    return pool.withTransaction(conn -> lines.apply(line -> {
      String table = line.table();
      if (EXPORTED.stream().noneMatch(entry -> entry.getKey().equals(table))) {
        return Future.failedFuture(new ParleyException(ErrorCode.INVALID, "not a table of an export: " + table));
      }
      count.incrementAndGet();
      // The table name is one of EXPORTED's (checked above), never text from the file.
      return conn.preparedQuery("INSERT INTO " + table + " OVERRIDING SYSTEM VALUE SELECT * FROM json_populate_record("
              + "NULL::" + table + ", $1::json)")
          .execute(Tuple.of(line.row())).mapEmpty();
    }).compose(read -> conn.query(ADVANCE_SEQUENCES).execute())
        .map(advanced -> count.get()));
  }
}
