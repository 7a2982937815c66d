package dev.parley.shared;

/** The commands room-verticle answers on {@link Addresses#ROOMS_CMD}, named by the {@code action} header. */
public enum RoomAction {
  /** {@link Commands.CreateRoom} → {@code {"room":{..}}}. */
  CREATE_ROOM,
  /** {@code {"user"}} → {@code {"rooms":[..]}}, the user's rooms with unread counts. */
  LIST_ROOMS,
  /** {@code {"user"}} → {@code {"channels":[..]}}, the public channels with a {@code member} flag. */
  LIST_CHANNELS,
  /** {@code {"room","user"}} → {@code {"room":{..}}}; joining twice is harmless. */
  JOIN_ROOM,
  /** {@link Commands.History} → {@code {"messages":[..],"more":bool}}. */
  HISTORY,
  /** {@link Commands.PostMessage} → {@link Commands.MessageAck}; idempotent on (room, sender, cid). */
  POST_MESSAGE,
  /** {@link Commands.Replay} → {@link Commands.ReplayResult}: the room's events after a seq, for a member. */
  REPLAY,
  /** {@code {"room","user","seq"}} → {@code {}}: moves the user's read marker forward. */
  MARK_READ,
  /**
   * {@code {"user","with":[ids]}} → {@code {"room":{..},"created":bool}}: the one DM with one other person, or the
   * one group DM of exactly that set (3 to 9 people in all), created when it does not exist yet.
   */
  OPEN_DM,
  /** {@code {"user","query"}} → {@code {"users":[{"id","name"}]}}: people of the workspace, by name or email. */
  FIND_USERS,
  /** {@code {"room","user"}} → {@code {"members":[{"user","name","role","muted"}]}}. */
  LIST_MEMBERS,
  /**
   * {@code {"room","actor","action":ModerationAction,"target"?,"name"?,"topic"?,"role"?,"message"?}} →
   * {@code {"room":{..}}}: an admin action (or leaving, when target is the actor). Each one is a room event and an
   * audit-log row.
   */
  MODERATE,
  /** {@code {"room","user"}} → {@code {"entries":[..]}}: the room's audit log, newest first, for its admins. */
  AUDIT_LOG,
  /**
   * {@code {"room","actor","tokenHash","maxUses"?,"expiresAt"?,"email"?}} → {@code {"invite":{..},"created":bool}};
   * with an email, an invite for the same address within the last ten minutes is returned instead of a new one.
   */
  CREATE_INVITE,
  /** {@code {"room","user"}} → {@code {"invites":[..]}}: the room's invites with their uses and email status. */
  LIST_INVITES,
  /** {@code {"room","actor","invite"}} → {@code {}}. */
  REVOKE_INVITE,
  /** {@code {"tokenHash"}} → {@code {"room":{"id","name","kind"},"inviter"}}: what a link leads to; 410 when spent. */
  INVITE_INFO,
  /** {@code {"tokenHash","user"}} → {@code {"room":{..}}}: redeems an invite atomically; 410 when spent. */
  ACCEPT_INVITE,
  /** {@code {"invite","status":"sent"|"failed","error"?}} → {@code {}}: notification-verticle reports on a mail. */
  EMAIL_INVITE_STATUS;

  public static RoomAction parse(String header) {
    return header == null ? null : valueOf(header);
  }
}
