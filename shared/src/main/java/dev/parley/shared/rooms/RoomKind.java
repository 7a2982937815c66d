package dev.parley.shared.rooms;

/** The kinds of conversation. */
public enum RoomKind {
  /** Anyone in the workspace can find and join it. */
  CHANNEL("channel"),
  /** Invisible to non-members. */
  PRIVATE("private"),
  /** Exactly two people. */
  DM("dm"),
  /** A fixed group of three to nine people. */
  GROUP("group");

  private final String wireName;

  RoomKind(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** The kind with that wire name, or null. */
  public static RoomKind fromWire(String name) {
    for (RoomKind kind : values()) {
      if (kind.wireName.equals(name)) {
        return kind;
      }
    }
    return null;
  }
}
