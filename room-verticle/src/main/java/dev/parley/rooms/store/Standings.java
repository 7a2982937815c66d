package dev.parley.rooms.store;

import dev.parley.rooms.access.Permissions;
import dev.parley.rooms.access.Standing;
import dev.parley.shared.Ids;
import dev.parley.shared.rooms.RoomKind;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
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
          Row row = rows.iterator().next();
          return new Standing(room, RoomKind.fromWire(row.getString("kind")), row.getString("name"),
              row.getBoolean("archived"), row.getLong("last_seq"), user, row.getString("role"),
              row.getBoolean("muted"), row.getBoolean("banned"), row.getString("workspace_role"));
        });
  }
}
