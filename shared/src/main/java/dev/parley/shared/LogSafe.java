package dev.parley.shared;

/**
 * Text from a client, made safe to put into a log line: control characters (CR and LF above all, which would let a
 * request forge whole log lines) shown as {@code ?}, and cut to a length a log line can carry. The log encoder
 * escapes line breaks in every message as well; this keeps the value itself honest wherever it is logged.
 */
public final class LogSafe {

  private static final int MAX_LENGTH = 200;

  private LogSafe() {
  }

  public static String text(Object value) {
    if (value == null) {
      return "null";
    }
    String text = String.valueOf(value);
    StringBuilder safe = new StringBuilder(Math.min(text.length(), MAX_LENGTH + 1));
    for (int i = 0; i < text.length() && safe.length() < MAX_LENGTH; i++) {
      char c = text.charAt(i);
      safe.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? '?' : c);
    }
    return text.length() > MAX_LENGTH ? safe.append('…').toString() : safe.toString();
  }
}
