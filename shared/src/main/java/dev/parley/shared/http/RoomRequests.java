package dev.parley.shared.http;

import dev.parley.shared.contract.Json;
import dev.parley.shared.contract.JsonBody;
import dev.parley.shared.rooms.RoomKind;
import io.vertx.core.json.JsonObject;

/** Bodies clients send about rooms; the gateway reads them field by field with these names. */
public final class RoomRequests {

  public static final String NAME = "name";
  public static final String KIND = "kind";
  public static final String TOPIC = "topic";
  public static final String SEQ = "seq";
  public static final String TEXT = "text";
  public static final String CIPHERTEXT = "ciphertext";
  /** {@code PATCH /api/v1/rooms/{id}}: whether {@code @channel} and {@code @here} call everyone in the room. */
  public static final String ALLOW_CHANNEL_MENTIONS = "allowChannelMentions";
  /** {@code PUT /api/v1/me/read-receipts}: whether the caller's read markers show as receipts in their DMs. */
  public static final String ENABLED = "enabled";

  private RoomRequests() {
  }

  /** {@code POST /api/v1/rooms}: {@code {"name","kind":"channel"|"private","topic"?}}. */
  public record CreateRoom(String name, RoomKind kind, String topic) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return Json.putIfPresent(new JsonObject().put(NAME, name).put(KIND, kind.wireName()), TOPIC, topic);
    }
  }

  /** {@code POST /api/v1/rooms/{id}/read}: {@code {"seq"}}. */
  public record MarkRead(long seq) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put(SEQ, seq);
    }
  }

  /**
   * {@code PATCH /api/v1/rooms/{room}/messages/{id}}: {@code {"text"}}, the message's new text; in an end-to-end
   * encrypted room {@code {"ciphertext"}} instead (an MLS application message of the room's group, base64).
   */
  public record EditMessage(String text, String ciphertext) implements JsonBody {
    /** An edit in clear. */
    public EditMessage(String text) {
      this(text, null);
    }

    @Override
    public JsonObject toJson() {
      return ciphertext == null ? new JsonObject().put(TEXT, text) : new JsonObject().put(CIPHERTEXT, ciphertext);
    }
  }
}
