package dev.parley.rooms.store;

import dev.parley.shared.ErrorCode;
import dev.parley.shared.Ids;
import dev.parley.shared.ParleyException;
import dev.parley.shared.accounts.AccountCommands.Credentials;
import dev.parley.shared.accounts.AccountCommands.SessionRotated;
import dev.parley.shared.accounts.AccountCommands.SessionsRevoked;
import dev.parley.shared.accounts.AccountView;
import dev.parley.shared.accounts.SessionView;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** All SQL about accounts and sessions. Password hashing happens in the gateway; this stores what it is given. */
public final class AccountStore {

  static final String USER_COLUMNS = "u.id, u.email, u.name, u.handle, u.avatar_version, u.workspace_role,"
      + " u.email_verified_at IS NOT NULL AS email_verified";

  private final Pool pool;

  public AccountStore(Pool pool) {
    this.pool = pool;
  }

  /**
   * Creates an account with a @handle made from the name (a short random suffix when it is taken); the first
   * account of a fresh installation owns the workspace.
   */
  public Future<AccountView> createUser(String email, String name, String passwordHash) {
    return insertUser(email, name, passwordHash, SqlValues.handleFrom(name), 0);
  }

  private Future<AccountView> insertUser(String email, String name, String passwordHash, String handle,
                                         int attempt) {
    return pool.preparedQuery("""
            INSERT INTO users AS u (email, name, password_hash, handle, workspace_role)
            VALUES ($1, $2, $3, $4, CASE WHEN EXISTS (SELECT 1 FROM users) THEN 'member' ELSE 'owner' END)
            RETURNING\s""" + USER_COLUMNS)
        .execute(Tuple.of(email, name, passwordHash, handle))
        .map(rows -> accountView(rows.iterator().next()))
        .recover(failure -> {
          if (SqlValues.handleTaken(failure) && attempt < 5) {
            return insertUser(email, name, passwordHash, SqlValues.handleWithSuffix(name), attempt + 1);
          }
          if (SqlValues.ownerTaken(failure) && attempt < 5) {
            // Two first sign-ups raced and the other one owns the workspace: this one is a member.
            return insertUser(email, name, passwordHash, handle, attempt + 1);
          }
          return Future.failedFuture(SqlValues.isUniqueViolation(failure)
              ? new ParleyException(ErrorCode.CONFLICT, "An account with this email exists already")
              : failure);
        });
  }

  /** The account and password hash for an email; not found when there is none. */
  public Future<Credentials> findCredentials(String email) {
    return pool.preparedQuery("SELECT " + USER_COLUMNS
            + ", u.password_hash FROM users u WHERE lower(u.email) = lower($1) AND u.deactivated_at IS NULL")
        .execute(Tuple.of(email))
        .map(rows -> {
          if (rows.size() == 0) {
            throw new ParleyException(ErrorCode.NOT_FOUND, "No such account");
          }
          Row row = rows.iterator().next();
          return new Credentials(accountView(row), row.getString("password_hash"));
        });
  }

  public Future<AccountView> getUser(String user) {
    if (!Ids.isId(user)) {
      return Future.failedFuture(noSuchUser());
    }
    return pool.preparedQuery("SELECT " + USER_COLUMNS + " FROM users u WHERE u.id = $1")
        .execute(Tuple.of(UUID.fromString(user)))
        .map(rows -> {
          if (rows.size() == 0) {
            throw noSuchUser();
          }
          return accountView(rows.iterator().next());
        });
  }

  public Future<String> createSession(String user, String refreshHash, long expiresAt, String device) {
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
  public Future<SessionRotated> rotateSession(String refreshHash, String newRefreshHash, long expiresAt) {
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
                .map(remembered -> new SessionRotated(row.getUUID("session_id").toString(), accountView(row), false));
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
                return new SessionRotated(row.getUUID("session_id").toString(), accountView(row), true);
              });
        }));
  }

  /** Ends the session a refresh token belongs to (signing out), be it the current token or one rotated away. */
  public Future<SessionsRevoked> revokeSession(String refreshHash) {
    return pool.preparedQuery("""
            UPDATE sessions SET revoked_at = now()
            WHERE revoked_at IS NULL AND (refresh_hash = $1
               OR id = (SELECT session_id FROM rotated_refresh_tokens WHERE token_hash = $1))
            RETURNING id, user_id""")
        .execute(Tuple.of(SqlValues.tokenHash(refreshHash)))
        .map(rows -> new SessionsRevoked(ids(rows),
            rows.size() == 0 ? null : rows.iterator().next().getUUID("user_id").toString()));
  }

  /** The user's live sessions, most recently used first. */
  public Future<List<SessionView>> listSessions(String user) {
    return pool.preparedQuery("""
            SELECT id, device, (extract(epoch FROM created_at) * 1000)::bigint AS created_ts,
                   (extract(epoch FROM last_seen_at) * 1000)::bigint AS seen_ts
            FROM sessions WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()
            ORDER BY last_seen_at DESC LIMIT 200""")
        .execute(Tuple.of(UUID.fromString(user)))
        .map(rows -> {
          List<SessionView> sessions = new ArrayList<>();
          for (Row row : rows) {
            sessions.add(new SessionView(row.getUUID("id").toString(), row.getString("device"),
                row.getLong("created_ts"), row.getLong("seen_ts"), null));
          }
          return sessions;
        });
  }

  /** Ends one of the user's sessions ({@code session}), or every one but {@code except}. */
  public Future<SessionsRevoked> revokeSessions(String user, String session, String except) {
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
          return new SessionsRevoked(ids(rows), null);
        });
  }

  /** Sets a new password hash and ends every other session of the user. */
  public Future<SessionsRevoked> setPassword(String user, String passwordHash, String except) {
    return pool.preparedQuery("UPDATE users SET password_hash = $2 WHERE id = $1")
        .execute(Tuple.of(UUID.fromString(user), passwordHash))
        .compose(updated -> revokeSessions(user, null, except));
  }

  /** Only the workspace owner appoints admins, and the owner's own role does not change this way. */
  public Future<AccountView> setWorkspaceRole(String actor, String user, String role) {
    if (!AccountView.ADMIN.equals(role) && !AccountView.MEMBER.equals(role)) {
      return Future.failedFuture(new ParleyException(ErrorCode.INVALID, "'role' must be \"admin\" or \"member\""));
    }
    if (!Ids.isId(actor) || !Ids.isId(user)) {
      return Future.failedFuture(noSuchUser());
    }
    return pool.preparedQuery("""
            SELECT (SELECT workspace_role FROM users WHERE id = $1) AS actor_role,
                   (SELECT workspace_role FROM users WHERE id = $2) AS target_role""")
        .execute(Tuple.of(UUID.fromString(actor), UUID.fromString(user)))
        .compose(rows -> {
          Row row = rows.iterator().next();
          if (!AccountView.OWNER.equals(row.getString("actor_role"))) {
            throw new ParleyException(ErrorCode.FORBIDDEN, "Only the workspace owner can change workspace roles");
          }
          if (row.getString("target_role") == null) {
            throw noSuchUser();
          }
          if (AccountView.OWNER.equals(row.getString("target_role"))) {
            throw new ParleyException(ErrorCode.FORBIDDEN, "The workspace owner stays the owner");
          }
          return pool.preparedQuery("UPDATE users u SET workspace_role = $2 WHERE id = $1 RETURNING " + USER_COLUMNS)
              .execute(Tuple.of(UUID.fromString(user), role));
        })
        .map(rows -> accountView(rows.iterator().next()));
  }

  static AccountView accountView(Row row) {
    return new AccountView(row.getUUID("id").toString(), row.getString("email"), row.getString("name"),
        row.getString("handle"), row.getInteger("avatar_version"), row.getString("workspace_role"),
        row.getBoolean("email_verified"));
  }

  private static List<String> ids(RowSet<Row> rows) {
    List<String> ids = new ArrayList<>();
    for (Row row : rows) {
      ids.add(row.getUUID("id").toString());
    }
    return ids;
  }

  private static ParleyException noSuchUser() {
    return new ParleyException(ErrorCode.NOT_FOUND, "No such user");
  }
}
