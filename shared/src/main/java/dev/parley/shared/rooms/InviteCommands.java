package dev.parley.shared.rooms;

import dev.parley.shared.Addresses;
import dev.parley.shared.contract.Command;
import dev.parley.shared.contract.Done;
import dev.parley.shared.contract.Json;
import dev.parley.shared.contract.JsonBody;
import dev.parley.shared.contract.Route;
import dev.parley.shared.rooms.RoomCommands.RoomReply;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Commands on {@link Addresses#ROOMS_CMD} about invite links and invite emails. Tokens travel only as hashes
 * (base64url SHA-256): the link itself is shown once, by the gateway.
 */
public final class InviteCommands {

  private InviteCommands() {
  }

  /**
   * A new invite of the room; with an {@code email}, an invite for the same address made within the last few minutes
   * is answered instead of a new one ({@code created: false}).
   */
  public record CreateInvite(String room, String actor, String tokenHash, Integer maxUses, Long expiresAt,
                             String email) implements Command<InviteCreated> {
    public static final Route<CreateInvite, InviteCreated> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "CREATE_INVITE", CreateInvite::fromJson, InviteCreated::fromJson);

    @Override
    public Route<CreateInvite, InviteCreated> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("room", room).put("actor", actor).put("tokenHash", tokenHash)
          .put("maxUses", maxUses).put("expiresAt", expiresAt).put("email", email);
    }

    public static CreateInvite fromJson(JsonObject json) {
      return new CreateInvite(Json.text(json, "room"), Json.text(json, "actor"), Json.text(json, "tokenHash"),
          Json.optInteger(json, "maxUses"), Json.optWhole(json, "expiresAt"), Json.optText(json, "email"));
    }
  }

  /** An invite as its room's admins (or its maker) see it; {@code token} and {@code url} only when just made. */
  public record InviteView(String id, String room, Integer maxUses, int uses, Long expiresAt, boolean revoked,
                           String email, String emailStatus, long createdAt, String creatorName, String token,
                           String url) implements JsonBody {

    /** The invite with the only copy of its token and the link made of it. */
    public InviteView withLink(String newToken, String newUrl) {
      return new InviteView(id, room, maxUses, uses, expiresAt, revoked, email, emailStatus, createdAt, creatorName,
          newToken, newUrl);
    }

    public InviteView withEmailStatus(String status) {
      return new InviteView(id, room, maxUses, uses, expiresAt, revoked, email, status, createdAt, creatorName,
          token, url);
    }

    @Override
    public JsonObject toJson() {
      JsonObject json = new JsonObject().put("id", id).put("room", room).put("maxUses", maxUses).put("uses", uses)
          .put("expiresAt", expiresAt).put("revoked", revoked).put("email", email).put("emailStatus", emailStatus)
          .put("createdAt", createdAt).put("creatorName", creatorName);
      Json.putIfPresent(json, "token", token);
      return Json.putIfPresent(json, "url", url);
    }

    public static InviteView fromJson(JsonObject json) {
      return new InviteView(Json.text(json, "id"), Json.text(json, "room"), Json.optInteger(json, "maxUses"),
          Json.integer(json, "uses"), Json.optWhole(json, "expiresAt"), Json.flag(json, "revoked", false),
          Json.optText(json, "email"), Json.optText(json, "emailStatus"), Json.whole(json, "createdAt"),
          Json.optText(json, "creatorName"), Json.optText(json, "token"), Json.optText(json, "url"));
    }
  }

  /** {@code {"invite":{..}}}: one invite (the HTTP answer to making a link). */
  public record InviteReply(InviteView invite) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("invite", invite.toJson());
    }

    public static InviteReply fromJson(JsonObject json) {
      return new InviteReply(InviteView.fromJson(Json.object(json, "invite")));
    }
  }

  /** {@code {"invite":{..},"created":bool,"roomName"}}. */
  public record InviteCreated(InviteView invite, boolean created, String roomName) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("invite", invite.toJson()).put("created", created).put("roomName", roomName);
    }

    public static InviteCreated fromJson(JsonObject json) {
      return new InviteCreated(InviteView.fromJson(Json.object(json, "invite")), Json.flag(json, "created", false),
          Json.optText(json, "roomName"));
    }
  }

  /** The room's invites with their uses and email status: all for its admins, their own for the others. */
  public record ListInvites(String room, String user) implements Command<InviteList> {
    public static final Route<ListInvites, InviteList> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "LIST_INVITES", ListInvites::fromJson, InviteList::fromJson);

    @Override
    public Route<ListInvites, InviteList> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("room", room).put("user", user);
    }

    public static ListInvites fromJson(JsonObject json) {
      return new ListInvites(Json.text(json, "room"), Json.text(json, "user"));
    }
  }

  /** {@code {"invites":[..]}}. */
  public record InviteList(List<InviteView> invites) implements JsonBody {
    public InviteList {
      invites = List.copyOf(invites);
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("invites", Json.array(invites));
    }

    public static InviteList fromJson(JsonObject json) {
      return new InviteList(Json.objects(json, "invites", InviteView::fromJson));
    }
  }

  /** Revokes an invite: its room's admins any, others their own. */
  public record RevokeInvite(String room, String actor, String invite) implements Command<Done> {
    public static final Route<RevokeInvite, Done> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "REVOKE_INVITE", RevokeInvite::fromJson, Done::fromJson);

    @Override
    public Route<RevokeInvite, Done> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("room", room).put("actor", actor).put("invite", invite);
    }

    public static RevokeInvite fromJson(JsonObject json) {
      return new RevokeInvite(Json.text(json, "room"), Json.text(json, "actor"), Json.text(json, "invite"));
    }
  }

  /** Where a link leads, for the join page (no sign-in); a spent link is gone (410) with the reason. */
  public record InviteInfo(String tokenHash) implements Command<InviteTarget> {
    public static final Route<InviteInfo, InviteTarget> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "INVITE_INFO", InviteInfo::fromJson, InviteTarget::fromJson);

    @Override
    public Route<InviteInfo, InviteTarget> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("tokenHash", tokenHash);
    }

    public static InviteInfo fromJson(JsonObject json) {
      return new InviteInfo(Json.text(json, "tokenHash"));
    }
  }

  /** {@code {"room":{"id","name","kind"},"inviter"}}. */
  public record InviteTarget(String roomId, String roomName, RoomKind roomKind, String inviter) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject()
          .put("room", new JsonObject().put("id", roomId).put("name", roomName).put("kind", roomKind.wireName()))
          .put("inviter", inviter);
    }

    public static InviteTarget fromJson(JsonObject json) {
      JsonObject room = Json.object(json, "room");
      return new InviteTarget(Json.text(room, "id"), Json.text(room, "name"),
          RoomKind.fromWire(Json.text(room, "kind")), Json.optText(json, "inviter"));
    }
  }

  /** Redeems an invite atomically; a spent one is gone (410). */
  public record AcceptInvite(String tokenHash, String user) implements Command<RoomReply> {
    public static final Route<AcceptInvite, RoomReply> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "ACCEPT_INVITE", AcceptInvite::fromJson, RoomReply::fromJson);

    @Override
    public Route<AcceptInvite, RoomReply> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("tokenHash", tokenHash).put("user", user);
    }

    public static AcceptInvite fromJson(JsonObject json) {
      return new AcceptInvite(Json.text(json, "tokenHash"), Json.text(json, "user"));
    }
  }

  /** notification-verticle's report on an invite email: {@code status} is {@code sent} or {@code failed}. */
  public record EmailInviteStatus(String invite, String status, String error) implements Command<Done> {
    public static final Route<EmailInviteStatus, Done> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "EMAIL_INVITE_STATUS", EmailInviteStatus::fromJson, Done::fromJson);

    public static final String SENT = "sent";
    public static final String FAILED = "failed";

    @Override
    public Route<EmailInviteStatus, Done> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("invite", invite).put("status", status).put("error", error);
    }

    public static EmailInviteStatus fromJson(JsonObject json) {
      return new EmailInviteStatus(Json.text(json, "invite"), Json.text(json, "status"), Json.optText(json, "error"));
    }
  }
}
