package dev.parley.shared.presence;

import dev.parley.shared.contract.Json;
import dev.parley.shared.events.EventData;
import dev.parley.shared.events.EventType;
import io.vertx.core.json.JsonObject;

/**
 * Where a person is: {@code status} is {@link #ONLINE}, {@link #AWAY} or {@link #OFFLINE}, and {@code text} their
 * status text (empty when none). As an event ({@code presence}, ephemeral: no room, no seq) it goes only to the
 * connections that watch the person; on {@link dev.parley.shared.Addresses#PRESENCE} it goes once to every gateway.
 */
public record Presence(String user, String status, String text) implements EventData {

  /** At least one device is connected and active. */
  public static final String ONLINE = "online";
  /** Connected, but every device is idle (no input for a while) or the person set themselves away. */
  public static final String AWAY = "away";
  /** No device connected (or none heard from within the lease). */
  public static final String OFFLINE = "offline";
  /** The longest status text, in characters. */
  public static final int MAX_TEXT_LENGTH = 100;

  public Presence {
    text = text == null ? "" : text;
  }

  @Override
  public String type() {
    return EventType.PRESENCE;
  }

  @Override
  public JsonObject toJson() {
    return new JsonObject().put("user", user).put("status", status).put("text", text);
  }

  public static Presence fromJson(JsonObject json) {
    return new Presence(Json.text(json, "user"), Json.text(json, "status"), Json.optText(json, "text"));
  }
}
