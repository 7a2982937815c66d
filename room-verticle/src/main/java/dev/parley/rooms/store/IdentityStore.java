package dev.parley.rooms.store;

import dev.parley.shared.Bounds;
import dev.parley.shared.ErrorCode;
import dev.parley.shared.ParleyException;
import dev.parley.shared.accounts.AccountCommands.OAuthSignIn;
import dev.parley.shared.accounts.AccountCommands.OAuthSignedIn;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Accounts at OAuth2/OIDC providers ({@code identities}): which Parley user a (provider, subject) pair signs in as.
 * An identity links to an existing account only through an email address the provider verified; a new account is
 * made only for a verified address, since the address is how the person signs in with a password and is reached.
 */
public final class IdentityStore {

  private static final int MAX_ATTEMPTS = 5;

  private final Pool pool;
  private final AccountStore accounts;

  public IdentityStore(Pool pool, AccountStore accounts) {
    this.pool = pool;
    this.accounts = accounts;
  }

  /** The {@code OAUTH_SIGN_IN} command. */
  public Future<OAuthSignedIn> signIn(OAuthSignIn command) {
    String provider = required(command.provider(), "provider", 64);
    String subject = required(command.subject(), "subject", 255);
    String email = command.email();
    if (email != null && (email.isBlank() || email.length() > Bounds.EMAIL || !email.contains("@"))) {
      email = null;
    }
    boolean verified = email != null && command.emailVerified();
    String name = command.name();
    name = name == null || name.isBlank() ? fallbackName(email) : name.strip();
    if (name.length() > Bounds.PERSON_NAME) {
      name = name.substring(0, Bounds.PERSON_NAME);
    }
    return signIn(new Sign(provider, subject, email, verified, name), 0);
  }

  private record Sign(String provider, String subject, String email, boolean verified, String name) {
  }

  /**
   * Known identity → its user; else an account with the email → linked when the email is verified; else a new
   * account with the identity. A concurrent sign-in or sign-up that wins a race sends us round again.
   */
  private Future<OAuthSignedIn> signIn(Sign sign, int attempt) {
    return pool.preparedQuery("""
            SELECT i.user_id, u.deactivated_at IS NOT NULL AS deactivated
            FROM identities i JOIN users u ON u.id = i.user_id
            WHERE i.provider = $1 AND i.subject = $2""")
        .execute(Tuple.of(sign.provider(), sign.subject()))
        .compose(identities -> {
          if (identities.size() > 0) {
            Row row = identities.iterator().next();
            return row.getBoolean("deactivated") ? Future.failedFuture(deactivated())
                : answer(row.getUUID("user_id"), false, false, List.of());
          }
          if (sign.email() == null) {
            return Future.failedFuture(new ParleyException(ErrorCode.INVALID,
                "Your account at this provider has no email address Parley can use: a new account needs one"));
          }
          return pool.preparedQuery(
                  "SELECT id, deactivated_at IS NOT NULL AS deactivated FROM users WHERE lower(email) = lower($1)")
              .execute(Tuple.of(sign.email()))
              .compose(users -> {
                if (users.size() == 0) {
                  return create(sign, SqlValues.handleFrom(sign.name()), attempt);
                }
                Row row = users.iterator().next();
                return row.getBoolean("deactivated") ? Future.failedFuture(deactivated())
                    : link(sign, row.getUUID("id"), attempt);
              });
        });
  }

  private Future<OAuthSignedIn> link(Sign sign, UUID user, int attempt) {
    if (!sign.verified()) {
      return Future.failedFuture(new ParleyException(ErrorCode.CONFLICT,
          "An account with this email exists, but the provider has not verified that you own the address: "
              + "sign in with your password instead"));
    }
    // Parley never verified the address of a password sign-up: whoever registered it may not own it. The provider
    // just proved who does, so the account's password and every session opened with it end here; otherwise a
    // squatter who registered someone's address first would keep a way into their account.
    return pool.withTransaction(conn -> conn.preparedQuery("""
            INSERT INTO identities (provider, subject, user_id, email) VALUES ($1, $2, $3, $4)
            ON CONFLICT (provider, subject) DO NOTHING""")
        .execute(Tuple.of(sign.provider(), sign.subject(), user, sign.email()))
        .compose(inserted -> inserted.rowCount() == 0 ? Future.succeededFuture((List<String>) null)
            // The provider verified the address (nothing links otherwise), so the account's email counts as verified.
            : conn.preparedQuery("""
                    UPDATE users SET password_hash = NULL, email_verified_at = coalesce(email_verified_at, now())
                    WHERE id = $1""").execute(Tuple.of(user))
                .compose(cleared -> conn.preparedQuery("""
                        UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL
                        RETURNING id""").execute(Tuple.of(user)))
                .map(ended -> {
                  List<String> revoked = new ArrayList<>();
                  ended.forEach(row -> revoked.add(row.getUUID("id").toString()));
                  return revoked;
                })))
        .compose(revoked -> revoked == null ? again(sign, attempt, null) : answer(user, false, true, revoked));
  }

  /** The account and its identity in one statement: both exist, or neither. */
  private Future<OAuthSignedIn> create(Sign sign, String handle, int attempt) {
    if (!sign.verified()) {
      return Future.failedFuture(new ParleyException(ErrorCode.INVALID,
          "The provider has not verified your email address, and a new account needs a verified one"));
    }
    return pool.preparedQuery("""
            WITH created AS (
              INSERT INTO users (email, name, password_hash, handle, workspace_role, email_verified_at)
              VALUES ($1, $2, NULL, $3, CASE WHEN EXISTS (SELECT 1 FROM users) THEN 'member' ELSE 'owner' END, now())
              RETURNING id
            ), identity AS (
              INSERT INTO identities (provider, subject, user_id, email) SELECT $4, $5, id, $1 FROM created
            )
            SELECT id FROM created""")
        .execute(Tuple.of(sign.email(), sign.name(), handle, sign.provider(), sign.subject()))
        .compose(rows -> answer(rows.iterator().next().getUUID("id"), true, false, List.of()))
        .recover(failure -> {
          if (!SqlValues.isUniqueViolation(failure)) {
            return Future.failedFuture(failure);
          }
          if (SqlValues.handleTaken(failure) && attempt < MAX_ATTEMPTS) {
            return create(sign, SqlValues.handleWithSuffix(sign.name()), attempt + 1);
          }
          // The email or the identity was taken meanwhile: look again, it now links or signs in.
          return again(sign, attempt, failure);
        });
  }

  private Future<OAuthSignedIn> again(Sign sign, int attempt, Throwable cause) {
    if (attempt >= MAX_ATTEMPTS) {
      return Future.failedFuture(cause != null ? cause
          : new ParleyException(ErrorCode.CONFLICT, "This sign-in raced with another one: try again"));
    }
    return signIn(sign, attempt + 1);
  }

  private Future<OAuthSignedIn> answer(UUID user, boolean created, boolean linked, List<String> revoked) {
    return accounts.getUser(user.toString()).map(account -> new OAuthSignedIn(account, created, linked, revoked));
  }

  private static String fallbackName(String email) {
    String local = email == null ? "" : email.substring(0, email.indexOf('@')).strip();
    return local.isEmpty() ? "New user" : local;
  }

  private static String required(String value, String field, int maxLength) {
    if (value == null || value.isEmpty() || value.length() > maxLength) {
      throw new ParleyException(ErrorCode.INVALID, "'" + field + "' must be 1 to " + maxLength + " characters");
    }
    return value;
  }

  /** An operator deactivated the account ({@code parley.jar admin deactivate}): no sign-in of any kind. */
  private static ParleyException deactivated() {
    return new ParleyException(ErrorCode.FORBIDDEN, "This account is deactivated");
  }
}
