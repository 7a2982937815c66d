package dev.parley.shared.ws;

/**
 * WebSocket protocol v1: frame ops, field names, limits and close codes, declared once for the gateway, clients,
 * tests and the bench. The frames themselves are the records of {@link Frames}.
 */
public final class Protocol {

  /** The protocol version this server speaks. */
  public static final int VERSION = 1;

  // Fields
  public static final String OP = "op";
  public static final String REF = "ref";
  public static final String ROOM = "room";
  public static final String SEQ = "seq";
  public static final String SINCE = "since";
  public static final String CID = "cid";
  public static final String TEXT = "text";
  public static final String ID = "id";
  public static final String TS = "ts";
  public static final String TYPE = "type";
  public static final String DATA = "data";
  public static final String CODE = "code";
  public static final String MSG = "msg";
  public static final String USER = "user";
  public static final String CONN = "conn";
  public static final String HEARTBEAT = "heartbeat";
  public static final String FROM = "from";
  public static final String TO = "to";
  /** On a {@code send}: the root message of the thread the message replies in. */
  public static final String THREAD = "thread";
  /** On a {@code send} with a {@code thread}: show the reply in the channel too. */
  public static final String ALSO_IN_CHANNEL = "alsoInChannel";
  /** On a {@code watch}: the people whose presence the connection follows. */
  public static final String USERS = "users";
  /** On an {@code activity}: the person has not used this device for a while ({@code true}), or is back. */
  public static final String IDLE = "idle";
  /** On a {@code watching}: the current presence of each watched person. */
  public static final String PRESENCE = "presence";
  /** A {@code send}'s file ids. */
  public static final String FILES = "files";
  /** An end-to-end encrypted message's MLS ciphertext (base64), in a {@code send} instead of {@code text}. */
  public static final String CIPHERTEXT = "ciphertext";

  // Server frames
  public static final String HELLO = "hello";
  public static final String SUBBED = "subbed";
  public static final String GAP = "gap";
  public static final String UNSUBBED = "unsubbed";
  public static final String ACK = "ack";
  public static final String EVT = "evt";
  public static final String PONG = "pong";
  public static final String ERR = "err";
  public static final String WATCHING = "watching";

  // Client frames
  public static final String SUB = "sub";
  public static final String UNSUB = "unsub";
  public static final String SEND = "send";
  public static final String TYPING = "typing";
  public static final String PING = "ping";
  public static final String WATCH = "watch";
  public static final String ACTIVITY = "activity";
  /** The room this device shows, visible on screen (or none: hidden, minimised, another tab). */
  public static final String LOOKING = "looking";

  /** The longest client message id. */
  public static final int MAX_CID_LENGTH = 100;

  // Close codes
  public static final short CLOSE_GOING_AWAY = 1001;
  public static final short CLOSE_UNAUTHORIZED = 4001;
  public static final short CLOSE_POLICY_VIOLATION = 4008;
  public static final short CLOSE_TOO_BIG = 1009;
  public static final short CLOSE_SERVICE_RESTART = 1012;
  public static final short CLOSE_TRY_AGAIN_LATER = 1013;

  private Protocol() {
  }
}
