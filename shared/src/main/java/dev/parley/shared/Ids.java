package dev.parley.shared;

import java.util.regex.Pattern;

/** Parley's ids (users, rooms, messages) are UUIDs in their canonical text form. */
public final class Ids {

  private static final Pattern UUID_TEXT =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private Ids() {
  }

  /** Whether the text can be an id; anything else names nothing, so callers answer "not found" without a query. */
  public static boolean isId(String text) {
    return text != null && UUID_TEXT.matcher(text).matches();
  }
}
