package dev.parley.gateway.ws;

import java.util.function.LongSupplier;

/**
 * Sheds WebSocket upgrades beyond what a node takes on without hurting the connections it already serves: a
 * reconnection storm (a node lost, a load balancer that sent everyone here) or a flood of connection attempts gets
 * 429 for what is over, and well-behaved clients come back after their backoff, instead of every connection on the
 * node waiting behind thousands of handshakes. Checked before anything costly (token check, Redis, PostgreSQL).
 *
 * <p>Two bounds: a rate (a token bucket of {@link #PER_SECOND} a second, as many at once), because each accepted
 * connection costs its hello, its presence and its subscriptions' replays right after; and the handshakes still
 * being authenticated ({@link #IN_PROGRESS}), which grows only when what they wait for (Redis, PostgreSQL) is slow,
 * so a slow dependency is not made slower. 4,000 a second per node is twice the reconnection storm the benchmarks
 * aim at (10,000 connections back within 5 s, docs/bench.md), so that storm and the clients of a lost node are never
 * shed, and far above any normal arrival rate. It is a bound against floods, not yet a measured optimum: what rate
 * keeps the others' p99 within 20% under a flood of attempts has not been measured (docs/operations.md).
 *
 * <p>Belongs to the gateway's event loop.
 */
public final class UpgradeGate {

  public static final int PER_SECOND = 4_000;
  public static final int IN_PROGRESS = 1_000;

  private final LongSupplier nanoClock;
  private final int perSecond;
  private final int inProgressMax;
  private double tokens;
  private long at;
  private int inProgress;

  public UpgradeGate() {
    this(System::nanoTime, PER_SECOND, IN_PROGRESS);
  }

  UpgradeGate(LongSupplier nanoClock, int perSecond, int inProgressMax) {
    this.nanoClock = nanoClock;
    this.perSecond = perSecond;
    this.inProgressMax = inProgressMax;
    this.tokens = perSecond;
    this.at = nanoClock.getAsLong();
  }

  /** Whether an upgrade may go on; when it may, {@link #leave()} must follow once it is accepted or refused. */
  public boolean tryEnter() {
    long now = nanoClock.getAsLong();
    tokens = Math.min(perSecond, tokens + (now - at) / 1e9 * perSecond);
    at = now;
    if (tokens < 1 || inProgress >= inProgressMax) {
      return false;
    }
    tokens--;
    inProgress++;
    return true;
  }

  /** An upgrade let in is accepted or refused. */
  public void leave() {
    inProgress--;
  }
}
