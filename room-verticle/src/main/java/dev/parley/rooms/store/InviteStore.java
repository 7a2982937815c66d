package dev.parley.rooms.store;

import dev.parley.rooms.access.Permissions.Need;
import dev.parley.rooms.access.Permissions;
import dev.parley.rooms.access.Standing;
import dev.parley.shared.ErrorCode;
import dev.parley.shared.Ids;
import dev.parley.shared.ParleyException;
import dev.parley.shared.events.RoomEvent;
import dev.parley.shared.rooms.AuditDetails;
import dev.parley.shared.rooms.InviteCommands.CreateInvite;
import dev.parley.shared.rooms.InviteCommands.InviteCreated;
import dev.parley.shared.rooms.InviteCommands.InviteTarget;
import dev.parley.shared.rooms.InviteCommands.InviteView;
import dev.parley.shared.rooms.RoomKind;
import dev.parley.shared.rooms.RoomView;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** All SQL about invite links and invite emails. Tokens arrive hashed; a link is redeemed atomically. */
public final class InviteStore {

  /** The same address is not invited to the same room twice within this many minutes. */
  static final int EMAIL_WINDOW_MINUTES = 10;

  private static final String INVITE_COLUMNS = """
      i.id, i.room_id, i.max_uses, i.uses, i.revoked_at IS NOT NULL AS revoked, i.email, i.email_status,
      (extract(epoch FROM i.expires_at) * 1000)::bigint AS expires_ts,
      (extract(epoch FROM i.created_at) * 1000)::bigint AS created_ts,
      creator.name AS creator_name
      """;

  private final Pool pool;

  public InviteStore(Pool pool) {
    this.pool = pool;
  }

  /** A redeemed invite: the room as the new member sees it, and the member.joined event (null if already in). */
  public record Accepted(RoomView room, RoomEvent event) {
  }

  public Future<InviteCreated> create(CreateInvite command) {
    String room = command.room();
    String email = command.email();
    return Standings.load(pool, room, command.actor()).map(who -> Permissions.require(who, Need.INVITE))
        .compose(who -> (email == null ? Future.succeededFuture((InviteView) null) : recentEmailInvite(room, email))
            .compose(recent -> recent != null
                ? Future.succeededFuture(new InviteCreated(recent, false, who.roomName()))
                : insert(command).map(invite -> new InviteCreated(invite, true, who.roomName()))));
  }

  private Future<InviteView> insert(CreateInvite command) {
    String room = command.room();
    String actor = command.actor();
    String email = command.email();
    Integer maxUses = command.maxUses();
    Long expiresAt = command.expiresAt();
    String tokenHash = command.tokenHash();
    return pool.withTransaction(conn -> conn.preparedQuery("""
                    INSERT INTO invites (room_id, token_hash, created_by, expires_at, max_uses, email, email_status)
                    VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $6::text IS NULL THEN NULL ELSE 'queued' END)
                    RETURNING id""")
                .execute(Tuple.of(UUID.fromString(room), SqlValues.tokenHash(tokenHash), UUID.fromString(actor),
                    expiresAt == null ? null : SqlValues.timestamp(expiresAt), maxUses, email))
                .map(rows -> rows.iterator().next().getUUID("id").toString())
                .compose(id -> Writes.audit(conn, room, actor, email == null ? "invite_link" : "invite_email", null,
                        AuditDetails.inviteCreated(id, email, maxUses))
                    .compose(audited -> byId(conn, id))));
  }

  /** Everything for the room's moderators; for others allowed to invite, their own invites. */
  public Future<List<InviteView>> list(String room, String user) {
    return Standings.load(pool, room, user).map(who -> Permissions.require(who, Need.INVITE))
        .compose(who -> pool.preparedQuery("SELECT " + INVITE_COLUMNS + """
                 FROM invites i LEFT JOIN users creator ON creator.id = i.created_by
                WHERE i.room_id = $1 AND ($2 OR i.created_by = $3)
                ORDER BY i.created_at DESC LIMIT 500""")
            .execute(Tuple.of(UUID.fromString(room), who.moderates(), UUID.fromString(user))))
        .map(rows -> {
          List<InviteView> invites = new ArrayList<>();
          for (Row row : rows) {
            invites.add(inviteView(row));
          }
          return invites;
        });
  }

  public Future<Void> revoke(String room, String actor, String invite) {
    if (!Ids.isId(invite)) {
      return Future.failedFuture(new ParleyException(ErrorCode.NOT_FOUND, "No such invite"));
    }
    // Revoking stays possible in an archived room, where no new invite may be made.
    return Standings.load(pool, room, actor).map(who -> Permissions.require(who, Need.READ))
        .compose(who -> pool.withTransaction(conn -> conn.preparedQuery("""
                UPDATE invites SET revoked_at = coalesce(revoked_at, now())
                WHERE id = $1 AND room_id = $2 AND ($3 OR created_by = $4)
                RETURNING id""")
            .execute(Tuple.of(UUID.fromString(invite), UUID.fromString(room), who.moderates(),
                UUID.fromString(actor)))
            .compose(rows -> rows.size() == 0
                ? Future.failedFuture(new ParleyException(ErrorCode.NOT_FOUND, "No such invite"))
                : Writes.audit(conn, room, actor, "revoke_invite", null, AuditDetails.inviteRevoked(invite)))));
  }

  /** Where a link leads, for the join page; spent links are gone (410) with the reason. */
  public Future<InviteTarget> info(String tokenHash) {
    return pool.preparedQuery("""
            SELECT r.id, r.name, r.kind, inviter.name AS inviter, i.created_by, i.revoked_at IS NOT NULL AS revoked,
                   i.expires_at IS NOT NULL AND i.expires_at <= now() AS expired,
                   i.max_uses IS NOT NULL AND i.uses >= i.max_uses AS used_up
            FROM invites i JOIN rooms r ON r.id = i.room_id LEFT JOIN users inviter ON inviter.id = i.created_by
            WHERE i.token_hash = $1""")
        .execute(Tuple.of(SqlValues.tokenHash(tokenHash)))
        .compose(rows -> {
          if (rows.size() == 0) {
            throw new ParleyException(ErrorCode.NOT_FOUND, "This invite link is not valid");
          }
          Row row = rows.iterator().next();
          requireUsable(row);
          String room = row.getUUID("id").toString();
          return requireInviterStillInvites(pool, room, row.getUUID("created_by"))
              .map(valid -> new InviteTarget(room, row.getString("name"), RoomKind.fromWire(row.getString("kind")),
                  row.getString("inviter")));
        });
  }

  /**
   * Redeems a link. The invite row is locked for the whole transaction, so when several people race for the last
   * use, exactly one gets in. Someone already in the room keeps the use for somebody else.
   */
  public Future<Accepted> accept(String tokenHash, String user) {
    return pool.withTransaction(conn -> conn.preparedQuery("""
            SELECT i.id, i.room_id, i.email, i.created_by, i.revoked_at IS NOT NULL AS revoked,
                   i.expires_at IS NOT NULL AND i.expires_at <= now() AS expired,
                   i.max_uses IS NOT NULL AND i.uses >= i.max_uses AS used_up
            FROM invites i WHERE i.token_hash = $1 FOR UPDATE""")
        .execute(Tuple.of(SqlValues.tokenHash(tokenHash)))
        .compose(rows -> {
          if (rows.size() == 0) {
            throw new ParleyException(ErrorCode.NOT_FOUND, "This invite link is not valid");
          }
          Row invite = rows.iterator().next();
          String room = invite.getUUID("room_id").toString();
          return conn.preparedQuery("SELECT id FROM rooms WHERE id = $1 FOR UPDATE").execute(Tuple.of(invite.getUUID("room_id")))
              .compose(locked -> Standings.load(conn, room, user))
              .compose(who -> {
                if (who.member()) {
                  return Writes.roomForMember(conn, room, user).map(view -> new Accepted(view, null));
                }
                Permissions.require(who, Need.ACCEPT_INVITE);
                requireUsable(invite);
                return requireInviterStillInvites(conn, room, invite.getUUID("created_by"))
                    .compose(valid -> conn.preparedQuery("""
                            UPDATE invites SET uses = uses + 1,
                                   email_status = CASE WHEN email IS NULL THEN NULL ELSE 'accepted' END
                            WHERE id = $1""")
                        .execute(Tuple.of(invite.getUUID("id"))))
                    .compose(used -> Writes.addMember(conn, room, user, Standing.MEMBER, who.lastSeq(), null,
                        invite.getUUID("id").toString()))
                    .compose(event -> Writes.roomForMember(conn, room, user).map(view -> new Accepted(view, event)));
              });
        }));
  }

  /**
   * A link is only as good as its maker's right to invite: someone removed from the room (or demoted, or whose
   * account is gone) cannot come back, or let anyone in, through a link they made before.
   */
  private static Future<Void> requireInviterStillInvites(SqlClient conn, String room, UUID inviter) {
    if (inviter == null) {
      return Future.failedFuture(noLongerValid());
    }
    return Standings.load(conn, room, inviter.toString())
        .map(maker -> {
          if (maker.archived()) {
            // Nobody invites to an archived room: say that, not that the link's maker lost the right.
            throw Permissions.forbidden("This room is archived");
          }
          if (!Permissions.allows(maker, Need.INVITE)) {
            throw noLongerValid();
          }
          return null;
        });
  }

  private static ParleyException noLongerValid() {
    return new ParleyException(ErrorCode.GONE,
        "This invite link no longer works: whoever made it can no longer invite people to this room");
  }

  /** notification-verticle's report on an invite email; an accepted invite stays accepted. */
  public Future<Void> emailStatus(String invite, String status, String error) {
    if (!Ids.isId(invite) || !("sent".equals(status) || "failed".equals(status))) {
      return Future.failedFuture(new ParleyException(ErrorCode.INVALID, "An invite id and sent or failed"));
    }
    return pool.preparedQuery("""
            UPDATE invites SET email_status = $2, email_error = $3
            WHERE id = $1 AND email IS NOT NULL AND email_status IN ('queued', 'failed')""")
        .execute(Tuple.of(UUID.fromString(invite), status, error))
        .mapEmpty();
  }

  private Future<InviteView> recentEmailInvite(String room, String email) {
    return pool.preparedQuery("SELECT " + INVITE_COLUMNS + """
             FROM invites i LEFT JOIN users creator ON creator.id = i.created_by
            WHERE i.room_id = $1 AND lower(i.email) = lower($2) AND i.revoked_at IS NULL
              AND i.created_at > now() - make_interval(mins => $3)
            ORDER BY i.created_at DESC LIMIT 1""")
        .execute(Tuple.of(UUID.fromString(room), email, EMAIL_WINDOW_MINUTES))
        .map(rows -> rows.size() == 0 ? null : inviteView(rows.iterator().next()));
  }

  private static Future<InviteView> byId(SqlConnection conn, String id) {
    return conn.preparedQuery("SELECT " + INVITE_COLUMNS + """
             FROM invites i LEFT JOIN users creator ON creator.id = i.created_by WHERE i.id = $1""")
        .execute(Tuple.of(UUID.fromString(id)))
        .map(rows -> inviteView(rows.iterator().next()));
  }

  private static void requireUsable(Row row) {
    if (row.getBoolean("revoked")) {
      throw new ParleyException(ErrorCode.GONE, "This invite link has been revoked");
    }
    if (row.getBoolean("expired")) {
      throw new ParleyException(ErrorCode.GONE, "This invite link has expired");
    }
    if (row.getBoolean("used_up")) {
      throw new ParleyException(ErrorCode.GONE, "This invite link has been used up");
    }
  }

  private static InviteView inviteView(Row row) {
    return new InviteView(row.getUUID("id").toString(), row.getUUID("room_id").toString(), row.getInteger("max_uses"),
        row.getInteger("uses"), row.getLong("expires_ts"), row.getBoolean("revoked"), row.getString("email"),
        row.getString("email_status"), row.getLong("created_ts"), row.getString("creator_name"), null, null);
  }
}
