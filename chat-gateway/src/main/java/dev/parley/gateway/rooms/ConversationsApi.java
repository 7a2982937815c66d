package dev.parley.gateway.rooms;

import dev.parley.gateway.http.Requests;
import dev.parley.gateway.identity.Identity;
import dev.parley.gateway.limits.RateLimiter;
import dev.parley.shared.Bounds;
import dev.parley.shared.accounts.AccountCommands.SetWorkspaceRole;
import dev.parley.shared.contract.Requester;
import dev.parley.shared.http.E2eeRequests;
import dev.parley.shared.http.RoomRequests;
import dev.parley.shared.rooms.ModerationAction;
import dev.parley.shared.rooms.RoomCommands.AuditLog;
import dev.parley.shared.rooms.RoomCommands.FindUsers;
import dev.parley.shared.rooms.RoomCommands.ListMembers;
import dev.parley.shared.rooms.RoomCommands.Moderate;
import dev.parley.shared.rooms.RoomCommands.OpenDm;
import dev.parley.shared.rooms.RoomCommands.RoomReply;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** DMs and group DMs, people search, members, and the admin actions on a room. All for signed-in callers. */
public final class ConversationsApi {

  private static final int MAX_ROLE = 20;
  private static final int MAX_ID = 64;

  private final Requester services;
  private final RateLimiter searches;

  public ConversationsApi(Requester services, RateLimiter searches) {
    this.services = services;
    this.searches = searches;
  }

  public void mount(Router api) {
    api.post("/dms").handler(this::openDm);
    api.get("/users").handler(this::findUsers);
    api.put("/users/:user/role").handler(this::setWorkspaceRole);
    api.get("/rooms/:room/members").handler(this::members);
    api.get("/rooms/:room/audit").handler(this::audit);
    api.patch("/rooms/:room").handler(this::update);
    api.post("/rooms/:room/archive").handler(ctx -> onRoom(ctx, ModerationAction.ARCHIVE));
    api.post("/rooms/:room/unarchive").handler(ctx -> onRoom(ctx, ModerationAction.UNARCHIVE));
    api.post("/rooms/:room/members").handler(ctx -> onPersonInBody(ctx, ModerationAction.ADD_MEMBER));
    api.delete("/rooms/:room/members/:user").handler(ctx -> onPersonInPath(ctx, ModerationAction.REMOVE_MEMBER));
    api.put("/rooms/:room/members/:user/role").handler(this::setRole);
    api.post("/rooms/:room/bans").handler(ctx -> onPersonInBody(ctx, ModerationAction.BAN));
    api.delete("/rooms/:room/bans/:user").handler(ctx -> onPersonInPath(ctx, ModerationAction.UNBAN));
    api.post("/rooms/:room/mutes").handler(ctx -> onPersonInBody(ctx, ModerationAction.MUTE));
    api.delete("/rooms/:room/mutes/:user").handler(ctx -> onPersonInPath(ctx, ModerationAction.UNMUTE));
    api.delete("/rooms/:room/messages/:message").handler(this::deleteMessage);
  }

  private void openDm(RoutingContext ctx) {
    JsonObject body = Requests.body(ctx);
    OpenDm command = new OpenDm(Identity.of(ctx).user(), Requests.texts(body, "users", "user ids", Bounds.GROUP_MAX),
        Boolean.TRUE.equals(Requests.optionalFlag(body, E2eeRequests.ENCRYPTED)));
    services.ask(command)
        .onSuccess(opened -> Requests.json(ctx, opened.created() ? 201 : 200, new RoomReply(opened.room())))
        .onFailure(ctx::fail);
  }

  private void findUsers(RoutingContext ctx) {
    String query = ctx.request().getParam("q");
    if (query != null && query.length() > Bounds.SEARCH_QUERY) {
      throw Requests.invalid("'q' is longer than " + Bounds.SEARCH_QUERY + " characters");
    }
    String user = Identity.of(ctx).user();
    searches.require(user, "You are searching too fast: wait a moment")
        .compose(allowed -> services.ask(new FindUsers(user, query)))
        .onSuccess(users -> Requests.json(ctx, 200, users))
        .onFailure(ctx::fail);
  }

  private void setWorkspaceRole(RoutingContext ctx) {
    String role = Requests.text(Requests.body(ctx), "role", MAX_ROLE);
    services.ask(new SetWorkspaceRole(Identity.of(ctx).user(), ctx.pathParam("user"), role))
        .onSuccess(user -> Requests.json(ctx, 200, user))
        .onFailure(ctx::fail);
  }

  private void members(RoutingContext ctx) {
    services.ask(new ListMembers(ctx.pathParam("room"), Identity.of(ctx).user()))
        .onSuccess(members -> Requests.json(ctx, 200, members))
        .onFailure(ctx::fail);
  }

  private void audit(RoutingContext ctx) {
    services.ask(new AuditLog(ctx.pathParam("room"), Identity.of(ctx).user()))
        .onSuccess(entries -> Requests.json(ctx, 200, entries))
        .onFailure(ctx::fail);
  }

  private void update(RoutingContext ctx) {
    JsonObject body = Requests.body(ctx);
    String name = Requests.optionalText(body, RoomRequests.NAME, Bounds.ROOM_NAME);
    String topic = Requests.optionalMaybeEmpty(body, RoomRequests.TOPIC, Bounds.TOPIC);
    Boolean allowChannelMentions = Requests.optionalFlag(body, RoomRequests.ALLOW_CHANNEL_MENTIONS);
    moderate(ctx, new Moderate(ctx.pathParam("room"), Identity.of(ctx).user(), ModerationAction.UPDATE, null, name,
        topic, null, null, allowChannelMentions));
  }

  private void setRole(RoutingContext ctx) {
    String role = Requests.text(Requests.body(ctx), "role", MAX_ROLE);
    moderate(ctx, new Moderate(ctx.pathParam("room"), Identity.of(ctx).user(), ModerationAction.SET_ROLE,
        ctx.pathParam("user"), null, null, role, null));
  }

  private void deleteMessage(RoutingContext ctx) {
    moderate(ctx, new Moderate(ctx.pathParam("room"), Identity.of(ctx).user(), ModerationAction.DELETE_MESSAGE,
        null, null, null, null, ctx.pathParam("message")));
  }

  private void onRoom(RoutingContext ctx, ModerationAction action) {
    moderate(ctx, Moderate.of(ctx.pathParam("room"), Identity.of(ctx).user(), action, null));
  }

  private void onPersonInBody(RoutingContext ctx, ModerationAction action) {
    String target = Requests.text(Requests.body(ctx), "user", MAX_ID);
    moderate(ctx, Moderate.of(ctx.pathParam("room"), Identity.of(ctx).user(), action, target));
  }

  private void onPersonInPath(RoutingContext ctx, ModerationAction action) {
    moderate(ctx, Moderate.of(ctx.pathParam("room"), Identity.of(ctx).user(), action, ctx.pathParam("user")));
  }

  private void moderate(RoutingContext ctx, Moderate command) {
    services.ask(command)
        .onSuccess(result -> {
          // A DELETE answers nothing; other changes answer the room as the actor now sees it.
          if (ctx.request().method() == HttpMethod.DELETE || result.room() == null) {
            Requests.noContent(ctx);
          } else {
            Requests.json(ctx, 200, result);
          }
        })
        .onFailure(ctx::fail);
  }
}
