package dev.parley.shared.rooms;

/** What a {@link RoomAction#MODERATE} command does. */
public enum ModerationAction {
  /** Sets {@code name} and/or {@code topic}. */
  UPDATE,
  ARCHIVE,
  UNARCHIVE,
  /** Adds {@code target} as a member. */
  ADD_MEMBER,
  /** Removes {@code target}; when the target is the actor, that is leaving. */
  REMOVE_MEMBER,
  /** Removes {@code target} and keeps them out, invites included. */
  BAN,
  UNBAN,
  /** {@code target} can read but not post. */
  MUTE,
  UNMUTE,
  /** Gives {@code target} the {@code role} admin or member. */
  SET_ROLE,
  /** Deletes {@code message}: anyone their own, admins anybody's. */
  DELETE_MESSAGE;

  /** The action with that name (case-insensitive), or null. */
  public static ModerationAction parse(String name) {
    for (ModerationAction action : values()) {
      if (action.name().equalsIgnoreCase(name)) {
        return action;
      }
    }
    return null;
  }
}
