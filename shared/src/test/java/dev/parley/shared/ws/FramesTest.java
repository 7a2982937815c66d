package dev.parley.shared.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.shared.ErrorCode;
import dev.parley.shared.ParleyException;
import dev.parley.shared.contract.JsonBody;
import dev.parley.shared.presence.Presence;
import dev.parley.shared.ws.Frames.ClientFrame;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The WebSocket frames as records: each reads back as itself, and bad client frames get the protocol's errors. */
class FramesTest {

  private static final String ROOM = "2ceda582-bdf6-4881-b4b9-4db3452d85a7";

  @Test
  void clientFramesParseBackToThemselves() {
    List<ClientFrame> frames = List.of(new Frames.Sub(ROOM, 41L, "r1"), new Frames.Sub(ROOM, null, 7),
        new Frames.Unsub(ROOM, null), new Frames.Send(ROOM, "c-1", "hello", "s1"), new Frames.Typing(ROOM, null),
        new Frames.Send(ROOM, "c-2", "a reply", "0f8fad5b-d9cb-469f-a165-70867728950e", true, null),
        new Frames.Ping("p"), new Frames.Watch(List.of(ROOM), "w"), new Frames.Watch(List.of(), null),
        new Frames.Activity(true, null), new Frames.Looking(ROOM, "l"), new Frames.Looking(null, null));
    for (ClientFrame frame : frames) {
      assertEquals(frame, Frames.parse(new JsonObject(frame.toJson().encode())), frame.toString());
    }
  }

  @Test
  void serverFramesReadBackToThemselves() {
    roundTrip(new Frames.Hello("u", "c", 30), Frames.Hello::fromJson);
    roundTrip(new Frames.Subbed(ROOM, 42, "r1"), Frames.Subbed::fromJson);
    roundTrip(new Frames.Unsubbed(ROOM, null), Frames.Unsubbed::fromJson);
    roundTrip(new Frames.Ack("c-1", "m", 43, 1_764_000_000_000L, "s1"), Frames.Ack::fromJson);
    roundTrip(new Frames.Pong(3), Frames.Pong::fromJson);
    roundTrip(new Frames.Err("forbidden", "You are muted in this room", null, "c-1", null), Frames.Err::fromJson);
    roundTrip(new Frames.Err("not_found", "No such room", "r1", null, ROOM), Frames.Err::fromJson);
    roundTrip(new Frames.Gap(ROOM, 3, 900), Frames.Gap::fromJson);
    roundTrip(new Frames.Watching(List.of(new Presence(ROOM, Presence.AWAY, "Lunch")), "w"),
        Frames.Watching::fromJson);
  }

  @Test
  void badClientFramesGetTheProtocolsErrors() {
    refused("{}", ErrorCode.INVALID, "'op' is required");
    refused("{\"op\":\"dance\"}", ErrorCode.INVALID, "Unknown op 'dance'");
    refused("{\"op\":\"ping\",\"ref\":{}}", ErrorCode.INVALID, "'ref' must be a string or a number");
    refused("{\"op\":\"sub\"}", ErrorCode.INVALID, "'room' is required");
    refused("{\"op\":\"sub\",\"room\":\"nope\"}", ErrorCode.NOT_FOUND, "No such room");
    refused("{\"op\":\"looking\",\"room\":\"nope\"}", ErrorCode.NOT_FOUND, "No such room");
    refused("{\"op\":\"sub\",\"room\":\"" + ROOM + "\",\"since\":-1}", ErrorCode.INVALID,
        "'since' must be a non-negative whole number");
    refused("{\"op\":\"sub\",\"room\":\"" + ROOM + "\",\"since\":1.5}", ErrorCode.INVALID,
        "'since' must be a non-negative whole number");
    refused("{\"op\":\"send\",\"room\":\"" + ROOM + "\",\"text\":\"hi\"}", ErrorCode.INVALID,
        "'cid' must be a string of 1 to 100 characters");
    refused("{\"op\":\"send\",\"room\":\"" + ROOM + "\",\"cid\":\"" + "c".repeat(101) + "\",\"text\":\"hi\"}",
        ErrorCode.INVALID, "'cid' must be a string of 1 to 100 characters");
    refused("{\"op\":\"send\",\"room\":\"" + ROOM + "\",\"cid\":\"c\",\"text\":\"  \"}", ErrorCode.INVALID,
        "'text' is required");
    refused("{\"op\":\"send\",\"room\":\"" + ROOM + "\",\"cid\":\"c\",\"text\":\"hi\",\"thread\":\"x\"}",
        ErrorCode.INVALID, "'thread' must be the id of a message in this room");
    refused("{\"op\":\"send\",\"room\":\"" + ROOM + "\",\"cid\":\"c\",\"text\":\"hi\",\"alsoInChannel\":true}",
        ErrorCode.INVALID, "'alsoInChannel' goes with a 'thread'");
    refused("{\"op\":\"watch\"}", ErrorCode.INVALID, "'users' must be a list of user ids");
    refused("{\"op\":\"watch\",\"users\":[\"me\"]}", ErrorCode.INVALID, "'users' must be a list of user ids");
    refused("{\"op\":\"watch\",\"users\":[" + ("\"" + ROOM + "\",").repeat(200) + "\"" + ROOM + "\"]}",
        ErrorCode.INVALID, "A connection watches at most 200 people");
    refused("{\"op\":\"activity\"}", ErrorCode.INVALID, "'idle' must be true or false");
  }

  private static <T extends JsonBody> void roundTrip(T frame, Function<JsonObject, T> reader) {
    assertEquals(frame, reader.apply(new JsonObject(frame.toJson().encode())), frame.toString());
  }

  private static void refused(String text, ErrorCode code, String message) {
    ParleyException refused = assertThrows(ParleyException.class, () -> Frames.parse(new JsonObject(text)), text);
    assertEquals(code, refused.code(), text);
    assertEquals(message, refused.getMessage(), text);
  }
}
