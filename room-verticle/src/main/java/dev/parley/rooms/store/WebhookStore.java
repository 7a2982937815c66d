package dev.parley.rooms.store;

import dev.parley.rooms.access.Permissions;
import dev.parley.rooms.access.Permissions.Need;
import dev.parley.rooms.access.Standing;
import dev.parley.shared.Ids;
import dev.parley.shared.events.RoomEvent;
import dev.parley.shared.plugins.FirehoseCommands.Position;
import dev.parley.shared.plugins.WebhookCommands.CreateWebhook;
import dev.parley.shared.plugins.WebhookCommands.FindIncoming;
import dev.parley.shared.plugins.WebhookCommands.IncomingTarget;
import dev.parley.shared.plugins.WebhookCommands.Outgoing;
import dev.parley.shared.plugins.WebhookCommands.OutgoingList;
import dev.parley.shared.plugins.WebhookCommands.OutgoingWebhooks;
import dev.parley.shared.plugins.WebhookCommands.WebhookCreated;
import dev.parley.shared.plugins.WebhookCommands.WebhookView;
import dev.parley.shared.rooms.AuditDetails;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Webhooks and their bot accounts (issue 15). Making one is an admin action of the room, in one transaction under
 * the room's lock: the bot account, its membership (a {@code member.joined} event like anyone's), the hook, and an
 * audit-log row.
 */
public final class WebhookStore {

  private final Pool pool;

  public WebhookStore(Pool pool) {
    this.pool = pool;
  }

  /** What making a hook wrote: its bot's account and the bot's arrival in the room. */
  private record Bot(String id, RoomEvent joined) {
  }

  public Future<WebhookCreated> create(CreateWebhook command) {
    if (!Ids.isId(command.room()) || !Ids.isId(command.actor())) {
      return Future.failedFuture(Permissions.notFound());
    }
    String room = command.room();
    return pool.withTransaction(conn -> conn.preparedQuery("SELECT id FROM rooms WHERE id = $1 FOR UPDATE")
        .execute(Tuple.of(UUID.fromString(room)))
        .compose(locked -> Standings.load(conn, room, command.actor()))
        .map(who -> Permissions.require(who, Need.MODERATE))
        .compose(who -> addBot(conn, command, who))
        .compose(bot -> conn.preparedQuery("""
                INSERT INTO webhooks (room_id, kind, name, bot_id, token_hash, url, secret, trigger, created_by)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id""")
            .execute(Tuple.from(new Object[] {UUID.fromString(room), command.kind(), command.name(),
                UUID.fromString(bot.id()),
                command.tokenHash() == null ? null : SqlValues.tokenHash(command.tokenHash()), command.url(),
                command.secret(), command.trigger(), UUID.fromString(command.actor())}))
            .map(rows -> rows.iterator().next().getUUID("id").toString())
            .compose(id -> Writes.audit(conn, room, command.actor(), "webhook_created", bot.id(),
                    AuditDetails.webhookCreated(id, command.kind(), command.name()))
                .compose(audited -> conn.query("SELECT pg_current_xact_id()::text AS tx").execute())
                // The firehose from this transaction on: the hook's first messages are read from there.
                .map(tx -> new WebhookCreated(new WebhookView(id, room, command.kind(), command.name(),
                    bot.id(), command.url(), command.trigger()), bot.joined(), Position.endOf(
                        Long.parseUnsignedLong(tx.iterator().next().getString("tx")) - 1).toString())))));
  }

  /** A bot account of the hook's own (see {@link BotStore#insertBot}), made a member of the room. */
  private static Future<Bot> addBot(SqlConnection conn, CreateWebhook command, Standing who) {
    return BotStore.insertBot(conn, command.name())
        .map(row -> row.getUUID("id").toString())
        .compose(bot -> Writes.addMember(conn, command.room(), bot, Standing.MEMBER, who.lastSeq(), command.actor(),
            null).map(joined -> new Bot(bot, joined)));
  }

  public Future<IncomingTarget> findIncoming(FindIncoming command) {
    return pool.preparedQuery("SELECT room_id, bot_id, name FROM webhooks WHERE token_hash = $1 AND kind = 'incoming'")
        .execute(Tuple.of(SqlValues.tokenHash(command.tokenHash())))
        .map(rows -> {
          if (rows.size() == 0) {
            throw Permissions.notFound();
          }
          Row row = rows.iterator().next();
          return new IncomingTarget(row.getUUID("room_id").toString(), row.getUUID("bot_id").toString(),
              row.getString("name"));
        });
  }

  public Future<OutgoingList> outgoing(OutgoingWebhooks command) {
    if (command.room() != null && !Ids.isId(command.room())) {
      return Future.succeededFuture(new OutgoingList(List.of()));
    }
    return pool.preparedQuery("""
            SELECT id, bot_id, name, url, secret, trigger FROM webhooks
             WHERE ($1::uuid IS NULL OR room_id = $1) AND kind = 'outgoing'
             LIMIT CASE WHEN $1::uuid IS NULL THEN 1 END""")
        .execute(Tuple.of(command.room() == null ? null : UUID.fromString(command.room())))
        .map(rows -> {
          List<Outgoing> hooks = new ArrayList<>();
          for (Row row : rows) {
            hooks.add(new Outgoing(row.getUUID("id").toString(), row.getUUID("bot_id").toString(),
                row.getString("name"), row.getString("url"), row.getString("secret"), row.getString("trigger")));
          }
          return new OutgoingList(hooks);
        });
  }
}
