package dev.parley.shared.presence;

/**
 * Who has a room open and visible right now, as the gateways keep it in Redis next to the presence leases, and as
 * notification-verticle reads it (nobody is notified of a room they are looking at). A device ({@code <user> <connection>},
 * as in the leases) looks at one room at most, and only while it is in use (an idle device looks at nothing):
 * {@link #ROOMS} maps each looking device to its room, and {@link #room(String)} is the set of devices looking at a
 * room. A device counts only while its lease in {@link #LEASES} (scored with the Redis time it runs out) holds, so the
 * devices of a node that died stop counting when their leases run out, before any sweep.
 */
public final class Looking {

  /** The presence leases: a sorted set of devices scored with the Redis time (ms) their lease runs out. */
  public static final String LEASES = "parley:presence:leases";
  /** A hash: looking device to the room it shows. */
  public static final String ROOMS = "parley:presence:looks";

  private static final String ROOM_PREFIX = "parley:presence:looking:";

  private Looking() {
  }

  /** The set of devices looking at a room. */
  public static String room(String roomId) {
    return ROOM_PREFIX + roomId;
  }

  /** The person of a device ({@code <user> <connection>}). */
  public static String userOf(String device) {
    int space = device.indexOf(' ');
    return space < 0 ? device : device.substring(0, space);
  }
}
