package dev.parley.rooms.store;

import dev.parley.rooms.access.Permissions;
import dev.parley.rooms.access.Standing;
import dev.parley.shared.Ids;
import dev.parley.shared.rooms.RoomKind;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads where one person stands in one room, in one query, for {@link Permissions} to judge. */
final class Standings {

  private Standings() {
  }

  /** Loads a standing; a room that does not exist (or a malformed id) is not found. */
  static Future<Standing> load(SqlClient client, String room, String user) {
    if (!Ids.isId(room) || !Ids.isId(user)) {
      return Future.failedFuture(Permissions.notFound());
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
            throw Permissions.notFound();
          }
          return standing(rows.iterator().next(), room, user);
        });
  }

  /**
   * Where someone stands in every room whose standing could allow them to read it, for {@link Permissions} to judge
   * room by room: the rooms they are a member of and, for workspace owners and admins (who may read public channels
   * they are not in), every public channel. Anyone else is in none of the others' histories by any rule.
   */
  static Future<List<Standing>> loadCandidates(SqlClient client, String user) {
    if (!Ids.isId(user)) {
      return Future.succeededFuture(List.of());
    }
    return client.preparedQuery("""
            SELECT r.id, r.kind, r.name, r.last_seq, r.archived_at IS NOT NULL AS archived, m.role,
                   coalesce(m.muted, false) AS muted,
                   EXISTS (SELECT 1 FROM room_bans b WHERE b.room_id = r.id AND b.user_id = u.id) AS banned,
                   u.workspace_role
            FROM users u
            JOIN rooms r ON r.id IN (SELECT x.room_id FROM memberships x WHERE x.user_id = u.id)
                         OR (r.kind = 'channel' AND u.workspace_role IN ('owner', 'admin'))
            LEFT JOIN memberships m ON m.room_id = r.id AND m.user_id = u.id
            WHERE u.id = $1""")
        .execute(Tuple.of(UUID.fromString(user)))
        .map(rows -> {
          List<Standing> standings = new ArrayList<>(rows.size());
          for (Row row : rows) {
            standings.add(standing(row, row.getUUID("id").toString(), user));
          }
          return standings;
        });
  }

  private static Standing standing(Row row, String room, String user) {
    return new Standing(room, RoomKind.fromWire(row.getString("kind")), row.getString("name"),
        row.getBoolean("archived"), row.getLong("last_seq"), user, row.getString("role"),
        row.getBoolean("muted"), row.getBoolean("banned"), row.getString("workspace_role"));
  }
}
