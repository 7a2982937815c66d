package dev.parley.notify;

import dev.parley.shared.presence.Looking;
import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who has a room open and visible right now, read from what the gateways keep in Redis ({@link Looking}): the devices
 * looking at the room whose presence lease still holds. Read-only: a device that a dead node left behind simply stops
 * counting when its lease runs out.
 */
final class LookingReader {

  private static final Logger LOG = LoggerFactory.getLogger(LookingReader.class);

  /** Null when this process has no Redis: then nobody counts as looking (better a push too many than none). */
  private final RedisAPI redis;

  LookingReader(RedisAPI redis) {
    this.redis = redis;
  }

  /** The people looking at the room now; nobody when Redis cannot say (logged). */
  Future<List<String>> lookingAt(String room) {
    if (redis == null) {
      return Future.succeededFuture(List.of());
    }
    return redis.smembers(Looking.room(room))
        .compose(members -> members.size() == 0 ? Future.succeededFuture(List.<String>of()) : withLease(members))
        .recover(failure -> {
          LOG.warn("Could not read who looks at room {} from Redis ({}): notifying as if nobody did", room,
              failure.getMessage());
          return Future.succeededFuture(List.of());
        });
  }

  /** Of these devices, the people of those whose lease runs out after the Redis clock's now. */
  private Future<List<String>> withLease(Response members) {
    List<String> devices = new ArrayList<>(members.size());
    for (Response member : members) {
      devices.add(member.toString());
    }
    List<String> args = new ArrayList<>(devices.size() + 1);
    args.add(Looking.LEASES);
    args.addAll(devices);
    return Future.all(redis.time(), redis.zmscore(args)).map(both -> {
      Response clock = both.resultAt(0);
      long nowMillis = clock.get(0).toLong() * 1000 + clock.get(1).toLong() / 1000;
      Response leases = both.resultAt(1);
      Set<String> people = new LinkedHashSet<>();
      for (int i = 0; i < devices.size(); i++) {
        Response leaseEnd = leases.get(i);
        if (leaseEnd != null && leaseEnd.toDouble() > nowMillis) {
          people.add(Looking.userOf(devices.get(i)));
        }
      }
      return List.copyOf(people);
    });
  }
}
