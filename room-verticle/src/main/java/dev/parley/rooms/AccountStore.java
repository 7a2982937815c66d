package dev.parley.rooms;

import dev.parley.shared.ErrorCode;
import dev.parley.shared.Ids;
import dev.parley.shared.ParleyException;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;

/** All SQL about accounts and sessions. Password hashing happens in the gateway; this stores what it is given. */
final class AccountStore {

  private static final String USER_COLUMNS = "u.id, u.email, u.name, u.handle, u.avatar_version, u.workspace_role";

  private final Pool pool;

  AccountStore(Pool pool) {
    this.pool = pool;
  }

  /**
   * Creates an account with a @handle made from the name (a short random suffix when it is taken); the first
   * account of a fresh installation owns the workspace.
   */
  Future<JsonObject> createUser(String email, String name, String passwordHash) {
    return insertUser(email, name, passwordHash, SqlValues.handleFrom(name), 0);
  }

  private Future<JsonObject> insertUser(String email, String name, String passwordHash, String handle, int attempt) {
    return pool.preparedQuery("""
            INSERT INTO users AS u (email, name, password_hash, handle, workspace_role)
            VALUES ($1, $2, $3, $4, CASE WHEN EXISTS (SELECT 1 FROM users) THEN 'member' ELSE 'owner' END)
            RETURNING\s""" + USER_COLUMNS)
        .execute(Tuple.of(email, name, passwordHash, handle))
        .map(rows -> userJson(rows.iterator().next()))
        .recover(failure -> {
          if (SqlValues.handleTaken(failure) && attempt < 5) {
            return insertUser(email, name, passwordHash, SqlValues.handleWithSuffix(name), attempt + 1);
          }
          return Future.failedFuture(SqlValues.isUniqueViolation(failure)
              ? new ParleyException(ErrorCode.CONFLICT, "An account with this email exists already")
              : failure);
        });
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
        .execute(Tuple.of(UUID.fromString(user), SqlValues.tokenHash(refreshHash), SqlValues.timestamp(expiresAt),
            device == null ? "" : device))
        .map(rows -> rows.iterator().next().getUUID(0).toString());
  }

  /**
   * Swaps a live session's refresh token for a new one and remembers the old one. Presenting a remembered (already
   * rotated) token means two parties hold the session's tokens: the session ends at once.
   */
  Future<JsonObject> rotateSession(String refreshHash, String newRefreshHash, long expiresAt) {
    Buffer presented = SqlValues.tokenHash(refreshHash);
    Buffer next = SqlValues.tokenHash(newRefreshHash);
    return pool.withTransaction(conn -> conn.preparedQuery("""
            UPDATE sessions s SET refresh_hash = $2, expires_at = $3, last_seen_at = now()
            FROM users u
            WHERE s.refresh_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.id = s.user_id
            RETURNING s.id AS session_id,\s""" + USER_COLUMNS)
        .execute(Tuple.of(presented, next, SqlValues.timestamp(expiresAt)))
        .compose(rows -> {
          if (rows.size() > 0) {
            Row row = rows.iterator().next();
            return conn.preparedQuery("INSERT INTO rotated_refresh_tokens (token_hash, session_id) VALUES ($1, $2)")
                .execute(Tuple.of(presented, row.getUUID("session_id")))
                .map(remembered -> new JsonObject().put("session", row.getUUID("session_id").toString())
                    .put("user", userJson(row)));
          }
          return conn.preparedQuery("""
                  UPDATE sessions s SET revoked_at = coalesce(s.revoked_at, now())
                  FROM rotated_refresh_tokens r, users u
                  WHERE r.token_hash = $1 AND s.id = r.session_id AND u.id = s.user_id
                  RETURNING s.id AS session_id,\s""" + USER_COLUMNS)
              .execute(Tuple.of(presented))
              .map(reused -> {
                if (reused.size() == 0) {
                  throw new ParleyException(ErrorCode.UNAUTHORIZED, "This session has ended: sign in again");
                }
                Row row = reused.iterator().next();
                return new JsonObject().put("reused", true).put("session", row.getUUID("session_id").toString())
                    .put("user", userJson(row));
              });
        }));
  }

  /** Ends the session a refresh token belongs to (signing out), be it the current token or one rotated away. */
  Future<JsonObject> revokeSession(String refreshHash) {
    return pool.preparedQuery("""
            UPDATE sessions SET revoked_at = now()
            WHERE revoked_at IS NULL AND (refresh_hash = $1
               OR id = (SELECT session_id FROM rotated_refresh_tokens WHERE token_hash = $1))
            RETURNING id, user_id""")
        .execute(Tuple.of(SqlValues.tokenHash(refreshHash)))
        .map(rows -> revoked(rows).put("user", rows.size() == 0 ? null
            : rows.iterator().next().getUUID("user_id").toString()));
  }

  /** The user's live sessions, most recently used first. */
  Future<JsonArray> listSessions(String user) {
    return pool.preparedQuery("""
            SELECT id, device, (extract(epoch FROM created_at) * 1000)::bigint AS created_ts,
                   (extract(epoch FROM last_seen_at) * 1000)::bigint AS seen_ts
            FROM sessions WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()
            ORDER BY last_seen_at DESC LIMIT 200""")
        .execute(Tuple.of(UUID.fromString(user)))
        .map(rows -> {
          JsonArray sessions = new JsonArray();
          for (Row row : rows) {
            sessions.add(new JsonObject().put("id", row.getUUID("id").toString()).put("device", row.getString("device"))
                .put("createdAt", row.getLong("created_ts")).put("lastSeenAt", row.getLong("seen_ts")));
          }
          return sessions;
        });
  }

  /** Ends one of the user's sessions ({@code session}), or every one but {@code except}. */
  Future<JsonObject> revokeSessions(String user, String session, String except) {
    if ((session != null && !Ids.isId(session)) || (except != null && !Ids.isId(except))) {
      return Future.failedFuture(new ParleyException(ErrorCode.NOT_FOUND, "No such session"));
    }
    return pool.preparedQuery("""
            UPDATE sessions SET revoked_at = now()
            WHERE user_id = $1 AND revoked_at IS NULL AND ($2::uuid IS NULL OR id = $2) AND ($3::uuid IS NULL OR id <> $3)
            RETURNING id""")
        .execute(Tuple.of(UUID.fromString(user), session == null ? null : UUID.fromString(session),
            except == null ? null : UUID.fromString(except)))
        .map(rows -> {
          if (session != null && rows.size() == 0) {
            throw new ParleyException(ErrorCode.NOT_FOUND, "No such session");
          }
          return revoked(rows);
        });
  }

  /** Sets a new password hash and ends every other session of the user. */
  Future<JsonObject> setPassword(String user, String passwordHash, String except) {
    return pool.preparedQuery("UPDATE users SET password_hash = $2 WHERE id = $1")
        .execute(Tuple.of(UUID.fromString(user), passwordHash))
        .compose(updated -> revokeSessions(user, null, except));
  }

  private static JsonObject revoked(RowSet<Row> rows) {
    JsonArray ids = new JsonArray();
    for (Row row : rows) {
      ids.add(row.getUUID("id").toString());
    }
    return new JsonObject().put("revoked", ids);
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
}
