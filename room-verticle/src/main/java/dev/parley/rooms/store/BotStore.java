package dev.parley.rooms.store;

import dev.parley.rooms.access.Permissions;
import dev.parley.shared.ErrorCode;
import dev.parley.shared.Ids;
import dev.parley.shared.ParleyException;
import dev.parley.shared.plugins.BotCommands.BotByToken;
import dev.parley.shared.plugins.BotCommands.BotCreated;
import dev.parley.shared.plugins.BotCommands.BotIdentity;
import dev.parley.shared.plugins.BotCommands.CreateBot;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.UUID;

/** Bot accounts and their API tokens (issue 15). */
public final class BotStore {

  private final Pool pool;

  public BotStore(Pool pool) {
    this.pool = pool;
  }

  /**
   * A bot account: no password and an address nobody owns ({@code <id>@bots.parley.invalid}), so it can never sign
   * in; a generated @handle ({@code bot_} and 16 hex digits) by which room admins add it.
   */
  static Future<Row> insertBot(SqlClient client, String name) {
    return client.preparedQuery("""
            INSERT INTO users (email, name, handle, bot)
            SELECT id::text || '@bots.parley.invalid', $1, 'bot_' || left(replace(id::text, '-', ''), 16), true
              FROM (SELECT gen_random_uuid() AS id) fresh
            RETURNING id, name, handle""")
        .execute(Tuple.of(name))
        .map(rows -> rows.iterator().next());
  }

  /** Made by a workspace owner or admin only: a bot speaks in the workspace's name more than a person does. */
  public Future<BotCreated> create(CreateBot command) {
    if (!Ids.isId(command.actor())) {
      return Future.failedFuture(Permissions.notFound());
    }
    return pool.withTransaction(conn -> conn.preparedQuery("SELECT workspace_role FROM users WHERE id = $1")
        .execute(Tuple.of(UUID.fromString(command.actor())))
        .compose(rows -> {
          String role = rows.size() == 0 ? null : rows.iterator().next().getString("workspace_role");
          if (!"owner".equals(role) && !"admin".equals(role)) {
            return Future.failedFuture(new ParleyException(ErrorCode.FORBIDDEN,
                "Only the workspace's owner and admins make bots"));
          }
          return insertBot(conn, command.name());
        })
        .compose(row -> conn.preparedQuery(
                "INSERT INTO bot_tokens (bot_id, token_hash, created_by) VALUES ($1, $2, $3)")
            .execute(Tuple.of(row.getUUID("id"), SqlValues.tokenHash(command.tokenHash()),
                UUID.fromString(command.actor())))
            .map(stored -> new BotCreated(row.getUUID("id").toString(), row.getString("name"),
                row.getString("handle")))));
  }

  public Future<BotIdentity> byToken(BotByToken command) {
    return pool.preparedQuery("""
            SELECT t.id, u.id AS bot, u.name FROM bot_tokens t JOIN users u ON u.id = t.bot_id AND u.bot
             WHERE t.token_hash = $1""")
        .execute(Tuple.of(SqlValues.tokenHash(command.tokenHash())))
        .map(rows -> {
          if (rows.size() == 0) {
            throw new ParleyException(ErrorCode.UNAUTHORIZED, "The bot token is not valid");
          }
          Row row = rows.iterator().next();
          return new BotIdentity(row.getUUID("bot").toString(), row.getString("name"), row.getUUID("id").toString());
        });
  }
}
