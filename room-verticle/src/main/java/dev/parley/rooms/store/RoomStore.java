package dev.parley.rooms.store;

import dev.parley.rooms.access.Permissions.Need;
import dev.parley.rooms.access.Permissions;
import dev.parley.rooms.access.Standing;
import dev.parley.shared.ErrorCode;
import dev.parley.shared.Ids;
import dev.parley.shared.ParleyException;
import dev.parley.shared.accounts.AccountView;
import dev.parley.shared.events.RoomEvent;
import dev.parley.shared.rooms.RoomCommands.CreateRoom;
import dev.parley.shared.rooms.RoomCommands.ListRooms;
import dev.parley.shared.rooms.ChannelNames;
import dev.parley.shared.rooms.RoomCommands.RoomList;
import dev.parley.shared.rooms.RoomKind;
import dev.parley.shared.rooms.RoomView;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** All SQL about rooms as places: creating them, listing one's rooms and the public channels, joining a channel. */
public final class RoomStore {

  private static final String ROOM_COLUMNS = Writes.ROOM_COLUMNS;

  private final Pool pool;

  public RoomStore(Pool pool) {
    this.pool = pool;
  }

  /** A joined room and the {@code member.joined} event, absent when the user was a member already. */
  public record Joined(RoomView room, RoomEvent event) {
  }

  /**
   * Creates the room with its creator as owner; answers the room as the owner sees it. A channel's name is
   * normalised ({@link ChannelNames}), and a name another channel of the workspace has is a conflict.
   */
  public Future<RoomView> createRoom(CreateRoom command) {
    String name;
    try {
      name = channelName(command.kind(), command.name());
    } catch (ParleyException invalid) {
      return Future.failedFuture(invalid);
    }
    return pool.withTransaction(conn -> conn.preparedQuery("""
            INSERT INTO rooms (kind, name, topic, created_by) VALUES ($1, $2, $3, $4)
            RETURNING id""")
        .execute(Tuple.of(command.kind().wireName(), name, command.topic() == null ? "" : command.topic(),
            UUID.fromString(command.owner())))
        .map(rows -> rows.iterator().next().getUUID(0).toString())
        .compose(room -> Writes.addMember(conn, room, command.owner(), Standing.OWNER, 0, null, null)
            .compose(event -> Writes.roomForMember(conn, room, command.owner()))))
        .recover(failure -> Future.failedFuture(nameTaken(failure, name)));
  }

  /** A channel's name as stored (public and private channels; conversations are named by their people). */
  static String channelName(RoomKind kind, String name) {
    if (kind != RoomKind.CHANNEL && kind != RoomKind.PRIVATE) {
      return name;
    }
    String normalised = ChannelNames.normalise(name);
    if (normalised.codePoints().noneMatch(Character::isLetterOrDigit)) {
      throw new ParleyException(ErrorCode.INVALID, "A channel's name needs a letter or a digit");
    }
    return normalised;
  }

  /** A unique violation of channel names means the name is taken; any other failure stays what it is. */
  static Throwable nameTaken(Throwable failure, String name) {
    return SqlValues.isUniqueViolation(failure) && failure.getMessage().contains(SqlValues.CHANNEL_NAME_INDEX)
        ? new ParleyException(ErrorCode.CONFLICT, "There is a channel named #" + name + " already")
        : failure;
  }

  /**
   * A newcomer's first rooms: the workspace's default channels, joined as any channel is (member.joined events for
   * the rooms to announce). When the newcomer is the workspace's first owner, the default channels that do not exist
   * yet are made first, with them as owner. A default channel that is archived, or that bans them, is passed over.
   */
  public Future<List<Joined>> welcome(AccountView account, List<String> defaultChannels) {
    List<String> names = defaultChannels.stream().map(ChannelNames::normalise).filter(name -> !name.isEmpty())
        .distinct().toList();
    if (names.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    Future<Void> made = !AccountView.OWNER.equals(account.workspaceRole()) ? Future.succeededFuture()
        : pool.preparedQuery("""
                INSERT INTO rooms (kind, name, created_by) SELECT 'channel', name, $2 FROM unnest($1::text[]) AS name
                ON CONFLICT (name) WHERE kind IN ('channel', 'private') DO NOTHING""")
            .execute(Tuple.of(names.toArray(String[]::new), UUID.fromString(account.id()))).mapEmpty();
    return made
        .compose(done -> pool.preparedQuery("""
                SELECT r.id, r.created_by = $2 AND NOT EXISTS (SELECT 1 FROM memberships x WHERE x.room_id = r.id)
                         AS made_by_them
                FROM rooms r
                WHERE r.kind = 'channel' AND r.name = ANY ($1) AND r.archived_at IS NULL
                  AND NOT EXISTS (SELECT 1 FROM room_bans b WHERE b.room_id = r.id AND b.user_id = $2)
                ORDER BY r.name""")
            .execute(Tuple.of(names.toArray(String[]::new), UUID.fromString(account.id()))))
        .compose(rows -> {
          List<Joined> joined = new ArrayList<>();
          Future<Void> chain = Future.succeededFuture();
          for (Row row : rows) {
            String room = row.getUUID("id").toString();
            chain = chain.compose(previous -> (row.getBoolean("made_by_them") ? becomeOwner(room, account.id())
                : joinChannel(room, account.id())).map(joined::add).mapEmpty());
          }
          return chain.map(done -> joined);
        });
  }

  /** The first owner takes the default channel just made for the workspace, as anyone who creates a room does. */
  private Future<Joined> becomeOwner(String room, String user) {
    return pool.withTransaction(conn -> conn.preparedQuery("SELECT id FROM rooms WHERE id = $1 FOR UPDATE")
        .execute(Tuple.of(UUID.fromString(room)))
        .compose(locked -> Writes.addMember(conn, room, user, Standing.OWNER, 0, null, null))
        .compose(event -> Writes.roomForMember(conn, room, user).map(view -> new Joined(view, event))));
  }

  /**
   * A page of someone's rooms ($1 the user, $2 the mention cap, $3 and $4 the cursor, $5 the page size); its plan is
   * in docs/reads.md and held by ReadPlansTest.
   */
  static final String LIST_ROOMS = "SELECT " + ROOM_COLUMNS + ", " + Writes.MEMBER_COLUMNS + """
      , lower(r.name) AS sort_name,
        -- A conversation is named by its people as they are called today, not when it began.
        CASE WHEN r.kind IN ('dm', 'group') THEN (
          SELECT string_agg(pu.name, ', ' ORDER BY lower(pu.name), pu.id)
          FROM memberships pm JOIN users pu ON pu.id = pm.user_id WHERE pm.room_id = r.id) END AS people
      FROM memberships m JOIN rooms r ON r.id = m.room_id
      WHERE m.user_id = $1 AND ($3::text IS NULL OR (lower(r.name), r.id) > ($3, $4))
      ORDER BY lower(r.name), r.id
      LIMIT $5""";

  /**
   * A page of the user's rooms, by name then id, with their read state: unread from the counters (no counting), and
   * unread mentions counted over that person's mention rows only (see {@link ReadStore}).
   */
  public Future<RoomList> listRooms(ListRooms query) {
    if (query.limit() < 1 || query.limit() > ListRooms.MAX_LIMIT) {
      return Future.failedFuture(new ParleyException(ErrorCode.INVALID,
          "'limit' must be between 1 and " + ListRooms.MAX_LIMIT));
    }
    Cursor after = Cursor.parse(query.after());
    return pool.preparedQuery(LIST_ROOMS)
        .execute(Tuple.of(UUID.fromString(query.user()), ReadStore.MENTION_CAP, after == null ? null : after.name(),
            after == null ? null : after.id(), query.limit() + 1))
        .map(rows -> {
          List<RoomView> rooms = new ArrayList<>();
          Cursor last = null;
          for (Row row : rows) {
            if (rooms.size() == query.limit()) {
              return new RoomList(rooms, last.encode());
            }
            RoomView room = Writes.memberView(row);
            rooms.add(row.getString("people") == null ? room : room.named(row.getString("people")));
            last = new Cursor(row.getString("sort_name"), row.getUUID("id"));
          }
          return new RoomList(rooms, null);
        });
  }

  /** Where a page of rooms ended: the last room's sort key, opaque to clients. */
  private record Cursor(String name, UUID id) {
    String encode() {
      return Base64.getUrlEncoder().withoutPadding()
          .encodeToString((id + "|" + name).getBytes(StandardCharsets.UTF_8));
    }

    static Cursor parse(String text) {
      if (text == null) {
        return null;
      }
      try {
        String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
        int bar = decoded.indexOf('|');
        return new Cursor(decoded.substring(bar + 1), UUID.fromString(decoded.substring(0, bar)));
      } catch (IllegalArgumentException | IndexOutOfBoundsException malformed) {
        throw new ParleyException(ErrorCode.INVALID, "'after' is not a cursor this server made");
      }
    }
  }

  public Future<List<RoomView>> listChannels(String user) {
    return pool.preparedQuery("SELECT " + ROOM_COLUMNS + """
            , EXISTS (SELECT 1 FROM memberships m WHERE m.room_id = r.id AND m.user_id = $1) AS member
            FROM rooms r
            WHERE r.kind = 'channel' AND r.archived_at IS NULL
            ORDER BY lower(r.name), r.id
            LIMIT 1000""")
        .execute(Tuple.of(UUID.fromString(user)))
        .map(rows -> {
          List<RoomView> channels = new ArrayList<>();
          for (Row row : rows) {
            channels.add(Writes.roomView(row).listed(row.getBoolean("member")));
          }
          return channels;
        });
  }

  /** Joins a public channel; a private room or a DM answers exactly as a room that does not exist. */
  public Future<Joined> joinChannel(String room, String user) {
    if (!Ids.isId(room)) {
      return Future.failedFuture(Permissions.notFound());
    }
    // The room's row lock orders this join with bans and other joins.
    return pool.withTransaction(conn -> conn.preparedQuery("SELECT id FROM rooms WHERE id = $1 FOR UPDATE")
        .execute(Tuple.of(UUID.fromString(room)))
        .compose(locked -> Standings.load(conn, room, user))
        .map(who -> Permissions.require(who, Need.JOIN))
        .compose(who -> who.member() ? Future.succeededFuture((RoomEvent) null)
            : Writes.addMember(conn, room, user, Standing.MEMBER, who.lastSeq(), null, null))
        .compose(event -> Writes.roomForMember(conn, room, user).map(view -> new Joined(view, event))));
  }
}
