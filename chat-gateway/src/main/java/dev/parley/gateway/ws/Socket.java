package dev.parley.gateway.ws;

/**
 * What a room subscription needs of the connection it belongs to: where frames go, and what to do when the socket
 * falls behind or its person loses the room. {@link Connection} is the real one; tests give their own.
 */
interface Socket {

  String user();

  /** How many stored events may wait for a subscription whose replay is still running. */
  int maxBufferedEvents();

  /** A stored event, encoded; never dropped (a socket that stays behind is closed instead). */
  void sendEvent(EncodedFrame frame);

  /** An ephemeral event, encoded; dropped when the socket is behind. */
  void sendEphemeral(EncodedFrame frame);

  void sendGap(String room, long from, long to);

  /** The socket cannot keep up: close it so the client resumes with {@code since}. */
  void closeSlow();

  /** The person is no longer in the subscription's room. */
  void revoked(RoomSubscription subscription);
}
