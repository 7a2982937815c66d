package dev.parley.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Runs {@code count} asynchronous tasks with at most {@code inFlight} of them running at once, so that
 * setup (Argon2 hashing on the server, WebSocket handshakes) does not turn into a storm.
 */
final class Bounded {

  private Bounded() {
  }

  /**
   * Runs {@code task.apply(0..count-1)}. With {@code stopOnFailure}, the first failure stops starting new
   * tasks and fails the result once the tasks in flight are done; otherwise failures are the task's own
   * business (count them inside the task) and the result succeeds when every task is done.
   */
  static Future<Void> run(int count, int inFlight, boolean stopOnFailure, IntFunction<Future<?>> task) {
    if (count == 0) {
      return Future.succeededFuture();
    }
    Lanes lanes = new Lanes(count, stopOnFailure, task);
    int lanesToStart = Math.min(count, Math.max(1, inFlight));
    lanes.running.set(lanesToStart);
    for (int i = 0; i < lanesToStart; i++) {
      lanes.next();
    }
    return lanes.done.future();
  }

  private static final class Lanes {
    final int count;
    final boolean stopOnFailure;
    final IntFunction<Future<?>> task;
    final AtomicInteger nextIndex = new AtomicInteger();
    final AtomicInteger running = new AtomicInteger();
    final AtomicReference<Throwable> failure = new AtomicReference<>();
    final Promise<Void> done = Promise.promise();

    Lanes(int count, boolean stopOnFailure, IntFunction<Future<?>> task) {
      this.count = count;
      this.stopOnFailure = stopOnFailure;
      this.task = task;
    }

    /**
     * Starts the next task on this lane, or retires the lane; the last lane to retire completes the result.
     * Tasks that complete at once are handled in a loop rather than by recursion, so the stack stays flat.
     */
    void next() {
      while (true) {
        int index = nextIndex.getAndIncrement();
        if (index >= count || (stopOnFailure && failure.get() != null)) {
          retire();
          return;
        }
        Future<?> future;
        try {
          future = task.apply(index);
        } catch (RuntimeException e) {
          future = Future.failedFuture(e);
        }
        if (!future.isComplete()) {
          future.onComplete(ar -> {
            noteOutcome(ar.failed() ? ar.cause() : null);
            next();
          });
          return;
        }
        noteOutcome(future.failed() ? future.cause() : null);
      }
    }

    private void noteOutcome(Throwable cause) {
      if (cause != null && stopOnFailure) {
        failure.compareAndSet(null, cause);
      }
    }

    private void retire() {
      if (running.decrementAndGet() == 0) {
        Throwable cause = failure.get();
        if (cause == null) {
          done.complete();
        } else {
          done.fail(cause);
        }
      }
    }
  }
}
