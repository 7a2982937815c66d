package dev.parley.gateway;

import dev.parley.shared.AccountAction;
import dev.parley.shared.ModerationAction;
import dev.parley.shared.RoomAction;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** DMs and group DMs, people search, members, and the admin actions on a room. All for signed-in callers. */
final class ConversationsApi {

  private final Services services;

  ConversationsApi(Services services) {
    this.services = services;
  }

  void mount(Router api) {
    api.post("/dms").handler(this::openDm);
    api.get("/users").handler(this::findUsers);
    api.put("/users/:user/role").handler(this::setWorkspaceRole);
    api.get("/rooms/:room/members").handler(this::members);
    api.get("/rooms/:room/audit").handler(this::audit);
    api.patch("/rooms/:room").handler(ctx -> moderate(ctx, ModerationAction.UPDATE, roomUpdate(ctx)));
    api.post("/rooms/:room/archive").handler(ctx -> moderate(ctx, ModerationAction.ARCHIVE, new JsonObject()));
    api.post("/rooms/:room/unarchive").handler(ctx -> moderate(ctx, ModerationAction.UNARCHIVE, new JsonObject()));
    api.post("/rooms/:room/members").handler(ctx -> moderate(ctx, ModerationAction.ADD_MEMBER, targetInBody(ctx)));
    api.delete("/rooms/:room/members/:user")
        .handler(ctx -> moderate(ctx, ModerationAction.REMOVE_MEMBER, targetInPath(ctx)));
    api.put("/rooms/:room/members/:user/role").handler(ctx -> moderate(ctx, ModerationAction.SET_ROLE,
        targetInPath(ctx).put("role", Requests.text(Requests.body(ctx), "role", 20))));
    api.post("/rooms/:room/bans").handler(ctx -> moderate(ctx, ModerationAction.BAN, targetInBody(ctx)));
    api.delete("/rooms/:room/bans/:user").handler(ctx -> moderate(ctx, ModerationAction.UNBAN, targetInPath(ctx)));
    api.post("/rooms/:room/mutes").handler(ctx -> moderate(ctx, ModerationAction.MUTE, targetInBody(ctx)));
    api.delete("/rooms/:room/mutes/:user").handler(ctx -> moderate(ctx, ModerationAction.UNMUTE, targetInPath(ctx)));
    api.delete("/rooms/:room/messages/:message").handler(ctx -> moderate(ctx, ModerationAction.DELETE_MESSAGE,
        new JsonObject().put("message", ctx.pathParam("message"))));
  }

  private void openDm(RoutingContext ctx) {
    Object users = Requests.body(ctx).getValue("users");
    if (!(users instanceof JsonArray list) || list.isEmpty()) {
      throw Requests.invalid("'users' must be a list of user ids");
    }
    services.rooms(RoomAction.OPEN_DM, new JsonObject().put("user", Requests.identity(ctx).user()).put("with", list))
        .onSuccess(opened -> Requests.json(ctx, opened.getBoolean("created") ? 201 : 200,
            new JsonObject().put("room", opened.getJsonObject("room"))))
        .onFailure(ctx::fail);
  }

  private void findUsers(RoutingContext ctx) {
    String query = ctx.request().getParam("q");
    if (query != null && query.length() > 100) {
      throw Requests.invalid("'q' is longer than 100 characters");
    }
    services.rooms(RoomAction.FIND_USERS, new JsonObject().put("user", Requests.identity(ctx).user())
            .put("query", query))
        .onSuccess(users -> Requests.json(ctx, 200, users))
        .onFailure(ctx::fail);
  }

  private void setWorkspaceRole(RoutingContext ctx) {
    String role = Requests.text(Requests.body(ctx), "role", 20);
    services.accounts(AccountAction.SET_WORKSPACE_ROLE, new JsonObject().put("actor", Requests.identity(ctx).user())
            .put("user", ctx.pathParam("user")).put("role", role))
        .onSuccess(user -> Requests.json(ctx, 200, user))
        .onFailure(ctx::fail);
  }

  private void members(RoutingContext ctx) {
    services.rooms(RoomAction.LIST_MEMBERS, roomAndUser(ctx))
        .onSuccess(members -> Requests.json(ctx, 200, members))
        .onFailure(ctx::fail);
  }

  private void audit(RoutingContext ctx) {
    services.rooms(RoomAction.AUDIT_LOG, roomAndUser(ctx))
        .onSuccess(entries -> Requests.json(ctx, 200, entries))
        .onFailure(ctx::fail);
  }

  private void moderate(RoutingContext ctx, ModerationAction action, JsonObject details) {
    JsonObject command = details.put("room", ctx.pathParam("room")).put("actor", Requests.identity(ctx).user())
        .put("action", action.name());
    services.rooms(RoomAction.MODERATE, command)
        .onSuccess(result -> {
          // A DELETE answers nothing; other changes answer the room as the actor now sees it.
          if (ctx.request().method() == HttpMethod.DELETE || result.getJsonObject("room") == null) {
            ctx.response().setStatusCode(204).end();
          } else {
            Requests.json(ctx, 200, result);
          }
        })
        .onFailure(ctx::fail);
  }

  private static JsonObject roomUpdate(RoutingContext ctx) {
    JsonObject body = Requests.body(ctx);
    return new JsonObject()
        .put("name", Requests.optionalText(body, "name", RoomsApi.MAX_ROOM_NAME))
        .put("topic", body.getValue("topic") instanceof String topic ? topicOf(topic) : null);
  }

  private static String topicOf(String topic) {
    String trimmed = topic.strip();
    if (trimmed.length() > RoomsApi.MAX_TOPIC) {
      throw Requests.invalid("'topic' is longer than " + RoomsApi.MAX_TOPIC + " characters");
    }
    return trimmed;
  }

  private static JsonObject targetInBody(RoutingContext ctx) {
    return new JsonObject().put("target", Requests.text(Requests.body(ctx), "user", 64));
  }

  private static JsonObject targetInPath(RoutingContext ctx) {
    return new JsonObject().put("target", ctx.pathParam("user"));
  }

  private static JsonObject roomAndUser(RoutingContext ctx) {
    return new JsonObject().put("room", ctx.pathParam("room")).put("user", Requests.identity(ctx).user());
  }
}
