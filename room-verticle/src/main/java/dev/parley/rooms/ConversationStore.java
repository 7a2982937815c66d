package dev.parley.rooms;

import dev.parley.rooms.Permissions.Need;
import dev.parley.shared.ErrorCode;
import dev.parley.shared.EventType;
import dev.parley.shared.Ids;
import dev.parley.shared.ModerationAction;
import dev.parley.shared.ParleyException;
import dev.parley.shared.RoomEvent;
import dev.parley.shared.RoomKind;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.UUID;

/** All SQL about DMs, members and moderation. Every admin action is a room event and an audit-log row. */
final class ConversationStore {

  /** A group DM holds at most this many people, the caller included. */
  static final int MAX_GROUP = 9;

  private final Pool pool;

  ConversationStore(Pool pool) {
    this.pool = pool;
  }

  /** What a change did: the room as the actor now sees it (null if they left), events to publish, people to tell. */
  record Outcome(JsonObject room, List<RoomEvent> events, List<Notice> notices) {
  }

  /** An event for one person's connections: they were added to or removed from a room. */
  record Notice(String user, String type, JsonObject data) {
  }

  /** The DM with one person, or the group DM of exactly that set, created on first use. */
  Future<Outcome> openDm(String user, List<String> with) {
    TreeSet<String> people = new TreeSet<>();
    people.add(user);
    for (String other : with) {
      if (!Ids.isId(other)) {
        return Future.failedFuture(new ParleyException(ErrorCode.INVALID, "'users' must be user ids"));
      }
      people.add(other);
    }
    if (people.size() < 2) {
      return Future.failedFuture(new ParleyException(ErrorCode.INVALID, "Name at least one other person"));
    }
    if (people.size() > MAX_GROUP) {
      return Future.failedFuture(new ParleyException(ErrorCode.INVALID,
          "A group conversation holds at most " + MAX_GROUP + " people"));
    }
    String memberKey = String.join(",", people);
    RoomKind kind = people.size() == 2 ? RoomKind.DM : RoomKind.GROUP;
    UUID[] ids = people.stream().map(UUID::fromString).toArray(UUID[]::new);
    return pool.withTransaction(conn -> conn.preparedQuery(
                "SELECT id, name FROM users WHERE id = ANY($1) ORDER BY lower(name), id")
            .execute(Tuple.of(ids))
            .compose(found -> {
              if (found.size() != people.size()) {
                return Future.failedFuture(new ParleyException(ErrorCode.NOT_FOUND, "No such user"));
              }
              List<String> names = new ArrayList<>();
              for (Row row : found) {
                names.add(row.getString("name"));
              }
              return conn.preparedQuery("""
                      INSERT INTO rooms (kind, name, member_key, created_by) VALUES ($1, $2, $3, $4)
                      ON CONFLICT (member_key) WHERE member_key IS NOT NULL DO NOTHING
                      RETURNING id""")
                  .execute(Tuple.of(kind.wireName(), String.join(", ", names), memberKey, UUID.fromString(user)));
            })
            .compose(inserted -> inserted.size() == 0
                ? existingConversation(conn, memberKey, user)
                : startConversation(conn, inserted.iterator().next().getUUID("id").toString(), user, people)));
  }

  /** The conversation of that set of people; someone who had left it and opens it again is back in. */
  private Future<Outcome> existingConversation(SqlConnection conn, String memberKey, String user) {
    List<RoomEvent> events = new ArrayList<>();
    return conn.preparedQuery("SELECT id, last_seq FROM rooms WHERE member_key = $1 FOR UPDATE")
        .execute(Tuple.of(memberKey))
        .compose(rows -> {
          Row row = rows.iterator().next();
          String room = row.getUUID("id").toString();
          return Standing.load(conn, room, user)
              .compose(who -> who.member() ? Future.succeededFuture()
                  : Writes.addMember(conn, room, user, Standing.MEMBER, who.lastSeq(), null).map(event -> {
                    events.add(event);
                    return null;
                  }))
              .compose(rejoined -> Writes.roomForMember(conn, room, user));
        })
        .map(room -> new Outcome(room.put("created", false), events, List.of()));
  }

  private Future<Outcome> startConversation(SqlConnection conn, String room, String user, TreeSet<String> people) {
    List<RoomEvent> events = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (String person : people) {
      chain = chain.compose(previous -> Writes.addMember(conn, room, person, Standing.MEMBER, 0, null)
          .map(event -> {
            events.add(event);
            return null;
          }));
    }
    return chain.compose(done -> Writes.roomForMember(conn, room, user)).map(view -> {
      List<Notice> notices = new ArrayList<>();
      for (String person : people) {
        if (!person.equals(user)) {
          notices.add(new Notice(person, EventType.ROOM_ADDED, new JsonObject().put("room", view.copy()
              .put("role", Standing.MEMBER))));
        }
      }
      return new Outcome(view.put("created", true), events, notices);
    });
  }

  /** People of the workspace whose name or email starts with the query (everyone, when it is empty). */
  Future<JsonArray> findUsers(String user, String query) {
    String prefix = query == null ? "" : query.strip().toLowerCase(Locale.ROOT)
        .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return pool.preparedQuery("""
            SELECT id, name FROM users
            WHERE id <> $1 AND (lower(name) LIKE $2 OR lower(email) LIKE $2 OR lower(name) LIKE $3)
            ORDER BY lower(name), id LIMIT 20""")
        .execute(Tuple.of(UUID.fromString(user), prefix + "%", "% " + prefix + "%"))
        .map(rows -> {
          JsonArray users = new JsonArray();
          for (Row row : rows) {
            users.add(new JsonObject().put("id", row.getUUID("id").toString()).put("name", row.getString("name")));
          }
          return users;
        });
  }

  Future<JsonArray> listMembers(String room, String user) {
    return Standing.load(pool, room, user)
        .map(who -> Permissions.require(who, Need.READ))
        .compose(who -> pool.preparedQuery("""
                SELECT m.user_id, u.name, m.role, m.muted FROM memberships m JOIN users u ON u.id = m.user_id
                WHERE m.room_id = $1
                ORDER BY CASE m.role WHEN 'owner' THEN 0 WHEN 'admin' THEN 1 ELSE 2 END, lower(u.name)
                LIMIT 1000""")
            .execute(Tuple.of(UUID.fromString(room))))
        .map(rows -> {
          JsonArray members = new JsonArray();
          for (Row row : rows) {
            members.add(new JsonObject().put("user", row.getUUID("user_id").toString())
                .put("name", row.getString("name")).put("role", row.getString("role"))
                .put("muted", row.getBoolean("muted")));
          }
          return members;
        });
  }

  Future<JsonArray> auditLog(String room, String user) {
    return Standing.load(pool, room, user)
        .map(who -> Permissions.require(who, Need.MODERATE))
        .compose(who -> pool.preparedQuery("""
                SELECT a.id, a.action, a.actor_id, actor.name AS actor_name, a.target_id, target.name AS target_name,
                       a.data, (extract(epoch FROM a.created_at) * 1000)::bigint AS ts
                FROM audit_log a
                LEFT JOIN users actor ON actor.id = a.actor_id
                LEFT JOIN users target ON target.id = a.target_id
                WHERE a.room_id = $1 ORDER BY a.id DESC LIMIT 200""")
            .execute(Tuple.of(UUID.fromString(room))))
        .map(rows -> {
          JsonArray entries = new JsonArray();
          for (Row row : rows) {
            entries.add(new JsonObject().put("id", row.getLong("id")).put("action", row.getString("action"))
                .put("actor", text(row.getUUID("actor_id"))).put("actorName", row.getString("actor_name"))
                .put("target", text(row.getUUID("target_id"))).put("targetName", row.getString("target_name"))
                .put("data", row.getJson("data")).put("ts", row.getLong("ts")));
          }
          return entries;
        });
  }

  /** An admin action, or leaving (removing oneself), in one transaction under the room's lock. */
  Future<Outcome> moderate(String room, String actor, ModerationAction action, JsonObject body) {
    if (!Ids.isId(room)) {
      return Future.failedFuture(Permissions.notFound());
    }
    return pool.withTransaction(conn -> conn.preparedQuery("SELECT id FROM rooms WHERE id = $1 FOR UPDATE")
        .execute(Tuple.of(UUID.fromString(room)))
        .compose(locked -> Standing.load(conn, room, actor))
        .compose(who -> new Moderation(conn, who, body).apply(action)));
  }

  /** One moderation action inside its transaction. */
  private static final class Moderation {
    private final SqlConnection conn;
    private final Standing actor;
    private final JsonObject body;
    private final List<RoomEvent> events = new ArrayList<>();
    private final List<Notice> notices = new ArrayList<>();

    Moderation(SqlConnection conn, Standing actor, JsonObject body) {
      this.conn = conn;
      this.actor = actor;
      this.body = body;
    }

    Future<Outcome> apply(ModerationAction action) {
      // A room the actor may not see answers as no room at all, before anything about the target is looked up.
      if (!Permissions.visible(actor)) {
        throw Permissions.notFound();
      }
      String target = body.getString("target");
      Future<Void> done = switch (action) {
        case UPDATE -> update();
        case ARCHIVE, UNARCHIVE -> archive(action == ModerationAction.ARCHIVE);
        case ADD_MEMBER -> withTarget(target, this::addMember);
        case REMOVE_MEMBER -> withTarget(target, this::removeMember);
        case BAN -> withTarget(target, this::ban);
        case UNBAN -> withTarget(target, this::unban);
        case MUTE, UNMUTE -> withTarget(target, person -> mute(person, action == ModerationAction.MUTE));
        case SET_ROLE -> withTarget(target, this::setRole);
        case DELETE_MESSAGE -> deleteMessage(body.getString("message"));
      };
      return done
          .compose(changed -> Standing.load(conn, actor.room(), actor.user()))
          .compose(now -> now.member()
              ? Writes.roomForMember(conn, actor.room(), actor.user())
              : Future.succeededFuture((JsonObject) null))
          .map(room -> new Outcome(room, events, notices));
    }

    private Future<Void> update() {
      Permissions.require(actor, Need.MODERATE);
      String name = body.getString("name");
      String topic = body.getString("topic");
      if (name == null && topic == null) {
        throw new ParleyException(ErrorCode.INVALID, "Give a new 'name' or 'topic'");
      }
      return conn.preparedQuery("""
              UPDATE rooms SET name = coalesce($2, name), topic = coalesce($3, topic) WHERE id = $1
              RETURNING name, topic, archived_at IS NOT NULL AS archived""")
          .execute(Tuple.of(UUID.fromString(actor.room()), name, topic))
          .compose(rows -> roomUpdated(rows.iterator().next(), "update"));
    }

    private Future<Void> archive(boolean archived) {
      Permissions.require(actor, Need.MODERATE);
      if (actor.archived() == archived) {
        return Future.succeededFuture();
      }
      return conn.preparedQuery("""
              UPDATE rooms SET archived_at = CASE WHEN $2 THEN coalesce(archived_at, now()) END WHERE id = $1
              RETURNING name, topic, archived_at IS NOT NULL AS archived""")
          .execute(Tuple.of(UUID.fromString(actor.room()), archived))
          .compose(rows -> roomUpdated(rows.iterator().next(), archived ? "archive" : "unarchive"));
    }

    private Future<Void> roomUpdated(Row row, String auditAction) {
      JsonObject data = new JsonObject().put("name", row.getString("name")).put("topic", row.getString("topic"))
          .put("archived", row.getBoolean("archived")).put("by", actor.user());
      return event(EventType.ROOM_UPDATED, data).compose(event -> audit(auditAction, null, data));
    }

    private Future<Void> addMember(Standing target) {
      Permissions.require(actor, Need.MODERATE);
      if (target.member()) {
        return Future.succeededFuture();
      }
      if (target.banned()) {
        throw Permissions.forbidden("This person is banned from the room: unban them first");
      }
      return Writes.addMember(conn, actor.room(), target.user(), Standing.MEMBER, target.lastSeq(),
              new JsonObject().put("by", actor.user()))
          .map(event -> {
            events.add(event);
            return event;
          })
          .compose(event -> Writes.roomForMember(conn, actor.room(), target.user()))
          .compose(view -> {
            notices.add(new Notice(target.user(), EventType.ROOM_ADDED, new JsonObject().put("room", view)));
            return audit("add_member", target.user(), null);
          });
    }

    private Future<Void> removeMember(Standing target) {
      boolean leaving = target.user().equals(actor.user());
      if (!leaving) {
        Permissions.require(actor, Need.MODERATE);
        Permissions.requireOutranks(actor, target);
      } else if (!Permissions.visible(actor)) {
        throw Permissions.notFound();
      }
      if (!target.member()) {
        return leaving ? Future.failedFuture(new ParleyException(ErrorCode.NOT_FOUND, "You are not in this room"))
            : Future.succeededFuture();
      }
      return remove(target, leaving ? "left" : "kicked")
          .compose(removed -> leaving ? Future.succeededFuture() : audit("remove_member", target.user(), null));
    }

    private Future<Void> ban(Standing target) {
      Permissions.require(actor, Need.MODERATE);
      if (target.user().equals(actor.user())) {
        throw new ParleyException(ErrorCode.INVALID, "You cannot ban yourself");
      }
      Permissions.requireOutranks(actor, target);
      if (target.banned()) {
        return Future.succeededFuture();
      }
      Future<Void> removed = target.member() ? remove(target, "banned")
          : event(EventType.MEMBER_UPDATED, new JsonObject().put("user", target.user()).put("banned", true))
              .mapEmpty();
      return removed
          .compose(done -> conn.preparedQuery("""
                  INSERT INTO room_bans (room_id, user_id, banned_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING""")
              .execute(Tuple.of(UUID.fromString(actor.room()), UUID.fromString(target.user()),
                  UUID.fromString(actor.user()))))
          .compose(banned -> audit("ban", target.user(), null));
    }

    private Future<Void> unban(Standing target) {
      Permissions.require(actor, Need.MODERATE);
      return conn.preparedQuery("DELETE FROM room_bans WHERE room_id = $1 AND user_id = $2")
          .execute(Tuple.of(UUID.fromString(actor.room()), UUID.fromString(target.user())))
          .compose(deleted -> deleted.rowCount() == 0 ? Future.succeededFuture()
              : event(EventType.MEMBER_UPDATED, new JsonObject().put("user", target.user()).put("banned", false))
                  .compose(event -> audit("unban", target.user(), null)));
    }

    private Future<Void> mute(Standing target, boolean muted) {
      Permissions.require(actor, Need.MODERATE);
      Permissions.requireOutranks(actor, target);
      requireMember(target);
      if (target.muted() == muted) {
        return Future.succeededFuture();
      }
      return conn.preparedQuery("UPDATE memberships SET muted = $3 WHERE room_id = $1 AND user_id = $2")
          .execute(Tuple.of(UUID.fromString(actor.room()), UUID.fromString(target.user()), muted))
          .compose(updated -> memberUpdated(target.user(), target.role(), muted, muted ? "mute" : "unmute"));
    }

    private Future<Void> setRole(Standing target) {
      Permissions.require(actor, Need.MODERATE);
      String role = body.getString("role");
      if (!Standing.ADMIN.equals(role) && !Standing.MEMBER.equals(role)) {
        throw new ParleyException(ErrorCode.INVALID, "'role' must be \"admin\" or \"member\"");
      }
      Permissions.requireOutranks(actor, target);
      requireMember(target);
      if (role.equals(target.role())) {
        return Future.succeededFuture();
      }
      return conn.preparedQuery("UPDATE memberships SET role = $3 WHERE room_id = $1 AND user_id = $2")
          .execute(Tuple.of(UUID.fromString(actor.room()), UUID.fromString(target.user()), role))
          .compose(updated -> memberUpdated(target.user(), role, target.muted(),
              Standing.ADMIN.equals(role) ? "promote" : "demote"));
    }

    private Future<Void> deleteMessage(String message) {
      Permissions.require(actor, Need.READ);
      if (!Ids.isId(message)) {
        throw new ParleyException(ErrorCode.NOT_FOUND, "No such message");
      }
      return conn.preparedQuery("""
              SELECT sender_id, deleted_at IS NOT NULL AS deleted FROM messages WHERE id = $1 AND room_id = $2""")
          .execute(Tuple.of(UUID.fromString(message), UUID.fromString(actor.room())))
          .compose(rows -> {
            if (rows.size() == 0) {
              throw new ParleyException(ErrorCode.NOT_FOUND, "No such message");
            }
            Row row = rows.iterator().next();
            String sender = row.getUUID("sender_id").toString();
            boolean own = sender.equals(actor.user());
            if (!own) {
              Permissions.require(actor, Need.MODERATE);
            } else if (!actor.member()) {
              throw Permissions.forbidden("You are not in this room");
            }
            if (row.getBoolean("deleted")) {
              return Future.succeededFuture();
            }
            return conn.preparedQuery("UPDATE messages SET deleted_at = now(), body = '' WHERE id = $1")
                .execute(Tuple.of(UUID.fromString(message)))
                .compose(updated -> event(EventType.MESSAGE_DELETED,
                    new JsonObject().put("id", message).put("by", actor.user())))
                .compose(event -> own ? Future.succeededFuture()
                    : audit("delete_message", sender, new JsonObject().put("message", message)));
          });
    }

    /** Takes someone out of the room: a member.left event, and a notice to their own connections. */
    private Future<Void> remove(Standing target, String reason) {
      return conn.preparedQuery("DELETE FROM memberships WHERE room_id = $1 AND user_id = $2")
          .execute(Tuple.of(UUID.fromString(actor.room()), UUID.fromString(target.user())))
          .compose(deleted -> Writes.userName(conn, target.user()))
          .compose(name -> event(EventType.MEMBER_LEFT, new JsonObject().put("user", target.user())
              .put("name", name).put("by", actor.user()).put("reason", reason)))
          .map(event -> {
            notices.add(new Notice(target.user(), EventType.ROOM_REMOVED, new JsonObject().put("room", actor.room())
                .put("reason", reason)));
            return null;
          });
    }

    private Future<Void> memberUpdated(String user, String role, boolean muted, String auditAction) {
      JsonObject data = new JsonObject().put("user", user).put("role", role).put("muted", muted);
      return event(EventType.MEMBER_UPDATED, data).compose(event -> audit(auditAction, user, null));
    }

    private Future<RoomEvent> event(String type, JsonObject data) {
      return Writes.appendEvent(conn, actor.room(), type, data).map(event -> {
        events.add(event);
        return event;
      });
    }

    private Future<Void> audit(String action, String target, JsonObject data) {
      return Writes.audit(conn, actor.room(), actor.user(), action, target, data);
    }

    private Future<Void> withTarget(String target, java.util.function.Function<Standing, Future<Void>> then) {
      if (!Ids.isId(target)) {
        throw new ParleyException(ErrorCode.NOT_FOUND, "No such user");
      }
      return Standing.load(conn, actor.room(), target)
          .recover(missing -> Future.failedFuture(new ParleyException(ErrorCode.NOT_FOUND, "No such user")))
          .compose(then);
    }

    private static void requireMember(Standing target) {
      if (!target.member()) {
        throw new ParleyException(ErrorCode.NOT_FOUND, "This person is not in the room");
      }
    }
  }

  private static String text(UUID id) {
    return id == null ? null : id.toString();
  }
}
