package dev.parley.shared.rooms;

import dev.parley.shared.Addresses;
import dev.parley.shared.contract.Command;
import dev.parley.shared.contract.Json;
import dev.parley.shared.contract.JsonBody;
import dev.parley.shared.contract.Route;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Commands on {@link Addresses#ROOMS_CMD} about rooms, conversations and their members: creating, listing and joining
 * rooms, DMs and group DMs, people search, member lists, and admin actions.
 */
public final class RoomCommands {

  private RoomCommands() {
  }

  /** Creates a room whose owner is {@code owner}. */
  public record CreateRoom(String owner, String name, RoomKind kind, String topic) implements Command<RoomReply> {
    public static final Route<CreateRoom, RoomReply> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "CREATE_ROOM", CreateRoom::fromJson, RoomReply::fromJson);

    @Override
    public Route<CreateRoom, RoomReply> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("owner", owner).put("name", name).put("kind", kind.wireName()).put("topic", topic);
    }

    public static CreateRoom fromJson(JsonObject json) {
      RoomKind kind = RoomKind.fromWire(Json.text(json, "kind"));
      if (kind == null) {
        throw Json.invalid("'kind' is not a kind of room");
      }
      return new CreateRoom(Json.text(json, "owner"), Json.text(json, "name"), kind, Json.optText(json, "topic"));
    }
  }

  /**
   * A page of the user's rooms with their unread counts, by name: at most {@code limit}, after the page that ended
   * at cursor {@code after} (from a previous page's {@code next}), from the first when null.
   */
  public record ListRooms(String user, int limit, String after) implements Command<RoomList> {
    public static final Route<ListRooms, RoomList> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "LIST_ROOMS", ListRooms::fromJson, RoomList::fromJson);

    /** A page when the caller does not say how long; the largest one a caller may ask for. */
    public static final int DEFAULT_LIMIT = 500;
    public static final int MAX_LIMIT = 1000;

    @Override
    public Route<ListRooms, RoomList> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("user", user).put("limit", limit).put("after", after);
    }

    public static ListRooms fromJson(JsonObject json) {
      Integer limit = Json.optInteger(json, "limit");
      return new ListRooms(Json.text(json, "user"), limit == null ? DEFAULT_LIMIT : limit, Json.optText(json, "after"));
    }
  }

  /** The workspace's public channels, each saying whether the user is in it. */
  public record ListChannels(String user) implements Command<ChannelList> {
    public static final Route<ListChannels, ChannelList> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "LIST_CHANNELS", ListChannels::fromJson, ChannelList::fromJson);

    @Override
    public Route<ListChannels, ChannelList> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("user", user);
    }

    public static ListChannels fromJson(JsonObject json) {
      return new ListChannels(Json.text(json, "user"));
    }
  }

  /** Joins a public channel; joining twice is harmless. */
  public record JoinRoom(String room, String user) implements Command<RoomReply> {
    public static final Route<JoinRoom, RoomReply> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "JOIN_ROOM", JoinRoom::fromJson, RoomReply::fromJson);

    @Override
    public Route<JoinRoom, RoomReply> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("room", room).put("user", user);
    }

    public static JoinRoom fromJson(JsonObject json) {
      return new JoinRoom(Json.text(json, "room"), Json.text(json, "user"));
    }
  }

  /**
   * The one DM with one other person, or the one group DM of exactly that set (3 to
   * {@link dev.parley.shared.Bounds#GROUP_MAX} people in all), created when it does not exist yet. An
   * {@code encrypted} one (end-to-end, docs/e2ee.md) is another conversation than the plain one of the same people.
   */
  public record OpenDm(String user, List<String> with, boolean encrypted) implements Command<OpenedDm> {
    public static final Route<OpenDm, OpenedDm> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "OPEN_DM", OpenDm::fromJson, OpenedDm::fromJson);

    public OpenDm {
      with = List.copyOf(with);
    }

    /** The plain (not end-to-end encrypted) conversation of those people. */
    public OpenDm(String user, List<String> with) {
      this(user, with, false);
    }

    @Override
    public Route<OpenDm, OpenedDm> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      JsonObject json = new JsonObject().put("user", user).put("with", with);
      return encrypted ? json.put("encrypted", true) : json;
    }

    public static OpenDm fromJson(JsonObject json) {
      List<String> with = Json.texts(json, "with");
      if (with.isEmpty()) {
        throw Json.invalid("'with' must name at least one person");
      }
      return new OpenDm(Json.text(json, "user"), with, Json.flag(json, "encrypted", false));
    }
  }

  /** People of the workspace whose name (or handle) starts with the query; everyone when it is empty. */
  public record FindUsers(String user, String query) implements Command<PersonList> {
    public static final Route<FindUsers, PersonList> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "FIND_USERS", FindUsers::fromJson, PersonList::fromJson);

    @Override
    public Route<FindUsers, PersonList> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("user", user).put("query", query);
    }

    public static FindUsers fromJson(JsonObject json) {
      return new FindUsers(Json.text(json, "user"), Json.optText(json, "query"));
    }
  }

  /** A room's members, for someone who may read the room. */
  public record ListMembers(String room, String user) implements Command<MemberList> {
    public static final Route<ListMembers, MemberList> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "LIST_MEMBERS", ListMembers::fromJson, MemberList::fromJson);

    @Override
    public Route<ListMembers, MemberList> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("room", room).put("user", user);
    }

    public static ListMembers fromJson(JsonObject json) {
      return new ListMembers(Json.text(json, "room"), Json.text(json, "user"));
    }
  }

  /**
   * An admin action, or leaving (removing oneself). Each one is a room event and an audit-log row. {@code target} is
   * the person acted on; {@code name}, {@code topic} and {@code allowChannelMentions} go with
   * {@link ModerationAction#UPDATE} (null: unchanged), {@code role} with {@link ModerationAction#SET_ROLE},
   * {@code message} with {@link ModerationAction#DELETE_MESSAGE}.
   */
  public record Moderate(String room, String actor, ModerationAction action, String target, String name, String topic,
                         String role, String message, Boolean allowChannelMentions)
      implements Command<ModerationResult> {
    public static final Route<Moderate, ModerationResult> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "MODERATE", Moderate::fromJson, ModerationResult::fromJson);

    /** An action that leaves the room's rule on {@code @channel} as it is. */
    public Moderate(String room, String actor, ModerationAction action, String target, String name, String topic,
                    String role, String message) {
      this(room, actor, action, target, name, topic, role, message, null);
    }

    /** An action on the room itself or on one person (all details but the target absent). */
    public static Moderate of(String room, String actor, ModerationAction action, String target) {
      return new Moderate(room, actor, action, target, null, null, null, null);
    }

    @Override
    public Route<Moderate, ModerationResult> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("room", room).put("actor", actor).put("action", action.name()).put("target", target)
          .put("name", name).put("topic", topic).put("role", role).put("message", message)
          .put("allowChannelMentions", allowChannelMentions);
    }

    public static Moderate fromJson(JsonObject json) {
      ModerationAction action = ModerationAction.parse(Json.text(json, "action"));
      if (action == null) {
        throw Json.invalid("Unknown moderation action");
      }
      return new Moderate(Json.text(json, "room"), Json.text(json, "actor"), action, Json.optText(json, "target"),
          Json.optText(json, "name"), Json.optText(json, "topic"), Json.optText(json, "role"),
          Json.optText(json, "message"), Json.optFlag(json, "allowChannelMentions"));
    }
  }

  /** The room's audit log, newest first, for its admins. */
  public record AuditLog(String room, String user) implements Command<AuditEntries> {
    public static final Route<AuditLog, AuditEntries> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "AUDIT_LOG", AuditLog::fromJson, AuditEntries::fromJson);

    @Override
    public Route<AuditLog, AuditEntries> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("room", room).put("user", user);
    }

    public static AuditLog fromJson(JsonObject json) {
      return new AuditLog(Json.text(json, "room"), Json.text(json, "user"));
    }
  }

  /** {@code {"room":{..}}}: a room as the caller now sees it. */
  public record RoomReply(RoomView room) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("room", room.toJson());
    }

    public static RoomReply fromJson(JsonObject json) {
      return new RoomReply(RoomView.fromJson(Json.object(json, "room")));
    }
  }

  /** {@code {"rooms":[..],"next"?}}: {@code next} is the cursor of the following page, absent on the last one. */
  public record RoomList(List<RoomView> rooms, String next) implements JsonBody {
    public RoomList {
      rooms = List.copyOf(rooms);
    }

    @Override
    public JsonObject toJson() {
      return Json.putIfPresent(new JsonObject().put("rooms", Json.array(rooms)), "next", next);
    }

    public static RoomList fromJson(JsonObject json) {
      return new RoomList(Json.objects(json, "rooms", RoomView::fromJson), Json.optText(json, "next"));
    }
  }

  /** {@code {"channels":[..]}}. */
  public record ChannelList(List<RoomView> channels) implements JsonBody {
    public ChannelList {
      channels = List.copyOf(channels);
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("channels", Json.array(channels));
    }

    public static ChannelList fromJson(JsonObject json) {
      return new ChannelList(Json.objects(json, "channels", RoomView::fromJson));
    }
  }

  /** {@code {"room":{..},"created":bool}}. */
  public record OpenedDm(RoomView room, boolean created) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("room", room.toJson()).put("created", created);
    }

    public static OpenedDm fromJson(JsonObject json) {
      return new OpenedDm(RoomView.fromJson(Json.object(json, "room")), Json.flag(json, "created", false));
    }
  }

  /** Someone as any other person of the workspace may see them (never their email). */
  public record PersonView(String id, String name, String handle) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return Json.putIfPresent(new JsonObject().put("id", id).put("name", name), "handle", handle);
    }

    public static PersonView fromJson(JsonObject json) {
      return new PersonView(Json.text(json, "id"), Json.text(json, "name"), Json.optText(json, "handle"));
    }
  }

  /** {@code {"users":[..]}}. */
  public record PersonList(List<PersonView> users) implements JsonBody {
    public PersonList {
      users = List.copyOf(users);
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("users", Json.array(users));
    }

    public static PersonList fromJson(JsonObject json) {
      return new PersonList(Json.objects(json, "users", PersonView::fromJson));
    }
  }

  /** One member of a room. */
  public record MemberView(String user, String name, String role, boolean muted) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("user", user).put("name", name).put("role", role).put("muted", muted);
    }

    public static MemberView fromJson(JsonObject json) {
      return new MemberView(Json.text(json, "user"), Json.text(json, "name"), Json.text(json, "role"),
          Json.flag(json, "muted", false));
    }
  }

  /** {@code {"members":[..]}}. */
  public record MemberList(List<MemberView> members) implements JsonBody {
    public MemberList {
      members = List.copyOf(members);
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("members", Json.array(members));
    }

    public static MemberList fromJson(JsonObject json) {
      return new MemberList(Json.objects(json, "members", MemberView::fromJson));
    }
  }

  /** {@code {"room":{..}}}, or {@code {}} when the actor is no longer in the room (they left). */
  public record ModerationResult(RoomView room) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return room == null ? new JsonObject() : new JsonObject().put("room", room.toJson());
    }

    public static ModerationResult fromJson(JsonObject json) {
      JsonObject room = Json.optObject(json, "room");
      return new ModerationResult(room == null ? null : RoomView.fromJson(room));
    }
  }

  /** One admin action as the audit log keeps it. */
  public record AuditEntry(long id, String action, String actor, String actorName, String target, String targetName,
                           JsonObject data, long ts) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("id", id).put("action", action).put("actor", actor).put("actorName", actorName)
          .put("target", target).put("targetName", targetName).put("data", data).put("ts", ts);
    }

    public static AuditEntry fromJson(JsonObject json) {
      return new AuditEntry(Json.whole(json, "id"), Json.text(json, "action"), Json.optText(json, "actor"),
          Json.optText(json, "actorName"), Json.optText(json, "target"), Json.optText(json, "targetName"),
          Json.optObject(json, "data"), Json.whole(json, "ts"));
    }
  }

  /** {@code {"entries":[..]}}. */
  public record AuditEntries(List<AuditEntry> entries) implements JsonBody {
    public AuditEntries {
      entries = List.copyOf(entries);
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("entries", Json.array(entries));
    }

    public static AuditEntries fromJson(JsonObject json) {
      return new AuditEntries(Json.objects(json, "entries", AuditEntry::fromJson));
    }
  }
}
