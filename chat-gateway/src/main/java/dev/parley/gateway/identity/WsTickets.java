package dev.parley.gateway.identity;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;
import java.util.List;

/**
 * Single-use WebSocket tickets for browsers, which cannot set an Authorization header on an upgrade. A ticket lives
 * 60 s in Redis under its hash, and redeeming it deletes it in the same command.
 */
public final class WsTickets {

  static final int TTL_SECONDS = 60;
  private static final String KEY_PREFIX = "parley:ticket:";

  private final RedisAPI redis;
  private final Tokens tokens;

  public WsTickets(RedisAPI redis, Tokens tokens) {
    this.redis = redis;
    this.tokens = tokens;
  }

  Future<String> issue(Identity identity) {
    String ticket = tokens.randomToken();
    String value = identity.toJson().encode();
    return redis.set(List.of(KEY_PREFIX + Tokens.hash(ticket), value, "EX", Integer.toString(TTL_SECONDS)))
        .map(ok -> ticket);
  }

  /** The identity a ticket was issued to, or null when it is unknown, expired or used already. */
  public Future<Identity> redeem(String ticket) {
    return redis.getdel(KEY_PREFIX + Tokens.hash(ticket)).map(response -> {
      if (response == null) {
        return null;
      }
      return Identity.fromJson(new JsonObject(response.toString()));
    });
  }
}
