package dev.parley.shared.rooms;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How channel names (public and private) are written: lower case, no spaces, no leading {@code #}, so that each names
 * one channel of the workspace and two cannot be told apart only by case or spacing. "Book Club" becomes
 * {@code book-club}. The V7 migration normalised existing names the same way.
 */
public final class ChannelNames {

  /** The longest normalised name. */
  public static final int MAX_LENGTH = 80;

  private static final Pattern SEPARATORS = Pattern.compile("[ \\t\\r\\n\\f\\x0B-]+");
  private static final Pattern LEADING_HASHES = Pattern.compile("^#+");

  private ChannelNames() {
  }

  /** The name as stored; empty when nothing of it is left (the caller refuses that). */
  public static String normalise(String name) {
    String lower = LEADING_HASHES.matcher(name.strip().toLowerCase(Locale.ROOT)).replaceFirst("");
    String joined = SEPARATORS.matcher(lower).replaceAll("-");
    int start = 0;
    int end = joined.length();
    while (start < end && joined.charAt(start) == '-') {
      start++;
    }
    while (end > start && joined.charAt(end - 1) == '-') {
      end--;
    }
    String trimmed = joined.substring(start, end);
    return trimmed.length() > MAX_LENGTH ? trimmed.substring(0, MAX_LENGTH) : trimmed;
  }
}
