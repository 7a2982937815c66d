package dev.parley.bench;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class StampTest {

  @Test
  void aMessageTextCarriesItsStepSenderAndScheduledTime() {
    String text = Stamp.text("abc123", 3, 1999, 123_456_789_012L, 64);

    assertEquals(64, text.length());
    assertEquals(new Stamp(3, 1999, 123_456_789_012L), Stamp.fromText(Stamp.textPrefix("abc123"), text));
    assertNull(Stamp.fromText(Stamp.textPrefix("zzz999"), text), "another run's message");
  }

  @Test
  void theFastPathReadsTheEncodedFrameAndAgreesWithTheJsonPath() {
    String text = Stamp.text("abc123", 0, 7, 42L, 80);
    String frame = new JsonObject().put("op", "evt").put("room", "r").put("seq", 5).put("type", "message")
        .put("data", new JsonObject().put("id", "m").put("text", text)).encode();

    assertEquals(new Stamp(0, 7, 42L), Stamp.fromFrame(Stamp.frameMarker("abc123"), frame));
    assertNull(Stamp.fromFrame(Stamp.frameMarker("abc123"), frame.replace("\"text\":", "\"text\": ")));
  }

  @Test
  void aCidOfThisRunGivesBackTheStepAndScheduledTime() {
    String cid = Stamp.cid("abc123", 2, 987_654_321L);

    assertEquals(new Stamp(2, -1, 987_654_321L), Stamp.fromCid("abc123", cid));
    assertNull(Stamp.fromCid("abc12", cid));
    assertNull(Stamp.fromCid("abc123", "abc123.x.1"));
    assertNull(Stamp.fromCid("abc123", null));
  }
}
