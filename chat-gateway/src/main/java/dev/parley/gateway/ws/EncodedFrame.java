package dev.parley.gateway.ws;

import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;

/**
 * A text frame encoded once, to UTF-8 bytes, for every socket it goes to. {@code writeTextMessage(String)} would
 * encode the string again for each socket; a frame of these bytes is wrapped without copying or encoding (Vert.x's
 * own frame class: its public API makes text frames from strings only).
 */
final class EncodedFrame {

  private final byte[] utf8;

  private EncodedFrame(byte[] utf8) {
    this.utf8 = utf8;
  }

  static EncodedFrame of(JsonObject frame) {
    return of(frame.encode());
  }

  static EncodedFrame of(String text) {
    return new EncodedFrame(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A new frame for one socket over the shared bytes (a frame is consumed by its write). */
  WebSocketFrame frame() {
    return new WebSocketFrameImpl(WebSocketFrameType.TEXT, utf8, true);
  }

  int size() {
    return utf8.length;
  }

  String text() {
    return new String(utf8, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return text();
  }
}
