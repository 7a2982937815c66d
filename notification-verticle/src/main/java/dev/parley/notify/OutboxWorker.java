package dev.parley.notify;

import dev.parley.shared.ParleyException;
import dev.parley.shared.contract.Requester;
import dev.parley.shared.notify.OutboxCommands.ClaimWork;
import dev.parley.shared.notify.OutboxCommands.Work;
import dev.parley.shared.notify.OutboxCommands.WorkList;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works through the outbox in PostgreSQL (through room-verticle): claims a batch of due work for a lease, hands each
 * item to the handler of its kind, and finishes it with the outcome. One claim at a time per instance; claims are
 * made every {@code pollMillis}, at once when this instance queued work, and again straight away while batches come
 * back full. Several instances share the outbox: a claim skips rows another holds, so each item is handled by one.
 *
 * <p>What "exactly once" means here: an item is finished by the one instance that holds its lease, and nothing
 * finished is ever claimed again. An instance that stops before finishing leaves its items claimed until the lease
 * runs out; then any instance takes them. The only doubt left is an instance that dies after sending and before
 * finishing: that item is sent again (at least once, never silently lost).
 */
final class OutboxWorker {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);

  /** Work items claimed at once. */
  static final int BATCH = 50;
  /** An item whose handler keeps failing unexpectedly is given up after this many attempts. */
  static final int MAX_ATTEMPTS = 20;

  private final Vertx vertx;
  private final Requester rooms;
  private final Map<String, WorkHandler> handlers;
  private final long pollMillis;
  private final long leaseMillis;
  /** Names this instance's claims; new at each start, so a restarted instance never finishes an old claim. */
  private final String id = "notify-" + UUID.randomUUID();
  private final AtomicInteger handled = new AtomicInteger();

  private long timer = -1;
  private boolean claiming;
  private boolean claimAgain;
  private boolean stopped;

  OutboxWorker(Vertx vertx, Requester rooms, Map<String, WorkHandler> handlers, long pollMillis, long leaseMillis) {
    this.vertx = vertx;
    this.rooms = rooms;
    this.handlers = Map.copyOf(handlers);
    this.pollMillis = Math.max(1, pollMillis);
    this.leaseMillis = leaseMillis;
  }

  void start() {
    timer = vertx.setPeriodic(pollMillis, tick -> poke());
    poke();
  }

  void stop() {
    stopped = true;
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  /** Work items finished (or let go for a retry) by this instance so far. */
  int handled() {
    return handled.get();
  }

  /** Looks for due work now (this instance has just queued some). */
  void poke() {
    if (stopped) {
      return;
    }
    if (claiming) {
      claimAgain = true;
      return;
    }
    claiming = true;
    rooms.ask(new ClaimWork(id, BATCH, leaseMillis))
        .compose(this::runAll)
        .onComplete(result -> {
          claiming = false;
          if (result.failed()) {
            LOG.warn("Could not claim notification work: {}", result.cause().getMessage());
          }
          boolean full = result.succeeded() && result.result() == BATCH;
          if (full || claimAgain) {
            claimAgain = false;
            poke();
          }
        });
  }

  private Future<Integer> runAll(WorkList claimed) {
    List<Future<Void>> runs = claimed.work().stream().map(this::run).toList();
    return Future.join(runs).otherwiseEmpty().map(claimed.work().size());
  }

  private Future<Void> run(Work work) {
    WorkHandler handler = handlers.get(work.kind());
    Future<Outcome> outcome;
    if (handler == null) {
      outcome = Future.succeededFuture(Outcome.failed("no handler for work of kind " + work.kind()));
    } else {
      try {
        outcome = handler.handle(work);
      } catch (ParleyException malformed) {
        // A payload its handler cannot read will not read better later.
        outcome = Future.succeededFuture(Outcome.failed("malformed work: " + malformed.getMessage()));
      } catch (RuntimeException bug) {
        outcome = Future.failedFuture(bug);
      }
    }
    return outcome
        .recover(failure -> {
          LOG.warn("Notification work {} ({}) failed: {}", work.id(), work.kind(), failure.toString());
          return Future.succeededFuture(work.attempts() >= MAX_ATTEMPTS
              ? Outcome.failed(failure.toString())
              : Outcome.retry(Backoff.delay(1_000, work.attempts()), failure.toString()));
        })
        .compose(result -> rooms.ask(result.finish(work.id(), id)))
        .onSuccess(finished -> handled.incrementAndGet())
        .onFailure(failure -> LOG.warn("Could not finish notification work {} ({}): {}; it is taken again after its"
            + " lease", work.id(), work.kind(), failure.getMessage()))
        .mapEmpty();
  }
}
