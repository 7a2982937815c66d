package dev.parley.plugins.poll;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A reminder as typed after {@code /remind}: {@code 10m stand-up} (seconds, minutes or hours, up to a day). */
record Reminder(long delayMillis, String text) {

  static final String USAGE = "/remind 10m what (s, m or h; at most 24h)";
  private static final Pattern FORM = Pattern.compile("(\\d{1,5})([smh])\\s+(\\S[\\s\\S]*)");
  private static final long DAY_MILLIS = 24 * 3600_000L;

  static Reminder parse(String args) {
    Matcher form = FORM.matcher(args.strip());
    if (!form.matches()) {
      throw new IllegalArgumentException("Usage: " + USAGE);
    }
    long unit = switch (form.group(2)) {
      case "s" -> 1_000L;
      case "m" -> 60_000L;
      default -> 3600_000L;
    };
    long delay = Long.parseLong(form.group(1)) * unit;
    if (delay < 1_000 || delay > DAY_MILLIS) {
      throw new IllegalArgumentException("Usage: " + USAGE);
    }
    return new Reminder(delay, form.group(3).strip());
  }
}
