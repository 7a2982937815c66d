package dev.parley.rooms;

import dev.parley.shared.ErrorCode;
import dev.parley.shared.Ids;
import dev.parley.shared.ParleyException;
import dev.parley.shared.RoomKind;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;

/**
 * Where one person stands in one room: the room's kind and state, and their membership, mute, ban and workspace
 * role. Loaded in one query; {@link Permissions} decides what it allows.
 */
record Standing(String room, RoomKind kind, String roomName, boolean archived, long lastSeq, String user,
                String role, boolean muted, boolean banned, String workspaceRole) {

  static final String OWNER = "owner";
  static final String ADMIN = "admin";
  static final String MEMBER = "member";

  boolean member() {
    return role != null;
  }

  boolean workspaceAdmin() {
    return OWNER.equals(workspaceRole) || ADMIN.equals(workspaceRole);
  }

  boolean conversation() {
    return kind == RoomKind.DM || kind == RoomKind.GROUP;
  }

  /**
   * Admin powers in this room: its owner and admins; workspace owners and admins in every public channel and in
   * the private rooms they belong to. Nobody moderates a DM or a group DM: their members are a fixed set of equals.
   */
  boolean moderates() {
    if (conversation() || banned) {
      return false;
    }
    if (OWNER.equals(role) || ADMIN.equals(role)) {
      return true;
    }
    return workspaceAdmin() && (kind == RoomKind.CHANNEL || member());
  }

  /** Who may act on whom: a moderator acts only on people ranked below them. */
  int rank() {
    int workspace = OWNER.equals(workspaceRole) ? 4 : workspaceAdmin() && moderates() ? 2 : 0;
    int inRoom = role == null ? 0 : switch (role) {
      case OWNER -> 3;
      case ADMIN -> 2;
      default -> 1;
    };
    return Math.max(workspace, inRoom);
  }

  /** Loads a standing; a room that does not exist (or a malformed id) is not found. */
  static Future<Standing> load(SqlClient client, String room, String user) {
    if (!Ids.isId(room) || !Ids.isId(user)) {
      return Future.failedFuture(new ParleyException(ErrorCode.NOT_FOUND, "No such room"));
    }
    return client.preparedQuery("""
            SELECT r.kind, r.name, r.last_seq, r.archived_at IS NOT NULL AS archived, m.role,
                   coalesce(m.muted, false) AS muted,
                   EXISTS (SELECT 1 FROM room_bans b WHERE b.room_id = r.id AND b.user_id = u.id) AS banned,
                   u.workspace_role
            FROM rooms r
            CROSS JOIN users u
            LEFT JOIN memberships m ON m.room_id = r.id AND m.user_id = u.id
            WHERE r.id = $1 AND u.id = $2""")
        .execute(Tuple.of(UUID.fromString(room), UUID.fromString(user)))
        .map(rows -> {
          if (rows.size() == 0) {
            throw new ParleyException(ErrorCode.NOT_FOUND, "No such room");
          }
          Row row = rows.iterator().next();
          return new Standing(room, RoomKind.fromWire(row.getString("kind")), row.getString("name"),
              row.getBoolean("archived"), row.getLong("last_seq"), user, row.getString("role"),
              row.getBoolean("muted"), row.getBoolean("banned"), row.getString("workspace_role"));
        });
  }
}
