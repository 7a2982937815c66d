package dev.parley.shared;

import io.vertx.core.json.JsonObject;

/**
 * One room event as published on {@link Addresses#room(String)} and {@link Addresses#EVENTS}. Its JSON is the
 * body of an {@code evt} frame less the {@code op}: {@code {"room","seq","type","data"}}; {@code seq} is absent for
 * ephemeral events (typing).
 */
public record RoomEvent(String room, Long seq, String type, JsonObject data) {

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("room", room);
    if (seq != null) {
      json.put("seq", seq);
    }
    return json.put("type", type).put("data", data);
  }

  public static RoomEvent fromJson(JsonObject json) {
    return new RoomEvent(json.getString("room"), json.getLong("seq"), json.getString("type"),
        json.getJsonObject("data"));
  }

  /** The WebSocket frame for this event. */
  public JsonObject toFrame() {
    return toJson().put(Protocol.OP, Protocol.EVT);
  }
}
