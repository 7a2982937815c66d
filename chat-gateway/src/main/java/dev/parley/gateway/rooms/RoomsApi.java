package dev.parley.gateway.rooms;

import dev.parley.gateway.http.Requests;
import dev.parley.gateway.identity.Identity;
import dev.parley.gateway.limits.RateLimiter;
import dev.parley.shared.Bounds;
import dev.parley.shared.ParleyConfig;
import dev.parley.shared.contract.Requester;
import dev.parley.shared.http.RoomRequests;
import dev.parley.shared.rooms.MessageCommands;
import dev.parley.shared.rooms.MessageCommands.History;
import dev.parley.shared.rooms.MessageCommands.ListMentions;
import dev.parley.shared.rooms.MessageCommands.ListReceipts;
import dev.parley.shared.rooms.MessageCommands.MarkRead;
import dev.parley.shared.rooms.MessageCommands.SetReadReceipts;
import dev.parley.shared.rooms.RoomCommands.CreateRoom;
import dev.parley.shared.rooms.RoomCommands.JoinRoom;
import dev.parley.shared.rooms.RoomCommands.ListChannels;
import dev.parley.shared.rooms.RoomCommands.ListRooms;
import dev.parley.shared.rooms.RoomKind;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Rooms over HTTP: create, list, browse, join, history, read markers, mentions. All for signed-in callers. */
public final class RoomsApi {

  private final Requester services;
  private final ParleyConfig.Limits limits;
  private final RateLimiter roomCreations;

  public RoomsApi(Requester services, ParleyConfig.Limits limits, RateLimiter roomCreations) {
    this.services = services;
    this.limits = limits;
    this.roomCreations = roomCreations;
  }

  public void mount(Router api) {
    api.post("/rooms").handler(this::create);
    api.get("/rooms").handler(this::listMine);
    api.get("/channels").handler(this::listChannels);
    api.post("/rooms/:room/join").handler(this::join);
    api.get("/rooms/:room/messages").handler(this::history);
    api.post("/rooms/:room/read").handler(this::markRead);
    api.get("/mentions").handler(this::mentions);
    api.get("/rooms/:room/receipts").handler(this::receipts);
    api.get("/me/read-receipts").handler(ctx -> readReceipts(ctx, null));
    api.put("/me/read-receipts").handler(ctx -> readReceipts(ctx,
        Requests.flag(Requests.body(ctx), RoomRequests.ENABLED)));
  }

  private void create(RoutingContext ctx) {
    JsonObject body = Requests.body(ctx);
    String name = Requests.text(body, RoomRequests.NAME, Bounds.ROOM_NAME);
    RoomKind kind = RoomKind.fromWire(Requests.optionalText(body, RoomRequests.KIND, Bounds.ROOM_NAME));
    if (kind != RoomKind.CHANNEL && kind != RoomKind.PRIVATE) {
      throw Requests.invalid("'kind' must be \"channel\" or \"private\"");
    }
    String topic = Requests.optionalText(body, RoomRequests.TOPIC, Bounds.TOPIC);
    String owner = Identity.of(ctx).user();
    roomCreations.require(owner, "You are creating rooms too fast: try again later")
        .compose(allowed -> services.ask(new CreateRoom(owner, name, kind, topic)))
        .onSuccess(room -> Requests.json(ctx, 201, room))
        .onFailure(ctx::fail);
  }

  /** The caller's rooms, a page at a time: {@code ?limit=} (up to 1000) and {@code ?after=} a page's {@code next}. */
  private void listMine(RoutingContext ctx) {
    int limit = Requests.pageLimit(ctx, ListRooms.MAX_LIMIT, ListRooms.DEFAULT_LIMIT);
    String after = ctx.request().getParam("after");
    if (after != null && after.length() > 400) {
      throw Requests.invalid("'after' is not a cursor this server made");
    }
    services.ask(new ListRooms(Identity.of(ctx).user(), limit, after))
        .onSuccess(rooms -> Requests.json(ctx, 200, rooms))
        .onFailure(ctx::fail);
  }

  private void listChannels(RoutingContext ctx) {
    services.ask(new ListChannels(Identity.of(ctx).user()))
        .onSuccess(channels -> Requests.json(ctx, 200, channels))
        .onFailure(ctx::fail);
  }

  private void join(RoutingContext ctx) {
    services.ask(new JoinRoom(ctx.pathParam("room"), Identity.of(ctx).user()))
        .onSuccess(room -> Requests.json(ctx, 200, room))
        .onFailure(ctx::fail);
  }

  private void history(RoutingContext ctx) {
    Long after = Requests.seqParam(ctx, "after");
    Long before = Requests.seqParam(ctx, "before");
    if (after != null && before != null) {
      throw Requests.invalid("Give 'after' or 'before', not both");
    }
    int limit = Requests.pageLimit(ctx, limits.historyPageMax(), MessageCommands.DEFAULT_PAGE);
    services.ask(new History(ctx.pathParam("room"), Identity.of(ctx).user(), after, before, limit))
        .onSuccess(page -> Requests.json(ctx, 200, page))
        .onFailure(ctx::fail);
  }

  /** The caller's mentions, newest first: {@code ?limit=} and {@code ?before=} (epoch ms, a message's {@code ts}). */
  private void mentions(RoutingContext ctx) {
    Long before = Requests.seqParam(ctx, "before");
    int limit = Requests.pageLimit(ctx, ListMentions.MAX_LIMIT, MessageCommands.DEFAULT_PAGE);
    services.ask(new ListMentions(Identity.of(ctx).user(), before, limit))
        .onSuccess(page -> Requests.json(ctx, 200, page))
        .onFailure(ctx::fail);
  }

  /** In a DM or group DM, how far the other members have read (those who send receipts). */
  private void receipts(RoutingContext ctx) {
    services.ask(new ListReceipts(ctx.pathParam("room"), Identity.of(ctx).user()))
        .onSuccess(receipts -> Requests.json(ctx, 200, receipts))
        .onFailure(ctx::fail);
  }

  /** Whether the caller sends read receipts: read it ({@code enabled} null), or set it. */
  private void readReceipts(RoutingContext ctx, Boolean enabled) {
    services.ask(new SetReadReceipts(Identity.of(ctx).user(), enabled))
        .onSuccess(setting -> Requests.json(ctx, 200, setting))
        .onFailure(ctx::fail);
  }

  private void markRead(RoutingContext ctx) {
    long seq = Requests.whole(Requests.body(ctx), RoomRequests.SEQ);
    services.ask(new MarkRead(ctx.pathParam("room"), Identity.of(ctx).user(), seq))
        .onSuccess(done -> Requests.noContent(ctx))
        .onFailure(ctx::fail);
  }
}
