package dev.parley.rooms.store;

import dev.parley.shared.Ids;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Whether a room is end-to-end encrypted. The flag is set when a DM or group DM is created and never changes, so it
 * is remembered once read: a post to an encrypted room costs no extra round trip after the room's first.
 */
final class EncryptedRooms {

  /** A message row's room flag, for {@link MessageStore#messageColumns}: one primary-key probe per row. */
  static final String COLUMN = "coalesce((SELECT er.encrypted FROM rooms er WHERE er.id = m.room_id), false)"
      + " AS encrypted";

  private static final int KEPT = 10_000;

  private final Pool pool;
  private final Map<String, Boolean> known = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > KEPT;
    }
  };

  /** Reads of a room's flag under way, shared by everyone who asks meanwhile. */
  private final Map<String, Future<Boolean>> pending = new HashMap<>();

  EncryptedRooms(Pool pool) {
    this.pool = pool;
  }

  /**
   * Whether the room is encrypted; false for a room that does not exist (whose callers answer not found). Callers
   * asking while the room's flag is being read share that one read, and go on in the order they asked: posts to a
   * room keep their order (and a resend stays behind its original) into the message batches.
   */
  Future<Boolean> of(String room) {
    Boolean remembered = known.get(room);
    if (remembered != null) {
      return Future.succeededFuture(remembered);
    }
    if (!Ids.isId(room)) {
      return Future.succeededFuture(false);
    }
    Future<Boolean> reading = pending.get(room);
    if (reading != null) {
      return reading;
    }
    Future<Boolean> read = pool.preparedQuery("SELECT encrypted FROM rooms WHERE id = $1")
        .execute(Tuple.of(UUID.fromString(room)))
        .map(rows -> {
          pending.remove(room);
          if (rows.size() == 0) {
            return false;
          }
          boolean encrypted = rows.iterator().next().getBoolean("encrypted");
          known.put(room, encrypted);
          return encrypted;
        });
    pending.put(room, read);
    read.onFailure(failed -> pending.remove(room));
    return read;
  }
}
