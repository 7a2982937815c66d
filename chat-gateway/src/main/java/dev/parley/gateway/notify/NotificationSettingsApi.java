package dev.parley.gateway.notify;

import dev.parley.gateway.http.Requests;
import dev.parley.gateway.identity.Identity;
import dev.parley.shared.ErrorCode;
import dev.parley.shared.ParleyException;
import dev.parley.shared.contract.Requester;
import dev.parley.shared.http.PushRequests;
import dev.parley.shared.notify.DigestCommands.StopEmails;
import dev.parley.shared.notify.PreferenceCommands;
import dev.parley.shared.notify.PreferenceCommands.DoNotDisturb;
import dev.parley.shared.notify.PreferenceCommands.GetPersonSettings;
import dev.parley.shared.notify.PreferenceCommands.GetRoomSettings;
import dev.parley.shared.notify.PreferenceCommands.SetPersonSettings;
import dev.parley.shared.notify.PreferenceCommands.SetRoomSettings;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;

/**
 * Notification settings over HTTP, for signed-in callers: their own (email on or off, a do-not-disturb schedule in
 * their time zone) and per room (all, mentions or nothing; muted until a time). room-verticle checks the values and
 * that the caller is a member of the room.
 */
public final class NotificationSettingsApi {

  private static final int MAX_FIELD = 64;
  private static final Pattern UNSUBSCRIBE_TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,64}");

  private final Requester services;

  public NotificationSettingsApi(Requester services) {
    this.services = services;
  }

  /** The one-click unsubscribe of digest emails (RFC 8058): the link's token is the only credential. */
  public void mountPublic(Router api) {
    api.post("/notifications/unsubscribe").handler(this::stopEmails);
    api.get("/notifications/unsubscribe").handler(this::unsubscribePage);
  }

  public void mount(Router api) {
    api.get("/me/notifications").handler(this::person);
    api.put("/me/notifications").handler(this::setPerson);
    api.get("/rooms/:room/notifications").handler(this::room);
    api.put("/rooms/:room/notifications").handler(this::setRoom);
  }

  /** {@code POST ?token=}: what a mail program sends on one click ({@code List-Unsubscribe=One-Click}). */
  private void stopEmails(RoutingContext ctx) {
    services.ask(new StopEmails(token(ctx)))
        .onSuccess(done -> Requests.noContent(ctx))
        .onFailure(ctx::fail);
  }

  /** {@code GET ?token=}: a person who opened the link in a browser gets a button that does the same POST. */
  private void unsubscribePage(RoutingContext ctx) {
    String token = token(ctx);
    ctx.response().putHeader("Content-Type", "text/html; charset=utf-8").end("""
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Parley: stop digest emails</title></head>
        <body>
        <p>Stop the emails that gather your unread Parley messages?</p>
        <form method="post" action="/api/v1/notifications/unsubscribe?token=%s">
        <button type="submit">Stop these emails</button></form>
        <p>You can switch them on again in Parley's notification settings.</p></body></html>
        """.formatted(token));
  }

  /** The link's token: base64url only, so it can go into the page as it is. */
  private static String token(RoutingContext ctx) {
    String token = ctx.request().getParam("token");
    if (token == null || !UNSUBSCRIBE_TOKEN.matcher(token).matches()) {
      throw new ParleyException(ErrorCode.NOT_FOUND, "No such unsubscribe link");
    }
    return token;
  }

  private void person(RoutingContext ctx) {
    services.ask(new GetPersonSettings(Identity.of(ctx).user()))
        .onSuccess(settings -> Requests.json(ctx, 200, settings))
        .onFailure(ctx::fail);
  }

  /** {@code {"email"?, "doNotDisturb"?: {"start","end","timeZone"} | null}}: what is absent stays as it is. */
  private void setPerson(RoutingContext ctx) {
    JsonObject body = Requests.body(ctx);
    Boolean email = Requests.optionalFlag(body, PushRequests.EMAIL);
    boolean setDnd = body.containsKey(PushRequests.DO_NOT_DISTURB);
    DoNotDisturb dnd = null;
    if (setDnd && body.getValue(PushRequests.DO_NOT_DISTURB) != null) {
      if (!(body.getValue(PushRequests.DO_NOT_DISTURB) instanceof JsonObject window)) {
        throw Requests.invalid("'" + PushRequests.DO_NOT_DISTURB + "' must be {\"start\",\"end\",\"timeZone\"} or null");
      }
      dnd = new DoNotDisturb(Requests.text(window, PushRequests.START, MAX_FIELD),
          Requests.text(window, PushRequests.END, MAX_FIELD), Requests.text(window, PushRequests.TIME_ZONE, MAX_FIELD));
    }
    services.ask(new SetPersonSettings(Identity.of(ctx).user(), email, setDnd, dnd))
        .onSuccess(settings -> Requests.json(ctx, 200, settings))
        .onFailure(ctx::fail);
  }

  private void room(RoutingContext ctx) {
    services.ask(new GetRoomSettings(ctx.pathParam("room"), Identity.of(ctx).user()))
        .onSuccess(settings -> Requests.json(ctx, 200, settings))
        .onFailure(ctx::fail);
  }

  /** {@code {"level"?: "all"|"mentions"|"nothing", "mutedUntil"?: epoch ms | null}}. */
  private void setRoom(RoutingContext ctx) {
    JsonObject body = Requests.body(ctx);
    String level = Requests.optionalText(body, PushRequests.LEVEL, MAX_FIELD);
    if (level != null && !PreferenceCommands.LEVELS.contains(level)) {
      throw Requests.invalid("'" + PushRequests.LEVEL + "' must be all, mentions or nothing");
    }
    boolean setMute = body.containsKey(PushRequests.MUTED_UNTIL);
    Long until = null;
    if (setMute && body.getValue(PushRequests.MUTED_UNTIL) != null) {
      until = Requests.whole(body, PushRequests.MUTED_UNTIL);
    }
    services.ask(new SetRoomSettings(ctx.pathParam("room"), Identity.of(ctx).user(), level, setMute, until))
        .onSuccess(settings -> Requests.json(ctx, 200, settings))
        .onFailure(ctx::fail);
  }
}
