package dev.parley.rooms;

import dev.parley.shared.ErrorCode;
import dev.parley.shared.Ids;
import dev.parley.shared.ParleyException;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

/** All SQL about accounts and sessions. Password hashing happens in the gateway; this stores what it is given. */
final class AccountStore {

  private static final String UNIQUE_VIOLATION = "23505";
  private static final String USER_COLUMNS = "u.id, u.email, u.name, u.handle, u.avatar_version, u.workspace_role";
  private static final String HANDLE_INDEX = "users_handle_key";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Pool pool;

  AccountStore(Pool pool) {
    this.pool = pool;
  }

  /**
   * Creates an account with a @handle made from the name (a short random suffix when it is taken); the first
   * account of a fresh installation owns the workspace.
   */
  Future<JsonObject> createUser(String email, String name, String passwordHash) {
    return insertUser(email, name, passwordHash, handleFrom(name), 0);
  }

  private Future<JsonObject> insertUser(String email, String name, String passwordHash, String handle, int attempt) {
    return pool.preparedQuery("""
            INSERT INTO users AS u (email, name, password_hash, handle, workspace_role)
            VALUES ($1, $2, $3, $4, CASE WHEN EXISTS (SELECT 1 FROM users) THEN 'member' ELSE 'owner' END)
            RETURNING\s""" + USER_COLUMNS)
        .execute(Tuple.of(email, name, passwordHash, handle))
        .map(rows -> userJson(rows.iterator().next()))
        .recover(failure -> {
          if (isUniqueViolation(failure) && failure.getMessage().contains(HANDLE_INDEX) && attempt < 5) {
            return insertUser(email, name, passwordHash, handleFrom(name) + "_" + (1000 + RANDOM.nextInt(9000)),
                attempt + 1);
          }
          return Future.failedFuture(isUniqueViolation(failure)
              ? new ParleyException(ErrorCode.CONFLICT, "An account with this email exists already")
              : failure);
        });
  }

  /** A handle's first form: the name's letters and digits, lower case, or "user" when nothing is left. */
  static String handleFrom(String name) {
    String base = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "");
    if (base.length() < 2) {
      base = "user" + base;
    }
    return base.length() > 20 ? base.substring(0, 20) : base;
  }

  /** The account and password hash for an email; not found when there is none. */
  Future<JsonObject> findCredentials(String email) {
    return pool.preparedQuery("SELECT " + USER_COLUMNS + ", u.password_hash FROM users u WHERE lower(u.email) = lower($1)")
        .execute(Tuple.of(email))
        .map(rows -> {
          if (rows.size() == 0) {
            throw new ParleyException(ErrorCode.NOT_FOUND, "No such account");
          }
          Row row = rows.iterator().next();
          return new JsonObject().put("user", userJson(row)).put("passwordHash", row.getString("password_hash"));
        });
  }

  Future<JsonObject> getUser(String user) {
    if (!Ids.isId(user)) {
      return Future.failedFuture(new ParleyException(ErrorCode.NOT_FOUND, "No such user"));
    }
    return pool.preparedQuery("SELECT " + USER_COLUMNS + " FROM users u WHERE u.id = $1")
        .execute(Tuple.of(UUID.fromString(user)))
        .map(rows -> {
          if (rows.size() == 0) {
            throw new ParleyException(ErrorCode.NOT_FOUND, "No such user");
          }
          return userJson(rows.iterator().next());
        });
  }

  Future<String> createSession(String user, String refreshHash, long expiresAt, String device) {
    return pool.preparedQuery("""
            INSERT INTO sessions (user_id, refresh_hash, expires_at, device) VALUES ($1, $2, $3, $4)
            RETURNING id""")
        .execute(Tuple.of(UUID.fromString(user), decode(refreshHash), timestamp(expiresAt),
            device == null ? "" : device))
        .map(rows -> rows.iterator().next().getUUID(0).toString());
  }

  /** Swaps a live session's refresh token for a new one; an unknown, expired or revoked token is unauthorized. */
  Future<JsonObject> rotateSession(String refreshHash, String newRefreshHash, long expiresAt) {
    return pool.preparedQuery("""
            UPDATE sessions s SET refresh_hash = $2, expires_at = $3, last_seen_at = now()
            FROM users u
            WHERE s.refresh_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.id = s.user_id
            RETURNING s.id AS session_id,\s""" + USER_COLUMNS)
        .execute(Tuple.of(decode(refreshHash), decode(newRefreshHash), timestamp(expiresAt)))
        .map(rows -> {
          if (rows.size() == 0) {
            throw new ParleyException(ErrorCode.UNAUTHORIZED, "This session has ended: sign in again");
          }
          Row row = rows.iterator().next();
          return new JsonObject().put("session", row.getUUID("session_id").toString()).put("user", userJson(row));
        });
  }

  Future<Void> revokeSession(String refreshHash) {
    return pool.preparedQuery("UPDATE sessions SET revoked_at = now() WHERE refresh_hash = $1 AND revoked_at IS NULL")
        .execute(Tuple.of(decode(refreshHash)))
        .mapEmpty();
  }

  /** Only the workspace owner appoints admins, and the owner's own role does not change this way. */
  Future<JsonObject> setWorkspaceRole(String actor, String user, String role) {
    if (!"admin".equals(role) && !"member".equals(role)) {
      return Future.failedFuture(new ParleyException(ErrorCode.INVALID, "'role' must be \"admin\" or \"member\""));
    }
    if (!Ids.isId(actor) || !Ids.isId(user)) {
      return Future.failedFuture(new ParleyException(ErrorCode.NOT_FOUND, "No such user"));
    }
    return pool.preparedQuery("""
            SELECT (SELECT workspace_role FROM users WHERE id = $1) AS actor_role,
                   (SELECT workspace_role FROM users WHERE id = $2) AS target_role""")
        .execute(Tuple.of(UUID.fromString(actor), UUID.fromString(user)))
        .compose(rows -> {
          Row row = rows.iterator().next();
          if (!"owner".equals(row.getString("actor_role"))) {
            throw new ParleyException(ErrorCode.FORBIDDEN, "Only the workspace owner can change workspace roles");
          }
          if (row.getString("target_role") == null) {
            throw new ParleyException(ErrorCode.NOT_FOUND, "No such user");
          }
          if ("owner".equals(row.getString("target_role"))) {
            throw new ParleyException(ErrorCode.FORBIDDEN, "The workspace owner stays the owner");
          }
          return pool.preparedQuery("UPDATE users u SET workspace_role = $2 WHERE id = $1 RETURNING " + USER_COLUMNS)
              .execute(Tuple.of(UUID.fromString(user), role));
        })
        .map(rows -> userJson(rows.iterator().next()));
  }

  static JsonObject userJson(Row row) {
    return new JsonObject()
        .put("id", row.getUUID("id").toString())
        .put("email", row.getString("email"))
        .put("name", row.getString("name"))
        .put("handle", row.getString("handle"))
        .put("avatarVersion", row.getInteger("avatar_version"))
        .put("workspaceRole", row.getString("workspace_role"));
  }

  private static boolean isUniqueViolation(Throwable failure) {
    return failure instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState());
  }

  /** Token hashes travel base64url-encoded on the event bus and are stored as bytes. */
  private static Buffer decode(String hash) {
    try {
      return Buffer.buffer(Base64.getUrlDecoder().decode(hash));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ParleyException(ErrorCode.INVALID, "Malformed token hash");
    }
  }

  private static OffsetDateTime timestamp(long epochMillis) {
    return OffsetDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
  }
}
