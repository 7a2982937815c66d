package dev.parley.shared.files;

import dev.parley.shared.Addresses;
import dev.parley.shared.contract.Command;
import dev.parley.shared.contract.Json;
import dev.parley.shared.contract.JsonBody;
import dev.parley.shared.contract.Route;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Commands on {@link Addresses#ROOMS_CMD} about files: the gateway streams the bytes to storage, room-verticle keeps
 * what they are, where they were posted and who may read them.
 */
public final class FileCommands {

  /** The most files one message carries. */
  public static final int MAX_FILES_PER_MESSAGE = 10;

  /**
   * What the server records of every upload to an end-to-end encrypted room, whatever the browser called it: the
   * real name and type travel inside the MLS message that carries the file (docs/e2ee.md).
   */
  public static final String ENCRYPTED_NAME = "encrypted.bin";
  public static final String ENCRYPTED_TYPE = "application/octet-stream";

  private FileCommands() {
  }

  /**
   * May this person upload to this room now (they may post there)? The answer says how many bytes they uploaded in
   * the last 24 hours, for the gateway's daily quota.
   */
  public record BeginUpload(String room, String user) implements Command<UploadAllowance> {
    public static final Route<BeginUpload, UploadAllowance> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "BEGIN_UPLOAD", BeginUpload::fromJson, UploadAllowance::fromJson);

    @Override
    public Route<BeginUpload, UploadAllowance> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("room", room).put("user", user);
    }

    public static BeginUpload fromJson(JsonObject json) {
      return new BeginUpload(Json.text(json, "room"), Json.text(json, "user"));
    }
  }

  /**
   * {@code usedToday}: bytes the person uploaded in the last 24 hours; {@code encrypted}: the room is end-to-end
   * encrypted, so the upload is opaque bytes the browser encrypted (stored as {@link #ENCRYPTED_TYPE} under
   * {@link #ENCRYPTED_NAME}, never sniffed nor shown).
   */
  public record UploadAllowance(long usedToday, boolean encrypted) implements JsonBody {
    /** An upload to a plain room. */
    public UploadAllowance(long usedToday) {
      this(usedToday, false);
    }

    @Override
    public JsonObject toJson() {
      JsonObject json = new JsonObject().put("usedToday", usedToday);
      return encrypted ? json.put("encrypted", true) : json;
    }

    public static UploadAllowance fromJson(JsonObject json) {
      return new UploadAllowance(Json.whole(json, "usedToday"), Json.flag(json, "encrypted", false));
    }
  }

  /** A stored upload, not yet attached to a message: recorded if its uploader may still post in the room. */
  public record RecordFile(String room, String user, FileView file) implements Command<FileReply> {
    public static final Route<RecordFile, FileReply> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "RECORD_FILE", RecordFile::fromJson, FileReply::fromJson);

    @Override
    public Route<RecordFile, FileReply> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("room", room).put("user", user).put("file", file.toJson());
    }

    public static RecordFile fromJson(JsonObject json) {
      return new RecordFile(Json.text(json, "room"), Json.text(json, "user"),
          FileView.fromJson(Json.object(json, "file")));
    }
  }

  /**
   * A file for a reader: one attached to a message they can read (not deleted), or their own upload not attached
   * yet. Anything else, an unknown id included, is not found.
   */
  public record OpenFile(String file, String user) implements Command<FileReply> {
    public static final Route<OpenFile, FileReply> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "OPEN_FILE", OpenFile::fromJson, FileReply::fromJson);

    @Override
    public Route<OpenFile, FileReply> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("file", file).put("user", user);
    }

    public static OpenFile fromJson(JsonObject json) {
      return new OpenFile(Json.text(json, "file"), Json.text(json, "user"));
    }
  }

  /** {@code {"file":{..}}}. */
  public record FileReply(FileView file) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("file", file.toJson());
    }

    public static FileReply fromJson(JsonObject json) {
      return new FileReply(FileView.fromJson(Json.object(json, "file")));
    }
  }

  /**
   * Forgets uploads never attached to a message and older than {@code olderThanMillis}, at most {@code limit} of
   * them; the answer names them, so that the gateway removes their bytes from storage.
   */
  public record SweepFiles(long olderThanMillis, int limit) implements Command<SweptFiles> {
    public static final Route<SweepFiles, SweptFiles> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "SWEEP_FILES", SweepFiles::fromJson, SweptFiles::fromJson);

    @Override
    public Route<SweepFiles, SweptFiles> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("olderThanMillis", olderThanMillis).put("limit", limit);
    }

    public static SweepFiles fromJson(JsonObject json) {
      return new SweepFiles(Json.whole(json, "olderThanMillis"), Json.integer(json, "limit"));
    }
  }

  /** The ids of the files forgotten. */
  public record SweptFiles(List<String> ids) implements JsonBody {
    public SweptFiles {
      ids = List.copyOf(ids);
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("ids", new JsonArray(ids));
    }

    public static SweptFiles fromJson(JsonObject json) {
      return new SweptFiles(Json.texts(json, "ids"));
    }
  }
}
