package dev.parley.shared;

/** Parley's ids (users, rooms, messages) are UUIDs in their canonical text form. */
public final class Ids {

  private static final int LENGTH = 36;

  private Ids() {
  }

  /**
   * Whether the text can be an id; anything else names nothing, so callers answer "not found" without a query.
   * Checked by hand rather than by a regular expression: every frame a client sends passes here.
   */
  public static boolean isId(String text) {
    if (text == null || text.length() != LENGTH) {
      return false;
    }
    for (int i = 0; i < LENGTH; i++) {
      char c = text.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? c != '-' : Character.digit(c, 16) < 0 || c > 'f') {
        return false;
      }
    }
    return true;
  }
}
