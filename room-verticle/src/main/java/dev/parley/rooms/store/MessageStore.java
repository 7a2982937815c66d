package dev.parley.rooms.store;

import dev.parley.rooms.access.Permissions.Need;
import dev.parley.rooms.access.Permissions;
import dev.parley.rooms.access.Standing;
import dev.parley.shared.ErrorCode;
import dev.parley.shared.Ids;
import dev.parley.shared.ParleyException;
import dev.parley.shared.events.EventType;
import dev.parley.shared.events.RoomEvent;
import dev.parley.shared.rooms.MessageCommands.History;
import dev.parley.shared.rooms.MessageCommands.MessageAck;
import dev.parley.shared.rooms.MessageCommands.MessagePage;
import dev.parley.shared.rooms.MessageCommands.PostMessage;
import dev.parley.shared.rooms.MessageCommands.Replay;
import dev.parley.shared.rooms.MessageCommands.ReplayResult;
import dev.parley.shared.rooms.MessageView;
import dev.parley.shared.rooms.RoomKind;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * All SQL about a room's messages and event log: posting, history pages, replay after a seq. One instance belongs to
 * one verticle and its event loop. (Read markers and mentions: {@link ReadStore}.)
 */
public final class MessageStore {

  private static final String EPOCH_MS = "(extract(epoch FROM %s) * 1000)::bigint";
  /** Standings remembered as allowed to post, so a post usually needs one round trip. */
  private static final int APPROVALS_KEPT = 10_000;
  /** How often a post is tried again when the sender's standing changed between Java's decision and the insert. */
  private static final int MAX_STANDING_RETRIES = 2;

  private final Pool pool;
  /**
   * The standing Permissions last allowed to post, per (room, sender). A hint, never the truth: {@code post_message}
   * stores only while the standing is still exactly this one, and answers the current standing otherwise.
   */
  private final Map<String, Standing> approvals = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Standing> eldest) {
      return size() > APPROVALS_KEPT;
    }
  };

  private final MessageBatches batches;

  /** {@code batchIntervalMillis}: the least time between two message batches (see {@link MessageBatches}). */
  public MessageStore(Vertx vertx, Pool pool, long batchIntervalMillis) {
    this.pool = pool;
    this.batches = new MessageBatches(vertx, pool, batchIntervalMillis);
  }

  /**
   * A stored (or, for a resend, previously stored) message, whether this call created it, and whom its text
   * mentions (resolved by {@code post_messages}).
   */
  public record Posted(MessageAck ack, String text, boolean created, List<String> mentions, boolean mentionsChannel) {
  }

  /**
   * Stores a message, batched with others (see {@link MessageBatches}), in one round trip when this sender's
   * standing was approved before (see {@code post_messages}); otherwise the first round trip reads the standing,
   * {@link Permissions} decides, and a second one stores.
   */
  public Future<Posted> post(PostMessage command) {
    if (!Ids.isId(command.room()) || !Ids.isId(command.sender())) {
      return Future.failedFuture(Permissions.notFound());
    }
    String key = command.room() + "/" + command.sender();
    return attempt(command, key, approvals.get(key), 0);
  }

  private Future<Posted> attempt(PostMessage command, String key, Standing approved, int retries) {
    return batches.write(command, approved).compose(row -> {
      String outcome = row.getString("outcome");
      if ("not_found".equals(outcome)) {
        approvals.remove(key);
        throw Permissions.notFound();
      }
      Standing standing = new Standing(command.room(), RoomKind.fromWire(row.getString("kind")),
          row.getString("room_name"), row.getBoolean("archived"), row.getLong("last_seq"), command.sender(),
          row.getString("role"), row.getBoolean("muted"), row.getBoolean("banned"),
          row.getString("workspace_role"));
      switch (outcome) {
        case "created" -> {
          return Future.succeededFuture(posted(row, true));
        }
        case "duplicate" -> {
          Permissions.require(standing, Need.RESEND);
          return Future.succeededFuture(posted(row, false));
        }
        case "standing" -> {
          approvals.remove(key);
          Permissions.require(standing, Need.POST);
          approvals.put(key, standing);
          if (retries >= MAX_STANDING_RETRIES) {
            throw new ParleyException(ErrorCode.UNAVAILABLE, "The room changed while posting: send again");
          }
          return attempt(command, key, standing, retries + 1);
        }
        default -> throw new IllegalStateException("post_messages answered '" + outcome + "'");
      }
    });
  }

  private static Posted posted(Row row, boolean created) {
    return new Posted(new MessageAck(row.getUUID("message_id").toString(), row.getLong("seq"), row.getLong("ts")),
        row.getString("body"), created, ids(row.getArrayOfUUIDs("mentions")),
        Boolean.TRUE.equals(row.getBoolean("mentions_channel")));
  }

  private static List<String> ids(UUID[] ids) {
    List<String> texts = new ArrayList<>();
    if (ids != null) {
      for (UUID id : ids) {
        texts.add(id.toString());
      }
    }
    return texts;
  }

  public Future<MessagePage> history(History query) {
    return access(query.room(), query.user()).compose(access -> {
      int limit = query.limit();
      String select = "SELECT m.seq, " + messageColumns() + " FROM messages m JOIN users u ON u.id = m.sender_id"
          + " LEFT JOIN message_mentions mm ON mm.room_id = m.room_id AND mm.seq = m.seq WHERE m.room_id = $1";
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
        List<MessageView> messages = new ArrayList<>();
        for (Row row : rows) {
          messages.add(messageView(row, query.room(), row.getLong("seq")));
        }
        boolean more = messages.size() > limit;
        if (more) {
          messages.remove(messages.size() - 1);
        }
        if (!ascending) {
          Collections.reverse(messages);
        }
        return new MessagePage(messages, more);
      });
    });
  }

  /** The events after {@code since}, or a gap when more than the limit were missed. */
  public Future<ReplayResult> replay(Replay query) {
    Future<Long> lastSeq = query.user() == null ? lastSeq(query.room())
        : access(query.room(), query.user()).map(Standing::lastSeq);
    return lastSeq.compose(latest -> {
      if (query.since() == null || query.since() >= latest) {
        return Future.succeededFuture(new ReplayResult(latest, List.of(), false));
      }
      long since = Math.max(0, query.since());
      if (latest - since > query.limit()) {
        return Future.succeededFuture(new ReplayResult(latest, List.of(), true));
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

  /** The room's events with seq in (after, upTo], messages and others merged in seq order. */
  private Future<List<RoomEvent>> events(String room, long after, long upTo) {
    return pool.preparedQuery("SELECT * FROM (SELECT m.seq, 'message' AS type, NULL::jsonb AS data, "
            + messageColumns() + """
             FROM messages m JOIN users u ON u.id = m.sender_id
              LEFT JOIN message_mentions mm ON mm.room_id = m.room_id AND mm.seq = m.seq
              WHERE m.room_id = $1 AND m.seq > $2 AND m.seq <= $3
            UNION ALL
            SELECT e.seq, e.type, e.data, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
              FROM room_events e
              WHERE e.room_id = $1 AND e.seq > $2 AND e.seq <= $3) log
            ORDER BY seq""")
        .execute(Tuple.of(UUID.fromString(room), after, upTo))
        .map(rows -> {
          List<RoomEvent> events = new ArrayList<>();
          for (Row row : rows) {
            String type = row.getString("type");
            JsonObject data = EventType.MESSAGE.equals(type) ? messageView(row, null, null).toJson()
                : (JsonObject) row.getJson("data");
            events.add(new RoomEvent(room, row.getLong("seq"), type, data));
          }
          return events;
        });
  }

  /** A reader's standing: members, and moderators of a public channel; others learn nothing they may not see. */
  private Future<Standing> access(String room, String user) {
    return Standings.load(pool, room, user).map(who -> Permissions.require(who, Need.READ));
  }

  /**
   * The columns of {@link #messageView}, from {@code messages m}, {@code users u} (the sender) and
   * {@code message_mentions mm} (left-joined on room and seq).
   */
  static String messageColumns() {
    return "m.id, m.sender_id, u.name AS sender_name, m.body, " + EPOCH_MS.formatted("m.created_at") + " AS ts, "
        + EPOCH_MS.formatted("m.edited_at") + " AS edited_ts, m.deleted_at IS NOT NULL AS deleted, "
        + "mm.users AS mention_users, coalesce(mm.channel, false) AS mentions_channel";
  }

  /** A message as clients see it; {@code room} and {@code seq} only in history pages. */
  static MessageView messageView(Row row, String room, Long seq) {
    boolean deleted = row.getBoolean("deleted");
    return new MessageView(row.getUUID("id").toString(), room, seq, row.getUUID("sender_id").toString(),
        row.getString("sender_name"), deleted ? "" : row.getString("body"), row.getLong("ts"),
        row.getLong("edited_ts"), deleted, deleted ? List.of() : ids(row.getArrayOfUUIDs("mention_users")),
        !deleted && row.getBoolean("mentions_channel"));
  }
}
