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
  SET_WORKSPACE_ROLE,
  /**
   * {@code {"provider","subject","email"?,"emailVerified","name"}} → {@code {"user":{..},"created":bool}}: the
   * account of someone a sign-in provider vouched for. A known identity signs in its user; otherwise a verified email
   * links to the account with that email, or creates one. An unverified email of an existing account is a conflict,
   * and a new account needs a verified email (invalid without one).
   */
  OAUTH_SIGN_IN,
  /** {@code {"user"}} → {@code {"user":{"id","name","handle","avatarVersion"}}}: what anyone may see, no email. */
  GET_PROFILE,
  /**
   * {@code {"user","name"?,"handle"?}} → {@code {"user":{..}}}: a handle someone has already (in any letter case) is
   * a conflict. Announced as {@link EventType#USER_UPDATED}.
   */
  UPDATE_PROFILE,
  /**
   * {@code {"user","png256","png64"}} (PNG bytes, base64) → {@code {"user":{..}}}: stores the picture in both sizes
   * and bumps {@code avatarVersion}, in one transaction. Announced as {@link EventType#USER_UPDATED}.
   */
  SET_AVATAR,
  /** {@code {"user"}} → {@code {"user":{..}}}: back to the generated picture, under a new {@code avatarVersion}. */
  CLEAR_AVATAR,
  /**
   * {@code {"user","size":64|256}} → {@code {"name","avatarVersion","contentType"?,"bytes"?}} (bytes base64); without
   * a stored picture, no contentType or bytes.
   */
  GET_AVATAR;

  public static AccountAction parse(String header) {
    return header == null ? null : valueOf(header);
  }
}
