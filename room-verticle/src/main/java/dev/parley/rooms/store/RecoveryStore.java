package dev.parley.rooms.store;

import dev.parley.shared.ErrorCode;
import dev.parley.shared.ParleyException;
import dev.parley.shared.accounts.AccountCommands.SessionsRevoked;
import dev.parley.shared.accounts.RecoveryCommands.RequestPasswordReset;
import dev.parley.shared.accounts.RecoveryCommands.ResetPassword;
import dev.parley.shared.contract.Done;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

/** Password reset by email: tokens kept as hashes, used once before they expire. */
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
}
