package dev.parley.rooms.store;

import dev.parley.rooms.access.Permissions.Need;
import dev.parley.rooms.access.Permissions;
import dev.parley.shared.ErrorCode;
import dev.parley.shared.Ids;
import dev.parley.shared.ParleyException;
import dev.parley.shared.e2ee.E2eeCommands;
import dev.parley.shared.e2ee.E2eeCommands.BackupEntries;
import dev.parley.shared.e2ee.E2eeCommands.BackupEntry;
import dev.parley.shared.e2ee.E2eeCommands.ClaimedKeyPackage;
import dev.parley.shared.e2ee.E2eeCommands.ClaimedKeyPackages;
import dev.parley.shared.e2ee.E2eeCommands.Device;
import dev.parley.shared.e2ee.E2eeCommands.PostCommit;
import dev.parley.shared.e2ee.E2eeCommands.Welcome;
import dev.parley.shared.e2ee.E2eeEvents;
import dev.parley.shared.e2ee.MlsWire;
import dev.parley.shared.events.RoomEvent;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import io.vertx.core.buffer.Buffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * All SQL of end-to-end encryption (docs/e2ee.md): the device directory, one-time key packages, the MLS handshake
 * relay (commits in the room's seq, welcomes per device) and key backups. Everything stored is public MLS material
 * or ciphertext; every input is checked with {@link MlsWire} before anything is written, in one transaction.
 */
public final class E2eeStore {

  private static final String UNIQUE_VIOLATION = "23505";
  /** A device is live while the session it was made in is: a signed-out or expired browser holds no keys. */
  private static final String LIVE = "JOIN sessions s ON s.id = d.session_id AND s.revoked_at IS NULL"
      + " AND s.expires_at > now()";
  private static final String DEVICE_COLUMNS = "d.id, d.user_id, d.name, d.signature_key,"
      + " (extract(epoch FROM d.created_at) * 1000)::bigint AS created_ms";
  private static final int MAX_NAME = 100;

  private final Pool pool;

  public E2eeStore(Pool pool) {
    this.pool = pool;
  }

  /** What a commit stored: its reply, its event, and who has a welcome waiting on which device. */
  public record Committed(E2eeCommands.CommitStored stored, RoomEvent event, List<String[]> welcomed) {
  }

  /** Key packages stored: how many the device has unclaimed now, and whether these were its first (new keys). */
  public record Uploaded(int available, boolean firstKeys) {
  }

  /** Makes the session's browser a device of its person (once: the same session answers its device again). */
  public Future<Device> register(String user, String session, String name) {
    if (!Ids.isId(user) || !Ids.isId(session)) {
      return Future.failedFuture(invalid("A device belongs to a signed-in session"));
    }
    String shown = name == null ? "" : name.strip();
    if (shown.length() > MAX_NAME) {
      return Future.failedFuture(invalid("A device's name has at most " + MAX_NAME + " characters"));
    }
    return pool.withTransaction(conn -> conn.preparedQuery("""
            SELECT count(*) AS devices FROM e2ee_devices d %s WHERE d.user_id = $1 AND d.session_id <> $2"""
            .formatted(LIVE))
        .execute(Tuple.of(UUID.fromString(user), UUID.fromString(session)))
        .compose(counted -> {
          if (counted.iterator().next().getLong("devices") >= E2eeCommands.MAX_DEVICES_PER_PERSON) {
            throw new ParleyException(ErrorCode.CONFLICT, "You have " + E2eeCommands.MAX_DEVICES_PER_PERSON
                + " devices with keys already: remove one first");
          }
          return conn.preparedQuery("""
                  INSERT INTO e2ee_devices (user_id, session_id, name)
                  SELECT s.user_id, s.id, $3 FROM sessions s
                  WHERE s.id = $2 AND s.user_id = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
                  ON CONFLICT (session_id) DO UPDATE SET name = EXCLUDED.name
                  RETURNING id, user_id, name, signature_key,
                            (extract(epoch FROM created_at) * 1000)::bigint AS created_ms""")
              .execute(Tuple.of(UUID.fromString(user), UUID.fromString(session), shown));
        })
        .map(rows -> {
          if (rows.size() == 0) {
            throw new ParleyException(ErrorCode.UNAUTHORIZED, "This session has ended: sign in again");
          }
          return device(rows.iterator().next());
        }));
  }

  /** The live devices of these people. */
  public Future<List<Device>> list(List<String> people) {
    UUID[] ids = people.stream().filter(Ids::isId).map(UUID::fromString).distinct().toArray(UUID[]::new);
    return pool.preparedQuery("SELECT " + DEVICE_COLUMNS + " FROM e2ee_devices d " + LIVE
            + " WHERE d.user_id = ANY ($1) ORDER BY d.user_id, d.created_at, d.id")
        .execute(Tuple.of(ids))
        .map(rows -> {
          List<Device> devices = new ArrayList<>();
          for (Row row : rows) {
            devices.add(device(row));
          }
          return devices;
        });
  }

  /** The person takes one of their devices out of the directory; someone else's device answers as none. */
  public Future<Void> remove(String user, String device) {
    if (!Ids.isId(user) || !Ids.isId(device)) {
      return Future.failedFuture(noSuchDevice());
    }
    return pool.preparedQuery("DELETE FROM e2ee_devices WHERE id = $1 AND user_id = $2")
        .execute(Tuple.of(UUID.fromString(device), UUID.fromString(user)))
        .map(rows -> {
          if (rows.rowCount() == 0) {
            throw noSuchDevice();
          }
          return null;
        });
  }

  /** The encrypted rooms someone is in: where their device changes are announced. */
  public Future<List<String>> encryptedRooms(String user) {
    return pool.preparedQuery("""
            SELECT m.room_id FROM memberships m JOIN rooms r ON r.id = m.room_id AND r.encrypted
            WHERE m.user_id = $1""")
        .execute(Tuple.of(UUID.fromString(user)))
        .map(rows -> {
          List<String> rooms = new ArrayList<>();
          rows.forEach(row -> rooms.add(row.getUUID("room_id").toString()));
          return rooms;
        });
  }

  /**
   * Stores a device's own key packages, all or none: each must parse, be signed by its own key, name this device in
   * its credential, and carry the device's one signature key; bytes seen before (claimed or not) are refused.
   */
  public Future<Uploaded> upload(String user, String device, List<String> encoded) {
    if (encoded.isEmpty() || encoded.size() > E2eeCommands.MAX_KEY_PACKAGES_PER_UPLOAD) {
      return Future.failedFuture(invalid("Upload 1 to " + E2eeCommands.MAX_KEY_PACKAGES_PER_UPLOAD
          + " key packages at once"));
    }
    if (!Ids.isId(user) || !Ids.isId(device)) {
      return Future.failedFuture(noSuchDevice());
    }
    String identity = MlsWire.identity(user, device);
    List<byte[]> bodies = new ArrayList<>();
    List<byte[]> digests = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    byte[] signatureKey = null;
    for (String one : encoded) {
      byte[] body = MlsWire.base64(one, "keyPackages", E2eeCommands.MAX_KEY_PACKAGE_BYTES);
      MlsWire.KeyPackage parsed = MlsWire.keyPackage(body);
      if (!parsed.identity().equals(identity)) {
        throw new ParleyException(ErrorCode.FORBIDDEN,
            "A key package must name the device that uploads it: a device uploads keys only for itself");
      }
      if (signatureKey != null && !Arrays.equals(signatureKey, parsed.signatureKey())) {
        throw invalid("All key packages of a device carry its one signature key");
      }
      signatureKey = parsed.signatureKey();
      byte[] digest = sha256(body);
      if (!seen.add(Base64.getEncoder().encodeToString(digest))) {
        throw reused();
      }
      bodies.add(body);
      digests.add(digest);
    }
    byte[] key = signatureKey;
    UUID deviceId = UUID.fromString(device);
    return pool.withTransaction(conn -> conn.preparedQuery("""
            SELECT d.signature_key,
                   (SELECT count(*) FROM e2ee_key_packages k WHERE k.device_id = d.id AND k.claimed_at IS NULL) AS free
            FROM e2ee_devices d %s WHERE d.id = $1 AND d.user_id = $2 FOR UPDATE OF d""".formatted(LIVE))
        .execute(Tuple.of(deviceId, UUID.fromString(user)))
        .compose(rows -> {
          if (rows.size() == 0) {
            throw noSuchDevice();
          }
          Row row = rows.iterator().next();
          Buffer known = row.getBuffer("signature_key");
          if (known != null && !Arrays.equals(known.getBytes(), key)) {
            throw new ParleyException(ErrorCode.CONFLICT,
                "This device has another signature key: new keys mean a new device (sign in again)");
          }
          long free = row.getLong("free");
          if (free + bodies.size() > E2eeCommands.MAX_KEY_PACKAGES_PER_DEVICE) {
            throw new ParleyException(ErrorCode.CONFLICT, "A device holds at most "
                + E2eeCommands.MAX_KEY_PACKAGES_PER_DEVICE + " unclaimed key packages");
          }
          List<Tuple> batch = new ArrayList<>();
          for (int i = 0; i < bodies.size(); i++) {
            batch.add(Tuple.of(deviceId, Buffer.buffer(digests.get(i)), Buffer.buffer(bodies.get(i))));
          }
          return conn.preparedQuery("INSERT INTO e2ee_key_packages (device_id, digest, body) VALUES ($1, $2, $3)")
              .executeBatch(batch)
              .compose(inserted -> conn.preparedQuery(
                      "UPDATE e2ee_devices SET signature_key = $2 WHERE id = $1 AND signature_key IS NULL")
                  .execute(Tuple.of(deviceId, Buffer.buffer(key))))
              .map(updated -> new Uploaded((int) free + bodies.size(), updated.rowCount() == 1));
        }))
        .recover(failure -> Future.failedFuture(isUniqueViolation(failure) ? reused() : failure));
  }

  /**
   * Takes one unclaimed key package of each device, atomically: a row locked by a concurrent claim is skipped
   * (SKIP LOCKED) and the claimed ones lose their bytes, so each is handed out once, ever.
   */
  public Future<ClaimedKeyPackages> claim(String user, List<String> devices) {
    Set<String> wanted = new LinkedHashSet<>();
    for (String device : devices) {
      if (!Ids.isId(device)) {
        return Future.failedFuture(invalid("'devices' must be device ids"));
      }
      wanted.add(device);
    }
    if (wanted.isEmpty() || wanted.size() > E2eeCommands.MAX_DEVICES_PER_PERSON * 10) {
      return Future.failedFuture(invalid("Claim key packages of 1 to "
          + E2eeCommands.MAX_DEVICES_PER_PERSON * 10 + " devices"));
    }
    UUID[] ids = wanted.stream().map(UUID::fromString).toArray(UUID[]::new);
    return pool.withTransaction(conn -> conn.preparedQuery("""
            WITH taken AS (
              SELECT k.id, d.id AS device_id, d.user_id, k.body
              FROM unnest($1::uuid[]) AS w(device)
              JOIN e2ee_devices d ON d.id = w.device
              %s
              CROSS JOIN LATERAL (SELECT x.id, x.body FROM e2ee_key_packages x
                                  WHERE x.device_id = d.id AND x.claimed_at IS NULL
                                  ORDER BY x.id LIMIT 1 FOR UPDATE SKIP LOCKED) k
            ), claimed AS (
              UPDATE e2ee_key_packages k SET claimed_at = now(), claimed_by = $2, body = NULL
              FROM taken t WHERE k.id = t.id
            )
            SELECT device_id, user_id, body FROM taken""".formatted(LIVE))
        .execute(Tuple.of(ids, UUID.fromString(user))))
        .map(rows -> {
          List<ClaimedKeyPackage> claimed = new ArrayList<>();
          Set<String> missing = new LinkedHashSet<>(wanted);
          for (Row row : rows) {
            String device = row.getUUID("device_id").toString();
            missing.remove(device);
            claimed.add(new ClaimedKeyPackage(device, row.getUUID("user_id").toString(),
                Base64.getEncoder().encodeToString(row.getBuffer("body").getBytes())));
          }
          return new ClaimedKeyPackages(claimed, List.copyOf(missing));
        });
  }

  /**
   * Relays a commit: under the room's lock, a member's own live device, an encrypted room, the commit of this room's
   * group from the epoch after the last one stored (the first to arrive wins; a commit from an older epoch is
   * {@code conflict}), stored as an {@code e2ee.commit} event in the room's seq, with its welcome for each added
   * device of a member.
   */
  public Future<Committed> commit(PostCommit command) {
    if (!Ids.isId(command.room()) || !Ids.isId(command.user()) || !Ids.isId(command.device())) {
      return Future.failedFuture(Permissions.notFound());
    }
    MlsWire.Framed framed = MlsWire.commit(MlsWire.base64(command.commit(), "commit",
        E2eeCommands.MAX_HANDSHAKE_BYTES));
    if (!command.room().equals(framed.groupId())) {
      return Future.failedFuture(invalid("The commit is for another group than this room's"));
    }
    byte[] welcome = command.welcome() == null ? null
        : MlsWire.base64(command.welcome(), "welcome", E2eeCommands.MAX_HANDSHAKE_BYTES);
    if (welcome != null) {
      MlsWire.welcome(welcome);
    }
    if ((welcome == null) != command.welcomeTo().isEmpty()) {
      return Future.failedFuture(invalid("A welcome goes with 'welcomeTo', the devices it adds, and only then"));
    }
    if (!command.welcomeTo().stream().allMatch(Ids::isId)) {
      return Future.failedFuture(invalid("'welcomeTo' must be device ids"));
    }
    UUID room = UUID.fromString(command.room());
    UUID[] targets = command.welcomeTo().stream().map(UUID::fromString).distinct().toArray(UUID[]::new);
    return pool.withTransaction(conn -> conn.preparedQuery(
                "SELECT encrypted, (SELECT max(epoch) FROM e2ee_epochs e WHERE e.room_id = r.id) AS last_epoch"
                    + " FROM rooms r WHERE r.id = $1 FOR UPDATE")
            .execute(Tuple.of(room))
            .compose(locked -> Standings.load(conn, command.room(), command.user()).map(who -> {
              Permissions.require(who, Need.READ);
              Row row = locked.iterator().next();
              if (!row.getBoolean("encrypted")) {
                throw invalid("This conversation is not end-to-end encrypted");
              }
              Long last = row.getLong("last_epoch");
              long expected = last == null ? framed.epoch() : last + 1;
              if (framed.epoch() != expected) {
                throw new ParleyException(ErrorCode.CONFLICT, "Another change to this conversation's keys came"
                    + " first (epoch " + expected + " is next): catch up and try again");
              }
              return row;
            }))
            .compose(ok -> ownLiveDevice(conn, command.user(), command.device()))
            .compose(ok -> conn.preparedQuery("""
                    SELECT d.id, d.user_id FROM e2ee_devices d %s
                    JOIN memberships m ON m.room_id = $2 AND m.user_id = d.user_id
                    WHERE d.id = ANY ($1)""".formatted(LIVE))
                .execute(Tuple.of(targets, room)))
            .compose(found -> {
              if (found.size() != targets.length) {
                throw invalid("'welcomeTo' must be devices of the conversation's members");
              }
              List<String[]> welcomed = new ArrayList<>();
              found.forEach(row -> welcomed.add(new String[] {row.getUUID("user_id").toString(),
                  row.getUUID("id").toString()}));
              return Writes.appendEvent(conn, command.room(), new E2eeEvents.Commit(command.user(),
                      command.device(), framed.epoch(), command.commit()))
                  .compose(event -> conn.preparedQuery(
                          "INSERT INTO e2ee_epochs (room_id, epoch, device_id, seq) VALUES ($1, $2, $3, $4)")
                      .execute(Tuple.of(room, framed.epoch(), UUID.fromString(command.device()), event.seq()))
                      .compose(stored -> welcome == null ? Future.succeededFuture() : conn.preparedQuery("""
                              INSERT INTO e2ee_welcomes (device_id, room_id, epoch, body)
                              SELECT t, $2, $3, $4 FROM unnest($1::uuid[]) AS t""")
                          .execute(Tuple.of(targets, room, framed.epoch() + 1, Buffer.buffer(welcome)))
                          .mapEmpty())
                      .map(stored -> new Committed(new E2eeCommands.CommitStored(event.seq(), framed.epoch()),
                          event, welcomed)));
            }))
        .recover(failure -> Future.failedFuture(isUniqueViolation(failure)
            ? new ParleyException(ErrorCode.CONFLICT, "Another change to this conversation's keys came first:"
                + " catch up and try again")
            : failure));
  }

  /** The welcomes waiting for the caller's own live device, oldest first, with the seq of the commit that made each. */
  public Future<List<Welcome>> welcomes(String user, String device) {
    if (!Ids.isId(user) || !Ids.isId(device)) {
      return Future.failedFuture(noSuchDevice());
    }
    return ownLiveDevice(pool, user, device)
        .compose(ok -> pool.preparedQuery("""
                SELECT w.id, w.room_id, w.epoch, e.seq, w.body FROM e2ee_welcomes w
                JOIN e2ee_epochs e ON e.room_id = w.room_id AND e.epoch = w.epoch - 1
                JOIN memberships m ON m.room_id = w.room_id AND m.user_id = $2
                WHERE w.device_id = $1 ORDER BY w.id LIMIT 500""")
            .execute(Tuple.of(UUID.fromString(device), UUID.fromString(user))))
        .map(rows -> {
          List<Welcome> welcomes = new ArrayList<>();
          for (Row row : rows) {
            welcomes.add(new Welcome(row.getLong("id"), row.getUUID("room_id").toString(), row.getLong("epoch"),
                row.getLong("seq"), Base64.getEncoder().encodeToString(row.getBuffer("body").getBytes())));
          }
          return welcomes;
        });
  }

  /** Keeps one entry of the person's key backup, replacing one of the same name. */
  public Future<Void> putBackup(String user, String name, String backup) {
    if (!Ids.isId(user)) {
      return Future.failedFuture(Permissions.notFound());
    }
    if (name == null || name.isEmpty() || name.length() > E2eeCommands.MAX_BACKUP_NAME) {
      return Future.failedFuture(invalid("A backup entry's name has 1 to " + E2eeCommands.MAX_BACKUP_NAME
          + " characters"));
    }
    byte[] body = MlsWire.base64(backup, "backup", E2eeCommands.MAX_BACKUP_BYTES);
    return pool.withTransaction(conn -> conn.preparedQuery("""
            SELECT count(*) AS entries FROM e2ee_backups WHERE user_id = $1 AND name <> $2""")
        .execute(Tuple.of(UUID.fromString(user), name))
        .compose(counted -> {
          if (counted.iterator().next().getLong("entries") >= E2eeCommands.MAX_BACKUP_ENTRIES) {
            throw new ParleyException(ErrorCode.CONFLICT, "Your key backup is full");
          }
          return conn.preparedQuery("""
                  INSERT INTO e2ee_backups (user_id, name, body) VALUES ($1, $2, $3)
                  ON CONFLICT (user_id, name) DO UPDATE SET body = EXCLUDED.body, updated_at = now()""")
              .execute(Tuple.of(UUID.fromString(user), name, Buffer.buffer(body)));
        })
        .mapEmpty());
  }

  /** A page of the person's backup entries in name order, after a name. */
  public Future<BackupEntries> readBackup(String user, String after) {
    if (!Ids.isId(user)) {
      return Future.failedFuture(Permissions.notFound());
    }
    return pool.preparedQuery("""
            SELECT name, body FROM e2ee_backups WHERE user_id = $1 AND name > $2 ORDER BY name LIMIT $3""")
        .execute(Tuple.of(UUID.fromString(user), after == null ? "" : after, E2eeCommands.BACKUP_PAGE + 1))
        .map(rows -> {
          List<BackupEntry> entries = new ArrayList<>();
          for (Row row : rows) {
            entries.add(new BackupEntry(row.getString("name"),
                Base64.getEncoder().encodeToString(row.getBuffer("body").getBytes())));
          }
          boolean more = entries.size() > E2eeCommands.BACKUP_PAGE;
          return new BackupEntries(more ? entries.subList(0, E2eeCommands.BACKUP_PAGE) : entries, more);
        });
  }

  private static Future<Void> ownLiveDevice(SqlClient client, String user, String device) {
    return client.preparedQuery("SELECT 1 FROM e2ee_devices d " + LIVE + " WHERE d.id = $1 AND d.user_id = $2")
        .execute(Tuple.of(UUID.fromString(device), UUID.fromString(user)))
        .map(rows -> {
          if (rows.size() == 0) {
            throw new ParleyException(ErrorCode.FORBIDDEN, "That is not a device of yours that is signed in");
          }
          return null;
        });
  }

  private static Device device(Row row) {
    Buffer key = row.getBuffer("signature_key");
    return new Device(row.getUUID("id").toString(), row.getUUID("user_id").toString(), row.getString("name"),
        key == null ? null : Base64.getEncoder().encodeToString(key.getBytes()), row.getLong("created_ms"));
  }

  private static boolean isUniqueViolation(Throwable failure) {
    return failure instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState());
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("Every Java has SHA-256", impossible);
    }
  }

  private static ParleyException reused() {
    return new ParleyException(ErrorCode.CONFLICT, "This key package was uploaded before: a key package is used once");
  }

  private static ParleyException noSuchDevice() {
    return new ParleyException(ErrorCode.NOT_FOUND, "No such device of yours");
  }

  private static ParleyException invalid(String message) {
    return new ParleyException(ErrorCode.INVALID, message);
  }
}
