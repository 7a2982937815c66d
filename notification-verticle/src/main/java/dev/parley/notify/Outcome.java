package dev.parley.notify;

import dev.parley.shared.notify.OutboxCommands.FinishWork;
import dev.parley.shared.notify.OutboxCommands.Finished;

/** What became of one attempt at a work item, as its handler says: done, given up on, or to be tried again later. */
record Outcome(String kind, long retryMillis, String error) {

  static final Outcome DONE = new Outcome(FinishWork.DONE, 0, null);

  static Outcome failed(String error) {
    return new Outcome(FinishWork.FAILED, 0, error);
  }

  static Outcome retry(long retryMillis, String error) {
    return new Outcome(FinishWork.RETRY, retryMillis, error);
  }

  Finished of(long id) {
    return new Finished(id, kind, retryMillis, error);
  }

  /** A failed attempt: failed for good when it was the last or cannot succeed later, else tried again after a backoff. */
  static Outcome afterFailure(Throwable failure, int attempts, int maxAttempts, long retryMillis, boolean permanent) {
    String error = String.valueOf(failure.getMessage());
    return attempts >= maxAttempts || permanent ? failed(error) : retry(Backoff.delay(retryMillis, attempts), error);
  }
}
