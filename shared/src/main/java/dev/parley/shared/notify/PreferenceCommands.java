package dev.parley.shared.notify;

import dev.parley.shared.Addresses;
import dev.parley.shared.contract.Command;
import dev.parley.shared.contract.Json;
import dev.parley.shared.contract.JsonBody;
import dev.parley.shared.contract.Route;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * How each person wants to be notified: for themselves (email on or off, a do-not-disturb schedule in their time
 * zone) and per room (every message, mentions only, nothing; muted until a time). Pushes are on or off per device by
 * the device subscribing or unsubscribing ({@link PushCommands}).
 */
public final class PreferenceCommands {

  public static final String ALL = "all";
  public static final String MENTIONS = "mentions";
  public static final String NOTHING = "nothing";
  /** The levels a room may be set to; {@link #MENTIONS} when never set (DMs notify every message either way). */
  public static final List<String> LEVELS = List.of(ALL, MENTIONS, NOTHING);

  private PreferenceCommands() {
  }

  /** Do not disturb every day from {@code start} to {@code end} ({@code HH:mm}, the end may be the next day). */
  public record DoNotDisturb(String start, String end, String timeZone) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("start", start).put("end", end).put("timeZone", timeZone);
    }

    public static DoNotDisturb fromJson(JsonObject json) {
      return json == null ? null
          : new DoNotDisturb(Json.text(json, "start"), Json.text(json, "end"), Json.text(json, "timeZone"));
    }
  }

  /** A person's own settings. */
  public record PersonSettings(boolean email, DoNotDisturb doNotDisturb) implements JsonBody {
    @Override
    public JsonObject toJson() {
      JsonObject json = new JsonObject().put("email", email);
      return doNotDisturb == null ? json.putNull("doNotDisturb") : json.put("doNotDisturb", doNotDisturb.toJson());
    }

    public static PersonSettings fromJson(JsonObject json) {
      return new PersonSettings(Json.flag(json, "email", true), DoNotDisturb.fromJson(Json.optObject(json,
          "doNotDisturb")));
    }
  }

  /** Reads a person's settings (the defaults when they never set any: email on, no do-not-disturb). */
  public record GetPersonSettings(String user) implements Command<PersonSettings> {
    public static final Route<GetPersonSettings, PersonSettings> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "GET_NOTIFY_SETTINGS", GetPersonSettings::fromJson, PersonSettings::fromJson);

    @Override
    public Route<GetPersonSettings, PersonSettings> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("user", user);
    }

    public static GetPersonSettings fromJson(JsonObject json) {
      return new GetPersonSettings(Json.text(json, "user"));
    }
  }

  /**
   * Changes a person's settings: {@code email} when not null; the do-not-disturb schedule when {@code setDoNotDisturb}
   * (to none when {@code doNotDisturb} is null). Answers the settings after the change.
   */
  public record SetPersonSettings(String user, Boolean email, boolean setDoNotDisturb, DoNotDisturb doNotDisturb)
      implements Command<PersonSettings> {
    public static final Route<SetPersonSettings, PersonSettings> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "SET_NOTIFY_SETTINGS", SetPersonSettings::fromJson, PersonSettings::fromJson);

    @Override
    public Route<SetPersonSettings, PersonSettings> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      JsonObject json = Json.putIfPresent(new JsonObject().put("user", user), "email", email)
          .put("setDoNotDisturb", setDoNotDisturb);
      return Json.putIfPresent(json, "doNotDisturb", doNotDisturb == null ? null : doNotDisturb.toJson());
    }

    public static SetPersonSettings fromJson(JsonObject json) {
      return new SetPersonSettings(Json.text(json, "user"), Json.optFlag(json, "email"),
          Json.flag(json, "setDoNotDisturb", false), DoNotDisturb.fromJson(Json.optObject(json, "doNotDisturb")));
    }
  }

  /** How a person hears of one room: a level, and muted until a time (epoch ms) or not (null). */
  public record RoomSettings(String level, Long mutedUntil) implements JsonBody {
    @Override
    public JsonObject toJson() {
      JsonObject json = new JsonObject().put("level", level);
      return mutedUntil == null ? json.putNull("mutedUntil") : json.put("mutedUntil", mutedUntil);
    }

    public static RoomSettings fromJson(JsonObject json) {
      return new RoomSettings(Json.text(json, "level"), Json.optWhole(json, "mutedUntil"));
    }
  }

  /** Reads how a member hears of a room; not a member: {@code not_found}, as for a room that does not exist. */
  public record GetRoomSettings(String room, String user) implements Command<RoomSettings> {
    public static final Route<GetRoomSettings, RoomSettings> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "GET_ROOM_NOTIFY", GetRoomSettings::fromJson, RoomSettings::fromJson);

    @Override
    public Route<GetRoomSettings, RoomSettings> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("room", room).put("user", user);
    }

    public static GetRoomSettings fromJson(JsonObject json) {
      return new GetRoomSettings(Json.text(json, "room"), Json.text(json, "user"));
    }
  }

  /**
   * Changes how a member hears of a room: the {@code level} when not null; the mute when {@code setMute} (until
   * {@code mutedUntil}, epoch ms, or unmuted when null). Answers the settings after the change.
   */
  public record SetRoomSettings(String room, String user, String level, boolean setMute, Long mutedUntil)
      implements Command<RoomSettings> {
    public static final Route<SetRoomSettings, RoomSettings> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "SET_ROOM_NOTIFY", SetRoomSettings::fromJson, RoomSettings::fromJson);

    @Override
    public Route<SetRoomSettings, RoomSettings> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      JsonObject json = Json.putIfPresent(new JsonObject().put("room", room).put("user", user), "level", level);
      return Json.putIfPresent(json.put("setMute", setMute), "mutedUntil", mutedUntil);
    }

    public static SetRoomSettings fromJson(JsonObject json) {
      String level = Json.optText(json, "level");
      if (level != null && !LEVELS.contains(level)) {
        throw Json.invalid("level must be all, mentions or nothing");
      }
      return new SetRoomSettings(Json.text(json, "room"), Json.text(json, "user"), level,
          Json.flag(json, "setMute", false), Json.optWhole(json, "mutedUntil"));
    }
  }
}
