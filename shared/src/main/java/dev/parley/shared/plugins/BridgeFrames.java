package dev.parley.shared.plugins;

/**
 * The fields of a frame of the TCP event-bus bridge (vertx-tcp-eventbus-bridge's framing: a 4-byte big-endian length,
 * then that many bytes of JSON), as out-of-process plugins write them, and the one header Parley adds.
 */
public final class BridgeFrames {

  public static final String TYPE = "type";
  public static final String ADDRESS = "address";
  public static final String REPLY_ADDRESS = "replyAddress";
  public static final String HEADERS = "headers";
  public static final String BODY = "body";

  /** The header of a connection's first frame that names its plugin by token; the bridge never passes it on. */
  public static final String TOKEN_HEADER = "parley-token";

  private BridgeFrames() {
  }
}
