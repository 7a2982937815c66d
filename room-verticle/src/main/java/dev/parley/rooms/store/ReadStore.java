package dev.parley.rooms.store;

import dev.parley.rooms.access.Permissions.Need;
import dev.parley.rooms.access.Permissions;
import dev.parley.shared.ErrorCode;
import dev.parley.shared.ParleyException;
import dev.parley.shared.events.RoomEvents.ReadReceipt;
import dev.parley.shared.events.UserNotice.ReadUpdated;
import dev.parley.shared.rooms.MessageCommands.ListMentions;
import dev.parley.shared.rooms.MessageCommands.MessagePage;
import dev.parley.shared.rooms.MessageView;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * All SQL about read state: moving read markers, unread and mention counts, and a person's mentions list.
 *
 * <p>Unread counts are never counted over a room's messages when asked for: they come from counters kept when
 * messages are stored ({@code post_messages}) and when a marker moves (here), so that
 * {@code GET /api/v1/rooms} for someone in 500 rooms reads 500 membership rows (see docs/reads.md for the plans).
 * Mention counts are counted, but only over the rows of unread mentions of that person (an index range), never over
 * messages, and capped.
 */
public final class ReadStore {

  /** Mention counts stop at this: a badge says "999+" long before anyone counts further. */
  static final int MENTION_CAP = 1000;
  /** How often a marker move is tried again when another move of the same marker won the race. */
  private static final int MAX_RACES = 3;

  /**
   * Whether message {@code x} counts towards unread counts: shown in the room itself, so not a thread reply unless it
   * was also sent to the channel (replies are read in their thread, as in Slack). {@code post_messages} counts the same.
   */
  static final String SHOWN_IN_ROOM = "(x.thread_id IS NULL OR x.also_in_channel)";

  /**
   * The unread messages of membership {@code m} (joined with its room {@code r}): the room's messages the marker has
   * not passed, less the member's own among them.
   */
  static final String UNREAD = "greatest(r.message_count - m.read_count - m.own_unread, 0)";

  /**
   * The unread messages of membership {@code m} that mention its member: by @handle (their own mention rows) or by
   * @channel / @here (the room's few channel-mention rows, not their own), a message that does both counted once.
   * Each side stops at the cap, so the union never holds more than twice that. {@code $2} is the cap.
   */
  static final String MENTIONS = """
      (SELECT count(*) FROM (
         (SELECT x.seq FROM mentions x
          WHERE x.user_id = m.user_id AND x.room_id = m.room_id AND x.seq > m.read_seq LIMIT $2)
         UNION
         (SELECT c.seq FROM message_mentions c
          WHERE c.room_id = m.room_id AND c.channel AND c.seq > m.read_seq AND c.sender_id <> m.user_id LIMIT $2)
       ) hits)""";

  /**
   * A marker move ($1 the room, $2 the mention cap, $3 the new seq, $4 the user): see {@link #move}. Its plan is in
   * docs/reads.md and held by ReadPlansTest.
   */
  static final String MOVE = """
      WITH me AS (
        SELECT m.read_seq, m.read_count, m.own_unread, r.message_count,
               r.last_seq - $3 < $3 - m.read_seq AS count_after
        FROM memberships m JOIN rooms r ON r.id = m.room_id
        WHERE m.room_id = $1 AND m.user_id = $4 AND m.read_seq < $3
      ), passed AS (
        SELECT me.read_seq AS old_seq,
               CASE WHEN me.count_after THEN me.message_count - me.read_count - coalesce(t.n, 0)
                    ELSE coalesce(p.n, 0) END AS n,
               CASE WHEN me.count_after THEN me.own_unread - coalesce(t.own, 0)
                    ELSE coalesce(p.own, 0) END AS own
        FROM me
        LEFT JOIN LATERAL (SELECT count(*) AS n, count(*) FILTER (WHERE x.sender_id = $4) AS own
                           FROM messages x WHERE me.count_after AND x.room_id = $1 AND x.seq > $3
                             AND\s""" + SHOWN_IN_ROOM + """
      ) t ON true
        LEFT JOIN LATERAL (SELECT count(*) AS n, count(*) FILTER (WHERE x.sender_id = $4) AS own
                           FROM messages x
                           WHERE NOT me.count_after AND x.room_id = $1 AND x.seq > me.read_seq
                             AND x.seq <= $3 AND\s""" + SHOWN_IN_ROOM + """
      ) p ON true
      ), moved AS (
        UPDATE memberships m SET read_seq = $3, read_count = m.read_count + passed.n,
                                 own_unread = m.own_unread - passed.own
        FROM passed WHERE m.room_id = $1 AND m.user_id = $4 AND m.read_seq = passed.old_seq
        RETURNING m.room_id, m.user_id, m.read_seq, m.read_count, m.own_unread
      )
      SELECT (SELECT count(*) FROM me) AS behind, m.read_seq,\s""" + UNREAD + " AS unread, " + MENTIONS + """
       AS mentions, (SELECT u.read_receipts FROM users u WHERE u.id = $4) AS read_receipts
      FROM (SELECT 1) one
      LEFT JOIN moved m ON true
      LEFT JOIN rooms r ON r.id = m.room_id""";

  /**
   * A page of someone's mentions ($1 the user, $2 before (epoch ms, or null), $3 the page size): see
   * {@link #listMentions}. Its plan is in docs/reads.md and held by ReadPlansTest. A message's {@code ts} is its
   * time rounded to the millisecond, so "before ts" is before half a millisecond earlier: the message itself, and
   * any other of the same {@code ts}, are not on the next page again.
   */
  static final String LIST_MENTIONS = """
      WITH hit AS (
        (SELECT x.room_id, x.seq, x.created_at FROM mentions x
         JOIN memberships m ON m.room_id = x.room_id AND m.user_id = x.user_id
         WHERE x.user_id = $1 AND x.created_at < coalesce(to_timestamp(($2::bigint - 0.5) / 1000.0), 'infinity')
         ORDER BY x.created_at DESC LIMIT $3)
        UNION
        (SELECT c.room_id, c.seq, c.created_at FROM memberships m
         CROSS JOIN LATERAL (SELECT c.room_id, c.seq, c.created_at FROM message_mentions c
                             WHERE c.room_id = m.room_id AND c.channel AND c.sender_id <> $1
                               AND c.created_at < coalesce(to_timestamp(($2::bigint - 0.5) / 1000.0), 'infinity')
                               AND c.created_at >= m.joined_at
                             ORDER BY c.seq DESC LIMIT $3) c
         WHERE m.user_id = $1
         ORDER BY c.created_at DESC LIMIT $3)
      )
      SELECT hit.room_id, hit.seq,\s""" + MessageStore.messageColumns() + """
       FROM hit
      JOIN messages m ON m.room_id = hit.room_id AND m.seq = hit.seq
      JOIN users u ON u.id = m.sender_id
      LEFT JOIN message_mentions mm ON mm.room_id = m.room_id AND mm.seq = m.seq
      WHERE m.deleted_at IS NULL
      ORDER BY hit.created_at DESC, hit.room_id, hit.seq DESC
      LIMIT $3""";

  private final Pool pool;

  public ReadStore(Pool pool) {
    this.pool = pool;
  }

  /**
   * A marker that moved: the new read state for the person's devices, and the receipt for the other members when
   * the room is a DM or group DM and the person sends read receipts (null otherwise).
   */
  public record Moved(ReadUpdated updated, ReadReceipt receipt) {
  }

  /**
   * Moves the user's read marker in the room forward to {@code seq}. Answers what moved, or null when nothing moved
   * (a seq at or before the marker, or a reader who is not a member, such as a workspace admin looking into a public
   * channel).
   */
  public Future<Moved> markRead(String room, String user, long seq) {
    return Standings.load(pool, room, user)
        .map(who -> Permissions.require(who, Need.READ))
        .compose(who -> {
          if (seq > who.lastSeq()) {
            throw new ParleyException(ErrorCode.INVALID,
                "'seq' is past the room's last event (" + who.lastSeq() + ")");
          }
          return who.member() ? move(room, user, seq, who.conversation(), 0) : Future.succeededFuture(null);
        });
  }

  /**
   * One attempt at moving the marker, in one statement without locks: the messages it passes over are counted on
   * whichever side of the new marker is shorter (between the old marker and the new one, or after the new one), so
   * the cost follows what the person has just read or has still to read, never the room's history. The counters move
   * by differences, and only if the marker is still where this statement found it: a message stored meanwhile adds to
   * the same counters and both changes hold. If another move of this marker got in first, this one tries again.
   */
  private Future<Moved> move(String room, String user, long seq, boolean conversation, int races) {
    return pool.preparedQuery(MOVE)
        .execute(Tuple.of(UUID.fromString(room), MENTION_CAP, seq, UUID.fromString(user)))
        .compose(rows -> {
          Row row = rows.iterator().next();
          Long moved = row.getLong("read_seq");
          if (moved != null) {
            boolean tell = conversation && Boolean.TRUE.equals(row.getBoolean("read_receipts"));
            return Future.succeededFuture(new Moved(
                new ReadUpdated(room, moved, row.getLong("unread"), row.getLong("mentions")),
                tell ? new ReadReceipt(user, moved) : null));
          }
          if (row.getLong("behind") == 0 || races >= MAX_RACES) {
            // The marker was already there or further on: reading never moves it back.
            return Future.succeededFuture(null);
          }
          return move(room, user, seq, conversation, races + 1);
        });
  }

  /**
   * How far the other members of a DM or group DM have read, those who send receipts; none in a channel. Only for
   * someone who may read the room (anyone else: not found).
   */
  public Future<List<ReadReceipt>> receipts(String room, String user) {
    return Standings.load(pool, room, user)
        .map(who -> Permissions.require(who, Need.READ))
        .compose(who -> !who.conversation() ? Future.succeededFuture(List.of()) : pool.preparedQuery("""
                SELECT m.user_id, m.read_seq FROM memberships m JOIN users u ON u.id = m.user_id
                WHERE m.room_id = $1 AND m.user_id <> $2 AND u.read_receipts
                ORDER BY m.user_id""")
            .execute(Tuple.of(UUID.fromString(room), UUID.fromString(user)))
            .map(rows -> {
              List<ReadReceipt> receipts = new ArrayList<>();
              for (Row row : rows) {
                receipts.add(new ReadReceipt(row.getUUID("user_id").toString(), row.getLong("read_seq")));
              }
              return receipts;
            }));
  }

  /** Sets (or, with null, only reads) whether the person sends read receipts. */
  public Future<Boolean> readReceipts(String user, Boolean enabled) {
    return pool.preparedQuery("""
            UPDATE users SET read_receipts = coalesce($2, read_receipts) WHERE id = $1 RETURNING read_receipts""")
        .execute(Tuple.of(UUID.fromString(user), enabled))
        .map(rows -> rows.iterator().hasNext() && rows.iterator().next().getBoolean("read_receipts"));
  }

  /**
   * The messages that mention the user, newest first, in the rooms they are in now (someone who left a private room
   * no longer sees what was said in it): their own mention rows by time, and the @channel rows of each of their rooms
   * since they joined it, merged. Deleted messages are left out (deleting one withdraws its mentions).
   */
  public Future<MessagePage> listMentions(ListMentions query) {
    if (query.limit() < 1 || query.limit() > ListMentions.MAX_LIMIT) {
      return Future.failedFuture(new ParleyException(ErrorCode.INVALID,
          "'limit' must be between 1 and " + ListMentions.MAX_LIMIT));
    }
    return pool.preparedQuery(LIST_MENTIONS)
        .execute(Tuple.of(UUID.fromString(query.user()), query.before(), query.limit() + 1))
        .map(rows -> {
          List<MessageView> messages = new ArrayList<>();
          for (Row row : rows) {
            messages.add(MessageStore.messageView(row, row.getUUID("room_id").toString(), row.getLong("seq")));
          }
          boolean more = messages.size() > query.limit();
          return new MessagePage(more ? messages.subList(0, query.limit()) : messages, more);
        });
  }
}
