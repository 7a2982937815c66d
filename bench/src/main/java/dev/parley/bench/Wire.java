package dev.parley.bench;

import dev.parley.shared.ErrorCode;
import dev.parley.shared.ws.Frames;
import dev.parley.shared.ws.Protocol;
import io.vertx.core.json.JsonObject;

/**
 * How the frames of Parley's protocol travel on a target's WebSocket, so one load generator can drive Parley and
 * the peers it is compared with: {@link #PARLEY} sends them as they are (Parley, and the {@code ws-redis} peer,
 * which speaks the same core protocol); {@link #SOCKET_IO} carries them as Socket.IO events (Engine.IO 4 over a
 * WebSocket), the way the Socket.IO peer expects them.
 */
interface Wire {

  /** The WebSocket's path below the target's base URL. */
  String path();

  /** Whether the access token goes in the upgrade's Authorization header (else the wire sends it itself). */
  boolean bearerHeader();

  /** The text to write for this Parley frame, or null when the wire has nothing to send for it. */
  String encode(BenchConnection connection, JsonObject frame);

  /**
   * The Parley frame an incoming text carries, as text, or null when the text was for the wire alone (its
   * handshake, its heartbeats: answered here through the connection's socket).
   */
  String decode(BenchConnection connection, String text, String accessToken);

  Wire PARLEY = new Wire() {
    @Override
    public String path() {
      return "/ws";
    }

    @Override
    public boolean bearerHeader() {
      return true;
    }

    @Override
    public String encode(BenchConnection connection, JsonObject frame) {
      return frame.encode();
    }

    @Override
    public String decode(BenchConnection connection, String text, String accessToken) {
      return text;
    }

    @Override
    public String toString() {
      return "parley";
    }
  };

  /**
   * Socket.IO 4 (Engine.IO protocol 4) over a WebSocket. Engine.IO packets start with a digit: 0 open, 2 ping,
   * 3 pong, 4 message; a message carries a Socket.IO packet: 0 connect, 2 event, 3 ack, 4 connect error. A Parley
   * frame {@code {"op":"send",...}} goes out as event {@code 42<ack id>["send",{...}]}; its answer comes back as
   * {@code 43<ack id>[{...}]}, and pushed events as {@code 42["evt",{...}]}. The connect packet carries the token;
   * the server's connect answer stands in for Parley's {@code hello}.
   */
  Wire SOCKET_IO = new Wire() {
    /** Engine.IO's default ping interval, in seconds. */
    private static final int HEARTBEAT_SECONDS = 25;
    private static final String HELLO = new Frames.Hello("socketio", "socketio", HEARTBEAT_SECONDS).toJson().encode();

    @Override
    public String path() {
      return "/socket.io/?EIO=4&transport=websocket";
    }

    @Override
    public boolean bearerHeader() {
      return false;
    }

    @Override
    public String encode(BenchConnection connection, JsonObject frame) {
      String op = frame.getString(Protocol.OP);
      if (Protocol.PING.equals(op)) {
        return null; // Engine.IO has its own heartbeat, answered in decode
      }
      return "42" + connection.nextAckId() + "[\"" + op + "\"," + frame.encode() + "]";
    }

    @Override
    public String decode(BenchConnection connection, String text, String accessToken) {
      if (text.startsWith("42")) {
        // 42["evt",{...}]: the object after the first comma, before the closing bracket
        int comma = text.indexOf(',');
        return comma < 0 ? null : text.substring(comma + 1, text.length() - 1);
      } else if (text.startsWith("43")) {
        int bracket = text.indexOf('[');
        return bracket < 0 ? null : text.substring(bracket + 1, text.length() - 1);
      } else if (text.equals("2")) {
        connection.ws.writeTextMessage("3");
      } else if (text.startsWith("0")) {
        connection.ws.writeTextMessage("40" + new JsonObject().put("token", accessToken).encode());
      } else if (text.startsWith("40")) {
        return HELLO;
      } else if (text.startsWith("44")) {
        return new Frames.Err(ErrorCode.UNAUTHORIZED.wireName(), text.substring(2), null, null, null).toJson().encode();
      }
      return null;
    }

    @Override
    public String toString() {
      return "socketio";
    }
  };
}
