package dev.parley.rooms;

import dev.parley.shared.Commands.CreateRoom;
import dev.parley.shared.Commands.History;
import dev.parley.shared.Commands.MessageAck;
import dev.parley.shared.Commands.PostMessage;
import dev.parley.shared.Commands.Replay;
import dev.parley.shared.Commands.ReplayResult;
import dev.parley.shared.ErrorCode;
import dev.parley.shared.EventType;
import dev.parley.shared.Ids;
import dev.parley.shared.ParleyException;
import dev.parley.shared.RoomEvent;
import dev.parley.shared.RoomKind;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** All SQL about rooms, memberships and messages. Failures are {@link ParleyException}s with contract codes. */
final class RoomStore {

  /** Unread counts stop at this: a badge says "999+" long before anyone counts further. */
  static final int UNREAD_CAP = 1000;

  private static final String ROOM_COLUMNS = Writes.ROOM_COLUMNS;

  private static final String EPOCH_MS = "(extract(epoch FROM %s) * 1000)::bigint";

  private final Pool pool;

  RoomStore(Pool pool) {
    this.pool = pool;
  }

  /** A stored (or, for a resend, previously stored) message and whether this call created it. */
  record Posted(MessageAck ack, String text, boolean created) {
  }

  /** A joined room and the {@code member.joined} event, absent when the user was a member already. */
  record Joined(JsonObject room, RoomEvent event) {
  }

  Future<JsonObject> createRoom(CreateRoom command) {
    return pool.withTransaction(conn -> conn.preparedQuery("""
            INSERT INTO rooms (kind, name, topic, created_by) VALUES ($1, $2, $3, $4)
            RETURNING id""")
        .execute(Tuple.of(command.kind().wireName(), command.name(), command.topic() == null ? "" : command.topic(),
            UUID.fromString(command.owner())))
        .map(rows -> rows.iterator().next().getUUID(0).toString())
        .compose(room -> Writes.addMember(conn, room, command.owner(), Standing.OWNER, 0, null)
            .compose(event -> Writes.roomForMember(conn, room, command.owner()))));
  }

  Future<JsonArray> listRooms(String user) {
    return pool.preparedQuery("SELECT " + ROOM_COLUMNS + """
            , m.role, m.muted,
              -- A conversation is named by its people as they are called today, not when it began.
              CASE WHEN r.kind IN ('dm', 'group') THEN (
                SELECT string_agg(pu.name, ', ' ORDER BY lower(pu.name), pu.id)
                FROM memberships pm JOIN users pu ON pu.id = pm.user_id WHERE pm.room_id = r.id) END AS people,
              (SELECT count(*) FROM (SELECT 1 FROM messages x
                 WHERE x.room_id = r.id AND x.seq > m.read_seq AND x.sender_id <> m.user_id AND x.deleted_at IS NULL
                 LIMIT $2) unread_messages) AS unread
            FROM memberships m JOIN rooms r ON r.id = m.room_id
            WHERE m.user_id = $1
            ORDER BY lower(r.name), r.id""")
        .execute(Tuple.of(UUID.fromString(user), UNREAD_CAP))
        .map(rows -> toArray(rows, row -> {
          JsonObject room = Writes.roomJson(row).put("role", row.getString("role"))
              .put("muted", row.getBoolean("muted")).put("unread", row.getLong("unread"));
          return row.getString("people") == null ? room : room.put("name", row.getString("people"));
        }));
  }

  Future<JsonArray> listChannels(String user) {
    return pool.preparedQuery("SELECT " + ROOM_COLUMNS + """
            , EXISTS (SELECT 1 FROM memberships m WHERE m.room_id = r.id AND m.user_id = $1) AS member
            FROM rooms r
            WHERE r.kind = 'channel' AND r.archived_at IS NULL
            ORDER BY lower(r.name), r.id
            LIMIT 1000""")
        .execute(Tuple.of(UUID.fromString(user)))
        .map(rows -> toArray(rows, row -> Writes.roomJson(row).put("member", row.getBoolean("member"))));
  }

  /** Joins a public channel; a private room or a DM answers exactly as a room that does not exist. */
  Future<Joined> joinChannel(String room, String user) {
    if (!Ids.isId(room)) {
      return Future.failedFuture(Permissions.notFound());
    }
    // The room's row lock orders this join with bans and other joins.
    return pool.withTransaction(conn -> conn.preparedQuery("SELECT id FROM rooms WHERE id = $1 FOR UPDATE")
        .execute(Tuple.of(UUID.fromString(room)))
        .compose(locked -> Standing.load(conn, room, user))
        .compose(who -> {
          if (who.member()) {
            return Future.succeededFuture((RoomEvent) null);
          }
          if (who.kind() != RoomKind.CHANNEL) {
            throw Permissions.notFound();
          }
          if (who.banned()) {
            throw Permissions.forbidden("You are banned from this channel");
          }
          if (who.archived()) {
            throw Permissions.forbidden("This channel is archived");
          }
          return Writes.addMember(conn, room, user, Standing.MEMBER, who.lastSeq(), null);
        })
        .compose(event -> Writes.roomForMember(conn, room, user).map(json -> new Joined(json, event))));
  }

  Future<JsonObject> history(History query) {
    return access(query.room(), query.user()).compose(access -> {
      int limit = query.limit();
      String select = "SELECT m.seq, " + messageColumns() + " FROM messages m JOIN users u ON u.id = m.sender_id"
          + " WHERE m.room_id = $1";
      Tuple args = Tuple.of(UUID.fromString(query.room()));
      boolean ascending = query.after() != null;
      String sql;
      if (query.after() != null) {
        sql = select + " AND m.seq > $2 ORDER BY m.seq LIMIT $3";
        args.addLong(query.after());
      } else if (query.before() != null) {
        sql = select + " AND m.seq < $2 ORDER BY m.seq DESC LIMIT $3";
        args.addLong(query.before());
      } else {
        sql = select + " ORDER BY m.seq DESC LIMIT $2";
      }
      // One row more than asked tells whether there is more.
      args.addInteger(limit + 1);
      return pool.preparedQuery(sql).execute(args).map(rows -> {
        List<JsonObject> messages = new ArrayList<>();
        for (Row row : rows) {
          messages.add(messageJson(row).put("room", query.room()).put("seq", row.getLong("seq")));
        }
        boolean more = messages.size() > limit;
        if (more) {
          messages.remove(messages.size() - 1);
        }
        if (!ascending) {
          Collections.reverse(messages);
        }
        return new JsonObject().put("messages", new JsonArray(new ArrayList<>(messages))).put("more", more);
      });
    });
  }

  /** Stores a message in one round trip (see {@code post_message} in the schema). */
  Future<Posted> postMessage(PostMessage command) {
    if (!Ids.isId(command.room())) {
      return Future.failedFuture(Permissions.notFound());
    }
    return pool.preparedQuery("SELECT outcome, message_id, seq, " + EPOCH_MS.formatted("created_at")
            + " AS ts, body FROM post_message($1, $2, $3, $4)")
        .execute(Tuple.of(UUID.fromString(command.room()), UUID.fromString(command.sender()), command.cid(),
            command.text()))
        .map(rows -> {
          Row row = rows.iterator().next();
          String outcome = row.getString("outcome");
          return switch (outcome) {
            case "created", "duplicate" -> new Posted(
                new MessageAck(row.getUUID("message_id").toString(), row.getLong("seq"), row.getLong("ts")),
                row.getString("body"), outcome.equals("created"));
            case "forbidden" -> throw new ParleyException(ErrorCode.FORBIDDEN, "Join this channel to post in it");
            case "archived" -> throw new ParleyException(ErrorCode.FORBIDDEN, "This room is archived: it is read-only");
            case "muted" -> throw new ParleyException(ErrorCode.FORBIDDEN, "You are muted in this room");
            default -> throw Permissions.notFound();
          };
        });
  }

  /** The events after {@code since}, or a gap when more than the limit were missed. */
  Future<ReplayResult> replay(Replay query) {
    Future<Long> lastSeq = query.user() == null ? lastSeq(query.room())
        : access(query.room(), query.user()).map(Standing::lastSeq);
    return lastSeq.compose(seq -> {
      long latest = seq;
      if (query.since() == null || query.since() >= latest) {
        return Future.succeededFuture(new ReplayResult(latest, new JsonArray(), false));
      }
      long since = Math.max(0, query.since());
      if (latest - since > query.limit()) {
        return Future.succeededFuture(new ReplayResult(latest, new JsonArray(), true));
      }
      return events(query.room(), since, latest).map(events -> new ReplayResult(latest, events, false));
    });
  }

  private Future<Long> lastSeq(String room) {
    if (!Ids.isId(room)) {
      return Future.failedFuture(Permissions.notFound());
    }
    return pool.preparedQuery("SELECT last_seq FROM rooms WHERE id = $1").execute(Tuple.of(UUID.fromString(room)))
        .map(rows -> {
          if (rows.size() == 0) {
            throw Permissions.notFound();
          }
          return rows.iterator().next().getLong("last_seq");
        });
  }

  Future<Void> markRead(String room, String user, long seq) {
    return access(room, user).compose(access -> pool.preparedQuery("""
            UPDATE memberships SET read_seq = LEAST($3, $4)
            WHERE room_id = $1 AND user_id = $2 AND read_seq < $3""")
        .execute(Tuple.of(UUID.fromString(room), UUID.fromString(user), seq, access.lastSeq()))
        .mapEmpty());
  }

  /** The room's events with seq in (after, upTo], messages and others merged in seq order. */
  private Future<JsonArray> events(String room, long after, long upTo) {
    return pool.preparedQuery("SELECT * FROM (SELECT m.seq, 'message' AS type, NULL::jsonb AS data, "
            + messageColumns() + """
             FROM messages m JOIN users u ON u.id = m.sender_id
              WHERE m.room_id = $1 AND m.seq > $2 AND m.seq <= $3
            UNION ALL
            SELECT e.seq, e.type, e.data, NULL, NULL, NULL, NULL, NULL, NULL, NULL
              FROM room_events e
              WHERE e.room_id = $1 AND e.seq > $2 AND e.seq <= $3) log
            ORDER BY seq""")
        .execute(Tuple.of(UUID.fromString(room), after, upTo))
        .map(rows -> toArray(rows, row -> {
          String type = row.getString("type");
          JsonObject data = EventType.MESSAGE.equals(type) ? messageJson(row) : (JsonObject) row.getJson("data");
          return new RoomEvent(room, row.getLong("seq"), type, data).toJson();
        }));
  }

  /** A reader's standing: members, and moderators of a public channel; others learn nothing they may not see. */
  private Future<Standing> access(String room, String user) {
    return Standing.load(pool, room, user).map(who -> Permissions.require(who, Permissions.Need.READ));
  }

  private static String messageColumns() {
    return "m.id, m.sender_id, u.name AS sender_name, m.body, " + EPOCH_MS.formatted("m.created_at") + " AS ts, "
        + EPOCH_MS.formatted("m.edited_at") + " AS edited_ts, m.deleted_at IS NOT NULL AS deleted";
  }

  /** A message as clients see it, in history pages and in {@code evt} data alike. */
  static JsonObject messageJson(Row row) {
    JsonObject json = new JsonObject()
        .put("id", row.getUUID("id").toString())
        .put("sender", row.getUUID("sender_id").toString())
        .put("senderName", row.getString("sender_name"))
        .put("text", row.getBoolean("deleted") ? "" : row.getString("body"))
        .put("ts", row.getLong("ts"));
    if (row.getLong("edited_ts") != null) {
      json.put("editedTs", row.getLong("edited_ts"));
    }
    if (row.getBoolean("deleted")) {
      json.put("deleted", true);
    }
    return json;
  }

  private static JsonArray toArray(RowSet<Row> rows, Function<Row, JsonObject> mapper) {
    JsonArray array = new JsonArray();
    for (Row row : rows) {
      array.add(mapper.apply(row));
    }
    return array;
  }
}
