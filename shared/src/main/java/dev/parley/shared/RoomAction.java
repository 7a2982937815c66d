package dev.parley.shared;

/** The commands room-verticle answers on {@link Addresses#ROOMS_CMD}, named by the {@code action} header. */
public enum RoomAction {
  /** {@link Commands.CreateRoom} → {@code {"room":{..}}}. */
  CREATE_ROOM,
  /** {@code {"user"}} → {@code {"rooms":[..]}}, the user's rooms with unread counts. */
  LIST_ROOMS,
  /** {@code {"user"}} → {@code {"channels":[..]}}, the public channels with a {@code member} flag. */
  LIST_CHANNELS,
  /** {@code {"room","user"}} → {@code {"room":{..}}}; joining twice is harmless. */
  JOIN_ROOM,
  /** {@link Commands.History} → {@code {"messages":[..],"more":bool}}. */
  HISTORY,
  /** {@link Commands.PostMessage} → {@link Commands.MessageAck}; idempotent on (room, sender, cid). */
  POST_MESSAGE,
  /** {@link Commands.Replay} → {@link Commands.ReplayResult}: the room's events after a seq, for a member. */
  REPLAY,
  /** {@code {"room","user","seq"}} → {@code {}}: moves the user's read marker forward. */
  MARK_READ;

  public static RoomAction parse(String header) {
    return header == null ? null : valueOf(header);
  }
}
