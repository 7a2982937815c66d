package dev.parley.rooms.store;

import dev.parley.shared.ErrorCode;
import dev.parley.shared.ParleyException;
import dev.parley.shared.accounts.AccountCommands.SessionsRevoked;
import dev.parley.shared.accounts.AccountView;
import dev.parley.shared.accounts.RecoveryCommands.RequestEmailVerification;
import dev.parley.shared.accounts.RecoveryCommands.RequestPasswordReset;
import dev.parley.shared.accounts.RecoveryCommands.ResetPassword;
import dev.parley.shared.accounts.RecoveryCommands.VerifyEmail;
import dev.parley.shared.contract.Done;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;

/**
 * Password reset and email verification by email: tokens kept as hashes, used once before they expire, a few an hour
 * per account.
 */
public final class RecoveryStore {

  /** Resets one account may ask for in an hour; past them a request changes nothing (and answers the same). */
  static final int RESETS_PER_HOUR = 3;

  /**
   * Keeps token hash $2 for the account of address $1, valid $4 seconds, and queues its email with link $3, in one
   * statement that does the same work whether or not the address has an account. The payload is the shape of
   * {@link dev.parley.shared.accounts.RecoveryCommands.ResetEmail}.
   */
  static final String REQUEST = """
      WITH account AS (
        SELECT u.id, u.email, u.name FROM users u
        WHERE lower(u.email) = lower($1) AND u.deactivated_at IS NULL
          AND (SELECT count(*) FROM password_resets r
               WHERE r.user_id = u.id AND r.created_at > now() - interval '1 hour') < $5
      ), kept AS (
        INSERT INTO password_resets (token_hash, user_id, expires_at)
        SELECT $2, id, now() + $4 * interval '1 second' FROM account
        RETURNING user_id
      )
      INSERT INTO notification_outbox (kind, user_id, dedupe_key, payload)
      SELECT 'password-reset', account.id, 'password-reset:' || encode($2, 'hex'),
             jsonb_build_object('to', account.email, 'name', account.name, 'link', $3::text,
                                'expiresInSeconds', $4::bigint)
      FROM account JOIN kept ON kept.user_id = account.id""";

  /** Uses token $1 (once, unexpired), sets password hash $2, voids the account's other tokens; the account's id. */
  static final String RESET = """
      WITH used AS (
        UPDATE password_resets SET used_at = now()
        WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
        RETURNING user_id
      ), voided AS (
        UPDATE password_resets r SET used_at = now()
        FROM used WHERE r.user_id = used.user_id AND r.used_at IS NULL AND r.token_hash <> $1
        RETURNING r.token_hash
      )
      UPDATE users u SET password_hash = $2 FROM used WHERE u.id = used.user_id
      RETURNING u.id::text AS id, (SELECT count(*) FROM voided) AS voided""";

  /** Verification links one account may ask for in an hour (the one sent on signing up counts). */
  static final int VERIFICATIONS_PER_HOUR = 3;

  /**
   * Keeps token hash $2 for account $1 (while its address is unverified and it asked fewer than $5 times in the last
   * hour; never for a bot, whose address is made up), valid $4 seconds, with the address it goes to, and queues its
   * email with link $3; the account's state
   * either way, so a refusal can say why. The payload is the shape of
   * {@link dev.parley.shared.accounts.RecoveryCommands.VerificationEmail}.
   */
  static final String REQUEST_VERIFICATION = """
      WITH account AS (
        SELECT u.id, u.email, u.name, u.bot, u.email_verified_at IS NOT NULL AS verified,
               (SELECT count(*) FROM email_verifications v
                WHERE v.user_id = u.id AND v.created_at > now() - interval '1 hour') AS recent
        FROM users u
        WHERE u.id = $1 AND u.deactivated_at IS NULL
      ), kept AS (
        INSERT INTO email_verifications (token_hash, user_id, email, expires_at)
        SELECT $2, id, email, now() + $4 * interval '1 second' FROM account
        WHERE NOT bot AND NOT verified AND recent < $5
        RETURNING user_id
      ), queued AS (
        INSERT INTO notification_outbox (kind, user_id, dedupe_key, payload)
        SELECT 'email-verification', account.id, 'email-verification:' || encode($2, 'hex'),
               jsonb_build_object('to', account.email, 'name', account.name, 'link', $3::text,
                                  'expiresInSeconds', $4::bigint)
        FROM account JOIN kept ON kept.user_id = account.id
        RETURNING 1
      )
      SELECT bot, verified, (SELECT count(*) FROM queued) AS queued FROM account""";

  /**
   * Uses token $1 (once, unexpired, while the account still has the address it was sent to), marks that address
   * verified and voids the account's other verification tokens; the account.
   */
  static final String VERIFY = """
      WITH used AS (
        UPDATE email_verifications v SET used_at = now()
        FROM users u
        WHERE v.token_hash = $1 AND v.used_at IS NULL AND v.expires_at > now()
          AND u.id = v.user_id AND lower(u.email) = lower(v.email) AND u.deactivated_at IS NULL
        RETURNING v.user_id
      ), voided AS (
        UPDATE email_verifications v SET used_at = now()
        FROM used WHERE v.user_id = used.user_id AND v.used_at IS NULL AND v.token_hash <> $1
        RETURNING v.token_hash
      )
      UPDATE users u SET email_verified_at = coalesce(u.email_verified_at, now()) FROM used WHERE u.id = used.user_id
      RETURNING\s""" + AccountStore.USER_COLUMNS + ", (SELECT count(*) FROM voided) AS voided";

  private final Pool pool;
  private final AccountStore accounts;

  public RecoveryStore(Pool pool, AccountStore accounts) {
    this.pool = pool;
    this.accounts = accounts;
  }

  public Future<Done> requestReset(RequestPasswordReset command) {
    Buffer hash = SqlValues.tokenHash(command.tokenHash());
    return pool.preparedQuery(REQUEST)
        .execute(Tuple.of(command.email(), hash, command.link(), command.expiresInSeconds(), RESETS_PER_HOUR))
        .map(Done.DONE);
  }

  /** The password set and every session of the account ended (the reply names the account and the sessions). */
  public Future<SessionsRevoked> reset(ResetPassword command) {
    return pool.preparedQuery(RESET)
        .execute(Tuple.of(SqlValues.tokenHash(command.tokenHash()), command.passwordHash()))
        .compose(rows -> {
          if (rows.size() == 0) {
            throw new ParleyException(ErrorCode.GONE, "This reset link is used up or has expired: ask for a new one");
          }
          String user = rows.iterator().next().getString("id");
          return accounts.revokeSessions(user, null, null)
              .map(ended -> new SessionsRevoked(ended.revoked(), user));
        });
  }

  /** A verification link queued for the account's address; refused plainly, since the caller knows the account. */
  public Future<Done> requestVerification(RequestEmailVerification command) {
    return pool.preparedQuery(REQUEST_VERIFICATION)
        .execute(Tuple.of(UUID.fromString(command.user()), SqlValues.tokenHash(command.tokenHash()), command.link(),
            command.expiresInSeconds(), VERIFICATIONS_PER_HOUR))
        .map(rows -> {
          if (rows.size() == 0) {
            throw new ParleyException(ErrorCode.NOT_FOUND, "No such account");
          }
          Row row = rows.iterator().next();
          if (row.getBoolean("bot")) {
            throw new ParleyException(ErrorCode.FORBIDDEN, "A bot has no email address to verify");
          }
          if (row.getBoolean("verified")) {
            throw new ParleyException(ErrorCode.CONFLICT, "Your email address is verified already");
          }
          if (row.getLong("queued") == 0) {
            throw new ParleyException(ErrorCode.RATE_LIMITED, "You asked for " + VERIFICATIONS_PER_HOUR
                + " verification links in the last hour: use one of them, or try again later");
          }
          return Done.DONE;
        });
  }

  /** The account's email marked verified, with the token of an emailed link (once, before it expires). */
  public Future<AccountView> verify(VerifyEmail command) {
    return pool.preparedQuery(VERIFY)
        .execute(Tuple.of(SqlValues.tokenHash(command.tokenHash())))
        .map(rows -> {
          if (rows.size() == 0) {
            throw new ParleyException(ErrorCode.GONE,
                "This verification link is used up, has expired or is not for your current address: ask for a new one");
          }
          return AccountStore.accountView(rows.iterator().next());
        });
  }
}
