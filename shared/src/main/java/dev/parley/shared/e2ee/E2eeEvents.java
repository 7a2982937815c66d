package dev.parley.shared.e2ee;

import dev.parley.shared.contract.Json;
import dev.parley.shared.events.EventData;
import dev.parley.shared.events.EventType;
import io.vertx.core.json.JsonObject;

/** The events end-to-end encryption adds: the MLS handshake in a room's seq, and notices to devices. */
public final class E2eeEvents {

  private E2eeEvents() {
  }

  /**
   * Stored in an encrypted room's seq: a member's device moved the group from {@code epoch} to the next with this
   * MLS commit (base64). Members apply commits in seq order, between the messages of the epochs they separate.
   */
  public record Commit(String sender, String device, long epoch, String commit) implements EventData {
    @Override
    public String type() {
      return EventType.E2EE_COMMIT;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("sender", sender).put("device", device).put("epoch", epoch).put("commit", commit);
    }

    public static Commit fromJson(JsonObject json) {
      return new Commit(Json.text(json, "sender"), Json.text(json, "device"), Json.whole(json, "epoch"),
          Json.text(json, "commit"));
    }
  }

  /** On a person's address: a welcome into {@code room} waits for their device {@code device}. */
  public record WelcomeWaiting(String room, String device) implements EventData {
    @Override
    public String type() {
      return EventType.E2EE_WELCOME;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("room", room).put("device", device);
    }

    public static WelcomeWaiting fromJson(JsonObject json) {
      return new WelcomeWaiting(Json.text(json, "room"), Json.text(json, "device"));
    }
  }

  /**
   * Ephemeral, in each encrypted room of {@code user}: their devices changed (one added, removed or signed out), so
   * members check the directory, warn if keys changed, and a member's device commits the change to the group.
   */
  public record DevicesChanged(String user) implements EventData {
    @Override
    public String type() {
      return EventType.E2EE_DEVICES;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("user", user);
    }

    public static DevicesChanged fromJson(JsonObject json) {
      return new DevicesChanged(Json.text(json, "user"));
    }
  }
}
