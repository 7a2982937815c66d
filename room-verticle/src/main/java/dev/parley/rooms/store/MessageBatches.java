package dev.parley.rooms.store;

import dev.parley.rooms.access.Standing;
import dev.parley.shared.ErrorCode;
import dev.parley.shared.ParleyException;
import dev.parley.shared.files.FileView;
import dev.parley.shared.rooms.MessageCommands.PostMessage;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Group commit for posted messages: each call to {@code post_messages} writes a whole batch in one statement and one
 * transaction, so one WAL flush and one lock per room serve every message in it. Each transaction costs PostgreSQL
 * about as much CPU as several messages do (its flush above all), so under load batches are spaced at least
 * {@code interval} apart and whatever arrives meanwhile joins the next one. A message that finds the writer idle
 * (no batch started within the interval) goes at once: the spacing only ever delays messages that would otherwise
 * have queued behind a busy database.
 *
 * <p>Belongs to one verticle and its event loop.
 */
final class MessageBatches {

  /**
   * Batches being written at once. One: two batches in flight could commit in either order, so a sender's second
   * message could take an earlier seq than its first.
   */
  private static final int IN_FLIGHT = 1;
  /** The most messages in one statement: bounds its size and the latency of its first message. */
  static final int MAX_BATCH = 500;
  /**
   * A message that waited this long for its batch is answered {@code unavailable} unwritten. Its sender's attempt
   * gave up long before (the longest waits 3.2 s, {@code Retries}), and by the protocol's 10 s its client was told to
   * resend with the same {@code cid}. Writing it anyway would spend an overloaded database on work nobody waits
   * for, ahead of work somebody does.
   */
  static final long STALE_MILLIS = 10_000;

  private static final String SQL = "SELECT ord, outcome, message_id, seq, "
      + "(extract(epoch FROM created_at) * 1000)::bigint AS ts, body, kind, room_name, archived, last_seq, role, "
      + "muted, banned, workspace_role, thread_seq, thread_replies, "
      + "(extract(epoch FROM thread_last_reply_at) * 1000)::bigint AS thread_last_reply_ts, thread_participants, "
      + "mentions, mentions_channel FROM post_messages($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";

  private final Vertx vertx;
  private final Pool pool;
  private final long intervalNanos;
  private final long staleNanos;
  /** Told which rooms each committed batch wrote to: their messages get search entries behind the writes. */
  private final SearchIndexer searchIndexer;
  private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
  private int inFlight;
  /** When the last batch started (System.nanoTime), and whether a timer will start the next one. */
  private long lastStart;
  private boolean timerSet;

  MessageBatches(Vertx vertx, Pool pool, long intervalMillis, SearchIndexer searchIndexer, long staleMillis) {
    this.vertx = vertx;
    this.pool = pool;
    this.searchIndexer = searchIndexer;
    this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
    this.staleNanos = TimeUnit.MILLISECONDS.toNanos(staleMillis);
    this.lastStart = System.nanoTime() - intervalNanos;
  }

  /**
   * One message to write, with the standing Java approved for its sender (null: none yet). Package-private, like
   * {@link #parameters}, for the microbench module.
   */
  record Pending(PostMessage command, Standing approved, Promise<Written> result, long queuedAt) {
  }

  /** What became of a message: its row of {@code post_messages}, and the files it carries (see {@link FileStore}). */
  record Written(Row row, List<FileView> files) {
  }

  /** Writes the message in the next batch; its row says what became of it (see {@code post_messages}). */
  Future<Written> write(PostMessage command, Standing approved) {
    Promise<Written> result = Promise.promise();
    waiting.add(new Pending(command, approved, result, System.nanoTime()));
    drain();
    return result.future();
  }

  private void drain() {
    if (inFlight >= IN_FLIGHT || waiting.isEmpty() || timerSet) {
      return;
    }
    long wait = lastStart + intervalNanos - System.nanoTime();
    if (wait > 0 && waiting.size() < MAX_BATCH) {
      timerSet = true;
      vertx.setTimer(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)), fired -> {
        timerSet = false;
        lastStart = System.nanoTime() - intervalNanos;
        drain();
      });
      return;
    }
    lastStart = System.nanoTime();
    long staleBefore = lastStart - staleNanos;
    List<Pending> batch = new ArrayList<>(Math.min(waiting.size(), MAX_BATCH));
    while (batch.size() < MAX_BATCH && !waiting.isEmpty()) {
      Pending next = waiting.poll();
      if (next.queuedAt() < staleBefore) {
        next.result().tryFail(new ParleyException(ErrorCode.UNAVAILABLE,
            "The database is too busy to take this message now; resend it"));
      } else {
        batch.add(next);
      }
    }
    if (batch.isEmpty()) {
      return;
    }
    inFlight++;
    execute(batch).onComplete(done -> {
      inFlight--;
      if (done.succeeded()) {
        searchIndexer.written(rooms(batch));
      }
      drain();
    });
  }

  private static Set<UUID> rooms(List<Pending> batch) {
    Set<UUID> rooms = new HashSet<>();
    batch.forEach(pending -> rooms.add(UUID.fromString(pending.command().room())));
    return rooms;
  }

  private Future<Void> execute(List<Pending> batch) {
    if (batch.stream().allMatch(pending -> pending.command().files().isEmpty())) {
      return pool.preparedQuery(SQL).execute(parameters(batch))
          .onSuccess(rows -> {
            for (Row row : rows) {
              batch.get((int) (row.getLong("ord") - 1)).result().complete(new Written(row, List.of()));
            }
          })
          .onFailure(failure -> batch.forEach(pending -> pending.result().tryFail(failure)))
          .mapEmpty();
    }
    // Answered once the transaction commits: an ack means committed, files included.
    return pool.withTransaction(conn -> withFiles(conn, batch))
        .onSuccess(answers -> answers.forEach(Runnable::run))
        .onFailure(failure -> batch.forEach(pending -> pending.result().tryFail(failure)))
        .mapEmpty();
  }

  /**
   * A batch where some message sends files: in one transaction, the files are claimed (locked, and checked to be
   * the sender's unsent uploads to that room), the messages that may send theirs are stored as any batch is, and
   * the created ones get their files. Three statements, for batches with files only.
   */
  private Future<List<Runnable>> withFiles(SqlConnection conn, List<Pending> batch) {
    List<PostMessage> commands = batch.stream().map(Pending::command).toList();
    return FileStore.claim(conn, commands).compose(claims -> {
      List<Pending> allowed = new ArrayList<>(batch.size());
      List<List<FileView>> files = new ArrayList<>(batch.size());
      for (int i = 0; i < batch.size(); i++) {
        if (claims.files().get(i) == null) {
          batch.get(i).result().tryFail(FileStore.refusedFiles());
        } else {
          allowed.add(batch.get(i));
          files.add(claims.files().get(i));
        }
      }
      if (allowed.isEmpty()) {
        return Future.succeededFuture(List.<Runnable>of());
      }
      return conn.preparedQuery(SQL).execute(parameters(allowed)).compose(rows -> {
        List<UUID> created = new ArrayList<>();
        List<List<FileView>> attached = new ArrayList<>();
        List<Runnable> answers = new ArrayList<>();
        for (Row row : rows) {
          int index = (int) (row.getLong("ord") - 1);
          if ("created".equals(row.getString("outcome")) && !files.get(index).isEmpty()) {
            created.add(row.getUUID("message_id"));
            attached.add(files.get(index));
          }
          answers.add(() -> allowed.get(index).result().complete(new Written(row, files.get(index))));
        }
        return FileStore.attach(conn, created, attached).map(done -> answers);
      });
    });
  }

  /**
   * The parameters of {@code post_messages} for a batch: one array per column, in the batch's order. Package-private
   * so that the microbench module can measure the send path up to the database call without a database.
   */
  static Tuple parameters(List<Pending> batch) {
    int size = batch.size();
    UUID[] ids = new UUID[size];
    UUID[] rooms = new UUID[size];
    UUID[] senders = new UUID[size];
    String[] cids = new String[size];
    String[] bodies = new String[size];
    String[] roles = new String[size];
    Boolean[] muted = new Boolean[size];
    Boolean[] archived = new Boolean[size];
    UUID[] threads = new UUID[size];
    Boolean[] alsoInChannel = new Boolean[size];
    for (int i = 0; i < size; i++) {
      Pending pending = batch.get(i);
      ids[i] = TimeOrderedIds.next();
      rooms[i] = UUID.fromString(pending.command().room());
      senders[i] = UUID.fromString(pending.command().sender());
      cids[i] = pending.command().cid();
      bodies[i] = pending.command().text();
      Standing approved = pending.approved();
      roles[i] = approved == null ? null : approved.role();
      muted[i] = approved == null ? null : approved.muted();
      archived[i] = approved == null ? null : approved.archived();
      String thread = pending.command().thread();
      threads[i] = thread == null ? null : UUID.fromString(thread);
      alsoInChannel[i] = pending.command().alsoInChannel();
    }
    return Tuple.of(ids, rooms, senders, cids, bodies, roles, muted, archived, threads, alsoInChannel);
  }
}
