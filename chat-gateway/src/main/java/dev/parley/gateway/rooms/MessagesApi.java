package dev.parley.gateway.rooms;

import dev.parley.gateway.http.Requests;
import dev.parley.gateway.identity.Identity;
import dev.parley.gateway.limits.RateLimiter;
import dev.parley.shared.ParleyConfig;
import dev.parley.shared.contract.Requester;
import dev.parley.shared.e2ee.MlsWire;
import dev.parley.shared.http.RoomRequests;
import dev.parley.shared.rooms.Emoji;
import dev.parley.shared.rooms.MessageCommands;
import dev.parley.shared.rooms.MessageCommands.EditMessage;
import dev.parley.shared.rooms.MessageCommands.FollowThread;
import dev.parley.shared.rooms.MessageCommands.React;
import dev.parley.shared.rooms.MessageCommands.ThreadReplies;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * What people do to messages after sending them, over HTTP: edit, react, read a thread, follow it. Edits and
 * reactions are writes to the room's log like a message, so they draw on the sender's send budget.
 */
public final class MessagesApi {

  private final Requester services;
  private final ParleyConfig.Limits limits;
  private final RateLimiter writes;

  public MessagesApi(Requester services, ParleyConfig.Limits limits, RateLimiter writes) {
    this.services = services;
    this.limits = limits;
    this.writes = writes;
  }

  public void mount(Router api) {
    api.patch("/rooms/:room/messages/:message").handler(this::edit);
    api.put("/rooms/:room/messages/:message/reactions/:emoji").handler(ctx -> react(ctx, true));
    api.delete("/rooms/:room/messages/:message/reactions/:emoji").handler(ctx -> react(ctx, false));
    api.get("/rooms/:room/messages/:message/thread").handler(this::thread);
    api.put("/rooms/:room/messages/:message/follow").handler(ctx -> follow(ctx, true));
    api.delete("/rooms/:room/messages/:message/follow").handler(ctx -> follow(ctx, false));
  }

  /**
   * An edit carries the new {@code text}, or in an end-to-end encrypted room the new {@code ciphertext}: never both.
   * Which one the room takes is the room-verticle's to say; here the shape and size are checked.
   */
  private void edit(RoutingContext ctx) {
    JsonObject body = Requests.body(ctx);
    EditMessage edit;
    String user = Identity.of(ctx).user();
    if (body.containsKey(RoomRequests.CIPHERTEXT)) {
      if (body.containsKey(RoomRequests.TEXT)) {
        throw Requests.invalid("An encrypted edit carries '" + RoomRequests.CIPHERTEXT + "', never '"
            + RoomRequests.TEXT + "'");
      }
      String ciphertext = Requests.rawText(body, RoomRequests.CIPHERTEXT, Integer.MAX_VALUE);
      MlsWire.requireApplicationMessage(ctx.pathParam("room"), ciphertext);
      edit = new EditMessage(ctx.pathParam("room"), user, ctx.pathParam("message"), "", ciphertext);
    } else {
      String text = Requests.messageText(body, RoomRequests.TEXT, limits.maxTextLength(),
          "delete the message instead");
      edit = new EditMessage(ctx.pathParam("room"), user, ctx.pathParam("message"), text);
    }
    writes.require(user, "You are writing too fast; slow down")
        .compose(allowed -> services.ask(edit))
        .onSuccess(reply -> Requests.json(ctx, 200, reply))
        .onFailure(ctx::fail);
  }

  /** The emoji comes URL-encoded in the path; the router has decoded it. */
  private void react(RoutingContext ctx, boolean add) {
    String emoji = ctx.pathParam("emoji");
    if (!Emoji.isSingle(emoji)) {
      throw Requests.invalid("A reaction is exactly one emoji");
    }
    String user = Identity.of(ctx).user();
    writes.require(user, "You are reacting too fast; slow down")
        .compose(allowed -> services.ask(new React(ctx.pathParam("room"), user, ctx.pathParam("message"), emoji,
            add)))
        .onSuccess(done -> Requests.noContent(ctx))
        .onFailure(ctx::fail);
  }

  private void thread(RoutingContext ctx) {
    Long after = Requests.seqParam(ctx, "after");
    int limit = Requests.pageLimit(ctx, limits.historyPageMax(), MessageCommands.DEFAULT_PAGE);
    services.ask(new ThreadReplies(ctx.pathParam("room"), Identity.of(ctx).user(), ctx.pathParam("message"), after,
            limit))
        .onSuccess(page -> Requests.json(ctx, 200, page))
        .onFailure(ctx::fail);
  }

  private void follow(RoutingContext ctx, boolean follow) {
    services.ask(new FollowThread(ctx.pathParam("room"), Identity.of(ctx).user(), ctx.pathParam("message"), follow))
        .onSuccess(done -> Requests.noContent(ctx))
        .onFailure(ctx::fail);
  }
}
