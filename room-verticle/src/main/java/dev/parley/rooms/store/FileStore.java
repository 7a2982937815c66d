package dev.parley.rooms.store;

import dev.parley.rooms.access.Permissions;
import dev.parley.rooms.access.Permissions.Need;
import dev.parley.shared.ErrorCode;
import dev.parley.shared.Ids;
import dev.parley.shared.ParleyException;
import dev.parley.shared.files.FileCommands.BeginUpload;
import dev.parley.shared.files.FileCommands.FileReply;
import dev.parley.shared.files.FileCommands.OpenFile;
import dev.parley.shared.files.FileCommands.RecordFile;
import dev.parley.shared.files.FileCommands.SweepFiles;
import dev.parley.shared.files.FileCommands.SweptFiles;
import dev.parley.shared.files.FileCommands.UploadAllowance;
import dev.parley.shared.files.FileView;
import dev.parley.shared.rooms.MessageCommands.PostMessage;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * All SQL about files: what an upload is (its bytes are the gateway's, in storage), who may fetch it, the daily
 * quota, the sweep of uploads never sent, and attaching uploads to the message that sends them. One instance belongs
 * to one verticle and its event loop.
 *
 * <p>Who may read a file: whoever may read the room of the (not deleted) message that carries it, and before it is
 * sent, its uploader alone. Everyone else is told it does not exist, exactly as for an unknown id.
 */
public final class FileStore {

  private static final String COLUMNS = "f.id, f.name, f.size, f.type, f.width, f.height, f.thumbnail";

  private final Pool pool;
  private final EncryptedRooms encryption;

  public FileStore(Pool pool) {
    this.pool = pool;
    this.encryption = new EncryptedRooms(pool);
  }

  /**
   * An uploader who may post in the room learns how much they uploaded in the last 24 hours, and whether the room is
   * end-to-end encrypted (then the browser encrypted the file, and the gateway keeps its bytes as they come).
   */
  public Future<UploadAllowance> begin(BeginUpload command) {
    return Standings.load(pool, command.room(), command.user())
        .map(who -> Permissions.require(who, Need.POST))
        .compose(allowed -> encryption.of(command.room()))
        .compose(encrypted -> usedToday(command.user()).map(used -> new UploadAllowance(used, encrypted)));
  }

  private Future<Long> usedToday(String user) {
    return pool.preparedQuery("SELECT coalesce(sum(size), 0)::bigint AS used FROM files"
            + " WHERE uploader_id = $1 AND created_at > now() - interval '1 day'")
        .execute(Tuple.of(UUID.fromString(user)))
        .map(rows -> rows.iterator().next().getLong("used"));
  }

  /** Records a stored upload, not attached yet, if its uploader may still post in the room. */
  public Future<FileReply> record(RecordFile command) {
    FileView file = command.file();
    if (!Ids.isId(file.id())) {
      return Future.failedFuture(new ParleyException(ErrorCode.INVALID, "A file id is a UUID"));
    }
    return Standings.load(pool, command.room(), command.user())
        .map(who -> Permissions.require(who, Need.POST))
        .compose(allowed -> pool.preparedQuery("""
                INSERT INTO files (id, room_id, uploader_id, name, size, type, width, height, thumbnail)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)""")
            .execute(Tuple.tuple().addUUID(UUID.fromString(file.id())).addUUID(UUID.fromString(command.room()))
                .addUUID(UUID.fromString(command.user())).addString(file.name()).addLong(file.size())
                .addString(file.type()).addInteger(file.width()).addInteger(file.height())
                .addBoolean(file.thumbnail())))
        .map(inserted -> new FileReply(file));
  }

  /** A file for a reader (see the class comment); anything they may not read is not found. */
  public Future<FileReply> open(OpenFile command) {
    if (!Ids.isId(command.file()) || !Ids.isId(command.user())) {
      return Future.failedFuture(noSuchFile());
    }
    return pool.preparedQuery("SELECT " + COLUMNS + """
            , f.room_id, f.uploader_id, f.message_id, m.deleted_at IS NOT NULL AS deleted
            FROM files f LEFT JOIN messages m ON m.id = f.message_id WHERE f.id = $1""")
        .execute(Tuple.of(UUID.fromString(command.file())))
        .compose(rows -> {
          if (rows.size() == 0) {
            throw noSuchFile();
          }
          Row row = rows.iterator().next();
          boolean sent = row.getUUID("message_id") != null;
          if (sent ? row.getBoolean("deleted") : !row.getUUID("uploader_id").toString().equals(command.user())) {
            throw noSuchFile();
          }
          return Standings.load(pool, row.getUUID("room_id").toString(), command.user()).map(who -> {
            Permissions.requireFileReader(who);
            return new FileReply(view(row));
          });
        })
        .recover(failure -> Future.failedFuture(failure instanceof ParleyException refused
            && refused.code() == ErrorCode.NOT_FOUND ? noSuchFile() : failure));
  }

  /** Forgets the oldest uploads never sent, older than the given age; their ids go back for storage to drop. */
  public Future<SweptFiles> sweep(SweepFiles command) {
    return pool.preparedQuery("""
            DELETE FROM files WHERE id IN (
              SELECT id FROM files WHERE message_id IS NULL
                AND created_at < now() - $1::bigint * interval '1 millisecond'
              ORDER BY created_at LIMIT $2)
            RETURNING id""")
        .execute(Tuple.of(command.olderThanMillis(), command.limit()))
        .map(rows -> {
          List<String> ids = new ArrayList<>();
          rows.forEach(row -> ids.add(row.getUUID("id").toString()));
          return new SweptFiles(ids);
        });
  }

  /**
   * The files a batch of messages wants to send, locked for the batch's transaction, and which messages may send
   * them: every file must be the sender's upload to that room, not sent yet (or sent by this very message, when it
   * is a resend of the same client id), and claimed by no earlier message of the batch. One query for the batch.
   */
  static Future<Claims> claim(SqlConnection conn, List<PostMessage> messages) {
    List<UUID> wanted = new ArrayList<>();
    messages.forEach(message -> message.files().forEach(id -> wanted.add(UUID.fromString(id))));
    return conn.preparedQuery("SELECT " + COLUMNS + """
            , f.room_id, f.uploader_id, f.message_id, m.sender_id AS sent_by, m.client_msg_id AS sent_as
            FROM files f LEFT JOIN messages m ON m.id = f.message_id
            WHERE f.id = ANY ($1) ORDER BY f.id FOR UPDATE OF f""")
        .execute(Tuple.of(wanted.toArray(UUID[]::new)))
        .map(rows -> claims(messages, rows));
  }

  private static Claims claims(List<PostMessage> messages, RowSet<Row> rows) {
    Map<String, Row> found = new HashMap<>();
    rows.forEach(row -> found.put(row.getUUID("id").toString(), row));
    Set<String> taken = new HashSet<>();
    List<List<FileView>> files = new ArrayList<>(messages.size());
    for (PostMessage message : messages) {
      List<FileView> mine = new ArrayList<>(message.files().size());
      for (String id : message.files()) {
        Row row = found.get(id);
        boolean sentByThis = row != null && row.getUUID("message_id") != null
            && message.sender().equals(String.valueOf(row.getUUID("sent_by")))
            && message.cid().equals(row.getString("sent_as"));
        if (row == null || !row.getUUID("room_id").toString().equals(message.room())
            || !row.getUUID("uploader_id").toString().equals(message.sender())
            || (row.getUUID("message_id") != null && !sentByThis) || !taken.add(id)) {
          mine = null;
          break;
        }
        mine.add(view(row));
      }
      files.add(mine);
    }
    return new Claims(files);
  }

  /**
   * Per message of a batch, in its order: the descriptors of its files (empty for a message without), or null when
   * it may not send them.
   */
  record Claims(List<List<FileView>> files) {
  }

  /** Attaches the files of the messages the batch created, and writes their descriptors on those messages. */
  static Future<Void> attach(SqlConnection conn, List<UUID> messageIds, List<List<FileView>> files) {
    List<UUID> fileIds = new ArrayList<>();
    List<UUID> owners = new ArrayList<>();
    List<String> descriptors = new ArrayList<>();
    for (int i = 0; i < messageIds.size(); i++) {
      JsonArray json = new JsonArray();
      for (FileView file : files.get(i)) {
        fileIds.add(UUID.fromString(file.id()));
        owners.add(messageIds.get(i));
        json.add(file.toJson());
      }
      descriptors.add(json.encode());
    }
    if (messageIds.isEmpty()) {
      return Future.succeededFuture();
    }
    return conn.preparedQuery("""
            WITH attached AS (
              UPDATE files f SET message_id = x.message_id
              FROM unnest($1::uuid[], $2::uuid[]) AS x(file_id, message_id) WHERE f.id = x.file_id)
            UPDATE messages m SET files = x.files::jsonb
            FROM unnest($3::uuid[], $4::text[]) AS x(id, files) WHERE m.id = x.id""")
        .execute(Tuple.of(fileIds.toArray(UUID[]::new), owners.toArray(UUID[]::new),
            messageIds.toArray(UUID[]::new), descriptors.toArray(String[]::new)))
        .mapEmpty();
  }

  /** A message's files as stored on its row ({@code m.files}); none when the message is deleted. */
  static List<FileView> ofMessage(Row row, boolean deleted) {
    Object stored = row.getValue("files");
    if (deleted || !(stored instanceof JsonArray array)) {
      return List.of();
    }
    List<FileView> files = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      files.add(FileView.fromJson(array.getJsonObject(i)));
    }
    return files;
  }

  static ParleyException refusedFiles() {
    return new ParleyException(ErrorCode.INVALID,
        "'files' must be files you uploaded to this room and have not sent yet");
  }

  private static FileView view(Row row) {
    return new FileView(row.getUUID("id").toString(), row.getString("name"), row.getLong("size"),
        row.getString("type"), row.getInteger("width"), row.getInteger("height"), row.getBoolean("thumbnail"));
  }

  private static ParleyException noSuchFile() {
    return new ParleyException(ErrorCode.NOT_FOUND, "No such file");
  }
}
