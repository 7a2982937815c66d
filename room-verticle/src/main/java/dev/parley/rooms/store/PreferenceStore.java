package dev.parley.rooms.store;

import dev.parley.shared.ErrorCode;
import dev.parley.shared.Ids;
import dev.parley.shared.ParleyException;
import dev.parley.shared.notify.PreferenceCommands.DoNotDisturb;
import dev.parley.shared.notify.PreferenceCommands.PersonSettings;
import dev.parley.shared.notify.PreferenceCommands.RoomSettings;
import dev.parley.shared.notify.PreferenceCommands.SetPersonSettings;
import dev.parley.shared.notify.PreferenceCommands.SetRoomSettings;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;
import java.util.regex.Pattern;

/** All SQL about how people want to be notified: their own settings and each room's. */
public final class PreferenceStore {

  /** A time of day as {@code HH:mm}. */
  private static final Pattern TIME_OF_DAY = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");

  private static final String PERSON_COLUMNS =
      "email, to_char(dnd_start, 'HH24:MI') AS dnd_start, to_char(dnd_end, 'HH24:MI') AS dnd_end, time_zone";

  private final Pool pool;

  public PreferenceStore(Pool pool) {
    this.pool = pool;
  }

  public Future<PersonSettings> person(String user) {
    if (!Ids.isId(user)) {
      return Future.succeededFuture(new PersonSettings(true, null));
    }
    return pool.preparedQuery("SELECT " + PERSON_COLUMNS + " FROM notification_user_prefs WHERE user_id = $1")
        .execute(Tuple.of(UUID.fromString(user)))
        .map(PreferenceStore::personOf);
  }

  public Future<PersonSettings> setPerson(SetPersonSettings command) {
    if (!Ids.isId(command.user())) {
      return Future.failedFuture(new ParleyException(ErrorCode.INVALID, "user must be a user id"));
    }
    DoNotDisturb dnd = command.setDoNotDisturb() ? command.doNotDisturb() : null;
    if (dnd != null) {
      checkDoNotDisturb(dnd);
    }
    // The decision reads the time zone in SQL: a name PostgreSQL does not know would fail every message's decision.
    Future<Void> known = dnd == null ? Future.succeededFuture()
        : pool.preparedQuery("SELECT 1 FROM pg_timezone_names WHERE name = $1").execute(Tuple.of(dnd.timeZone()))
            .compose(rows -> rows.size() == 0
                ? Future.failedFuture(new ParleyException(ErrorCode.INVALID, "Unknown time zone: " + dnd.timeZone()))
                : Future.succeededFuture());
    return known.compose(checked -> pool.preparedQuery("""
            INSERT INTO notification_user_prefs AS p (user_id, email, dnd_start, dnd_end, time_zone)
            VALUES ($1, coalesce($2, true), $4::time, $5::time, $6)
            ON CONFLICT (user_id) DO UPDATE SET email = coalesce($2, p.email),
              dnd_start = CASE WHEN $3 THEN $4::time ELSE p.dnd_start END,
              dnd_end = CASE WHEN $3 THEN $5::time ELSE p.dnd_end END,
              time_zone = CASE WHEN $3 THEN $6 ELSE p.time_zone END
            RETURNING\s""" + PERSON_COLUMNS)
        .execute(Tuple.of(UUID.fromString(command.user()), command.email(), command.setDoNotDisturb(),
            dnd == null ? null : LocalTime.parse(dnd.start()), dnd == null ? null : LocalTime.parse(dnd.end()),
            dnd == null ? null : dnd.timeZone())))
        .map(PreferenceStore::personOf);
  }

  public Future<RoomSettings> room(String room, String user) {
    if (!Ids.isId(room) || !Ids.isId(user)) {
      return Future.failedFuture(noSuchRoom());
    }
    return pool.preparedQuery("""
            SELECT coalesce(p.level, 'mentions') AS level, p.muted_until
            FROM memberships m
            LEFT JOIN notification_room_prefs p ON p.room_id = m.room_id AND p.user_id = m.user_id
            WHERE m.room_id = $1 AND m.user_id = $2""")
        .execute(Tuple.of(UUID.fromString(room), UUID.fromString(user)))
        .compose(PreferenceStore::roomOf);
  }

  /** Only a member has settings for a room; anyone else is told the room does not exist. */
  public Future<RoomSettings> setRoom(SetRoomSettings command) {
    if (!Ids.isId(command.room()) || !Ids.isId(command.user())) {
      return Future.failedFuture(noSuchRoom());
    }
    OffsetDateTime until = command.setMute() && command.mutedUntil() != null
        ? SqlValues.timestamp(command.mutedUntil()) : null;
    return pool.preparedQuery("""
            INSERT INTO notification_room_prefs AS p (room_id, user_id, level, muted_until)
            SELECT m.room_id, m.user_id, coalesce($3, 'mentions'), $5
            FROM memberships m WHERE m.room_id = $1 AND m.user_id = $2
            ON CONFLICT (room_id, user_id) DO UPDATE SET level = coalesce($3, p.level),
              muted_until = CASE WHEN $4 THEN $5 ELSE p.muted_until END
            RETURNING p.level, p.muted_until""")
        .execute(Tuple.of(UUID.fromString(command.room()), UUID.fromString(command.user()), command.level(),
            command.setMute(), until))
        .compose(PreferenceStore::roomOf);
  }

  private static void checkDoNotDisturb(DoNotDisturb dnd) {
    if (!TIME_OF_DAY.matcher(dnd.start()).matches() || !TIME_OF_DAY.matcher(dnd.end()).matches()) {
      throw new ParleyException(ErrorCode.INVALID, "Do-not-disturb times are HH:mm");
    }
    try {
      ZoneId.of(dnd.timeZone());
    } catch (DateTimeException unknown) {
      throw new ParleyException(ErrorCode.INVALID, "Unknown time zone: use a name such as Europe/Paris");
    }
  }

  private static PersonSettings personOf(RowSet<Row> rows) {
    if (rows.size() == 0) {
      return new PersonSettings(true, null);
    }
    Row row = rows.iterator().next();
    String start = row.getString("dnd_start");
    return new PersonSettings(row.getBoolean("email"), start == null ? null
        : new DoNotDisturb(start, row.getString("dnd_end"), row.getString("time_zone")));
  }

  private static Future<RoomSettings> roomOf(RowSet<Row> rows) {
    if (rows.size() == 0) {
      return Future.failedFuture(noSuchRoom());
    }
    Row row = rows.iterator().next();
    OffsetDateTime until = row.getOffsetDateTime("muted_until");
    return Future.succeededFuture(new RoomSettings(row.getString("level"),
        until == null ? null : until.toInstant().toEpochMilli()));
  }

  private static ParleyException noSuchRoom() {
    return new ParleyException(ErrorCode.NOT_FOUND, "No such room");
  }
}
