package dev.parley.gateway.rooms;

import dev.parley.gateway.http.Requests;
import dev.parley.gateway.identity.Identity;
import dev.parley.gateway.identity.Tokens;
import dev.parley.gateway.limits.RateLimiter;
import dev.parley.shared.Bounds;
import dev.parley.shared.contract.Requester;
import dev.parley.shared.notify.InviteEmailWork;
import dev.parley.shared.rooms.InviteCommands.AcceptInvite;
import dev.parley.shared.rooms.InviteCommands.CreateInvite;
import dev.parley.shared.rooms.InviteCommands.EmailInviteStatus;
import dev.parley.shared.rooms.InviteCommands.InviteInfo;
import dev.parley.shared.rooms.InviteCommands.InviteList;
import dev.parley.shared.rooms.InviteCommands.InviteReply;
import dev.parley.shared.rooms.InviteCommands.InviteView;
import dev.parley.shared.rooms.InviteCommands.ListInvites;
import dev.parley.shared.rooms.InviteCommands.RevokeInvite;
import io.vertx.core.Future;
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
public final class InvitesApi {

  private static final Logger LOG = LoggerFactory.getLogger(InvitesApi.class);
  private static final long EMAIL_INVITE_MILLIS = 7L * 24 * 3600 * 1000;
  private static final int MAX_USES = 1_000_000;
  private static final int MAX_EXPIRES_IN_SECONDS = 365 * 24 * 3600;

  private final Requester services;
  private final Tokens tokens;
  private final Supplier<String> publicUrl;
  private final RateLimiter emails;

  /**
   * {@code publicUrl} is read when a link is made: it is known only once the server listens. {@code emails} bounds
   * the invitation emails one person has sent, over all rooms (new rooms included): a server must not become a
   * way to mail strangers.
   */
  public InvitesApi(Requester services, Tokens tokens, Supplier<String> publicUrl, RateLimiter emails) {
    this.services = services;
    this.tokens = tokens;
    this.publicUrl = publicUrl;
    this.emails = emails;
  }

  /** The join page's look-up needs no sign-in: whoever holds a link may see where it leads. */
  public void mountPublic(Router api) {
    api.get("/invites/:token").handler(this::info);
  }

  public void mountPrivate(Router api) {
    api.post("/rooms/:room/invites").handler(this::create);
    api.get("/rooms/:room/invites").handler(this::list);
    api.delete("/rooms/:room/invites/:invite").handler(this::revoke);
    api.post("/rooms/:room/invites/email").handler(this::inviteByEmail);
    api.post("/invites/:token/accept").handler(this::accept);
  }

  private void create(RoutingContext ctx) {
    JsonObject body = Requests.body(ctx);
    Integer maxUses = Requests.optionalPositive(body, "maxUses", MAX_USES);
    Integer expiresIn = Requests.optionalPositive(body, "expiresIn", MAX_EXPIRES_IN_SECONDS);
    String token = tokens.randomToken();
    CreateInvite command = new CreateInvite(ctx.pathParam("room"), Identity.of(ctx).user(), Tokens.hash(token),
        maxUses, expiresIn == null ? null : System.currentTimeMillis() + expiresIn * 1000L, null);
    services.ask(command)
        .onSuccess(created -> Requests.json(ctx, 201,
            new InviteReply(created.invite().withLink(token, link(token)))))
        .onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    services.ask(new ListInvites(ctx.pathParam("room"), Identity.of(ctx).user()))
        .onSuccess(invites -> Requests.json(ctx, 200, invites))
        .onFailure(ctx::fail);
  }

  private void revoke(RoutingContext ctx) {
    services.ask(new RevokeInvite(ctx.pathParam("room"), Identity.of(ctx).user(), ctx.pathParam("invite")))
        .onSuccess(done -> Requests.noContent(ctx))
        .onFailure(ctx::fail);
  }

  private void info(RoutingContext ctx) {
    services.ask(new InviteInfo(Tokens.hash(ctx.pathParam("token"))))
        .onSuccess(info -> Requests.json(ctx, 200, info))
        .onFailure(ctx::fail);
  }

  private void accept(RoutingContext ctx) {
    services.ask(new AcceptInvite(Tokens.hash(ctx.pathParam("token")), Identity.of(ctx).user()))
        .onSuccess(accepted -> Requests.json(ctx, 200, accepted))
        .onFailure(ctx::fail);
  }

  /**
   * One single-use, week-long invite per address, handed to notification-verticle to mail. An address invited to
   * the same room within the last minutes gets no second email: its existing invite is answered instead.
   */
  private void inviteByEmail(RoutingContext ctx) {
    List<String> addresses = new ArrayList<>();
    for (String email : Requests.texts(Requests.body(ctx), "emails", "addresses", Bounds.INVITE_EMAILS)) {
      String address = email.strip();
      if (address.length() > Bounds.EMAIL || !Requests.EMAIL.matcher(address).matches()) {
        throw Requests.invalid("Not an email address: " + email);
      }
      if (addresses.stream().noneMatch(address::equalsIgnoreCase)) {
        addresses.add(address);
      }
    }
    Identity inviter = Identity.of(ctx);
    String room = ctx.pathParam("room");
    List<InviteView> invites = new ArrayList<>();
    // One after another: the first failure (not allowed to invite, no such room) stops the rest.
    Future<Void> chain = Future.succeededFuture();
    for (String address : addresses) {
      chain = chain.compose(previous -> inviteOne(room, inviter, address).map(invites::add).mapEmpty());
    }
    chain
        .onSuccess(done -> Requests.json(ctx, 202, new InviteList(invites)))
        .onFailure(ctx::fail);
  }

  private Future<InviteView> inviteOne(String room, Identity inviter, String address) {
    String token = tokens.randomToken();
    CreateInvite command = new CreateInvite(room, inviter.user(), Tokens.hash(token), 1,
        System.currentTimeMillis() + EMAIL_INVITE_MILLIS, address);
    return services.ask(command).compose(created -> {
      InviteView invite = created.invite();
      if (!created.created()) {
        return Future.succeededFuture(invite);
      }
      InviteEmailWork work = new InviteEmailWork(invite.id(), address, link(token), created.roomName(),
          inviter.name());
      return emails.require(inviter.user(), "You have sent as many invitation emails as a day allows: share an "
              + "invite link instead, or try again tomorrow")
          .recover(limited -> revokeUnsent(room, inviter, invite).transform(revoked -> Future.failedFuture(limited)))
          .compose(allowed -> services.ask(work).map(invite).recover(failure -> {
            // No mailer running, or its queue is full: the invite exists but its email failed; say so.
            LOG.warn("Invite email to {} for room {} not queued: {}", address, room, failure.getMessage());
            return services.ask(new EmailInviteStatus(invite.id(), EmailInviteStatus.FAILED,
                    "Email could not be queued"))
                .map(reported -> invite.withEmailStatus(EmailInviteStatus.FAILED));
          }));
    });
  }

  /** An invite whose email may not be sent is withdrawn: nobody else holds its link. */
  private Future<Void> revokeUnsent(String room, Identity inviter, InviteView invite) {
    return services.ask(new RevokeInvite(room, inviter.user(), invite.id())).mapEmpty();
  }

  private String link(String token) {
    return publicUrl.get() + "/invite/" + token;
  }
}
