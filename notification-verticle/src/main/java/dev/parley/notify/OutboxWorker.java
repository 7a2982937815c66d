package dev.parley.notify;

import dev.parley.shared.ParleyException;
import dev.parley.shared.contract.Requester;
import dev.parley.shared.notify.OutboxCommands.ClaimWork;
import dev.parley.shared.notify.OutboxCommands.FinishWork;
import dev.parley.shared.notify.OutboxCommands.Finished;
import dev.parley.shared.notify.OutboxCommands.Work;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works through the outbox in PostgreSQL (through room-verticle): claims a batch of due work for a lease, hands each
 * item to the handler of its kind, and finishes it with the outcome. One claim at a time per instance, for at most
 * {@link #MAX_IN_FLIGHT} items in hand; claims are made every {@code pollMillis}, at once when this instance queued
 * work, and again as items finish while batches come back full. Several instances share the outbox: a claim skips
 * rows another holds, so each item is handled by one. Outcomes are written in batches ({@link #FINISH_BATCH} items,
 * or whatever finished within {@link #FINISH_EVERY_MS}): one statement and one commit for many pushes, where one each
 * cost more than the push itself.
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
  /** Work items handled at once by one instance. */
  static final int MAX_IN_FLIGHT = 200;
  /** Outcomes written at once, at most. */
  static final int FINISH_BATCH = 50;
  /**
   * How long an outcome may wait for others to share its statement. Short next to a lease (minutes) and to what a
   * person notices; an item stays in hand until its outcome is written, so a stop drains them too.
   */
  static final long FINISH_EVERY_MS = 20;
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
  /** The last claim came back full: more work is probably due. */
  private boolean backlog;
  /** Items being handled now. */
  private int inFlight;
  /** Completes when stopping and nothing is in hand any more. */
  private Promise<Void> drained;
  private boolean stopped;
  /** Outcomes not written yet, and the promise of the statement that will write them. */
  private final List<Finished> finishing = new ArrayList<>();
  private Promise<Void> finishingWritten;
  private long finishTimer = -1;

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

  /**
   * Claims nothing more, and completes once the items in hand are finished (or after {@code drainMillis}: what is
   * left is taken over after its lease), so that a node shutting down does not ask a room-verticle that is already
   * gone.
   */
  Future<Void> stop(long drainMillis) {
    stopped = true;
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    writeFinished();
    if (inFlight == 0 && !claiming) {
      return Future.succeededFuture();
    }
    drained = Promise.promise();
    vertx.setTimer(Math.max(1, drainMillis), late -> drained.tryComplete());
    return drained.future();
  }

  /** Work items finished (or let go for a retry) by this instance so far. */
  int handled() {
    return handled.get();
  }

  /**
   * Looks for due work now (this instance has just queued some, or an item finished while more was waiting). A claim
   * takes only as many items as this instance has room for, so that one slow push service or mail server holds up
   * its own items and not the rest.
   */
  void poke() {
    if (stopped) {
      return;
    }
    int room = MAX_IN_FLIGHT - inFlight;
    if (claiming || room <= 0) {
      claimAgain = true;
      return;
    }
    claiming = true;
    int limit = Math.min(BATCH, room);
    rooms.ask(new ClaimWork(id, limit, leaseMillis)).onComplete(result -> {
      claiming = false;
      if (stopped) {
        // Claimed while stopping: handled all the same (the lease would only delay them), the drain waits for them.
        drainedIfIdle();
      }
      if (result.failed()) {
        LOG.warn("Could not claim notification work: {}", result.cause().getMessage());
        return;
      }
      List<Work> claimed = result.result().work();
      backlog = claimed.size() == limit;
      for (Work work : claimed) {
        inFlight++;
        run(work).onComplete(finished -> {
          inFlight--;
          if (stopped) {
            drainedIfIdle();
            return;
          }
          if (backlog || claimAgain) {
            claimAgain = false;
            poke();
          }
        });
      }
      if (backlog || claimAgain) {
        claimAgain = false;
        poke();
      }
    });
  }

  private void drainedIfIdle() {
    if (drained != null && inFlight == 0 && !claiming) {
      drained.tryComplete();
    }
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
        .compose(result -> finish(result.of(work.id())))
        .onSuccess(finished -> handled.incrementAndGet())
        .onFailure(failure -> LOG.warn("Could not finish notification work {} ({}): {}; it is taken again after its"
            + " lease", work.id(), work.kind(), failure.getMessage()))
        .mapEmpty();
  }

  /** Completes once the outcome is written, with the others of its batch. */
  private Future<Void> finish(Finished outcome) {
    finishing.add(outcome);
    if (finishingWritten == null) {
      finishingWritten = Promise.promise();
    }
    Future<Void> written = finishingWritten.future();
    if (finishing.size() >= FINISH_BATCH || stopped) {
      writeFinished();
    } else if (finishTimer < 0) {
      finishTimer = vertx.setTimer(FINISH_EVERY_MS, due -> {
        finishTimer = -1;
        writeFinished();
      });
    }
    return written;
  }

  private void writeFinished() {
    if (finishTimer >= 0) {
      vertx.cancelTimer(finishTimer);
      finishTimer = -1;
    }
    if (finishing.isEmpty()) {
      return;
    }
    FinishWork batch = new FinishWork(id, finishing);
    Promise<Void> written = finishingWritten;
    finishing.clear();
    finishingWritten = null;
    rooms.ask(batch).<Void>mapEmpty().onComplete(written);
  }
}
