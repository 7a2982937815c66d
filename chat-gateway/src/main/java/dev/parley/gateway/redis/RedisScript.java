package dev.parley.gateway.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A Lua script run in Redis by its hash: the text travels only when Redis does not know it yet (new, or restarted:
 * it answers NOSCRIPT, and one EVAL teaches it again). Scripts run atomically, which is why state that several
 * gateways change together (rate buckets, presence) is changed by scripts.
 */
public final class RedisScript {

  private final String text;
  private final String sha1;

  public RedisScript(String text) {
    this.text = text;
    this.sha1 = sha1(text);
  }

  /** Runs the script with these keys and arguments. */
  public Future<Response> run(RedisAPI redis, List<String> keys, List<String> args) {
    return redis.evalsha(call(sha1, keys, args))
        .recover(failure -> failure.getMessage() != null && failure.getMessage().startsWith("NOSCRIPT")
            ? redis.eval(call(text, keys, args))
            : Future.failedFuture(failure));
  }

  private static List<String> call(String script, List<String> keys, List<String> args) {
    List<String> all = new ArrayList<>(keys.size() + args.size() + 2);
    all.add(script);
    all.add(Integer.toString(keys.size()));
    all.addAll(keys);
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
