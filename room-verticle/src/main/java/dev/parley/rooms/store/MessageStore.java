package dev.parley.rooms.store;

import dev.parley.rooms.access.Permissions.Need;
import dev.parley.rooms.access.Permissions;
import dev.parley.rooms.access.Standing;
import dev.parley.shared.ErrorCode;
import dev.parley.shared.Ids;
import dev.parley.shared.e2ee.MlsWire;
import dev.parley.shared.ParleyException;
import dev.parley.shared.events.EventType;
import dev.parley.shared.events.RoomEvent;
import dev.parley.shared.events.RoomEvents.MessageEdited;
import dev.parley.shared.events.RoomEvents.ReactionAdded;
import dev.parley.shared.events.RoomEvents.ReactionRemoved;
import dev.parley.shared.events.RoomEvents.ThreadUpdated;
import dev.parley.shared.files.FileView;
import dev.parley.shared.rooms.Emoji;
import dev.parley.shared.rooms.MessageCommands.EditMessage;
import dev.parley.shared.rooms.MessageCommands.FollowThread;
import dev.parley.shared.rooms.MessageCommands.History;
import dev.parley.shared.rooms.MessageCommands.MessageAck;
import dev.parley.shared.rooms.MessageCommands.MessagePage;
import dev.parley.shared.rooms.MessageCommands.PostMessage;
import dev.parley.shared.rooms.MessageCommands.React;
import dev.parley.shared.rooms.MessageCommands.Replay;
import dev.parley.shared.rooms.MessageCommands.ReplayResult;
import dev.parley.shared.rooms.MessageCommands.ThreadReplies;
import dev.parley.shared.rooms.MessageView;
import dev.parley.shared.rooms.RoomKind;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * All SQL about a room's messages and event log: posting (threads included), edits, reactions, thread follows,
 * history and thread pages, replay after a seq, read markers (unread counts and mentions: {@link ReadStore}). One instance belongs to one verticle and its event
 * loop.
 */
public final class MessageStore {

  private static final String EPOCH_MS = "(extract(epoch FROM %s) * 1000)::bigint";
  /** Standings remembered as allowed to post, so a post usually needs one round trip. */
  private static final int APPROVALS_KEPT = 10_000;
  /** How often a post is tried again when the sender's standing changed between Java's decision and the insert. */
  private static final int MAX_STANDING_RETRIES = 2;
  /** The most different emoji on one message: enough for any real use, and it bounds what a page carries. */
  public static final int MAX_REACTION_KINDS = 50;

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
  private final EncryptedRooms encryption;

  /**
   * {@code writes}: where the message batches go (see {@link DatabasePools}); {@code batchIntervalMillis}: the least
   * time between two of them (see {@link MessageBatches}); {@code searchIndexer}: told where messages were stored, it
   * indexes them for search behind the writes.
   */
  public MessageStore(Vertx vertx, Pool pool, Pool writes, long batchIntervalMillis, SearchIndexer searchIndexer) {
    this(vertx, pool, writes, batchIntervalMillis, searchIndexer, MessageBatches.STALE_MILLIS);
  }

  /** {@code staleMillis}: how long a message may wait for its batch before it is refused unwritten. */
  MessageStore(Vertx vertx, Pool pool, Pool writes, long batchIntervalMillis, SearchIndexer searchIndexer,
               long staleMillis) {
    this.pool = pool;
    this.batches = new MessageBatches(vertx, writes, batchIntervalMillis, searchIndexer, staleMillis);
    this.encryption = new EncryptedRooms(pool);
  }

  /**
   * A stored (or, for a resend, previously stored) message and whether this call created it; for the last reply of
   * a batch in its thread, the thread's {@code thread.updated} event, stored in the same statement; and whom its text
   * mentions (resolved by {@code post_messages}).
   */
  public record Posted(MessageAck ack, String text, boolean created, RoomEvent threadUpdated, List<String> mentions,
                       boolean mentionsChannel, List<FileView> files) {
  }

  /** An edit's outcome: the message as it now stands, and its {@code message.edited} event (null: nothing changed). */
  public record Edited(MessageView message, RoomEvent event) {
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
    if (command.thread() != null && !Ids.isId(command.thread())) {
      return Future.failedFuture(badThread());
    }
    String key = command.room() + "/" + command.sender();
    return encryption.of(command.room()).compose(encrypted -> {
      if (encrypted != (command.ciphertext() != null)) {
        // Someone who may not read the room learns nothing about it, not even that it is encrypted.
        return access(command.room(), command.sender()).compose(reader -> Future.failedFuture(
            new ParleyException(ErrorCode.INVALID, encrypted
                ? "This conversation is end-to-end encrypted: send 'ciphertext', never 'text'"
                : "This conversation is not end-to-end encrypted: send 'text'")));
      }
      PostMessage stored = command;
      if (encrypted) {
        MlsWire.requireApplicationMessage(command.room(), command.ciphertext());
        // The ciphertext goes where text goes (post_messages is the same for both): no '@' in base64, so it
        // mentions nobody, and search leaves encrypted rooms out. Thread and files are routing, as in any room.
        stored = new PostMessage(command.room(), command.sender(), command.senderName(), command.cid(),
            command.ciphertext(), command.thread(), command.alsoInChannel(), command.files());
      }
      return attempt(stored, key, approvals.get(key), 0);
    });
  }

  private Future<Posted> attempt(PostMessage command, String key, Standing approved, int retries) {
    return batches.write(command, approved).compose(written -> {
      Row row = written.row();
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
          return Future.succeededFuture(posted(row, true, command, written.files()));
        }
        case "thread" -> throw badThread();
        case "duplicate" -> {
          Permissions.require(standing, Need.RESEND);
          return Future.succeededFuture(posted(row, false, command, written.files()));
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

  private static Posted posted(Row row, boolean created, PostMessage command, List<FileView> files) {
    Long threadSeq = row.getLong("thread_seq");
    RoomEvent threadUpdated = threadSeq == null ? null : RoomEvent.of(command.room(), threadSeq, new ThreadUpdated(
        command.thread(), row.getInteger("thread_replies"), row.getLong("thread_last_reply_ts"),
        uuids(row.getArrayOfUUIDs("thread_participants"))));
    return new Posted(new MessageAck(row.getUUID("message_id").toString(), row.getLong("seq"), row.getLong("ts")),
        row.getString("body"), created, threadUpdated, uuids(row.getArrayOfUUIDs("mentions")),
        Boolean.TRUE.equals(row.getBoolean("mentions_channel")), files);
  }

  private static ParleyException badThread() {
    return new ParleyException(ErrorCode.INVALID,
        "'thread' must be a message of this room that is not itself a reply");
  }

  public Future<MessagePage> history(History query) {
    return access(query.room(), query.user()).compose(access -> {
      int limit = query.limit();
      String select = "SELECT m.seq, " + messageColumns() + ", " + REACTION_COLUMNS + " FROM messages m"
          + " JOIN users u ON u.id = m.sender_id" + MENTIONS + REACTIONS_OF_READER + " WHERE m.room_id = $1";
      Tuple args = Tuple.of(UUID.fromString(query.room()), UUID.fromString(query.user()));
      boolean ascending = query.after() != null;
      String sql;
      if (query.after() != null) {
        sql = select + " AND m.seq > $3 ORDER BY m.seq LIMIT $4";
        args.addLong(query.after());
      } else if (query.before() != null) {
        sql = select + " AND m.seq < $3 ORDER BY m.seq DESC LIMIT $4";
        args.addLong(query.before());
      } else {
        sql = select + " ORDER BY m.seq DESC LIMIT $3";
      }
      return page(sql, args, limit, query.room(), ascending);
    });
  }

  /** A thread's replies after a seq, oldest first, with their reactions as the reader sees them. */
  public Future<MessagePage> threadReplies(ThreadReplies query) {
    return access(query.room(), query.user())
        .compose(access -> root(pool, query.room(), query.message()))
        .compose(root -> {
          String sql = "SELECT m.seq, " + messageColumns() + ", " + REACTION_COLUMNS + " FROM messages m"
              + " JOIN users u ON u.id = m.sender_id" + MENTIONS + REACTIONS_OF_READER
              + " WHERE m.thread_id = $3 AND m.room_id = $1 AND m.seq > $4 ORDER BY m.seq LIMIT $5";
          Tuple args = Tuple.of(UUID.fromString(query.room()), UUID.fromString(query.user()),
              UUID.fromString(query.message()), query.after() == null ? 0L : query.after());
          return page(sql, args, query.limit(), query.room(), true);
        });
  }

  /**
   * One query per page: the reactions of every message in it come from a lateral aggregate over the reactions
   * table's primary key (one index range per message), never from a query per message.
   */
  private Future<MessagePage> page(String sql, Tuple args, int limit, String room, boolean ascending) {
    // One row more than asked tells whether there is more.
    args.addInteger(limit + 1);
    return pool.preparedQuery(sql).execute(args).map(rows -> {
      List<MessageView> messages = new ArrayList<>();
      for (Row row : rows) {
        messages.add(messageView(row, room, row.getLong("seq"), reactions(row)));
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
  }

  /** An edit's new text ($1 the message, $2 the text). */
  private static final String EDIT = """
      WITH edited AS (UPDATE messages SET body = $2, edited_at = clock_timestamp() WHERE id = $1
                      RETURNING id, room_id, created_at, body, files, edited_at),
      -- The new text is searchable at once, indexed or not yet (SearchIndexer then leaves the entry as it is).
      reindexed AS (INSERT INTO message_search (%s) SELECT %s FROM edited m
                    ON CONFLICT (id) DO UPDATE SET document = excluded.document, fragments = excluded.fragments)
      SELECT %s AS edited_ts FROM edited""".formatted(SearchIndexer.ENTRY_COLUMNS, SearchIndexer.ENTRY,
      EPOCH_MS.formatted("edited_at"));

  /**
   * After an edit, whom the message mentions is worked out again from its new text ($1 the message): first its mention
   * rows go ({@link #UNMENTION}), then what {@code resolve_mentions} answers now comes in their place
   * ({@link #MENTION}), as when a message is stored. Someone the edit no longer names loses the mention (and the
   * badge); someone it names now gets one. Two statements: one statement may not delete a row and insert its key.
   */
  private static final String UNMENTION = """
      WITH message AS (SELECT m.room_id, m.seq FROM messages m WHERE m.id = $1::uuid),
      unnamed AS (DELETE FROM mentions x USING message m WHERE x.room_id = m.room_id AND x.seq = m.seq)
      DELETE FROM message_mentions x USING message m WHERE x.room_id = m.room_id AND x.seq = m.seq""";

  private static final String MENTION = """
      WITH resolved AS (
        SELECT m.id, m.room_id, m.seq, m.sender_id, m.created_at, r.users, r.channel
        FROM messages m CROSS JOIN LATERAL resolve_mentions(m.room_id, m.sender_id, m.body) r
        WHERE m.id = $1::uuid
      ), noted AS (
        INSERT INTO message_mentions (room_id, seq, message_id, sender_id, users, channel, created_at)
        SELECT r.room_id, r.seq, r.id, r.sender_id, r.users, r.channel, r.created_at FROM resolved r
        WHERE r.channel OR cardinality(r.users) > 0
      )
      INSERT INTO mentions (user_id, room_id, seq, message_id, created_at)
      SELECT u.id, r.room_id, r.seq, r.id, r.created_at FROM resolved r CROSS JOIN unnest(r.users) AS u(id)""";

  /** An encrypted edit's ciphertext in place of the message's ($1 the message, $2 the ciphertext): never indexed. */
  private static final String EDIT_ENCRYPTED = """
      UPDATE messages SET body = $2, edited_at = clock_timestamp() WHERE id = $1
      RETURNING %s AS edited_ts""".formatted(EPOCH_MS.formatted("edited_at"));

  /**
   * The author changes their message's text: in one transaction under the room's lock (as every event of the room),
   * the new text, its {@code message.edited} event in the room's seq, and the message as it now stands. The same text
   * again changes nothing and stores no event. A deleted message cannot be edited back to life. In an end-to-end
   * encrypted room the edit is an MLS ciphertext of the room's group, stored where the text goes (as a message is)
   * and carried by the event; it mentions nobody and is indexed for no search.
   */
  public Future<Edited> edit(EditMessage command) {
    if (!Ids.isId(command.message())) {
      return access(command.room(), command.user()).compose(access -> Future.failedFuture(noSuchMessage()));
    }
    boolean sealed = command.ciphertext() != null;
    return pool.withTransaction(conn -> lockRoom(conn, command.room())
        .compose(locked -> Standings.load(conn, command.room(), command.user()))
        .compose(who -> {
          // Visibility first: a room the editor may not see answers as no room, before the message is looked for.
          Permissions.require(who, Need.READ);
          return encryption.of(command.room()).map(encrypted -> {
            if (encrypted != sealed) {
              throw new ParleyException(ErrorCode.INVALID, encrypted
                  ? "This conversation is end-to-end encrypted: edit with 'ciphertext', never 'text'"
                  : "This conversation is not end-to-end encrypted: edit with 'text'");
            }
            if (sealed) {
              MlsWire.requireApplicationMessage(command.room(), command.ciphertext());
            }
            return who;
          });
        })
        .compose(who -> conn.preparedQuery("""
                  SELECT sender_id, body, deleted_at IS NOT NULL AS deleted FROM messages
                  WHERE id = $1 AND room_id = $2""")
              .execute(Tuple.of(UUID.fromString(command.message()), UUID.fromString(command.room())))
              .compose(rows -> {
                if (rows.size() == 0) {
                  throw noSuchMessage();
                }
                Row row = rows.iterator().next();
                Permissions.requireAuthor(who, row.getUUID("sender_id").toString());
                if (row.getBoolean("deleted")) {
                  throw noSuchMessage();
                }
                String body = sealed ? command.ciphertext() : command.text();
                if (row.getString("body").equals(body)) {
                  return Future.succeededFuture((RoomEvent) null);
                }
                Tuple args = Tuple.of(UUID.fromString(command.message()), body);
                Future<Long> editedTs = sealed
                    ? conn.preparedQuery(EDIT_ENCRYPTED).execute(args)
                        .map(updated -> updated.iterator().next().getLong("edited_ts"))
                    : conn.preparedQuery(EDIT).execute(args)
                        .compose(updated -> conn.preparedQuery(UNMENTION).execute(Tuple.of(command.message()))
                            .compose(unmentioned -> conn.preparedQuery(MENTION).execute(Tuple.of(command.message())))
                            .map(updated.iterator().next().getLong("edited_ts")));
                return editedTs.compose(ts -> Writes.appendEvent(conn, command.room(), sealed
                    ? new MessageEdited(command.message(), "", ts, command.ciphertext())
                    : new MessageEdited(command.message(), command.text(), ts)));
              })
              .compose(event -> one(conn, command.room(), command.user(), command.message())
                  .map(view -> new Edited(view, event)))));
  }

  /**
   * Puts an emoji on a message or takes it off, under the room's lock: idempotent (nothing stored, no event, when it
   * changes nothing), and at most {@link #MAX_REACTION_KINDS} different emoji per message. Answers the stored
   * {@code reaction.added} or {@code reaction.removed} event, or null.
   */
  public Future<RoomEvent> react(React command) {
    if (!Emoji.isSingle(command.emoji())) {
      return Future.failedFuture(new ParleyException(ErrorCode.INVALID, "A reaction is one emoji"));
    }
    if (!Ids.isId(command.message())) {
      return access(command.room(), command.user()).compose(access -> Future.failedFuture(noSuchMessage()));
    }
    UUID message = UUID.fromString(command.message());
    return pool.withTransaction(conn -> lockRoom(conn, command.room())
        .compose(locked -> Standings.load(conn, command.room(), command.user()))
        .compose(who -> {
          Permissions.require(who, Need.READ);
          return conn.preparedQuery("""
                  SELECT m.deleted_at IS NOT NULL AS deleted,
                         (SELECT count(DISTINCT x.emoji) FROM reactions x WHERE x.message_id = m.id) AS kinds,
                         EXISTS (SELECT 1 FROM reactions x WHERE x.message_id = m.id AND x.emoji = $3) AS known
                  FROM messages m WHERE m.id = $1 AND m.room_id = $2""")
              .execute(Tuple.of(message, UUID.fromString(command.room()), command.emoji()))
              .compose(rows -> {
                if (rows.size() == 0) {
                  throw noSuchMessage();
                }
                Row row = rows.iterator().next();
                Permissions.require(who, Need.REACT);
                if (row.getBoolean("deleted")) {
                  throw noSuchMessage();
                }
                if (command.add() && !row.getBoolean("known") && row.getLong("kinds") >= MAX_REACTION_KINDS) {
                  throw new ParleyException(ErrorCode.INVALID,
                      "A message has at most " + MAX_REACTION_KINDS + " different reactions");
                }
                String sql = command.add()
                    ? "INSERT INTO reactions (message_id, emoji, user_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING"
                    : "DELETE FROM reactions WHERE message_id = $1 AND emoji = $2 AND user_id = $3";
                return conn.preparedQuery(sql).execute(Tuple.of(message, command.emoji(),
                    UUID.fromString(command.user())));
              })
              .compose(changed -> changed.rowCount() == 0 ? Future.succeededFuture((RoomEvent) null)
                  : Writes.appendEvent(conn, command.room(), command.add()
                      ? new ReactionAdded(command.message(), command.emoji(), command.user())
                      : new ReactionRemoved(command.message(), command.emoji(), command.user())));
        }));
  }

  /** Follows or unfollows a thread, for anyone who can read the room; idempotent. */
  public Future<Void> follow(FollowThread command) {
    return access(command.room(), command.user())
        .compose(access -> root(pool, command.room(), command.message()))
        .compose(root -> pool.preparedQuery("""
                INSERT INTO thread_followers (thread_id, user_id, following) VALUES ($1, $2, $3)
                ON CONFLICT (thread_id, user_id) DO UPDATE SET following = EXCLUDED.following""")
            .execute(Tuple.of(root, UUID.fromString(command.user()), command.follow())))
        .mapEmpty();
  }

  /** Whether someone follows a thread (for notifications, and tests). */
  public Future<Boolean> follows(String thread, String user) {
    return pool.preparedQuery("SELECT following FROM thread_followers WHERE thread_id = $1 AND user_id = $2")
        .execute(Tuple.of(UUID.fromString(thread), UUID.fromString(user)))
        .map(rows -> rows.size() > 0 && rows.iterator().next().getBoolean("following"));
  }

  /** The id of a thread's root in this room: a message that is not itself a reply. */
  private static Future<UUID> root(SqlClient client, String room, String message) {
    if (!Ids.isId(message)) {
      return Future.failedFuture(noSuchMessage());
    }
    UUID id = UUID.fromString(message);
    return client.preparedQuery("SELECT thread_id FROM messages WHERE id = $1 AND room_id = $2")
        .execute(Tuple.of(id, UUID.fromString(room)))
        .map(rows -> {
          if (rows.size() == 0) {
            throw noSuchMessage();
          }
          if (rows.iterator().next().getUUID("thread_id") != null) {
            throw new ParleyException(ErrorCode.INVALID, "This message is a reply: its thread is its root's");
          }
          return id;
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

  /**
   * A page of the room's stored events after {@code after}, for a reader: up to {@code limit} seqs, in order. How a
   * device of an encrypted room catches up on its commits and messages, however far behind it is.
   */
  public Future<ReplayResult> eventsAfter(String room, String user, long after, int limit) {
    return access(room, user).map(Standing::lastSeq).compose(latest -> {
      long from = Math.max(0, after);
      if (from >= latest) {
        return Future.succeededFuture(new ReplayResult(latest, List.of(), false));
      }
      return events(room, from, Math.min(latest, from + limit)).map(events -> new ReplayResult(latest, events, false));
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

  /**
   * The room's events with seq in (after, upTo], messages and others merged in seq order. Messages come without
   * reactions: their reaction events follow in the log, and a count in the message would add them twice.
   */
  private Future<List<RoomEvent>> events(String room, long after, long upTo) {
    return pool.preparedQuery("SELECT * FROM (SELECT m.seq, 'message' AS type, NULL::jsonb AS data, "
            + messageColumns() + """
             FROM messages m JOIN users u ON u.id = m.sender_id
              LEFT JOIN message_mentions mm ON mm.room_id = m.room_id AND mm.seq = m.seq
              WHERE m.room_id = $1 AND m.seq > $2 AND m.seq <= $3
            UNION ALL
            SELECT e.seq, e.type, e.data, %s
              FROM room_events e
              WHERE e.room_id = $1 AND e.seq > $2 AND e.seq <= $3) log
            ORDER BY seq""".formatted(noMessageColumns()))
        .execute(Tuple.of(UUID.fromString(room), after, upTo))
        .map(rows -> {
          List<RoomEvent> events = new ArrayList<>();
          for (Row row : rows) {
            String type = row.getString("type");
            JsonObject data = EventType.MESSAGE.equals(type) ? messageView(row, null, null, List.of()).toJson()
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

  /** Takes the room's lock, as every writer of the room's log does, so events get their seqs in commit order. */
  private static Future<Void> lockRoom(SqlConnection conn, String room) {
    if (!Ids.isId(room)) {
      return Future.failedFuture(Permissions.notFound());
    }
    return conn.preparedQuery("SELECT id FROM rooms WHERE id = $1 FOR UPDATE").execute(Tuple.of(UUID.fromString(room)))
        .mapEmpty();
  }

  /** One message as a reader sees it in history, reactions included. */
  private static Future<MessageView> one(SqlClient client, String room, String user, String message) {
    return client.preparedQuery("SELECT m.seq, " + messageColumns() + ", " + REACTION_COLUMNS + " FROM messages m"
            + " JOIN users u ON u.id = m.sender_id" + MENTIONS + REACTIONS_OF_READER
            + " WHERE m.id = $3 AND m.room_id = $1")
        .execute(Tuple.of(UUID.fromString(room), UUID.fromString(user), UUID.fromString(message)))
        .map(rows -> {
          Row row = rows.iterator().next();
          return messageView(row, room, row.getLong("seq"), reactions(row));
        });
  }

  private static ParleyException noSuchMessage() {
    return new ParleyException(ErrorCode.NOT_FOUND, "No such message");
  }

  /** Whom each message mentions: {@link #messageColumns} reads it as {@code mm}. */
  private static final String MENTIONS =
      " LEFT JOIN message_mentions mm ON mm.room_id = m.room_id AND mm.seq = m.seq ";

  /**
   * The columns of {@link #messageView}, from {@code messages m}, {@code users u} (the sender) and
   * {@code message_mentions mm} (left-joined on room and seq).
   */
  static String messageColumns() {
    return String.join(", ", MESSAGE_COLUMNS);
  }

  /**
   * As many NULLs as {@link #messageColumns} has columns: what a room event (not a message) has in their place where
   * the two logs are merged by a UNION.
   */
  static String noMessageColumns() {
    return String.join(", ", Collections.nCopies(MESSAGE_COLUMNS.size(), "NULL"));
  }

  /** The names {@link #messageColumns} gives its columns, for a query that reads them from a subquery. */
  static List<String> messageColumnNames() {
    return MESSAGE_COLUMNS.stream().map(column -> column.substring(column.lastIndexOf(' ') + 1))
        .map(name -> name.startsWith("m.") ? name.substring(2) : name).toList();
  }

  private static final List<String> MESSAGE_COLUMNS = List.of("m.id", "m.sender_id", "u.name AS sender_name",
      "m.body", EPOCH_MS.formatted("m.created_at") + " AS ts", EPOCH_MS.formatted("m.edited_at") + " AS edited_ts",
      "m.deleted_at IS NOT NULL AS deleted", "m.thread_id", "m.also_in_channel", "m.reply_count",
      EPOCH_MS.formatted("m.last_reply_at") + " AS last_reply_ts", "m.participants", "mm.users AS mention_users",
      "coalesce(mm.channel, false) AS mentions_channel", "m.files", EncryptedRooms.COLUMN);

  /**
   * Each message's reactions for the reader ($2), as three arrays in the order the emoji first came: per message one
   * range of the reactions table's primary key, inside the page's own query.
   */
  private static final String REACTIONS_OF_READER = """
      LEFT JOIN LATERAL (
        SELECT array_agg(g.emoji ORDER BY g.first, g.emoji) AS reaction_emoji,
               array_agg(g.n ORDER BY g.first, g.emoji) AS reaction_counts,
               array_agg(g.mine ORDER BY g.first, g.emoji) AS reaction_mine
        FROM (SELECT x.emoji, count(*) AS n, bool_or(x.user_id = $2) AS mine, min(x.created_at) AS first
              FROM reactions x WHERE x.message_id = m.id GROUP BY x.emoji) g) rx ON true""";
  private static final String REACTION_COLUMNS = "rx.reaction_emoji, rx.reaction_counts, rx.reaction_mine";

  private static List<MessageView.Reaction> reactions(Row row) {
    String[] emoji = row.getArrayOfStrings("reaction_emoji");
    if (emoji == null) {
      return List.of();
    }
    Long[] counts = row.getArrayOfLongs("reaction_counts");
    Boolean[] mine = row.getArrayOfBooleans("reaction_mine");
    List<MessageView.Reaction> reactions = new ArrayList<>(emoji.length);
    for (int i = 0; i < emoji.length; i++) {
      reactions.add(new MessageView.Reaction(emoji[i], counts[i].intValue(), mine[i]));
    }
    return reactions;
  }

  private static List<String> uuids(UUID[] ids) {
    return ids == null ? List.of() : Arrays.stream(ids).map(UUID::toString).toList();
  }

  /**
   * A message as clients see it; {@code room} and {@code seq} only in history pages. A deleted one keeps its place
   * and its thread, but not its text or reactions.
   */
  static MessageView messageView(Row row, String room, Long seq) {
    return messageView(row, room, seq, List.of());
  }

  /** The same, with the reader's reactions. */
  private static MessageView messageView(Row row, String room, Long seq, List<MessageView.Reaction> reactions) {
    boolean deleted = row.getBoolean("deleted");
    UUID thread = row.getUUID("thread_id");
    MessageView view = new MessageView(row.getUUID("id").toString(), room, seq, row.getUUID("sender_id").toString(),
        row.getString("sender_name"), deleted ? "" : row.getString("body"), row.getLong("ts"),
        row.getLong("edited_ts"), deleted, thread == null ? null : thread.toString(),
        row.getBoolean("also_in_channel"), row.getInteger("reply_count"), row.getLong("last_reply_ts"),
        uuids(row.getArrayOfUUIDs("participants")), deleted ? List.of() : reactions,
        deleted ? List.of() : uuids(row.getArrayOfUUIDs("mention_users")), !deleted && row.getBoolean("mentions_channel"),
        FileStore.ofMessage(row, deleted));
    return row.getBoolean("encrypted") && !deleted ? view.encryptedAs(row.getString("body")) : view;
  }
}
