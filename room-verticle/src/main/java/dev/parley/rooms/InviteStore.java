package dev.parley.rooms;

import dev.parley.rooms.Permissions.Need;
import dev.parley.shared.ErrorCode;
import dev.parley.shared.Ids;
import dev.parley.shared.ParleyException;
import dev.parley.shared.RoomEvent;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;

/** All SQL about invite links and invite emails. Tokens arrive hashed; a link is redeemed atomically. */
final class InviteStore {

  /** The same address is not invited to the same room twice within this many minutes. */
  static final int EMAIL_WINDOW_MINUTES = 10;

  private static final String INVITE_COLUMNS = """
      i.id, i.room_id, i.max_uses, i.uses, i.revoked_at IS NOT NULL AS revoked, i.email, i.email_status,
      (extract(epoch FROM i.expires_at) * 1000)::bigint AS expires_ts,
      (extract(epoch FROM i.created_at) * 1000)::bigint AS created_ts,
      creator.name AS creator_name
      """;

  private final Pool pool;

  InviteStore(Pool pool) {
    this.pool = pool;
  }

  /** A redeemed invite: the room as the new member sees it, and the member.joined event (null if already in). */
  record Accepted(JsonObject room, RoomEvent event) {
  }

  Future<JsonObject> create(String room, String actor, String tokenHash, Integer maxUses, Long expiresAt,
                            String email) {
    return Standing.load(pool, room, actor).map(who -> Permissions.require(who, Need.INVITE))
        .compose(who -> (email == null ? Future.succeededFuture((JsonObject) null) : recentEmailInvite(room, email))
            .compose(recent -> recent != null
                ? Future.succeededFuture(new JsonObject().put("invite", recent).put("created", false))
                : insert(room, actor, tokenHash, maxUses, expiresAt, email))
            .map(answer -> answer.put("roomName", who.roomName())));
  }

  private Future<JsonObject> insert(String room, String actor, String tokenHash, Integer maxUses, Long expiresAt,
                                    String email) {
    return pool.withTransaction(conn -> conn.preparedQuery("""
                    INSERT INTO invites (room_id, token_hash, created_by, expires_at, max_uses, email, email_status)
                    VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $6::text IS NULL THEN NULL ELSE 'queued' END)
                    RETURNING id""")
                .execute(Tuple.of(UUID.fromString(room), SqlValues.tokenHash(tokenHash), UUID.fromString(actor),
                    expiresAt == null ? null : SqlValues.timestamp(expiresAt), maxUses, email))
                .map(rows -> rows.iterator().next().getUUID("id").toString())
                .compose(id -> Writes.audit(conn, room, actor, email == null ? "invite_link" : "invite_email", null,
                        new JsonObject().put("invite", id).put("email", email).put("maxUses", maxUses))
                    .compose(audited -> byId(conn, id)))
                .map(invite -> new JsonObject().put("invite", invite).put("created", true)));
  }

  /** Everything for the room's moderators; for others allowed to invite, their own invites. */
  Future<JsonArray> list(String room, String user) {
    return Standing.load(pool, room, user).map(who -> Permissions.require(who, Need.INVITE))
        .compose(who -> pool.preparedQuery("SELECT " + INVITE_COLUMNS + """
                 FROM invites i LEFT JOIN users creator ON creator.id = i.created_by
                WHERE i.room_id = $1 AND ($2 OR i.created_by = $3)
                ORDER BY i.created_at DESC LIMIT 500""")
            .execute(Tuple.of(UUID.fromString(room), who.moderates(), UUID.fromString(user))))
        .map(rows -> {
          JsonArray invites = new JsonArray();
          for (Row row : rows) {
            invites.add(inviteJson(row));
          }
          return invites;
        });
  }

  Future<Void> revoke(String room, String actor, String invite) {
    if (!Ids.isId(invite)) {
      return Future.failedFuture(new ParleyException(ErrorCode.NOT_FOUND, "No such invite"));
    }
    // Revoking stays possible in an archived room, where no new invite may be made.
    return Standing.load(pool, room, actor).map(who -> Permissions.require(who, Need.READ))
        .compose(who -> pool.withTransaction(conn -> conn.preparedQuery("""
                UPDATE invites SET revoked_at = coalesce(revoked_at, now())
                WHERE id = $1 AND room_id = $2 AND ($3 OR created_by = $4)
                RETURNING id""")
            .execute(Tuple.of(UUID.fromString(invite), UUID.fromString(room), who.moderates(),
                UUID.fromString(actor)))
            .compose(rows -> rows.size() == 0
                ? Future.failedFuture(new ParleyException(ErrorCode.NOT_FOUND, "No such invite"))
                : Writes.audit(conn, room, actor, "revoke_invite", null, new JsonObject().put("invite", invite)))));
  }

  /** Where a link leads, for the join page; spent links are gone (410) with the reason. */
  Future<JsonObject> info(String tokenHash) {
    return pool.preparedQuery("""
            SELECT r.id, r.name, r.kind, inviter.name AS inviter, i.revoked_at IS NOT NULL AS revoked,
                   i.expires_at IS NOT NULL AND i.expires_at <= now() AS expired,
                   i.max_uses IS NOT NULL AND i.uses >= i.max_uses AS used_up
            FROM invites i JOIN rooms r ON r.id = i.room_id LEFT JOIN users inviter ON inviter.id = i.created_by
            WHERE i.token_hash = $1""")
        .execute(Tuple.of(SqlValues.tokenHash(tokenHash)))
        .map(rows -> {
          if (rows.size() == 0) {
            throw new ParleyException(ErrorCode.NOT_FOUND, "This invite link is not valid");
          }
          Row row = rows.iterator().next();
          requireUsable(row);
          return new JsonObject()
              .put("room", new JsonObject().put("id", row.getUUID("id").toString()).put("name", row.getString("name"))
                  .put("kind", row.getString("kind")))
              .put("inviter", row.getString("inviter"));
        });
  }

  /**
   * Redeems a link. The invite row is locked for the whole transaction, so when several people race for the last
   * use, exactly one gets in. Someone already in the room keeps the use for somebody else.
   */
  Future<Accepted> accept(String tokenHash, String user) {
    return pool.withTransaction(conn -> conn.preparedQuery("""
            SELECT i.id, i.room_id, i.email, i.revoked_at IS NOT NULL AS revoked,
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
              .compose(locked -> Standing.load(conn, room, user))
              .compose(who -> {
                if (who.member()) {
                  return Writes.roomForMember(conn, room, user).map(view -> new Accepted(view, null));
                }
                if (who.banned()) {
                  throw Permissions.forbidden("You are banned from this room");
                }
                requireUsable(invite);
                if (who.archived()) {
                  throw Permissions.forbidden("This room is archived");
                }
                return conn.preparedQuery("""
                        UPDATE invites SET uses = uses + 1,
                               email_status = CASE WHEN email IS NULL THEN NULL ELSE 'accepted' END
                        WHERE id = $1""")
                    .execute(Tuple.of(invite.getUUID("id")))
                    .compose(used -> Writes.addMember(conn, room, user, Standing.MEMBER, who.lastSeq(),
                        new JsonObject().put("invite", invite.getUUID("id").toString())))
                    .compose(event -> Writes.roomForMember(conn, room, user).map(view -> new Accepted(view, event)));
              });
        }));
  }

  /** notification-verticle's report on an invite email; an accepted invite stays accepted. */
  Future<Void> emailStatus(String invite, String status, String error) {
    if (!Ids.isId(invite) || !("sent".equals(status) || "failed".equals(status))) {
      return Future.failedFuture(new ParleyException(ErrorCode.INVALID, "An invite id and sent or failed"));
    }
    return pool.preparedQuery("""
            UPDATE invites SET email_status = $2, email_error = $3
            WHERE id = $1 AND email IS NOT NULL AND email_status IN ('queued', 'failed')""")
        .execute(Tuple.of(UUID.fromString(invite), status, error))
        .mapEmpty();
  }

  private Future<JsonObject> recentEmailInvite(String room, String email) {
    return pool.preparedQuery("SELECT " + INVITE_COLUMNS + """
             FROM invites i LEFT JOIN users creator ON creator.id = i.created_by
            WHERE i.room_id = $1 AND lower(i.email) = lower($2) AND i.revoked_at IS NULL
              AND i.created_at > now() - make_interval(mins => $3)
            ORDER BY i.created_at DESC LIMIT 1""")
        .execute(Tuple.of(UUID.fromString(room), email, EMAIL_WINDOW_MINUTES))
        .map(rows -> rows.size() == 0 ? null : inviteJson(rows.iterator().next()));
  }

  private static Future<JsonObject> byId(SqlConnection conn, String id) {
    return conn.preparedQuery("SELECT " + INVITE_COLUMNS + """
             FROM invites i LEFT JOIN users creator ON creator.id = i.created_by WHERE i.id = $1""")
        .execute(Tuple.of(UUID.fromString(id)))
        .map(rows -> inviteJson(rows.iterator().next()));
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

  private static JsonObject inviteJson(Row row) {
    return new JsonObject()
        .put("id", row.getUUID("id").toString())
        .put("room", row.getUUID("room_id").toString())
        .put("maxUses", row.getInteger("max_uses"))
        .put("uses", row.getInteger("uses"))
        .put("expiresAt", row.getLong("expires_ts"))
        .put("revoked", row.getBoolean("revoked"))
        .put("email", row.getString("email"))
        .put("emailStatus", row.getString("email_status"))
        .put("createdAt", row.getLong("created_ts"))
        .put("creatorName", row.getString("creator_name"));
  }
}
