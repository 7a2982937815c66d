package dev.parley.rooms.access;

import dev.parley.shared.rooms.RoomKind;

/**
 * Where one person stands in one room: the room's kind and state, and their membership, mute, ban and workspace
 * role. Loaded in one query (the store's {@code Standings}); {@link Permissions} decides what it allows.
 */
public record Standing(String room, RoomKind kind, String roomName, boolean archived, long lastSeq, String user,
                       String role, boolean muted, boolean banned, String workspaceRole) {

  public static final String OWNER = "owner";
  public static final String ADMIN = "admin";
  public static final String MEMBER = "member";

  public boolean member() {
    return role != null;
  }

  public boolean workspaceAdmin() {
    return OWNER.equals(workspaceRole) || ADMIN.equals(workspaceRole);
  }

  public boolean conversation() {
    return kind == RoomKind.DM || kind == RoomKind.GROUP;
  }

  /**
   * Admin powers in this room: its owner and admins; workspace owners and admins in every public channel and in
   * the private rooms they belong to. Nobody moderates a DM or a group DM: their members are a fixed set of equals.
   */
  public boolean moderates() {
    if (conversation() || banned) {
      return false;
    }
    if (OWNER.equals(role) || ADMIN.equals(role)) {
      return true;
    }
    return workspaceAdmin() && (kind == RoomKind.CHANNEL || member());
  }

  /** Who may act on whom: a moderator acts only on people ranked below them. */
  public int rank() {
    int workspace = OWNER.equals(workspaceRole) ? 4 : workspaceAdmin() && moderates() ? 2 : 0;
    int inRoom = role == null ? 0 : switch (role) {
      case OWNER -> 3;
      case ADMIN -> 2;
      default -> 1;
    };
    return Math.max(workspace, inRoom);
  }
}
