package dev.parley.shared;

/** The commands room-verticle answers on {@link Addresses#ACCOUNTS_CMD}, named by the {@code action} header. */
public enum AccountAction {
  /** {@code {"email","name","passwordHash"}} → {@code {"user":{..}}}; an email already taken is a conflict. */
  CREATE_USER,
  /** {@code {"email"}} → {@code {"user":{..},"passwordHash"}}; unknown email is not found. */
  FIND_CREDENTIALS,
  /** {@code {"user"}} → {@code {"user":{..}}}. */
  GET_USER,
  /** {@code {"user","refreshHash","expiresAt","device"}} → {@code {"session"}}. */
  CREATE_SESSION,
  /**
   * {@code {"refreshHash","newRefreshHash","expiresAt"}} → {@code {"session","user":{..}}}: swaps the session's
   * refresh token for a new one. A token the session already rotated away ends the whole session (it was stolen)
   * and answers {@code {"reused":true,"session","user":{..}}}; an unknown, expired or revoked token is unauthorized.
   */
  ROTATE_SESSION,
  /** {@code {"refreshHash"}} → {@code {"revoked":[ids],"user"}}: ends the session that token belongs to. */
  REVOKE_SESSION,
  /** {@code {"user"}} → {@code {"sessions":[{"id","device","createdAt","lastSeenAt"}]}}: the live ones. */
  LIST_SESSIONS,
  /**
   * {@code {"user","session"?,"except"?}} → {@code {"revoked":[ids]}}: ends one of the user's sessions, or all of
   * them but {@code except}.
   */
  REVOKE_SESSIONS,
  /** {@code {"user","passwordHash","except"}} → {@code {"revoked":[ids]}}: a new password ends the other sessions. */
  SET_PASSWORD,
  /**
   * {@code {"actor","user","role":"admin"|"member"}} → {@code {"user":{..}}}: the workspace owner appoints or
   * removes workspace admins.
   */
  SET_WORKSPACE_ROLE;

  public static AccountAction parse(String header) {
    return header == null ? null : valueOf(header);
  }
}
