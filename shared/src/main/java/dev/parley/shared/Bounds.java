package dev.parley.shared;

/**
 * Sizes of what people type, declared once: the gateway checks requests against them, room-verticle relies on them,
 * and the OpenAPI document states them (a test holds the document to these values). Limits an operator may change
 * (message length, frame size, rates) are settings instead: {@link ParleyConfig.Limits}.
 */
public final class Bounds {

  /** A room's name, in characters. */
  public static final int ROOM_NAME = 80;
  /** A room's topic, in characters. */
  public static final int TOPIC = 250;
  /** A person's display name, in characters. */
  public static final int PERSON_NAME = 80;
  /** An @handle: 2 to 30 of a-z, 0-9 and _. */
  public static final int HANDLE_MIN = 2;
  public static final int HANDLE_MAX = 30;
  /** An email address (RFC 5321's path limit). */
  public static final int EMAIL = 254;
  /** A password, in characters. */
  public static final int PASSWORD_MIN = 8;
  public static final int PASSWORD_MAX = 256;
  /** A group DM holds at most this many people, its creator included. */
  public static final int GROUP_MAX = 9;
  /** A people search's query, in characters. */
  public static final int SEARCH_QUERY = 100;
  /** A message search's query, filters included, in characters: enough for any real search, and it bounds the SQL. */
  public static final int MESSAGE_SEARCH_QUERY = 200;
  /** Addresses in one invite-by-email request. */
  public static final int INVITE_EMAILS = 50;

  private Bounds() {
  }
}
