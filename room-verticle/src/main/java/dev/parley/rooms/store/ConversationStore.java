package dev.parley.rooms.store;

import dev.parley.rooms.access.Permissions.Need;
import dev.parley.rooms.access.Permissions;
import dev.parley.rooms.access.Standing;
import dev.parley.shared.Bounds;
import dev.parley.shared.ErrorCode;
import dev.parley.shared.Ids;
import dev.parley.shared.ParleyException;
import dev.parley.shared.events.RoomEvent;
import dev.parley.shared.events.UserNotice.RoomAdded;
import dev.parley.shared.events.UserNotice;
import dev.parley.shared.rooms.RoomCommands.AuditEntry;
import dev.parley.shared.rooms.RoomCommands.MemberView;
import dev.parley.shared.rooms.RoomCommands.PersonView;
import dev.parley.shared.rooms.RoomKind;
import io.vertx.core.Future;
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

/** All SQL about DMs and group DMs, finding people, a room's members and its audit log. */
public final class ConversationStore {

  /** Starts the member key of an end-to-end encrypted conversation (a plain one is the ids alone). */
  private static final String ENCRYPTED_KEY_PREFIX = "e2ee:";

  private final Pool pool;

  public ConversationStore(Pool pool) {
    this.pool = pool;
  }

  /** A DM or group DM opened: what it did, and whether the room was made just now. */
  public record Opened(Outcome outcome, boolean created) {
  }

  /**
   * The DM with one person, or the group DM of exactly that set, created on first use. The end-to-end encrypted
   * conversation of a set of people is another room than their plain one: its member key says so.
   */
  public Future<Opened> openDm(String user, List<String> with, boolean encrypted) {
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
    if (people.size() > Bounds.GROUP_MAX) {
      return Future.failedFuture(new ParleyException(ErrorCode.INVALID,
          "A group conversation holds at most " + Bounds.GROUP_MAX + " people"));
    }
    String memberKey = (encrypted ? ENCRYPTED_KEY_PREFIX : "") + String.join(",", people);
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
                      INSERT INTO rooms (kind, name, member_key, created_by, encrypted) VALUES ($1, $2, $3, $4, $5)
                      ON CONFLICT (member_key) WHERE member_key IS NOT NULL DO NOTHING
                      RETURNING id""")
                  .execute(Tuple.of(kind.wireName(), String.join(", ", names), memberKey, UUID.fromString(user),
                      encrypted));
            })
            .compose(inserted -> inserted.size() == 0
                ? existingConversation(conn, memberKey, user).map(outcome -> new Opened(outcome, false))
                : startConversation(conn, inserted.iterator().next().getUUID("id").toString(), user, people)
                    .map(outcome -> new Opened(outcome, true))));
  }

  /** The conversation of that set of people; someone who had left it and opens it again is back in. */
  private Future<Outcome> existingConversation(SqlConnection conn, String memberKey, String user) {
    List<RoomEvent> events = new ArrayList<>();
    return conn.preparedQuery("SELECT id, last_seq FROM rooms WHERE member_key = $1 FOR UPDATE")
        .execute(Tuple.of(memberKey))
        .compose(rows -> {
          String room = rows.iterator().next().getUUID("id").toString();
          return Standings.load(conn, room, user)
              .compose(who -> who.member() ? Future.succeededFuture()
                  : Writes.addMember(conn, room, user, Standing.MEMBER, who.lastSeq(), null, null)
                      .map(events::add).mapEmpty())
              .compose(rejoined -> Writes.roomForMember(conn, room, user));
        })
        .map(room -> new Outcome(room, events, List.of()));
  }

  private Future<Outcome> startConversation(SqlConnection conn, String room, String user, TreeSet<String> people) {
    List<RoomEvent> events = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (String person : people) {
      chain = chain.compose(previous -> Writes.addMember(conn, room, person, Standing.MEMBER, 0, null, null)
          .map(events::add).mapEmpty());
    }
    return chain.compose(done -> Writes.roomForMember(conn, room, user)).map(view -> {
      List<Outcome.Notice> notices = new ArrayList<>();
      for (String person : people) {
        if (!person.equals(user)) {
          notices.add(new Outcome.Notice(person, UserNotice.of(new RoomAdded(view))));
        }
      }
      return new Outcome(view, events, notices);
    });
  }

  /**
   * People of the workspace whose name (or a word of it) or @handle starts with the query; everyone when it is
   * empty. Never by email: matching addresses would let anyone spell out a hidden address one prefix at a time.
   */
  public Future<List<PersonView>> findUsers(String user, String query) {
    String typed = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
    String prefix = (typed.startsWith("@") ? typed.substring(1) : typed)
        .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return pool.preparedQuery("""
            SELECT id, name, handle FROM users
            WHERE id <> $1 AND (lower(name) LIKE $2 OR lower(name) LIKE $3 OR lower(handle) LIKE $2)
            ORDER BY lower(name), id LIMIT 20""")
        .execute(Tuple.of(UUID.fromString(user), prefix + "%", "% " + prefix + "%"))
        .map(rows -> {
          List<PersonView> users = new ArrayList<>();
          for (Row row : rows) {
            users.add(new PersonView(row.getUUID("id").toString(), row.getString("name"), row.getString("handle")));
          }
          return users;
        });
  }

  /**
   * Of {@code people}, those who share a room with {@code user}, and {@code user} among them: whose presence they may
   * learn. One probe of the person's memberships per room of theirs that the other is in; for each of the people
   * asked, the scan stops at the first room they share.
   */
  public Future<List<String>> sharingRooms(String user, List<String> people) {
    UUID me = UUID.fromString(user);
    return pool.preparedQuery("""
            SELECT p.id FROM unnest($2::uuid[]) AS p(id)
            WHERE p.id = $1 OR EXISTS (SELECT 1 FROM memberships theirs
                                       JOIN memberships mine ON mine.room_id = theirs.room_id AND mine.user_id = $1
                                       WHERE theirs.user_id = p.id)""")
        .execute(Tuple.tuple().addUUID(me).addArrayOfUUID(people.stream().map(UUID::fromString).toArray(UUID[]::new)))
        .map(rows -> {
          List<String> sharing = new ArrayList<>();
          for (Row row : rows) {
            sharing.add(row.getUUID("id").toString());
          }
          return sharing;
        });
  }

  public Future<List<MemberView>> listMembers(String room, String user) {
    return Standings.load(pool, room, user)
        .map(who -> Permissions.require(who, Need.READ))
        .compose(who -> pool.preparedQuery("""
                SELECT m.user_id, u.name, m.role, m.muted FROM memberships m JOIN users u ON u.id = m.user_id
                WHERE m.room_id = $1
                ORDER BY CASE m.role WHEN 'owner' THEN 0 WHEN 'admin' THEN 1 ELSE 2 END, lower(u.name)
                LIMIT 1000""")
            .execute(Tuple.of(UUID.fromString(room))))
        .map(rows -> {
          List<MemberView> members = new ArrayList<>();
          for (Row row : rows) {
            members.add(new MemberView(row.getUUID("user_id").toString(), row.getString("name"),
                row.getString("role"), row.getBoolean("muted")));
          }
          return members;
        });
  }

  public Future<List<AuditEntry>> auditLog(String room, String user) {
    return Standings.load(pool, room, user)
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
          List<AuditEntry> entries = new ArrayList<>();
          for (Row row : rows) {
            entries.add(new AuditEntry(row.getLong("id"), row.getString("action"), text(row.getUUID("actor_id")),
                row.getString("actor_name"), text(row.getUUID("target_id")), row.getString("target_name"),
                (JsonObject) row.getJson("data"), row.getLong("ts")));
          }
          return entries;
        });
  }

  private static String text(UUID id) {
    return id == null ? null : id.toString();
  }
}
