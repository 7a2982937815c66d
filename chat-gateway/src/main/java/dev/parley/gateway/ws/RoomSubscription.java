package dev.parley.gateway.ws;

import java.util.ArrayList;
import java.util.List;

/**
 * One connection's subscription to one room. While its replay from PostgreSQL runs, live events are buffered;
 * then the buffer is drained, skipping what the replay already sent, so the socket sees every seq once and in order.
 */
final class RoomSubscription {

  private final Socket connection;
  private final String room;
  /** The highest seq written to the socket. */
  private long sent = -1;
  /** Live events that came in during the replay; null once live. */
  private List<Buffered> buffered = new ArrayList<>();

  private record Buffered(long seq, EncodedFrame frame) {
  }

  RoomSubscription(Socket connection, String room) {
    this.connection = connection;
    this.room = room;
  }

  String room() {
    return room;
  }

  String user() {
    return connection.user();
  }

  boolean isLive() {
    return buffered == null;
  }

  /** A stored event, in seq order. */
  void event(long seq, EncodedFrame frame) {
    if (buffered != null) {
      if (buffered.size() >= connection.maxBufferedEvents()) {
        connection.closeSlow();
        return;
      }
      buffered.add(new Buffered(seq, frame));
    } else if (seq > sent) {
      sent = seq;
      connection.sendEvent(frame);
    }
  }

  /** An ephemeral event (typing): dropped while replaying or when the socket is behind. */
  void ephemeral(EncodedFrame frame) {
    if (buffered == null) {
      connection.sendEphemeral(frame);
    }
  }

  /** The node fell too far behind; the client pages history for the range. */
  void gap(long from, long to) {
    if (buffered == null && to > sent) {
      connection.sendGap(room, from, to);
      sent = to;
    }
  }

  /** The person is no longer in the room: the subscription ends here, on this node. */
  void revoke() {
    connection.revoked(this);
  }

  /** Replayed events were written up to {@code upTo}: drain the buffer and go live. */
  void goLive(long upTo) {
    sent = Math.max(sent, upTo);
    List<Buffered> pending = buffered;
    buffered = null;
    for (Buffered event : pending) {
      if (event.seq() > sent) {
        sent = event.seq();
        connection.sendEvent(event.frame());
      }
    }
  }
}
