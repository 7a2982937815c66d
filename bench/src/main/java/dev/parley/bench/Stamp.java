package dev.parley.bench;

/**
 * What a bench message carries so its receivers can measure it without any shared table: the rate step
 * it belongs to, the sending connection, and its scheduled send time (nanoseconds since the run's clock
 * started; the intended time, not the time the write actually happened).
 *
 * <p>Message text: {@code "pb1 <run> <step> <conn> <scheduledNanos> xxxx..."} padded to the requested size.
 * Client message id ({@code cid}): {@code "<run>.<step>.<scheduledNanos>"}, unique per run so that a rerun
 * reusing the same users and rooms is never mistaken for a resend.
 */
record Stamp(int step, int connection, long scheduledNanos) {

  static final String TEXT_PREFIX = "pb1 ";

  /** How this run's message texts start. */
  static String textPrefix(String run) {
    return TEXT_PREFIX + run + " ";
  }

  /** How this run's message texts start inside an encoded {@code evt} frame: the fast path looks for this. */
  static String frameMarker(String run) {
    return "\"text\":\"" + textPrefix(run);
  }

  static String text(String run, int step, int connection, long scheduledNanos, int length) {
    StringBuilder sb = new StringBuilder(length).append(TEXT_PREFIX).append(run).append(' ')
        .append(step).append(' ').append(connection).append(' ').append(scheduledNanos).append(' ');
    while (sb.length() < length) {
      sb.append('x');
    }
    return sb.toString();
  }

  static String cid(String run, int step, long scheduledNanos) {
    return run + "." + step + "." + scheduledNanos;
  }

  /** The stamp in a message text of this run (prefix from {@link #textPrefix}), or null. */
  static Stamp fromText(String textPrefix, String text) {
    if (text == null || !text.startsWith(textPrefix)) {
      return null;
    }
    return parse(text, textPrefix.length());
  }

  /**
   * The stamp of a delivery, read straight from the raw {@code evt} frame without a JSON parse (marker from
   * {@link #frameMarker}); null when the frame does not contain the marker, and then the caller parses the
   * JSON and uses {@link #fromText}.
   */
  static Stamp fromFrame(String frameMarker, String frame) {
    int at = frame.indexOf(frameMarker);
    return at < 0 ? null : parse(frame, at + frameMarker.length());
  }

  /** The step and scheduled time in a cid of this run, or null. */
  static Stamp fromCid(String run, String cid) {
    if (cid == null || cid.length() <= run.length() + 1 || !cid.startsWith(run)
        || cid.charAt(run.length()) != '.') {
      return null;
    }
    int pos = run.length() + 1;
    int stepEnd = cid.indexOf('.', pos);
    if (stepEnd < 0) {
      return null;
    }
    long step = digits(cid, pos, stepEnd);
    long scheduled = digits(cid, stepEnd + 1, cid.length());
    return step < 0 || step > Integer.MAX_VALUE || scheduled < 0 ? null : new Stamp((int) step, -1, scheduled);
  }

  private static Stamp parse(String s, int pos) {
    int end1 = s.indexOf(' ', pos);
    int end2 = end1 < 0 ? -1 : s.indexOf(' ', end1 + 1);
    int end3 = end2 < 0 ? -1 : s.indexOf(' ', end2 + 1);
    if (end3 < 0) {
      return null;
    }
    long step = digits(s, pos, end1);
    long connection = digits(s, end1 + 1, end2);
    long scheduled = digits(s, end2 + 1, end3);
    if (step < 0 || step > Integer.MAX_VALUE || connection < 0 || connection > Integer.MAX_VALUE || scheduled < 0) {
      return null;
    }
    return new Stamp((int) step, (int) connection, scheduled);
  }

  /** The non-negative number in s[from, to), or -1 if that is not all digits (or too long). */
  private static long digits(String s, int from, int to) {
    if (from >= to || to - from > 18) {
      return -1;
    }
    long n = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }
}
