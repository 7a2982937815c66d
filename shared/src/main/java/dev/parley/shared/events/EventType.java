package dev.parley.shared.events;

/** The {@code type} of a room event, as published on {@link dev.parley.shared.Addresses#room(String)} and sent in {@code evt} frames. */
public final class EventType {
  public static final String MESSAGE = "message";
  public static final String MESSAGE_EDITED = "message.edited";
  public static final String MESSAGE_DELETED = "message.deleted";
  /** Reserved by the first protocol draft; reactions travel as {@link #REACTION_ADDED} and {@link #REACTION_REMOVED}. */
  public static final String REACTION = "reaction";
  /** Someone added an emoji to a message: {@code {"id","emoji","user"}}. */
  public static final String REACTION_ADDED = "reaction.added";
  /** Someone took their emoji off a message: {@code {"id","emoji","user"}}. */
  public static final String REACTION_REMOVED = "reaction.removed";
  /** A thread's root changed: {@code {"id","replies","lastReplyAt","participants"}}, after the replies that did it. */
  public static final String THREAD_UPDATED = "thread.updated";
  public static final String MEMBER_JOINED = "member.joined";
  public static final String MEMBER_LEFT = "member.left";
  public static final String ROOM_UPDATED = "room.updated";
  /** A member's role or mute changed: {@code {"user","role","muted"}}. */
  public static final String MEMBER_UPDATED = "member.updated";
  /** On a user's address: they were added to a room ({@code {"room":{..}}}); no seq. */
  public static final String ROOM_ADDED = "room.added";
  /** On a user's address: a session of theirs ended ({@code {"session"}}); its connections close with 4001. */
  public static final String SESSION_REVOKED = "session.revoked";
  /** On a user's address: they left or were removed from a room ({@code {"room","reason"}}); no seq. */
  public static final String ROOM_REMOVED = "room.removed";
  /**
   * Someone's profile changed ({@code {"user","name","handle","avatarVersion"}}); no seq. On the address of every
   * room they are a member of (with {@code room}), and on their own address for their other devices.
   */
  public static final String USER_UPDATED = "user.updated";
  /**
   * On a user's address: their read marker in a room moved ({@code {"room","seq","unread","mentions"}}), so every
   * device of theirs clears the same badge; no seq.
   */
  public static final String READ_UPDATED = "read.updated";
  /** Ephemeral: never stored, carries no seq. */
  public static final String TYPING = "typing";
  /**
   * Someone's presence changed ({@code {"user","status","text"}}): only to connections that watch them (the
   * {@code watch} frame). Ephemeral: never stored, carries no seq and no room.
   */
  public static final String PRESENCE = "presence";
  /**
   * In a DM or group DM: a member read up to {@code seq} ({@code {"user","seq"}}), unless they switched read receipts
   * off. Ephemeral: never stored, carries no seq of its own.
   */
  public static final String RECEIPT = "receipt";

  /** Stored in an encrypted room: an MLS commit ({@code {"sender","device","epoch","commit"}}, docs/e2ee.md). */
  public static final String E2EE_COMMIT = "e2ee.commit";
  /** On a user's address: an MLS welcome waits for one of their devices ({@code {"room","device"}}); no seq. */
  public static final String E2EE_WELCOME = "e2ee.welcome";
  /** Ephemeral, in an encrypted room: a member's devices changed ({@code {"user"}}); no seq. */
  public static final String E2EE_DEVICES = "e2ee.devices";


  private EventType() {
  }
}
