package dev.parley.gateway.limits;

import dev.parley.shared.ErrorCode;
import dev.parley.shared.ParleyException;
import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token buckets in Redis, shared by every gateway node: a bucket holds up to {@code burst} tokens and refills at
 * {@code perSecond}. One round trip per check (a script that reads Redis' own clock, so nodes' clocks don't matter).
 */
public final class RateLimiter {

  private static final Logger LOG = LoggerFactory.getLogger(RateLimiter.class);

  private static final String SCRIPT = """
      local rate = tonumber(ARGV[1]) / 1000
      local burst = tonumber(ARGV[2])
      local clock = redis.call('TIME')
      local now = clock[1] * 1000 + math.floor(clock[2] / 1000)
      local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'at')
      local tokens = tonumber(bucket[1]) or burst
      local at = tonumber(bucket[2]) or now
      tokens = math.min(burst, tokens + math.max(0, now - at) * rate)
      local allowed = 0
      if tokens >= 1 then
        tokens = tokens - 1
        allowed = 1
      end
      redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
      redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate) + 1000)
      return allowed
      """;

  private static final String SCRIPT_SHA1 = sha1(SCRIPT);

  private final RedisAPI redis;
  private final String keyPrefix;
  private final double perSecond;
  private final int burst;

  public RateLimiter(RedisAPI redis, String name, double perSecond, int burst) {
    this.redis = redis;
    this.keyPrefix = "parley:rate:" + name + ":";
    this.perSecond = perSecond;
    this.burst = burst;
  }

  /** A bucket of {@code count} that refills {@code count} tokens per minute. */
  public static RateLimiter perMinute(RedisAPI redis, String name, int count) {
    return new RateLimiter(redis, name, count / 60.0, count);
  }

  public static RateLimiter perHour(RedisAPI redis, String name, int count) {
    return new RateLimiter(redis, name, count / 3600.0, count);
  }

  public static RateLimiter perDay(RedisAPI redis, String name, int count) {
    return new RateLimiter(redis, name, count / 86400.0, count);
  }

  /**
   * Takes a token, or fails {@code rate_limited} with this message. A Redis that does not answer lets the action
   * through: the limits protect the service, and an outage of the cache must not stop people from using it.
   */
  public Future<Void> require(String subject, String message) {
    return tryAcquire(subject)
        .recover(redisDown -> {
          LOG.warn("Rate limit {} not checked: {}", keyPrefix, redisDown.getMessage());
          return Future.succeededFuture(true);
        })
        .compose(allowed -> allowed ? Future.succeededFuture()
            : Future.failedFuture(new ParleyException(ErrorCode.RATE_LIMITED, message)));
  }

  /** Takes a token from the subject's bucket: true when allowed. */
  public Future<Boolean> tryAcquire(String subject) {
    List<String> args = List.of("1", keyPrefix + subject, Double.toString(perSecond), Integer.toString(burst));
    // This runs for every message sent: name the script by its hash rather than sending its text each time. A Redis
    // that does not know it (restarted, or new) says NOSCRIPT, and one EVAL teaches it again.
    return redis.evalsha(withScript(SCRIPT_SHA1, args))
        .recover(failure -> failure.getMessage() != null && failure.getMessage().startsWith("NOSCRIPT")
            ? redis.eval(withScript(SCRIPT, args))
            : Future.failedFuture(failure))
        .map(Response::toInteger)
        .map(allowed -> allowed == 1);
  }

  private static List<String> withScript(String script, List<String> args) {
    List<String> all = new ArrayList<>(args.size() + 1);
    all.add(script);
    all.addAll(args);
    return all;
  }

  private static String sha1(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is part of every JVM", e);
    }
  }
}
