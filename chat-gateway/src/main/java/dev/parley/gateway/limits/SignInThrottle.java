package dev.parley.gateway.limits;

import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.util.List;

/**
 * Slows password guessing down instead of locking the owner out. Failed sign-ins are counted per account and
 * source address together, and per account over all sources; past a few failures each count imposes a wait that
 * doubles with every further failure (up to a cap). A sign-in that comes during its wait is answered "too many
 * attempts" without its password being looked at; the right password at any other time still works.
 *
 * <ul>
 *   <li>The owner signing in from their own address is not slowed by a guesser elsewhere: the per-source count is
 *       the guesser's alone.</li>
 *   <li>A guesser spread over many addresses is slowed by the per-account count, which asks for more proof: a
 *       browser that signed in to the account before (its device token) is exempt from it.</li>
 * </ul>
 * The counts live in Redis for a day after the last failure, so every gateway sees them.
 */
public final class SignInThrottle {

  /** Failures from one source before the first wait, and the same over all sources. */
  static final int SOURCE_FREE_FAILURES = 5;
  static final int ACCOUNT_FREE_FAILURES = 20;
  static final long FIRST_WAIT_MS = 1_000;
  static final long MAX_WAIT_MS = 15 * 60_000;
  private static final long REMEMBER_MS = 24 * 3600_000;

  /**
   * KEYS: the per-source key, the per-account key. ARGV: mode (check, fail, ok), whether the account key counts,
   * then the two free-failure counts, the first wait and the cap. Returns, for check, the milliseconds left to wait.
   */
  private static final String SCRIPT = """
      local clock = redis.call('TIME')
      local now = clock[1] * 1000 + math.floor(clock[2] / 1000)
      local mode = ARGV[1]
      local useAccount = ARGV[2] == '1'
      local free = { tonumber(ARGV[3]), tonumber(ARGV[4]) }
      local first = tonumber(ARGV[5])
      local cap = tonumber(ARGV[6])
      if mode == 'ok' then
        redis.call('DEL', KEYS[1])
        return 0
      end
      if mode == 'fail' then
        for i = 1, 2 do
          redis.call('HINCRBY', KEYS[i], 'count', 1)
          redis.call('HSET', KEYS[i], 'last', tostring(now))
          redis.call('PEXPIRE', KEYS[i], tonumber(ARGV[7]))
        end
        return 0
      end
      local wait = 0
      for i = 1, 2 do
        if i == 1 or useAccount then
          local state = redis.call('HMGET', KEYS[i], 'count', 'last')
          local count = tonumber(state[1]) or 0
          local last = tonumber(state[2]) or 0
          if count >= free[i] then
            local delay = math.min(cap, first * 2 ^ (count - free[i]))
            wait = math.max(wait, last + delay - now)
          end
        end
      end
      return math.max(0, math.floor(wait))
      """;

  private final RedisAPI redis;

  public SignInThrottle(RedisAPI redis) {
    this.redis = redis;
  }

  /**
   * How long this source must still wait before trying this account again; the account-wide wait is skipped for a
   * browser that proved it signed in to the account before.
   */
  public Future<Long> waitMillis(String account, String source, boolean knownDevice) {
    return run("check", account, source, !knownDevice).map(Response::toLong);
  }

  public Future<Void> failed(String account, String source) {
    return run("fail", account, source, true).mapEmpty();
  }

  /** The right password: this source starts afresh (the account-wide count fades on its own). */
  public Future<Void> succeeded(String account, String source) {
    return run("ok", account, source, true).mapEmpty();
  }

  private Future<Response> run(String mode, String account, String source, boolean useAccount) {
    String accountKey = "parley:signin:account:" + account;
    return redis.eval(List.of(SCRIPT, "2", accountKey + ":source:" + source, accountKey, mode,
        useAccount ? "1" : "0", Integer.toString(SOURCE_FREE_FAILURES), Integer.toString(ACCOUNT_FREE_FAILURES),
        Long.toString(FIRST_WAIT_MS), Long.toString(MAX_WAIT_MS), Long.toString(REMEMBER_MS)));
  }
}
