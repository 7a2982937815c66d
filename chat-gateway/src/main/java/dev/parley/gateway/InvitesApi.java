package dev.parley.gateway;

import dev.parley.shared.Addresses;
import dev.parley.shared.EmailWork;
import dev.parley.shared.ErrorCode;
import dev.parley.shared.ParleyException;
import dev.parley.shared.RoomAction;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Invite links and invite emails. A token is 256 random bits, shown once (in the creation answer or the email) and
 * stored only as a hash; links are built from the configured public URL, never from the request's Host.
 */
final class InvitesApi {

  private static final Logger LOG = LoggerFactory.getLogger(InvitesApi.class);
  private static final int MAX_EMAILS = 50;
  private static final long EMAIL_INVITE_MILLIS = 7L * 24 * 3600 * 1000;
  private static final long MAX_EXPIRES_IN_SECONDS = 365L * 24 * 3600;

  private final Services services;
  private final Tokens tokens;
  private final EventBus bus;
  private final Supplier<String> publicUrl;

  /** {@code publicUrl} is read when a link is made: it is known only once the server listens. */
  InvitesApi(Services services, Tokens tokens, EventBus bus, Supplier<String> publicUrl) {
    this.services = services;
    this.tokens = tokens;
    this.bus = bus;
    this.publicUrl = publicUrl;
  }

  /** The join page's look-up needs no sign-in: whoever holds a link may see where it leads. */
  void mountPublic(Router api) {
    api.get("/invites/:token").handler(this::info);
  }

  void mountPrivate(Router api) {
    api.post("/rooms/:room/invites").handler(this::create);
    api.get("/rooms/:room/invites").handler(this::list);
    api.delete("/rooms/:room/invites/:invite").handler(this::revoke);
    api.post("/rooms/:room/invites/email").handler(this::inviteByEmail);
    api.post("/invites/:token/accept").handler(this::accept);
  }

  private void create(RoutingContext ctx) {
    JsonObject body = Requests.body(ctx);
    Integer maxUses = positive(body, "maxUses", 1_000_000);
    Integer expiresIn = positive(body, "expiresIn", (int) MAX_EXPIRES_IN_SECONDS);
    String token = tokens.randomToken();
    JsonObject command = new JsonObject()
        .put("room", ctx.pathParam("room"))
        .put("actor", Requests.identity(ctx).user())
        .put("tokenHash", Tokens.hash(token))
        .put("maxUses", maxUses)
        .put("expiresAt", expiresIn == null ? null : System.currentTimeMillis() + expiresIn * 1000L);
    services.rooms(RoomAction.CREATE_INVITE, command)
        .onSuccess(created -> Requests.json(ctx, 201, new JsonObject().put("invite",
            created.getJsonObject("invite").put("token", token).put("url", link(token)))))
        .onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    services.rooms(RoomAction.LIST_INVITES, new JsonObject().put("room", ctx.pathParam("room"))
            .put("user", Requests.identity(ctx).user()))
        .onSuccess(invites -> Requests.json(ctx, 200, invites))
        .onFailure(ctx::fail);
  }

  private void revoke(RoutingContext ctx) {
    services.rooms(RoomAction.REVOKE_INVITE, new JsonObject().put("room", ctx.pathParam("room"))
            .put("actor", Requests.identity(ctx).user()).put("invite", ctx.pathParam("invite")))
        .onSuccess(done -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private void info(RoutingContext ctx) {
    services.rooms(RoomAction.INVITE_INFO, new JsonObject().put("tokenHash", Tokens.hash(ctx.pathParam("token"))))
        .onSuccess(info -> Requests.json(ctx, 200, info))
        .onFailure(ctx::fail);
  }

  private void accept(RoutingContext ctx) {
    services.rooms(RoomAction.ACCEPT_INVITE, new JsonObject()
            .put("tokenHash", Tokens.hash(ctx.pathParam("token"))).put("user", Requests.identity(ctx).user()))
        .onSuccess(accepted -> Requests.json(ctx, 200, accepted))
        .onFailure(ctx::fail);
  }

  /**
   * One single-use, week-long invite per address, handed to notification-verticle to mail. An address invited to
   * the same room within the last minutes gets no second email: its existing invite is answered instead.
   */
  private void inviteByEmail(RoutingContext ctx) {
    Object value = Requests.body(ctx).getValue("emails");
    if (!(value instanceof JsonArray emails) || emails.isEmpty()) {
      throw Requests.invalid("'emails' must be a list of addresses");
    }
    if (emails.size() > MAX_EMAILS) {
      throw Requests.invalid("At most " + MAX_EMAILS + " addresses at a time");
    }
    List<String> addresses = new ArrayList<>();
    for (Object email : emails) {
      if (!(email instanceof String address) || address.length() > 254
          || !Requests.EMAIL.matcher(address.strip()).matches()) {
        throw Requests.invalid("Not an email address: " + email);
      }
      if (addresses.stream().noneMatch(address.strip()::equalsIgnoreCase)) {
        addresses.add(address.strip());
      }
    }
    Identity inviter = Requests.identity(ctx);
    String room = ctx.pathParam("room");
    List<Future<JsonObject>> invites = new ArrayList<>();
    // One after another: the first failure (not allowed to invite, no such room) stops the rest.
    Future<Void> chain = Future.succeededFuture();
    for (String address : addresses) {
      chain = chain.compose(previous -> {
        Future<JsonObject> invite = inviteOne(room, inviter, address);
        invites.add(invite);
        return invite.mapEmpty();
      });
    }
    chain
        .map(done -> {
          JsonArray answered = new JsonArray();
          invites.forEach(invite -> answered.add(invite.result()));
          return answered;
        })
        .onSuccess(answered -> Requests.json(ctx, 202, new JsonObject().put("invites", answered)))
        .onFailure(ctx::fail);
  }

  private Future<JsonObject> inviteOne(String room, Identity inviter, String address) {
    String token = tokens.randomToken();
    JsonObject command = new JsonObject()
        .put("room", room)
        .put("actor", inviter.user())
        .put("tokenHash", Tokens.hash(token))
        .put("maxUses", 1)
        .put("expiresAt", System.currentTimeMillis() + EMAIL_INVITE_MILLIS)
        .put("email", address);
    return services.rooms(RoomAction.CREATE_INVITE, command).compose(created -> {
      JsonObject invite = created.getJsonObject("invite");
      if (!created.getBoolean("created")) {
        return Future.succeededFuture(invite);
      }
      EmailWork work = new EmailWork(invite.getString("id"), address, link(token), created.getString("roomName"),
          inviter.name());
      return bus.request(Addresses.NOTIFY_EMAIL, work.toJson(), new DeliveryOptions().setSendTimeout(10_000))
          .recover(failure -> {
            // No mailer running, or its queue is full: the invite exists but its email failed; say so.
            LOG.warn("Invite email to {} for room {} not queued: {}", address, room, failure.getMessage());
            return services.rooms(RoomAction.EMAIL_INVITE_STATUS, new JsonObject().put("invite", invite.getString("id"))
                    .put("status", "failed").put("error", "Email could not be queued"))
                .map(reported -> {
                  invite.put("emailStatus", "failed");
                  return null;
                });
          })
          .map(queued -> invite);
    });
  }

  private String link(String token) {
    return publicUrl.get() + "/invite/" + token;
  }

  private static Integer positive(JsonObject body, String field, int max) {
    Object value = body.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Number number) || number.doubleValue() % 1 != 0 || number.longValue() < 1
        || number.longValue() > max) {
      throw new ParleyException(ErrorCode.INVALID,
          "'" + field + "' must be a whole number from 1 to " + max);
    }
    return number.intValue();
  }
}
