package dev.parley.rooms.store;

import dev.parley.shared.ErrorCode;
import dev.parley.shared.Ids;
import dev.parley.shared.ParleyException;
import dev.parley.shared.accounts.AccountView;
import dev.parley.shared.accounts.ProfileCommands.Avatar;
import dev.parley.shared.accounts.ProfileView;
import dev.parley.shared.events.RoomEvents.UserUpdated;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * All SQL about profiles: display name, @handle and the stored pictures (already resized by the gateway, PNG). Every
 * change bumps nothing but what it must: a new or removed picture, or a new name while the generated picture shows
 * its initials, bumps {@code users.avatar_version}, so picture URLs carrying the version can be cached for ever.
 */
public final class ProfileStore {

  private static final String FOREIGN_KEY_VIOLATION = "23503";
  private static final String USER_COLUMNS = AccountStore.USER_COLUMNS;
  /** The rooms the person is a member of, read in the same statement as the change. */
  private static final String MEMBER_ROOMS = "ARRAY(SELECT m.room_id FROM memberships m WHERE m.user_id = u.id) AS rooms";

  private final Pool pool;

  public ProfileStore(Pool pool) {
    this.pool = pool;
  }

  /**
   * A changed profile: the person's own view of their account, and, when others should hear of it, the change to
   * announce to the rooms they are in (and to their own other devices).
   */
  public record Change(AccountView user, UserUpdated announcement, List<String> rooms) {

    public Change {
      rooms = List.copyOf(rooms);
    }

    static Change of(Row row, boolean announce) {
      AccountView user = AccountStore.accountView(row);
      if (!announce) {
        return new Change(user, null, List.of());
      }
      List<String> rooms = new ArrayList<>();
      for (UUID room : row.getArrayOfUUIDs("rooms")) {
        rooms.add(room.toString());
      }
      return new Change(user, new UserUpdated(user.id(), user.name(), user.handle(), user.avatarVersion()), rooms);
    }
  }

  /** What anyone signed in may see of a person: {@code {"id","name","handle","avatarVersion"}}, never the email. */
  public Future<ProfileView> publicProfile(String user) {
    if (!Ids.isId(user)) {
      return Future.failedFuture(noSuchUser());
    }
    return pool.preparedQuery("SELECT id, name, handle, avatar_version FROM users WHERE id = $1")
        .execute(Tuple.of(UUID.fromString(user)))
        .map(rows -> {
          if (rows.size() == 0) {
            throw noSuchUser();
          }
          Row row = rows.iterator().next();
          return new ProfileView(row.getUUID("id").toString(), row.getString("name"), row.getString("handle"),
              row.getInteger("avatar_version"));
        });
  }

  /**
   * A new display name and/or @handle (null keeps the current one; the gateway checked their form). A handle someone
   * else has, in any letter case, is a conflict. A new name bumps the picture version while no picture is stored,
   * since the generated picture shows the name's initials.
   */
  public Future<Change> updateProfile(String user, String name, String handle) {
    return pool.preparedQuery("""
            UPDATE users u SET name = coalesce($2::text, u.name), handle = coalesce($3::text, u.handle),
              avatar_version = u.avatar_version + CASE
                WHEN $2::text IS NOT NULL AND $2::text <> o.name
                     AND NOT EXISTS (SELECT 1 FROM avatars a WHERE a.user_id = u.id) THEN 1 ELSE 0 END
            FROM users o
            WHERE u.id = $1 AND o.id = u.id
            RETURNING (u.name <> o.name OR u.handle <> o.handle) AS changed, %s, %s"""
            .formatted(USER_COLUMNS, MEMBER_ROOMS))
        .execute(Tuple.of(userId(user), name, handle))
        .recover(failure -> Future.failedFuture(SqlValues.handleTaken(failure)
            ? new ParleyException(ErrorCode.CONFLICT, "That handle is taken") : failure))
        .map(rows -> {
          Row row = single(rows);
          return Change.of(row, row.getBoolean("changed"));
        });
  }

  /**
   * Stores the person's picture in both sizes (PNG bytes, base64 on the event bus) and bumps the version: one
   * statement (PostgreSQL runs a data-modifying WITH whether or not it is read), so one transaction.
   */
  public Future<Change> setAvatar(String user, String png256, String png64) {
    return pool.preparedQuery("""
            WITH stored AS (
              INSERT INTO avatars (user_id, size, content_type, bytes)
              VALUES ($1, 256, 'image/png', $2), ($1, 64, 'image/png', $3)
              ON CONFLICT (user_id, size) DO UPDATE SET content_type = excluded.content_type, bytes = excluded.bytes)
            UPDATE users u SET avatar_version = u.avatar_version + 1
            WHERE u.id = $1
            RETURNING %s, %s""".formatted(USER_COLUMNS, MEMBER_ROOMS))
        .execute(Tuple.of(userId(user), Buffer.buffer(decode(png256)), Buffer.buffer(decode(png64))))
        .recover(failure -> Future.failedFuture(failure instanceof PgException pg
            && FOREIGN_KEY_VIOLATION.equals(pg.getSqlState()) ? noSuchUser() : failure))
        .map(result -> Change.of(single(result), true));
  }

  /** Removes the person's picture: the generated one shows again, under a new version. */
  public Future<Change> clearAvatar(String user) {
    return pool.preparedQuery("""
            WITH removed AS (DELETE FROM avatars WHERE user_id = $1 RETURNING size)
            UPDATE users u SET avatar_version = u.avatar_version + 1
            WHERE u.id = $1
            RETURNING %s, %s""".formatted(USER_COLUMNS, MEMBER_ROOMS))
        .execute(Tuple.of(userId(user)))
        .map(rows -> Change.of(single(rows), true));
  }

  /**
   * One size of a person's picture: {@code {"name","avatarVersion","contentType","bytes"}} with the bytes base64,
   * or without the last two when they have none (the gateway generates one from the name).
   */
  public Future<Avatar> avatar(String user, int size) {
    if (size != 256 && size != 64) {
      return Future.failedFuture(new ParleyException(ErrorCode.INVALID, "Pictures come in 64 and 256 px"));
    }
    if (!Ids.isId(user)) {
      return Future.failedFuture(noSuchUser());
    }
    return pool.preparedQuery("""
            SELECT u.name, u.avatar_version, a.content_type, a.bytes
            FROM users u LEFT JOIN avatars a ON a.user_id = u.id AND a.size = $2
            WHERE u.id = $1""")
        .execute(Tuple.of(UUID.fromString(user), size))
        .map(rows -> {
          if (rows.size() == 0) {
            throw noSuchUser();
          }
          Row row = rows.iterator().next();
          Buffer bytes = row.getBuffer("bytes");
          return new Avatar(row.getString("name"), row.getInteger("avatar_version"),
              bytes == null ? null : row.getString("content_type"),
              bytes == null ? null : Base64.getEncoder().encodeToString(bytes.getBytes()));
        });
  }

  private static Row single(RowSet<Row> rows) {
    if (rows.size() == 0) {
      throw noSuchUser();
    }
    return rows.iterator().next();
  }

  private static UUID userId(String user) {
    if (!Ids.isId(user)) {
      throw noSuchUser();
    }
    return UUID.fromString(user);
  }

  private static byte[] decode(String base64) {
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ParleyException(ErrorCode.INVALID, "A picture must be base64-encoded");
    }
  }

  private static ParleyException noSuchUser() {
    return new ParleyException(ErrorCode.NOT_FOUND, "No such user");
  }
}
