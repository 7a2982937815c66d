package dev.parley.rooms.store;

import dev.parley.shared.ErrorCode;
import dev.parley.shared.e2ee.E2eeCommands;
import dev.parley.shared.Ids;
import dev.parley.shared.ParleyException;
import dev.parley.shared.notify.OutboxCommands.ClaimWork;
import dev.parley.shared.notify.OutboxCommands.FinishWork;
import dev.parley.shared.notify.OutboxCommands.NotifyMessage;
import dev.parley.shared.notify.OutboxCommands.QueueWork;
import dev.parley.shared.notify.OutboxCommands.Work;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * All SQL about notification-verticle's work queue (the {@code notification_outbox} table): who a stored message
 * notifies, queueing work once per natural key, claiming due work for a lease and finishing it. The decision is one
 * statement so that it reads the message, its mentions, the room's members and their preferences as of one snapshot.
 */
public final class OutboxStore {

  /** The longest preview of a message's text a push carries (the push service limits the whole payload). */
  static final int PREVIEW_LENGTH = 300;
  /** Finished work is kept this long, with its key, so that a late duplicate of it is not queued again. */
  static final String KEEP_FINISHED = "1 day";

  /**
   * Who message ($1 room, $2 seq) notifies, queued as pushes; $3 the people looking at the room. Each person is
   * concerned for the first reason that holds: a DM or group DM, a mention of them, {@code @channel} (stored only
   * where the room allows it), a thread they follow, the room set to "all" (messages shown in the room only, not
   * thread replies). Only members count (so a private room never notifies an outsider), never the sender, nobody
   * who muted the room or set it to nothing, nobody looking at it. Each concerned group is read by an index of its
   * own; the room's memberships are read whole only for a DM, a group DM or an {@code @channel}. Someone in their
   * do-not-disturb window gets no push now but one summary when it ends ({@code summary} work, due then).
   */
  static final String NOTIFY = """
      WITH msg AS (
        SELECT x.id, x.room_id, x.seq, x.sender_id, x.thread_id, x.created_at,
               -- An encrypted room's body is ciphertext: a push says only that a message came.
               CASE WHEN r.encrypted THEN '""" + E2eeCommands.ENCRYPTED_PREVIEW + """
      ' ELSE x.body END AS body,
               (x.thread_id IS NULL OR x.also_in_channel) AS shown_in_room, r.kind, r.name, u.name AS sender_name,
               coalesce(mm.users, '{}') AS mentioned, coalesce(mm.channel, false) AS channel
        FROM messages x
        JOIN rooms r ON r.id = x.room_id
        JOIN users u ON u.id = x.sender_id
        LEFT JOIN message_mentions mm ON mm.room_id = x.room_id AND mm.seq = x.seq
        WHERE x.room_id = $1 AND x.seq = $2 AND x.deleted_at IS NULL
      ), concerned AS (
        SELECT m.user_id, 1 AS rank, 'dm' AS reason
        FROM msg JOIN memberships m ON m.room_id = msg.room_id WHERE msg.kind IN ('dm', 'group')
        UNION ALL
        SELECT mentioned.user_id, 2, 'mention' FROM msg CROSS JOIN unnest(msg.mentioned) AS mentioned (user_id)
        UNION ALL
        SELECT m.user_id, 3, 'channel'
        FROM msg JOIN memberships m ON m.room_id = msg.room_id WHERE msg.channel
        UNION ALL
        SELECT f.user_id, 4, 'thread'
        FROM msg JOIN thread_followers f ON f.thread_id = msg.thread_id WHERE f.following
        UNION ALL
        SELECT p.user_id, 5, 'all'
        FROM msg JOIN notification_room_prefs p ON p.room_id = msg.room_id WHERE p.level = 'all' AND msg.shown_in_room
      ), decided AS (
        SELECT DISTINCT ON (c.user_id) c.user_id, c.reason, dnd.until AS dnd_until, coalesce(ep.email, true) AS email
        FROM concerned c
        CROSS JOIN msg
        JOIN memberships m ON m.room_id = msg.room_id AND m.user_id = c.user_id
        LEFT JOIN notification_room_prefs p ON p.room_id = msg.room_id AND p.user_id = c.user_id
        LEFT JOIN notification_user_prefs ep ON ep.user_id = c.user_id
        LEFT JOIN notification_user_prefs up ON up.user_id = c.user_id AND up.dnd_start IS NOT NULL
        LEFT JOIN LATERAL (SELECT (now() AT TIME ZONE up.time_zone)::time AS local_time) here ON up.user_id IS NOT NULL
        LEFT JOIN LATERAL (
          SELECT (date_trunc('day', now() AT TIME ZONE up.time_zone) + up.dnd_end
                  + CASE WHEN here.local_time >= up.dnd_end THEN interval '1 day' ELSE interval '0' END)
                 AT TIME ZONE up.time_zone AS until
          WHERE CASE WHEN up.dnd_start <= up.dnd_end
                     THEN here.local_time >= up.dnd_start AND here.local_time < up.dnd_end
                     ELSE here.local_time >= up.dnd_start OR here.local_time < up.dnd_end END
        ) dnd ON up.user_id IS NOT NULL
        WHERE c.user_id <> msg.sender_id AND c.user_id <> ALL ($3)
          AND coalesce(p.level, 'mentions') <> 'nothing'
          AND (p.muted_until IS NULL OR p.muted_until <= now())
        ORDER BY c.user_id, c.rank
      ), push AS (
        SELECT d.user_id, d.dnd_until, msg.id,
               jsonb_build_object('room', msg.room_id, 'roomName', msg.name, 'roomKind', msg.kind, 'seq', msg.seq,
                                  'id', msg.id, 'sender', msg.sender_id, 'senderName', msg.sender_name,
                                  'text', left(msg.body, $4), 'thread', msg.thread_id, 'reason', d.reason,
                                  'ts', floor(extract(epoch FROM msg.created_at) * 1000)::bigint) AS payload
        FROM decided d CROSS JOIN msg
      ), queued AS (
        INSERT INTO notification_outbox (kind, user_id, dedupe_key, payload)
        SELECT 'push', push.user_id, 'push:' || push.id || ':' || push.user_id, push.payload
        FROM push WHERE push.dnd_until IS NULL
        ON CONFLICT (dedupe_key) DO NOTHING
        RETURNING 1
      ), held AS (
        -- In do-not-disturb: one summary per person and window, due when it ends, naming the messages it gathers
        -- (each once, however many instances hear it) and carrying the latest.
        INSERT INTO notification_outbox AS o (kind, user_id, dedupe_key, payload, due_at)
        SELECT 'summary', push.user_id,
               'summary:' || push.user_id || ':' || floor(extract(epoch FROM push.dnd_until))::bigint,
               push.payload || jsonb_build_object('messages', jsonb_build_array(push.id)), push.dnd_until
        FROM push WHERE push.dnd_until IS NOT NULL
        ON CONFLICT (dedupe_key) DO UPDATE
          SET payload = excluded.payload || jsonb_build_object('messages', o.payload -> 'messages'
                                                                            || (excluded.payload -> 'messages'))
          WHERE o.finished_at IS NULL AND NOT (o.payload -> 'messages') @> (excluded.payload -> 'messages')
        RETURNING 1
      ), digest AS (
        -- A DM or mention may end up in the person's email digest: one pending per person (a finished one is used
        -- again), due $5 ms after the first such message; what it holds is read when it is sent.
        INSERT INTO notification_outbox AS o (kind, user_id, dedupe_key, payload, due_at)
        SELECT 'digest', d.user_id, 'digest:' || d.user_id, '{}', now() + $5 * interval '1 millisecond'
        FROM decided d WHERE d.email AND d.reason IN ('dm', 'mention', 'channel')
        ON CONFLICT (dedupe_key) DO UPDATE
          SET due_at = excluded.due_at, finished_at = NULL, outcome = NULL, attempts = 0, last_error = NULL,
              claimed_by = NULL, claimed_until = NULL, created_at = now()
          WHERE o.finished_at IS NOT NULL
        RETURNING 1
      )
      SELECT (SELECT count(*) FROM queued) + (SELECT count(*) FROM held) + (SELECT count(*) FROM digest) AS queued""";

  /** Work ($1 kind, $2 key, $3 user, $4 payload), once per key. */
  static final String QUEUE = """
      INSERT INTO notification_outbox (kind, dedupe_key, user_id, payload) VALUES ($1, $2, $3, $4)
      ON CONFLICT (dedupe_key) DO NOTHING""";

  /**
   * Takes up to $2 due rows nobody holds (never held, or their holder's lease ran out) for worker $1 during $3 ms,
   * oldest first. SKIP LOCKED lets several instances claim at once, each getting other rows.
   */
  static final String CLAIM = """
      UPDATE notification_outbox o
      SET claimed_by = $1, claimed_until = now() + $3 * interval '1 millisecond', attempts = o.attempts + 1
      FROM (SELECT id FROM notification_outbox
            WHERE finished_at IS NULL AND due_at <= now() AND (claimed_until IS NULL OR claimed_until < now())
            ORDER BY due_at, id
            LIMIT $2
            FOR UPDATE SKIP LOCKED) due
      WHERE o.id = due.id
      RETURNING o.id, o.kind, o.user_id, o.payload, o.attempts""";

  /**
   * Work $1 finished by its lease holder $2 with outcome $3 ({@code done} or {@code failed}) and error $4. An
   * invitation's payload goes at once: its link is the only copy of the invite's token.
   */
  static final String FINISH = """
      UPDATE notification_outbox SET finished_at = now(), outcome = $3, last_error = $4,
                                     payload = CASE WHEN kind IN ('invite', 'password-reset', 'email-verification')
                                                    THEN NULL ELSE payload END,
                                     claimed_by = NULL, claimed_until = NULL
      WHERE id = $1 AND claimed_by = $2 AND finished_at IS NULL""";

  /** Work $1 let go by its lease holder $2, due again in $3 ms, with error $4. */
  static final String RETRY = """
      UPDATE notification_outbox SET due_at = now() + $3 * interval '1 millisecond', last_error = $4,
                                     claimed_by = NULL, claimed_until = NULL
      WHERE id = $1 AND claimed_by = $2 AND finished_at IS NULL""";

  /** Finished work older than a day goes (a bounded batch per call). */
  static final String PURGE = """
      DELETE FROM notification_outbox WHERE id IN (
        SELECT id FROM notification_outbox
        WHERE finished_at IS NOT NULL AND finished_at < now() - interval '\s""" + KEEP_FINISHED + """
      ' LIMIT 1000)""";

  private final Pool pool;

  public OutboxStore(Pool pool) {
    this.pool = pool;
  }

  /**
   * Whether every message of the room may notify someone (see {@code NotifyProfile}): a DM or group DM, or a room
   * where a member asked for every message. An unknown room: no.
   */
  public Future<Boolean> everyMessageNotifies(String room) {
    if (!Ids.isId(room)) {
      return Future.succeededFuture(false);
    }
    return pool.preparedQuery("""
            SELECT r.kind IN ('dm', 'group') OR EXISTS (
                     SELECT 1 FROM notification_room_prefs p
                     JOIN memberships m ON m.room_id = p.room_id AND m.user_id = p.user_id
                     WHERE p.room_id = r.id AND p.level = 'all') AS every
            FROM rooms r WHERE r.id = $1""")
        .execute(Tuple.of(UUID.fromString(room)))
        .map(rows -> rows.iterator().hasNext() && rows.iterator().next().getBoolean("every"));
  }

  /** Queues the pushes message ({@code room}, {@code seq}) calls for: how many were new. */
  public Future<Integer> notifyMessage(NotifyMessage command) {
    if (!Ids.isId(command.room())) {
      return Future.succeededFuture(0);
    }
    UUID[] looking = command.looking().stream().filter(Ids::isId).map(UUID::fromString).toArray(UUID[]::new);
    return pool.preparedQuery(NOTIFY)
        .execute(Tuple.of(UUID.fromString(command.room()), command.seq(), looking, PREVIEW_LENGTH,
            Math.max(0, command.emailAfterMillis())))
        .map(rows -> rows.iterator().next().getLong("queued").intValue());
  }

  /** Queues one work item unless its key was queued before: 1 when it is new, 0 otherwise. */
  public Future<Integer> queue(QueueWork work) {
    if (work.user() != null && !Ids.isId(work.user())) {
      return Future.failedFuture(new ParleyException(ErrorCode.INVALID, "user must be a user id"));
    }
    UUID user = work.user() == null ? null : UUID.fromString(work.user());
    return pool.preparedQuery(QUEUE).execute(Tuple.of(work.kind(), work.key(), user, work.payload()))
        .map(rows -> rows.rowCount());
  }

  /** Claims due work for a worker (and purges old finished work on the way, a batch at a time). */
  public Future<List<Work>> claim(ClaimWork command) {
    return pool.preparedQuery(CLAIM)
        .execute(Tuple.of(command.worker(), command.limit(), command.leaseMillis()))
        .map(rows -> {
          List<Work> work = new ArrayList<>(rows.size());
          for (Row row : rows) {
            UUID user = row.getUUID("user_id");
            JsonObject payload = row.getJsonObject("payload");
            work.add(new Work(row.getLong("id"), row.getString("kind"), user == null ? null : user.toString(),
                payload == null ? new JsonObject() : payload, row.getInteger("attempts")));
          }
          return work;
        })
        .compose(work -> work.isEmpty()
            ? pool.query(PURGE).execute().map(work)
            : Future.succeededFuture(work));
  }

  /** Records what became of claimed work; nothing changes unless the worker still holds it. */
  public Future<Void> finish(FinishWork command) {
    String error = command.error() == null ? null : truncate(command.error(), 500);
    Future<?> done = FinishWork.RETRY.equals(command.outcome())
        ? pool.preparedQuery(RETRY).execute(Tuple.of(command.id(), command.worker(),
            Math.max(0, command.retryMillis()), error))
        : pool.preparedQuery(FINISH).execute(Tuple.of(command.id(), command.worker(), command.outcome(), error));
    return done.mapEmpty();
  }

  private static String truncate(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length);
  }
}
