package dev.parley.rooms.store;

import dev.parley.shared.ErrorCode;
import dev.parley.shared.e2ee.E2eeCommands;
import dev.parley.shared.Ids;
import dev.parley.shared.ParleyException;
import dev.parley.shared.notify.OutboxCommands.ClaimWork;
import dev.parley.shared.notify.OutboxCommands.FinishWork;
import dev.parley.shared.notify.OutboxCommands.Finished;
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
   * Who each message of a page notifies ($1 rooms and $2 seqs, side by side; $3 each one's email delay in ms), queued
   * as Web Pushes to their devices; ($4 room, $5 seq, $6 person) says who is looking at a message's room. Each person
   * is concerned by a message for the first reason that holds: a DM or group DM, a mention of them,
   * {@code @channel} (stored only where the room allows it), a thread they follow, the room set to "all" (messages
   * shown in the room only, not thread replies). Only members count (so a private room never notifies an outsider),
   * never the sender, nobody who muted the room or set it to nothing, nobody looking at it. Each concerned group is
   * read by an index of its own; a room's memberships are read whole only for a DM, a group DM or an
   * {@code @channel}. Someone in their do-not-disturb window gets no push now but one summary when it ends
   * ({@code summary} work, due then). One statement for a page, not one per message: a decision's own work is a few
   * index reads and inserts, and per message the statement's overhead and commit cost as much again.
   */
  static final String NOTIFY = """
      WITH msg AS (
        SELECT x.id, x.room_id, x.seq, x.sender_id, x.thread_id, x.created_at, w.email_after,
               -- An encrypted room's body is ciphertext: a push says only that a message came.
               CASE WHEN r.encrypted THEN '""" + E2eeCommands.ENCRYPTED_PREVIEW + """
      ' ELSE x.body END AS body,
               (x.thread_id IS NULL OR x.also_in_channel) AS shown_in_room, r.kind, r.name, u.name AS sender_name,
               coalesce(mm.users, '{}') AS mentioned, coalesce(mm.channel, false) AS channel
        FROM unnest($1::uuid[], $2::bigint[], $3::bigint[]) AS w (room_id, seq, email_after)
        JOIN messages x ON x.room_id = w.room_id AND x.seq = w.seq
        JOIN rooms r ON r.id = x.room_id
        JOIN users u ON u.id = x.sender_id
        LEFT JOIN message_mentions mm ON mm.room_id = x.room_id AND mm.seq = x.seq
        WHERE x.deleted_at IS NULL
      ), concerned AS (
        SELECT msg.id AS message_id, m.user_id, 1 AS rank, 'dm' AS reason
        FROM msg JOIN memberships m ON m.room_id = msg.room_id WHERE msg.kind IN ('dm', 'group')
        UNION ALL
        SELECT msg.id, mentioned.user_id, 2, 'mention' FROM msg CROSS JOIN unnest(msg.mentioned) AS mentioned (user_id)
        UNION ALL
        SELECT msg.id, m.user_id, 3, 'channel'
        FROM msg JOIN memberships m ON m.room_id = msg.room_id WHERE msg.channel
        UNION ALL
        SELECT msg.id, f.user_id, 4, 'thread'
        FROM msg JOIN thread_followers f ON f.thread_id = msg.thread_id WHERE f.following
        UNION ALL
        SELECT msg.id, p.user_id, 5, 'all'
        FROM msg JOIN notification_room_prefs p ON p.room_id = msg.room_id WHERE p.level = 'all' AND msg.shown_in_room
      ), decided AS (
        SELECT DISTINCT ON (c.message_id, c.user_id) c.message_id, c.user_id, c.reason, dnd.until AS dnd_until,
               coalesce(ep.email, true) AS email
        FROM concerned c
        JOIN msg ON msg.id = c.message_id
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
        WHERE c.user_id <> msg.sender_id
          AND NOT EXISTS (SELECT 1 FROM unnest($4::uuid[], $5::bigint[], $6::uuid[]) AS l (room_id, seq, user_id)
                          WHERE l.room_id = msg.room_id AND l.seq = msg.seq AND l.user_id = c.user_id)
          AND coalesce(p.level, 'mentions') <> 'nothing'
          AND (p.muted_until IS NULL OR p.muted_until <= now())
        ORDER BY c.message_id, c.user_id, c.rank
      ), push AS (
        SELECT d.user_id, d.dnd_until, msg.id, msg.created_at,
               jsonb_build_object('room', msg.room_id, 'roomName', msg.name, 'roomKind', msg.kind, 'seq', msg.seq,
                                  'id', msg.id, 'sender', msg.sender_id, 'senderName', msg.sender_name,
                                  'text', left(msg.body, $7), 'thread', msg.thread_id, 'reason', d.reason,
                                  'ts', floor(extract(epoch FROM msg.created_at) * 1000)::bigint) AS payload
        FROM decided d JOIN msg ON msg.id = d.message_id
      ), decision AS (
        -- The decision, one row per message and person, born finished: a record, and the key that makes a second
        -- decision about the same message and person (the page read again) change nothing. The work is one Web
        -- Push row per device of the person, queued here too, so a push costs no round trip before its own.
        INSERT INTO notification_outbox (kind, user_id, dedupe_key, payload, finished_at, outcome)
        SELECT 'push', push.user_id, 'push:' || push.id || ':' || push.user_id, push.payload, now(), 'done'
        FROM push WHERE push.dnd_until IS NULL
        ON CONFLICT (dedupe_key) DO NOTHING
        RETURNING user_id, payload
      ), queued AS (
        INSERT INTO notification_outbox (kind, user_id, dedupe_key, payload)
        SELECT 'webpush', d.user_id, 'webpush:' || (d.payload ->> 'id') || ':' || s.id,
               jsonb_build_object('subscription', jsonb_build_object('id', s.id, 'endpoint', s.endpoint,
                                                                   'p256dh', s.p256dh, 'auth', s.auth),
                                  'push', d.payload)
        FROM decision d JOIN push_subscriptions s ON s.user_id = d.user_id
        ON CONFLICT (dedupe_key) DO NOTHING
        RETURNING 1
      ), held AS (
        -- In do-not-disturb: one summary per person and window, due when it ends, naming the messages it gathers
        -- (each once, however often a page is read) and carrying the latest. A page's messages for one summary are
        -- gathered first: one statement may not update a row twice.
        INSERT INTO notification_outbox AS o (kind, user_id, dedupe_key, payload, due_at)
        SELECT 'summary', h.user_id, 'summary:' || h.user_id || ':' || floor(extract(epoch FROM h.dnd_until))::bigint,
               h.latest || jsonb_build_object('messages', h.messages), h.dnd_until
        FROM (SELECT push.user_id, push.dnd_until,
                     (array_agg(push.payload ORDER BY push.created_at DESC))[1] AS latest,
                     jsonb_agg(push.id ORDER BY push.created_at) AS messages
              FROM push WHERE push.dnd_until IS NOT NULL GROUP BY push.user_id, push.dnd_until) h
        ON CONFLICT (dedupe_key) DO UPDATE
          SET payload = excluded.payload || jsonb_build_object('messages', o.payload -> 'messages'
              || (SELECT coalesce(jsonb_agg(added.id), '[]')
                  FROM jsonb_array_elements(excluded.payload -> 'messages') AS added (id)
                  WHERE NOT (o.payload -> 'messages') @> jsonb_build_array(added.id)))
          WHERE o.finished_at IS NULL AND NOT (o.payload -> 'messages') @> (excluded.payload -> 'messages')
        RETURNING 1
      ), digest AS (
        -- A DM or mention may end up in the person's email digest: one pending per person (a finished one is used
        -- again), due the message's email delay after the first such message; what it holds is read when it is sent.
        -- One being sent right now may have read before this message: it is marked to run once more when it
        -- finishes ('again', see FINISH), at the time this message asks for.
        INSERT INTO notification_outbox AS o (kind, user_id, dedupe_key, payload, due_at)
        SELECT 'digest', d.user_id, 'digest:' || d.user_id, '{}',
               now() + min(msg.email_after) * interval '1 millisecond'
        FROM decided d JOIN msg ON msg.id = d.message_id
        WHERE d.email AND d.reason IN ('dm', 'mention', 'channel')
        GROUP BY d.user_id
        ON CONFLICT (dedupe_key) DO UPDATE
          SET payload = CASE WHEN o.finished_at IS NULL
                             THEN o.payload || jsonb_build_object('again', excluded.due_at) ELSE '{}' END,
              due_at = CASE WHEN o.finished_at IS NULL THEN o.due_at ELSE excluded.due_at END,
              attempts = CASE WHEN o.finished_at IS NULL THEN o.attempts ELSE 0 END,
              claimed_by = CASE WHEN o.finished_at IS NULL THEN o.claimed_by END,
              claimed_until = CASE WHEN o.finished_at IS NULL THEN o.claimed_until END,
              created_at = CASE WHEN o.finished_at IS NULL THEN o.created_at ELSE now() END,
              finished_at = NULL, outcome = NULL, last_error = NULL
          WHERE o.finished_at IS NOT NULL OR (o.claimed_by IS NOT NULL AND NOT o.payload ? 'again')
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
   * Work items finished by their lease holder $1: ids $2 with outcomes $3 ({@code done}, {@code failed} or
   * {@code retry}), retry delays $4 (ms) and errors $5, position by position. A retried item is let go, due again
   * after its delay; a finished one keeps its key (see {@link #KEEP_FINISHED}), and an email's payload goes at once,
   * since its link is the only copy of the token it carries. A digest that more messages asked for while it was
   * being sent ({@code again} in its payload) is not finished but due again, at the time they asked for.
   */
  static final String FINISH = """
      UPDATE notification_outbox o
      SET finished_at = CASE WHEN f.outcome = 'retry' OR o.payload ? 'again' THEN NULL ELSE now() END,
          outcome = CASE WHEN f.outcome = 'retry' OR o.payload ? 'again' THEN NULL ELSE f.outcome END,
          due_at = CASE WHEN f.outcome = 'retry' THEN now() + f.retry_millis * interval '1 millisecond'
                        WHEN o.payload ? 'again' THEN greatest(now(), (o.payload ->> 'again')::timestamptz)
                        ELSE o.due_at END,
          payload = CASE WHEN f.outcome = 'retry' THEN o.payload
                         WHEN o.kind IN ('invite', 'password-reset', 'email-verification') THEN NULL
                         ELSE o.payload - 'again' END,
          attempts = CASE WHEN f.outcome <> 'retry' AND o.payload ? 'again' THEN 0 ELSE o.attempts END,
          last_error = f.error, claimed_by = NULL, claimed_until = NULL
      FROM unnest($2::bigint[], $3::text[], $4::bigint[], $5::text[]) AS f (id, outcome, retry_millis, error)
      WHERE o.id = f.id AND o.claimed_by = $1 AND o.finished_at IS NULL""";

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

  /** Queues the pushes a page of stored messages calls for (unknown rooms skipped): how many were new. */
  public Future<Integer> notifyMessages(List<NotifyMessage> messages) {
    List<UUID> rooms = new ArrayList<>();
    List<Long> seqs = new ArrayList<>();
    List<Long> emailAfter = new ArrayList<>();
    List<UUID> lookingRooms = new ArrayList<>();
    List<Long> lookingSeqs = new ArrayList<>();
    List<UUID> looking = new ArrayList<>();
    for (NotifyMessage message : messages) {
      if (!Ids.isId(message.room())) {
        continue;
      }
      UUID room = UUID.fromString(message.room());
      rooms.add(room);
      seqs.add(message.seq());
      emailAfter.add(Math.max(0, message.emailAfterMillis()));
      message.looking().stream().filter(Ids::isId).forEach(person -> {
        lookingRooms.add(room);
        lookingSeqs.add(message.seq());
        looking.add(UUID.fromString(person));
      });
    }
    if (rooms.isEmpty()) {
      return Future.succeededFuture(0);
    }
    Tuple arguments = Tuple.of(rooms.toArray(UUID[]::new), seqs.toArray(Long[]::new),
        emailAfter.toArray(Long[]::new), lookingRooms.toArray(UUID[]::new), lookingSeqs.toArray(Long[]::new),
        looking.toArray(UUID[]::new), PREVIEW_LENGTH);
    return pool.preparedQuery(NOTIFY).execute(arguments)
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

  /** Records what became of claimed work, in one statement; nothing changes for items the worker no longer holds. */
  public Future<Void> finish(FinishWork command) {
    List<Finished> items = command.items();
    Long[] ids = new Long[items.size()];
    String[] outcomes = new String[items.size()];
    Long[] retryMillis = new Long[items.size()];
    String[] errors = new String[items.size()];
    for (int i = 0; i < items.size(); i++) {
      Finished item = items.get(i);
      ids[i] = item.id();
      outcomes[i] = item.outcome();
      retryMillis[i] = item.retryMillis();
      errors[i] = item.error() == null ? null : truncate(item.error(), 500);
    }
    return pool.preparedQuery(FINISH).execute(Tuple.of(command.worker(), ids, outcomes, retryMillis, errors))
        .mapEmpty();
  }

  private static String truncate(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length);
  }
}
