package dev.parley.shared.events;

import dev.parley.shared.contract.Json;
import dev.parley.shared.contract.JsonBody;
import dev.parley.shared.ws.Protocol;
import io.vertx.core.json.JsonObject;
import java.util.function.Function;

/**
 * One room event as published on {@link dev.parley.shared.Addresses#room(String)} and
 * {@link dev.parley.shared.Addresses#EVENTS}. Its JSON is the body of an {@code evt} frame less the {@code op}:
 * {@code {"room","seq","type","data"}}; {@code seq} is absent for ephemeral events (typing, profile changes).
 * {@code data} stays JSON here so that an event of a type this code does not know passes through unchanged; the
 * typed form is read with {@link #data(Function)}.
 */
public record RoomEvent(String room, Long seq, String type, JsonObject data) implements JsonBody {

  /** A stored event with its seq, or an ephemeral one when {@code seq} is null. */
  public static RoomEvent of(String room, Long seq, EventData data) {
    return new RoomEvent(room, seq, data.type(), data.toJson());
  }

  /** The data read as the record of its type. */
  public <T extends EventData> T data(Function<JsonObject, T> reader) {
    return reader.apply(data);
  }

  @Override
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put(Protocol.ROOM, room);
    Json.putIfPresent(json, Protocol.SEQ, seq);
    return json.put(Protocol.TYPE, type).put(Protocol.DATA, data);
  }

  public static RoomEvent fromJson(JsonObject json) {
    return new RoomEvent(Json.text(json, Protocol.ROOM), Json.optWhole(json, Protocol.SEQ),
        Json.text(json, Protocol.TYPE), Json.object(json, Protocol.DATA));
  }

  /** The WebSocket frame for this event. */
  public JsonObject toFrame() {
    return toJson().put(Protocol.OP, Protocol.EVT);
  }
}
