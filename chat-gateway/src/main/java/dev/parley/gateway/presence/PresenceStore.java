package dev.parley.gateway.presence;

import dev.parley.gateway.redis.RedisScript;
import dev.parley.shared.presence.Presence;
import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * Presence in Redis, shared by every gateway. Each connected device holds a lease (a member of one sorted set, scored
 * with the Redis clock time it runs out) and an entry in its person's hash of devices (idle or not). A person's
 * status follows from those and from what they set by hand: {@code online} when any device is active, {@code away}
 * when all are idle or they set themselves away, {@code offline} with no device. The last status told to the world
 * is kept too, so that each script can say whether what it did changed it: only changes are published.
 *
 * <p>Every change is one script, so two gateways changing the same person at once cannot both announce the same
 * change, and a lease that ran out is swept by exactly one of them. The scripts name keys they derive from their
 * arguments: that needs one Redis server (or a primary with replicas), not Redis Cluster.
 */
public final class PresenceStore {

  /** The Lua shared by the scripts: the status a person has now, and recording it when it changed. */
  private static final String SETTLE = """
      local function status_of(user)
        local devices = redis.call('HVALS', 'parley:presence:devices:' .. user)
        if #devices == 0 then return 'offline' end
        if redis.call('HGET', 'parley:presence:set:' .. user, 'away') == '1' then return 'away' end
        for _, idle in ipairs(devices) do
          if idle == '0' then return 'online' end
        end
        return 'away'
      end
      local changes = {}
      local function settle(user, always)
        local now = status_of(user)
        local key = 'parley:presence:told:' .. user
        local before = redis.call('GET', key) or 'offline'
        if now == 'offline' then redis.call('DEL', key) else redis.call('SET', key, now) end
        if always or now ~= before then
          table.insert(changes, user)
          table.insert(changes, now)
          table.insert(changes, redis.call('HGET', 'parley:presence:set:' .. user, 'text') or '')
        end
      end
      local function unlook(device)
        local room = redis.call('HGET', 'parley:presence:looks', device)
        if room then
          redis.call('SREM', 'parley:presence:looking:' .. room, device)
          redis.call('HDEL', 'parley:presence:looks', device)
        end
      end
      local clock = redis.call('TIME')
      local now_ms = clock[1] * 1000 + math.floor(clock[2] / 1000)
      """;

  /** ARGV: lease ms, then (user, device, idle '0'/'1') triples. A device new to Redis may change its person. */
  private static final RedisScript HOLD = new RedisScript(SETTLE + """
      local lease = tonumber(ARGV[1])
      for i = 2, #ARGV, 3 do
        local user, device, idle = ARGV[i], ARGV[i + 1], ARGV[i + 2]
        redis.call('ZADD', 'parley:presence:leases', now_ms + lease, user .. ' ' .. device)
        local before = redis.call('HGET', 'parley:presence:devices:' .. user, device)
        if before ~= idle then
          redis.call('HSET', 'parley:presence:devices:' .. user, device, idle)
          settle(user, false)
        end
      end
      return changes
      """);

  /** ARGV: user, device. The device is gone (its connection closed). */
  private static final RedisScript RELEASE = new RedisScript(SETTLE + """
      local user, device = ARGV[1], ARGV[2]
      redis.call('ZREM', 'parley:presence:leases', user .. ' ' .. device)
      unlook(user .. ' ' .. device)
      if redis.call('HDEL', 'parley:presence:devices:' .. user, device) == 1 then
        settle(user, false)
      end
      return changes
      """);

  /** ARGV: most leases to sweep. Devices whose lease ran out (their gateway died) are gone. */
  private static final RedisScript SWEEP = new RedisScript(SETTLE + """
      local expired = redis.call('ZRANGEBYSCORE', 'parley:presence:leases', '-inf', now_ms, 'LIMIT', 0,
                                 tonumber(ARGV[1]))
      local users = {}
      for _, member in ipairs(expired) do
        redis.call('ZREM', 'parley:presence:leases', member)
        unlook(member)
        local space = string.find(member, ' ', 1, true)
        local user = string.sub(member, 1, space - 1)
        redis.call('HDEL', 'parley:presence:devices:' .. user, string.sub(member, space + 1))
        users[user] = true
      end
      for user in pairs(users) do settle(user, false) end
      return changes
      """);

  /** ARGV: user, away '0'/'1', text. What the person set by hand: always told, the text may have changed. */
  private static final RedisScript SET = new RedisScript(SETTLE + """
      local user, away, text = ARGV[1], ARGV[2], ARGV[3]
      local key = 'parley:presence:set:' .. user
      if away == '1' then redis.call('HSET', key, 'away', '1') else redis.call('HDEL', key, 'away') end
      if text ~= '' then redis.call('HSET', key, 'text', text) else redis.call('HDEL', key, 'text') end
      settle(user, true)
      return changes
      """);

  /**
   * ARGV: user, device, room ('' for none). The room the device shows now, for notification-verticle
   * ({@link dev.parley.shared.presence.Looking}); only a device that holds a lease can look at anything.
   */
  private static final RedisScript LOOK = new RedisScript(SETTLE + """
      local device, room = ARGV[1] .. ' ' .. ARGV[2], ARGV[3]
      unlook(device)
      if room ~= '' and redis.call('ZSCORE', 'parley:presence:leases', device) then
        redis.call('HSET', 'parley:presence:looks', device, room)
        redis.call('SADD', 'parley:presence:looking:' .. room, device)
      end
      return changes
      """);

  /** ARGV: users. Their status as last told, and their text. */
  private static final RedisScript READ = new RedisScript("""
      local result = {}
      for _, user in ipairs(ARGV) do
        table.insert(result, redis.call('GET', 'parley:presence:told:' .. user) or 'offline')
        table.insert(result, redis.call('HGET', 'parley:presence:set:' .. user, 'text') or '')
      end
      return result
      """);

  /** Leases swept by one call at most, so that one sweep never holds Redis for long. */
  private static final int SWEEP_BATCH = 1_000;

  private final RedisAPI redis;

  public PresenceStore(RedisAPI redis) {
    this.redis = redis;
  }

  /** A device of this gateway, as its lease records it. */
  public record Device(String user, String id, boolean idle) {
  }

  /** Takes or renews the leases of these devices (and records whether each is idle): the changes it caused. */
  public Future<List<Presence>> hold(List<Device> devices, long leaseMillis) {
    if (devices.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    List<String> args = new ArrayList<>(1 + devices.size() * 3);
    args.add(Long.toString(leaseMillis));
    for (Device device : devices) {
      args.add(device.user());
      args.add(device.id());
      args.add(device.idle() ? "1" : "0");
    }
    return run(HOLD, args);
  }

  /** The device disconnected: the change it caused, if any. */
  public Future<List<Presence>> release(Device device) {
    return run(RELEASE, List.of(device.user(), device.id()));
  }

  /** Removes devices whose lease ran out: the changes that caused. */
  public Future<List<Presence>> sweep() {
    return run(SWEEP, List.of(Integer.toString(SWEEP_BATCH)));
  }

  /** The room the device has open and visible now, or none (null): changes nobody's presence. */
  public Future<List<Presence>> look(Device device, String room) {
    return run(LOOK, List.of(device.user(), device.id(), room == null ? "" : room));
  }

  /** What the person set by hand (away or not, a status text): their presence after it. */
  public Future<Presence> set(String user, boolean away, String text) {
    return run(SET, List.of(user, away ? "1" : "0", text == null ? "" : text)).map(changes -> changes.get(0));
  }

  /** The presence of these people, as last told. */
  public Future<List<Presence>> read(List<String> users) {
    if (users.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    return READ.run(redis, List.of(), users).map(response -> {
      List<Presence> presence = new ArrayList<>(users.size());
      for (int i = 0; i < users.size(); i++) {
        presence.add(new Presence(users.get(i), response.get(2 * i).toString(), response.get(2 * i + 1).toString()));
      }
      return presence;
    });
  }

  private Future<List<Presence>> run(RedisScript script, List<String> args) {
    return script.run(redis, List.of(), args).map(PresenceStore::changes);
  }

  private static List<Presence> changes(Response flat) {
    List<Presence> changes = new ArrayList<>(flat.size() / 3);
    for (int i = 0; i + 2 < flat.size(); i += 3) {
      changes.add(new Presence(flat.get(i).toString(), flat.get(i + 1).toString(), flat.get(i + 2).toString()));
    }
    return changes;
  }
}
