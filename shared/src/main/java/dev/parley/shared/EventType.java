package dev.parley.shared;

/** The {@code type} of a room event, as published on {@link Addresses#room(String)} and sent in {@code evt} frames. */
public final class EventType {
  public static final String MESSAGE = "message";
  public static final String MESSAGE_EDITED = "message.edited";
  public static final String MESSAGE_DELETED = "message.deleted";
  public static final String REACTION = "reaction";
  public static final String MEMBER_JOINED = "member.joined";
  public static final String MEMBER_LEFT = "member.left";
  public static final String ROOM_UPDATED = "room.updated";
  /** Ephemeral: never stored, carries no seq. */
  public static final String TYPING = "typing";
  /** Ephemeral: never stored, carries no seq and no room. */
  public static final String PRESENCE = "presence";

  private EventType() {
  }
}
