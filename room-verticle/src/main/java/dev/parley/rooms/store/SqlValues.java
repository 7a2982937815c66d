package dev.parley.rooms.store;

import dev.parley.shared.ErrorCode;
import dev.parley.shared.ParleyException;
import dev.parley.shared.rooms.Mentions;
import io.vertx.core.buffer.Buffer;
import io.vertx.pgclient.PgException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Locale;

/** Turning command values into SQL values, and SQL failures into what they mean, the same way in every store. */
final class SqlValues {

  /** The unique index on users' handles, named in the failure when a handle is taken. */
  static final String HANDLE_INDEX = "users_handle_key";
  /** The unique index on the names of public and private channels, named when a name is taken. */
  static final String CHANNEL_NAME_INDEX = "rooms_channel_name";
  /** The unique index that lets a workspace have one owner only, named when two first sign-ups race. */
  static final String ONE_OWNER_INDEX = "users_one_owner";

  private static final String UNIQUE_VIOLATION = "23505";
  private static final SecureRandom RANDOM = new SecureRandom();

  private SqlValues() {
  }

  /** A token hash as it travels on the event bus (base64url) as the bytes stored. */
  static Buffer tokenHash(String base64url) {
    try {
      return Buffer.buffer(Base64.getUrlDecoder().decode(base64url));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ParleyException(ErrorCode.INVALID, "Malformed token hash");
    }
  }

  static OffsetDateTime timestamp(long epochMillis) {
    return OffsetDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
  }

  static boolean isUniqueViolation(Throwable failure) {
    return failure instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState());
  }

  /** Whether a failure is a unique violation of the handle index: the handle was taken meanwhile. */
  static boolean handleTaken(Throwable failure) {
    return isUniqueViolation(failure) && failure.getMessage().contains(HANDLE_INDEX);
  }

  /** Whether a failure says another account became the workspace's owner meanwhile. */
  static boolean ownerTaken(Throwable failure) {
    return isUniqueViolation(failure) && failure.getMessage().contains(ONE_OWNER_INDEX);
  }

  /**
   * A handle's first form: the name's letters and digits, lower case, or "user" when nothing is left; never a word
   * that calls a whole room ({@link Mentions}).
   */
  static String handleFrom(String name) {
    String base = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "");
    if (base.length() < 2) {
      base = "user" + base;
    }
    if (Mentions.roomWide(base)) {
      base = base + "_";
    }
    return base.length() > 20 ? base.substring(0, 20) : base;
  }

  /** The next form to try when a handle is taken: the first form and a short random number. */
  static String handleWithSuffix(String name) {
    return handleFrom(name) + "_" + (1000 + RANDOM.nextInt(9000));
  }
}
