package dev.parley.gateway.limits;

import dev.parley.gateway.redis.RedisScript;
import dev.parley.shared.ErrorCode;
import dev.parley.shared.ParleyException;
import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token buckets in Redis, shared by every gateway node: a bucket holds up to {@code burst} tokens and refills at
 * {@code perSecond} (a script that reads Redis' own clock, so nodes' clocks don't matter).
 *
 * <p>A node does not ask Redis for every token: it takes a lease of up to a second's worth at once and spends it
 * locally for a few seconds, so a steady sender costs one Redis round trip per lease instead of one per message.
 * What a lease does to the limit: across all nodes a person never gets more than the bucket gave out; tokens left in
 * a lease that expires unused are lost to its holder (a sparse sender never notices, the bucket refills meanwhile).
 * A bucket that refills slower than one token a second is leased one token at a time, which is exact.
 *
 * <p>When Redis does not answer, each node falls back to a bucket of its own per subject, with the same rate and
 * burst: the limit then holds per node rather than per cluster (a person connected to two nodes may send twice as
 * fast), which still stops a flood, where letting everything through would not. The node's buckets are forgotten
 * once Redis answers again.
 *
 * <p>Belongs to one verticle and its event loop.
 */
public final class RateLimiter {

  private static final Logger LOG = LoggerFactory.getLogger(RateLimiter.class);

  private static final RedisScript SCRIPT = new RedisScript("""
      local rate = tonumber(ARGV[1]) / 1000
      local burst = tonumber(ARGV[2])
      local clock = redis.call('TIME')
      local now = clock[1] * 1000 + math.floor(clock[2] / 1000)
      local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'at')
      local tokens = tonumber(bucket[1]) or burst
      local at = tonumber(bucket[2]) or now
      tokens = math.min(burst, tokens + math.max(0, now - at) * rate)
      local want = tonumber(ARGV[3])
      local allowed = math.min(want, math.floor(tokens))
      if allowed > 0 then
        tokens = tokens - allowed
      else
        allowed = 0
      end
      redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
      redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate) + 1000)
      return allowed
      """);

  /** How long a lease may be spent locally before Redis is asked again. */
  static final long LEASE_NANOS = 5_000_000_000L;
  /** Leases kept at once (the least recently used go first). */
  private static final int LEASES_KEPT = 100_000;

  private final RedisAPI redis;
  private final String keyPrefix;
  private final double perSecond;
  private final int burst;
  /** Tokens taken at once: about a second's worth, never more than a third of the burst. */
  private final int leaseSize;
  private final Map<String, Lease> leases = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Lease> eldest) {
      return size() > LEASES_KEPT;
    }
  };
  /** This node's own buckets, used only while Redis does not answer. */
  private final Map<String, LocalBucket> local = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, LocalBucket> eldest) {
      return size() > LEASES_KEPT;
    }
  };
  private boolean redisDown;

  /** A token bucket of this node alone: tokens, and when they were counted (System.nanoTime). */
  private static final class LocalBucket {
    private double tokens;
    private long at;

    LocalBucket(double tokens, long at) {
      this.tokens = tokens;
      this.at = at;
    }
  }

  /** Tokens this node may still spend for one subject, until {@code expiresAt} (System.nanoTime). */
  private static final class Lease {
    private int tokens;
    private final long expiresAt;

    Lease(int tokens, long expiresAt) {
      this.tokens = tokens;
      this.expiresAt = expiresAt;
    }
  }

  private RateLimiter(RedisAPI redis, String name, double perSecond, int burst, int leaseSize) {
    this.redis = redis;
    this.keyPrefix = "parley:rate:" + name + ":";
    this.perSecond = perSecond;
    this.burst = burst;
    this.leaseSize = leaseSize;
  }

  /**
   * A limiter for a hot path (a check per message sent): leases of about a second's worth, never more than a third of
   * the burst.
   */
  public static RateLimiter leased(RedisAPI redis, String name, double perSecond, int burst) {
    return new RateLimiter(redis, name, perSecond, burst, (int) Math.max(1, Math.min(burst / 3, Math.ceil(perSecond))));
  }

  /** A limiter that asks Redis for every token: exact, for actions that are rare (sign-ins, invitations, searches). */
  private static RateLimiter exact(RedisAPI redis, String name, double perSecond, int burst) {
    return new RateLimiter(redis, name, perSecond, burst, 1);
  }

  /** A bucket of {@code count} that refills {@code count} tokens per minute. */
  public static RateLimiter perMinute(RedisAPI redis, String name, int count) {
    return exact(redis, name, count / 60.0, count);
  }

  public static RateLimiter perHour(RedisAPI redis, String name, int count) {
    return exact(redis, name, count / 3600.0, count);
  }

  public static RateLimiter perDay(RedisAPI redis, String name, int count) {
    return exact(redis, name, count / 86400.0, count);
  }

  /**
   * Takes a token, or fails {@code rate_limited} with this message. While Redis does not answer, the node's own
   * buckets decide (see the class comment).
   */
  public Future<Void> require(String subject, String message) {
    return tryAcquire(subject)
        .compose(allowed -> allowed ? Future.succeededFuture()
            : Future.failedFuture(new ParleyException(ErrorCode.RATE_LIMITED, message)));
  }

  /** Takes a token from the subject's bucket, from this node's lease when it has one: true when allowed. */
  public Future<Boolean> tryAcquire(String subject) {
    long now = System.nanoTime();
    Lease lease = leases.get(subject);
    if (lease != null && lease.tokens > 0 && now - lease.expiresAt < 0) {
      lease.tokens--;
      return Future.succeededFuture(true);
    }
    return takeFromRedis(subject).recover(failure -> {
      if (!redisDown) {
        redisDown = true;
        LOG.warn("Rate limit {} falls back to this node's own buckets: Redis does not answer ({})", keyPrefix,
            failure.getMessage());
      }
      return Future.succeededFuture(-1);
    }).map(granted -> {
      if (granted < 0) {
        return takeLocally(subject, now);
      }
      if (redisDown) {
        redisDown = false;
        local.clear();
        LOG.info("Rate limit {} is shared through Redis again", keyPrefix);
      }
      if (granted == 0) {
        leases.remove(subject);
        return false;
      }
      // Two checks that both found no lease both asked Redis: keep what each was granted, not only the last.
      Lease held = leases.get(subject);
      int kept = held != null && now - held.expiresAt < 0 ? held.tokens : 0;
      leases.put(subject, new Lease(kept + granted - 1, now + LEASE_NANOS));
      return true;
    });
  }

  private boolean takeLocally(String subject, long now) {
    LocalBucket bucket = local.computeIfAbsent(subject, key -> new LocalBucket(burst, now));
    bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.at) / 1e9 * perSecond);
    bucket.at = now;
    if (bucket.tokens < 1) {
      return false;
    }
    bucket.tokens--;
    return true;
  }

  private Future<Integer> takeFromRedis(String subject) {
    // This runs for every message sent (once per lease): the script is named by its hash, not sent each time.
    return SCRIPT.run(redis, List.of(keyPrefix + subject),
            List.of(Double.toString(perSecond), Integer.toString(burst), Integer.toString(leaseSize)))
        .map(Response::toInteger);
  }
}
