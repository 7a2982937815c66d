package dev.parley.bench;

/**
 * Field names of the WebSocket frames the bench reads and writes, besides {@code op} and {@code ref} which
 * {@link dev.parley.shared.Protocol} declares.
 */
final class Fields {
  static final String ROOM = "room";
  static final String CID = "cid";
  static final String TEXT = "text";
  static final String TYPE = "type";
  static final String DATA = "data";
  static final String CODE = "code";
  static final String MSG = "msg";

  private Fields() {
  }
}
