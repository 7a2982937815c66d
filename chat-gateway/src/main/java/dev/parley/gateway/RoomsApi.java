package dev.parley.gateway;

import dev.parley.shared.Commands.CreateRoom;
import dev.parley.shared.Commands.History;
import dev.parley.shared.ParleyConfig;
import dev.parley.shared.RoomAction;
import dev.parley.shared.RoomKind;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Rooms over HTTP: create, list, browse, join, history, read markers. All for signed-in callers. */
final class RoomsApi {

  static final int MAX_ROOM_NAME = 80;
  static final int MAX_TOPIC = 250;
  private static final int DEFAULT_PAGE = 50;

  private final Services services;
  private final ParleyConfig.Limits limits;

  RoomsApi(Services services, ParleyConfig.Limits limits) {
    this.services = services;
    this.limits = limits;
  }

  void mount(Router api) {
    api.post("/rooms").handler(this::create);
    api.get("/rooms").handler(this::listMine);
    api.get("/channels").handler(this::listChannels);
    api.post("/rooms/:room/join").handler(this::join);
    api.get("/rooms/:room/messages").handler(this::history);
    api.post("/rooms/:room/read").handler(this::markRead);
  }

  private void create(RoutingContext ctx) {
    JsonObject body = Requests.body(ctx);
    String name = Requests.text(body, "name", MAX_ROOM_NAME);
    RoomKind kind = RoomKind.fromWire(body.getValue("kind") instanceof String text ? text : null);
    if (kind != RoomKind.CHANNEL && kind != RoomKind.PRIVATE) {
      throw Requests.invalid("'kind' must be \"channel\" or \"private\"");
    }
    String topic = Requests.optionalText(body, "topic", MAX_TOPIC);
    CreateRoom command = new CreateRoom(Requests.identity(ctx).user(), name, kind, topic);
    services.rooms(RoomAction.CREATE_ROOM, command.toJson())
        .onSuccess(room -> Requests.json(ctx, 201, room))
        .onFailure(ctx::fail);
  }

  private void listMine(RoutingContext ctx) {
    services.rooms(RoomAction.LIST_ROOMS, new JsonObject().put("user", Requests.identity(ctx).user()))
        .onSuccess(rooms -> Requests.json(ctx, 200, rooms))
        .onFailure(ctx::fail);
  }

  private void listChannels(RoutingContext ctx) {
    services.rooms(RoomAction.LIST_CHANNELS, new JsonObject().put("user", Requests.identity(ctx).user()))
        .onSuccess(channels -> Requests.json(ctx, 200, channels))
        .onFailure(ctx::fail);
  }

  private void join(RoutingContext ctx) {
    services.rooms(RoomAction.JOIN_ROOM, new JsonObject()
            .put("room", roomParam(ctx)).put("user", Requests.identity(ctx).user()))
        .onSuccess(room -> Requests.json(ctx, 200, room))
        .onFailure(ctx::fail);
  }

  private void history(RoutingContext ctx) {
    Long after = Requests.seqParam(ctx, "after");
    Long before = Requests.seqParam(ctx, "before");
    if (after != null && before != null) {
      throw Requests.invalid("Give 'after' or 'before', not both");
    }
    Long limit = Requests.seqParam(ctx, "limit");
    if (limit != null && (limit < 1 || limit > limits.historyPageMax())) {
      throw Requests.invalid("'limit' must be between 1 and " + limits.historyPageMax());
    }
    History query = new History(roomParam(ctx), Requests.identity(ctx).user(), after, before,
        limit == null ? DEFAULT_PAGE : limit.intValue());
    services.rooms(RoomAction.HISTORY, query.toJson())
        .onSuccess(page -> Requests.json(ctx, 200, page))
        .onFailure(ctx::fail);
  }

  private void markRead(RoutingContext ctx) {
    Object seq = Requests.body(ctx).getValue("seq");
    if (!(seq instanceof Number number) || number.longValue() < 0 || number.doubleValue() % 1 != 0) {
      throw Requests.invalid("'seq' must be a non-negative whole number");
    }
    services.rooms(RoomAction.MARK_READ, new JsonObject()
            .put("room", roomParam(ctx)).put("user", Requests.identity(ctx).user()).put("seq", number.longValue()))
        .onSuccess(done -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  /** The room id in the path; room-verticle answers one that cannot be an id as not found. */
  private static String roomParam(RoutingContext ctx) {
    return ctx.pathParam("room");
  }
}
