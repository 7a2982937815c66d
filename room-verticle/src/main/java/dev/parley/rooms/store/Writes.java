package dev.parley.rooms.store;

import dev.parley.shared.events.EventData;
import dev.parley.shared.events.RoomEvent;
import dev.parley.shared.events.RoomEvents.MemberJoined;
import dev.parley.shared.rooms.RoomKind;
import dev.parley.shared.rooms.RoomView;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;

/** Statements that several stores make inside their transactions: room events, audit rows, a member's room view. */
final class Writes {

  static final String ROOM_COLUMNS = "r.id, r.kind, r.name, r.topic, r.last_seq, r.archived_at IS NOT NULL AS archived,"
      + " r.allow_channel_mentions, r.encrypted";

  private Writes() {
  }

  /** Appends a non-message event to the room's log (taking the next seq under the room's lock). */
  static Future<RoomEvent> appendEvent(SqlConnection conn, String room, EventData data) {
    JsonObject json = data.toJson();
    return conn.preparedQuery("SELECT append_room_event($1, $2, $3) AS seq")
        .execute(Tuple.of(UUID.fromString(room), data.type(), json))
        .map(rows -> new RoomEvent(room, rows.iterator().next().getLong("seq"), data.type(), json));
  }

  /**
   * Makes someone a member with a role, their history read up to {@code readSeq} (unread counts what comes after),
   * and appends their {@code member.joined} event, added {@code by} someone or through an {@code invite}. Callers
   * hold the room's lock and pass 0 or the room's last seq, so the marker's message count is the room's own (the
   * count over messages is only there to stay right for any other seq).
   */
  static Future<RoomEvent> addMember(SqlConnection conn, String room, String user, String role, long readSeq,
                                     String by, String invite) {
    return conn.preparedQuery("""
            INSERT INTO memberships (room_id, user_id, role, read_seq, read_count)
            SELECT $1, $2, $3, $4, CASE WHEN $4 >= r.last_seq THEN r.message_count
                                        ELSE (SELECT count(*) FROM messages x WHERE x.room_id = $1 AND x.seq <= $4) END
            FROM rooms r WHERE r.id = $1""")
        .execute(Tuple.of(UUID.fromString(room), UUID.fromString(user), role, readSeq))
        .compose(added -> userName(conn, user))
        .compose(name -> appendEvent(conn, room, new MemberJoined(user, name, by, invite)));
  }

  /** Records an admin action for the room's admins to read. */
  static Future<Void> audit(SqlConnection conn, String room, String actor, String action, String target,
                            JsonObject data) {
    return conn.preparedQuery("""
            INSERT INTO audit_log (room_id, actor_id, action, target_id, data) VALUES ($1, $2, $3, $4, $5)""")
        .execute(Tuple.of(UUID.fromString(room), UUID.fromString(actor), action,
            target == null ? null : UUID.fromString(target), data == null ? new JsonObject() : data))
        .mapEmpty();
  }

  /** A user's display name, for event data. */
  static Future<String> userName(SqlConnection conn, String user) {
    return conn.preparedQuery("SELECT name FROM users WHERE id = $1").execute(Tuple.of(UUID.fromString(user)))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString("name"));
  }

  /** The room as a member sees it, with their role, mute and read state. */
  static Future<RoomView> roomForMember(SqlConnection conn, String room, String user) {
    return conn.preparedQuery("SELECT " + ROOM_COLUMNS + ", " + MEMBER_COLUMNS + """
             FROM rooms r JOIN memberships m ON m.room_id = r.id AND m.user_id = $3
            WHERE r.id = $1""")
        .execute(Tuple.of(UUID.fromString(room), ReadStore.MENTION_CAP, UUID.fromString(user)))
        .map(rows -> memberView(rows.iterator().next()));
  }

  /**
   * A member's own columns, from {@code memberships m} joined with {@code rooms r}, for {@link #memberView};
   * {@code $2} is the mention cap.
   */
  static final String MEMBER_COLUMNS = "m.role, m.muted, m.read_seq, " + ReadStore.UNREAD + " AS unread, "
      + ReadStore.MENTIONS + " AS mentions";

  /** A room as its member sees it, from {@link #ROOM_COLUMNS} and {@link #MEMBER_COLUMNS}. */
  static RoomView memberView(Row row) {
    return roomView(row).asMember(row.getString("role"), row.getBoolean("muted"), row.getLong("unread"))
        .withReadState(row.getLong("read_seq"), row.getLong("mentions"));
  }

  static RoomView roomView(Row row) {
    return RoomView.of(row.getUUID("id").toString(), RoomKind.fromWire(row.getString("kind")), row.getString("name"),
        row.getString("topic"), row.getLong("last_seq"), row.getBoolean("archived"))
        .withChannelMentions(row.getBoolean("allow_channel_mentions"))
        .withEncryption(row.getBoolean("encrypted"));
  }
}
