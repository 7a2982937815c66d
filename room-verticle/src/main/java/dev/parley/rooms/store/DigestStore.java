package dev.parley.rooms.store;

import dev.parley.shared.ErrorCode;
import dev.parley.shared.e2ee.E2eeCommands;
import dev.parley.shared.Ids;
import dev.parley.shared.ParleyException;
import dev.parley.shared.notify.DigestCommands;
import dev.parley.shared.notify.DigestCommands.Digest;
import dev.parley.shared.notify.DigestCommands.DigestItem;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** All SQL about the email digest: what is still unread for someone since their last one, and stopping them. */
public final class DigestStore {

  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * The person ($1) with their settings, made on first use with an unsubscribe token ($2, kept when they have one).
   */
  static final String PERSON = """
      WITH made AS (
        INSERT INTO notification_user_prefs AS p (user_id, email_token) VALUES ($1, $2)
        ON CONFLICT (user_id) DO UPDATE SET email_token = coalesce(p.email_token, excluded.email_token)
        RETURNING p.email, p.email_token, p.digest_sent_at
      )
      SELECT u.email AS address, u.name, made.email, made.email_token, made.digest_sent_at, now() AS until
      FROM users u CROSS JOIN made WHERE u.id = $1""";

  /**
   * What is still unread for person $1 among what came after $2 and up to $3: their mentions (by @handle, and
   * {@code @channel} in rooms they are in), and the messages of their DMs and group DMs; in rooms they are still in,
   * not muted or set to nothing, not deleted, after their read marker. Each message once, oldest first; $4 at most,
   * with the total.
   */
  static final String UNREAD = """
      WITH hits AS (
        SELECT x.room_id, x.seq, 'mention' AS reason FROM mentions x
        WHERE x.user_id = $1 AND x.created_at > $2 AND x.created_at <= $3
        UNION ALL
        SELECT c.room_id, c.seq, 'channel' FROM memberships m
        JOIN message_mentions c ON c.room_id = m.room_id AND c.channel AND c.seq > m.read_seq
        WHERE m.user_id = $1 AND c.sender_id <> $1 AND c.created_at > $2 AND c.created_at <= $3
        UNION ALL
        SELECT x.room_id, x.seq, 'dm' FROM memberships m
        JOIN rooms r ON r.id = m.room_id AND r.kind IN ('dm', 'group')
        JOIN messages x ON x.room_id = m.room_id AND x.seq > m.read_seq
        WHERE m.user_id = $1 AND x.sender_id <> $1 AND x.created_at > $2 AND x.created_at <= $3
      ), unread AS (
        SELECT DISTINCT ON (h.room_id, h.seq) h.room_id, h.seq, h.reason, x.id,
               -- An encrypted room's body is ciphertext: the email says only that a message came.
               CASE WHEN r.encrypted THEN '""" + E2eeCommands.ENCRYPTED_PREVIEW + """
      ' ELSE x.body END AS body, x.created_at, r.name,
               r.kind, s.name AS sender_name
        FROM hits h
        JOIN memberships m ON m.room_id = h.room_id AND m.user_id = $1 AND h.seq > m.read_seq
        JOIN messages x ON x.room_id = h.room_id AND x.seq = h.seq AND x.deleted_at IS NULL
        JOIN rooms r ON r.id = h.room_id
        JOIN users s ON s.id = x.sender_id
        LEFT JOIN notification_room_prefs p ON p.room_id = h.room_id AND p.user_id = $1
        WHERE coalesce(p.level, 'mentions') <> 'nothing' AND (p.muted_until IS NULL OR p.muted_until <= now())
        ORDER BY h.room_id, h.seq, h.reason = 'dm' DESC
      )
      SELECT *, (count(*) OVER ())::int AS total FROM unread ORDER BY created_at, room_id, seq LIMIT $4""";

  private final Pool pool;

  public DigestStore(Pool pool) {
    this.pool = pool;
  }

  public Future<Digest> read(String user) {
    if (!Ids.isId(user)) {
      return Future.failedFuture(new ParleyException(ErrorCode.INVALID, "user must be a user id"));
    }
    UUID id = UUID.fromString(user);
    byte[] token = new byte[24];
    RANDOM.nextBytes(token);
    return pool.preparedQuery(PERSON).execute(Tuple.of(id, Base64.getUrlEncoder().withoutPadding()
            .encodeToString(token)))
        .compose(rows -> {
          if (rows.size() == 0) {
            return Future.failedFuture(new ParleyException(ErrorCode.NOT_FOUND, "No such user"));
          }
          Row row = rows.iterator().next();
          Person person = new Person(row.getString("address"), row.getString("name"), row.getBoolean("email"),
              row.getString("email_token"));
          OffsetDateTime since = row.getOffsetDateTime("digest_sent_at");
          OffsetDateTime until = row.getOffsetDateTime("until");
          return pool.preparedQuery(UNREAD)
              .execute(Tuple.of(id, since == null ? OffsetDateTime.parse("1970-01-01T00:00:00Z") : since, until,
                  DigestCommands.MAX_ITEMS))
              .map(unread -> {
                List<DigestItem> items = new ArrayList<>(unread.size());
                for (Row found : unread) {
                  items.add(item(found));
                }
                int total = unread.size() == 0 ? 0 : totalOf(unread.iterator().next());
                return new Digest(person.address(), person.name(), person.wantsEmail(), person.token(), items, total,
                    until.toInstant().toEpochMilli());
              });
        });
  }

  /** Whom a digest goes to. */
  private record Person(String address, String name, boolean wantsEmail, String token) {
  }

  private static int totalOf(Row row) {
    return row.getInteger("total");
  }

  private static DigestItem item(Row row) {
    return new DigestItem(row.getUUID("room_id").toString(), row.getString("name"), row.getString("kind"),
        row.getLong("seq"), row.getUUID("id").toString(), row.getString("sender_name"), row.getString("body"),
        row.getOffsetDateTime("created_at").toInstant().toEpochMilli(), row.getString("reason"));
  }

  /** The digest read until then was sent; a later one already recorded stays (the marker never goes back). */
  public Future<Void> sent(String user, long until) {
    if (!Ids.isId(user)) {
      return Future.succeededFuture();
    }
    return pool.preparedQuery("""
            UPDATE notification_user_prefs SET digest_sent_at = greatest(coalesce(digest_sent_at, $2), $2)
            WHERE user_id = $1""")
        .execute(Tuple.of(UUID.fromString(user), SqlValues.timestamp(until)))
        .mapEmpty();
  }

  /** One-click unsubscribe: email off for the token's person; an unknown token is not found. */
  public Future<Void> stop(String token) {
    return pool.preparedQuery("UPDATE notification_user_prefs SET email = false WHERE email_token = $1")
        .execute(Tuple.of(token))
        .compose(rows -> rows.rowCount() == 0
            ? Future.failedFuture(new ParleyException(ErrorCode.NOT_FOUND, "No such unsubscribe link"))
            : Future.succeededFuture());
  }
}
