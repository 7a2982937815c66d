package dev.parley.rooms.store;

import dev.parley.rooms.access.Permissions.Need;
import dev.parley.rooms.access.Permissions;
import dev.parley.rooms.access.Standing;
import dev.parley.shared.ErrorCode;
import dev.parley.shared.Ids;
import dev.parley.shared.ParleyException;
import dev.parley.shared.events.EventData;
import dev.parley.shared.events.RoomEvent;
import dev.parley.shared.events.RoomEvents.MemberLeft;
import dev.parley.shared.events.RoomEvents.MemberUpdated;
import dev.parley.shared.events.RoomEvents.MessageDeleted;
import dev.parley.shared.events.RoomEvents.RoomUpdated;
import dev.parley.shared.events.UserNotice.RoomAdded;
import dev.parley.shared.events.UserNotice.RoomRemoved;
import dev.parley.shared.events.UserNotice;
import dev.parley.shared.rooms.AuditDetails;
import dev.parley.shared.rooms.ModerationAction;
import dev.parley.shared.rooms.RoomCommands.Moderate;
import dev.parley.shared.rooms.RoomView;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/** All SQL of admin actions (and leaving). Every admin action is a room event and an audit-log row. */
public final class ModerationStore {

  private final Pool pool;

  public ModerationStore(Pool pool) {
    this.pool = pool;
  }

  /** An admin action, or leaving (removing oneself), in one transaction under the room's lock. */
  public Future<Outcome> moderate(Moderate command) {
    if (!Ids.isId(command.room())) {
      return Future.failedFuture(Permissions.notFound());
    }
    return pool.withTransaction(conn -> conn.preparedQuery("SELECT id FROM rooms WHERE id = $1 FOR UPDATE")
        .execute(Tuple.of(UUID.fromString(command.room())))
        .compose(locked -> Standings.load(conn, command.room(), command.actor()))
        .compose(who -> new Moderation(conn, who, command).apply()));
  }

  /** One moderation action inside its transaction. */
  private static final class Moderation {
    private final SqlConnection conn;
    private final Standing actor;
    private final Moderate command;
    private final List<RoomEvent> events = new ArrayList<>();
    private final List<Outcome.Notice> notices = new ArrayList<>();

    Moderation(SqlConnection conn, Standing actor, Moderate command) {
      this.conn = conn;
      this.actor = actor;
      this.command = command;
    }

    Future<Outcome> apply() {
      // A room the actor may not see answers as no room at all, before anything about the target is looked up.
      if (!Permissions.visible(actor)) {
        throw Permissions.notFound();
      }
      ModerationAction action = command.action();
      Future<Void> done = switch (action) {
        case UPDATE -> update();
        case ARCHIVE, UNARCHIVE -> archive(action == ModerationAction.ARCHIVE);
        case ADD_MEMBER -> withTarget(this::addMember);
        case REMOVE_MEMBER -> withTarget(this::removeMember);
        case BAN -> withTarget(this::ban);
        case UNBAN -> withTarget(this::unban);
        case MUTE, UNMUTE -> withTarget(person -> mute(person, action == ModerationAction.MUTE));
        case SET_ROLE -> withTarget(this::setRole);
        case DELETE_MESSAGE -> deleteMessage(command.message());
      };
      return done
          .compose(changed -> Standings.load(conn, actor.room(), actor.user()))
          .compose(now -> now.member()
              ? Writes.roomForMember(conn, actor.room(), actor.user())
              : Future.succeededFuture((RoomView) null))
          .map(room -> new Outcome(room, events, notices));
    }

    private Future<Void> update() {
      Permissions.require(actor, Need.MODERATE);
      if (command.name() == null && command.topic() == null && command.allowChannelMentions() == null) {
        throw new ParleyException(ErrorCode.INVALID, "Give a new 'name', 'topic' or 'allowChannelMentions'");
      }
      String name = command.name() == null ? null : RoomStore.channelName(actor.kind(), command.name());
      return conn.preparedQuery("""
              UPDATE rooms SET name = coalesce($2, name), topic = coalesce($3, topic),
                               allow_channel_mentions = coalesce($4, allow_channel_mentions)
              WHERE id = $1
              RETURNING name, topic, archived_at IS NOT NULL AS archived, allow_channel_mentions""")
          .execute(Tuple.of(UUID.fromString(actor.room()), name, command.topic(), command.allowChannelMentions()))
          .recover(failure -> Future.failedFuture(RoomStore.nameTaken(failure, name)))
          .compose(rows -> roomUpdated(rows.iterator().next(), "update"));
    }

    private Future<Void> archive(boolean archived) {
      Permissions.require(actor, Need.MODERATE);
      if (actor.archived() == archived) {
        return Future.succeededFuture();
      }
      return conn.preparedQuery("""
              UPDATE rooms SET archived_at = CASE WHEN $2 THEN coalesce(archived_at, now()) END WHERE id = $1
              RETURNING name, topic, archived_at IS NOT NULL AS archived, allow_channel_mentions""")
          .execute(Tuple.of(UUID.fromString(actor.room()), archived))
          .compose(rows -> roomUpdated(rows.iterator().next(), archived ? "archive" : "unarchive"));
    }

    private Future<Void> roomUpdated(Row row, String auditAction) {
      RoomUpdated data = new RoomUpdated(row.getString("name"), row.getString("topic"), row.getBoolean("archived"),
          actor.user(), row.getBoolean("allow_channel_mentions"));
      return event(data).compose(event -> audit(auditAction, null, data.toJson()));
    }

    private Future<Void> addMember(Standing target) {
      Permissions.require(actor, Need.MODERATE);
      if (target.member()) {
        return Future.succeededFuture();
      }
      if (target.banned()) {
        throw Permissions.forbidden("This person is banned from the room: unban them first");
      }
      return Writes.addMember(conn, actor.room(), target.user(), Standing.MEMBER, target.lastSeq(), actor.user(), null)
          .map(events::add)
          .compose(added -> Writes.roomForMember(conn, actor.room(), target.user()))
          .compose(view -> {
            notices.add(new Outcome.Notice(target.user(), UserNotice.of(new RoomAdded(view))));
            return audit("add_member", target.user(), null);
          });
    }

    private Future<Void> removeMember(Standing target) {
      boolean leaving = target.user().equals(actor.user());
      if (!leaving) {
        Permissions.require(actor, Need.MODERATE);
        Permissions.requireOutranks(actor, target);
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
          : event(new MemberUpdated(target.user(), null, null, true)).mapEmpty();
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
              : event(new MemberUpdated(target.user(), null, null, false))
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
      String role = command.role();
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
            Permissions.require(actor, own ? Need.DELETE_OWN : Need.MODERATE);
            if (row.getBoolean("deleted")) {
              return Future.succeededFuture();
            }
            // Deleting a message withdraws its mentions (nobody is left with a badge for a message that is gone) and its
            // search entry.
            return conn.preparedQuery("""
                    WITH gone AS (UPDATE messages SET deleted_at = now(), body = '' WHERE id = $1
                                  RETURNING id, room_id, seq),
                         unindexed AS (DELETE FROM message_search x USING gone WHERE x.id = gone.id),
                         unmentioned AS (DELETE FROM mentions x USING gone, message_mentions mm
                                         WHERE mm.room_id = gone.room_id AND mm.seq = gone.seq
                                           AND x.user_id = ANY (mm.users) AND x.room_id = mm.room_id
                                           AND x.seq = mm.seq)
                    DELETE FROM message_mentions x USING gone WHERE x.room_id = gone.room_id AND x.seq = gone.seq""")
                .execute(Tuple.of(UUID.fromString(message)))
                .compose(updated -> event(new MessageDeleted(message, actor.user())))
                .compose(event -> own ? Future.succeededFuture()
                    : audit("delete_message", sender, AuditDetails.messageDeleted(message)));
          });
    }

    /** Takes someone out of the room: a member.left event, and a notice to their own connections. */
    private Future<Void> remove(Standing target, String reason) {
      return conn.preparedQuery("DELETE FROM memberships WHERE room_id = $1 AND user_id = $2")
          .execute(Tuple.of(UUID.fromString(actor.room()), UUID.fromString(target.user())))
          .compose(deleted -> Writes.userName(conn, target.user()))
          .compose(name -> event(new MemberLeft(target.user(), name, actor.user(), reason)))
          .map(event -> {
            notices.add(new Outcome.Notice(target.user(),
                UserNotice.of(new RoomRemoved(actor.room(), reason))));
            return null;
          });
    }

    private Future<Void> memberUpdated(String user, String role, boolean muted, String auditAction) {
      return event(new MemberUpdated(user, role, muted, null)).compose(event -> audit(auditAction, user, null));
    }

    private Future<RoomEvent> event(EventData data) {
      return Writes.appendEvent(conn, actor.room(), data).map(event -> {
        events.add(event);
        return event;
      });
    }

    private Future<Void> audit(String action, String target, JsonObject data) {
      return Writes.audit(conn, actor.room(), actor.user(), action, target, data);
    }

    private Future<Void> withTarget(Function<Standing, Future<Void>> then) {
      String target = command.target();
      if (!Ids.isId(target)) {
        throw new ParleyException(ErrorCode.NOT_FOUND, "No such user");
      }
      return Standings.load(conn, actor.room(), target)
          .recover(missing -> Future.failedFuture(new ParleyException(ErrorCode.NOT_FOUND, "No such user")))
          .compose(then);
    }

    private static void requireMember(Standing target) {
      if (!target.member()) {
        throw new ParleyException(ErrorCode.NOT_FOUND, "This person is not in the room");
      }
    }
  }
}
