package dev.parley.notify;

/** Exponential backoff: the first wait, then twice that each time, never more than the cap. */
final class Backoff {

  /** No wait is longer than five minutes. */
  static final long MAX_DELAY_MS = 5 * 60_000L;

  private Backoff() {
  }

  /** The wait after the {@code failures}-th failure (1 = the first). */
  static long delay(long firstMillis, int failures) {
    long delay = Math.max(1, firstMillis);
    for (int i = 1; i < failures && delay < MAX_DELAY_MS; i++) {
      delay *= 2;
    }
    return Math.min(delay, MAX_DELAY_MS);
  }
}
