package dev.parley.rooms.store;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Version 7 UUIDs (RFC 9562): 48 bits of Unix milliseconds, then random bits. Ids made in one millisecond still
 * land near each other in the messages primary key, so inserts touch its right edge instead of a random page each:
 * fewer pages dirtied per batch and a smaller WAL. The random part comes from one {@link SecureRandom}, so ids stay
 * unguessable.
 */
final class TimeOrderedIds {

  private static final SecureRandom RANDOM = new SecureRandom();

  private TimeOrderedIds() {
  }

  static UUID next() {
    long millis = System.currentTimeMillis();
    long random = RANDOM.nextLong();
    long high = (millis << 16) | 0x7000L | (random & 0x0FFFL);
    long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low);
  }
}
