package dev.parley.shared.rooms;

import java.util.Set;

/**
 * The words that call a whole room rather than a person: {@code @channel} and {@code @here}. Nobody may take them as
 * a handle, or a mention of that person would call everyone (room-verticle's {@code resolve_mentions} reads them the
 * same way).
 */
public final class Mentions {

  /** Handles that call the whole room, in lower case as handles are written. */
  public static final Set<String> ROOM_WIDE = Set.of("channel", "here");

  private Mentions() {
  }

  /** Whether a handle (lower case, without the @) is one of the room-wide words. */
  public static boolean roomWide(String handle) {
    return ROOM_WIDE.contains(handle);
  }
}
