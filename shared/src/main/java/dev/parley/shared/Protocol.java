package dev.parley.shared;

/** WebSocket protocol v1: frame ops, field names and close codes, declared once for the gateway, clients and bench. */
public final class Protocol {

  public static final String OP = "op";
  public static final String REF = "ref";

  // Server frames
  public static final String HELLO = "hello";
  public static final String SUBBED = "subbed";
  public static final String GAP = "gap";
  public static final String UNSUBBED = "unsubbed";
  public static final String ACK = "ack";
  public static final String EVT = "evt";
  public static final String PONG = "pong";
  public static final String ERR = "err";

  // Client frames
  public static final String SUB = "sub";
  public static final String UNSUB = "unsub";
  public static final String SEND = "send";
  public static final String TYPING = "typing";
  public static final String PING = "ping";

  // Close codes
  public static final short CLOSE_UNAUTHORIZED = 4001;
  public static final short CLOSE_POLICY_VIOLATION = 4008;
  public static final short CLOSE_TOO_BIG = 1009;
  public static final short CLOSE_SERVICE_RESTART = 1012;
  public static final short CLOSE_TRY_AGAIN_LATER = 1013;

  private Protocol() {
  }
}
