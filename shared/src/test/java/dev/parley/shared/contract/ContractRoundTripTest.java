package dev.parley.shared.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.parley.shared.ErrorCode;
import dev.parley.shared.ParleyException;
import dev.parley.shared.e2ee.E2eeEvents;
import dev.parley.shared.events.EventData;
import dev.parley.shared.events.RoomEvent;
import dev.parley.shared.events.RoomEvents;
import dev.parley.shared.events.UserNotice;
import dev.parley.shared.rooms.MessageView;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every command, reply, event and notice of the contract survives its JSON form, and a broken body reads as invalid. */
class ContractRoundTripTest {

  /** How each event type's data is read back: a type missing here has no reader, which the test reports. */
  private static final Map<String, Function<JsonObject, ? extends EventData>> READERS = Map.ofEntries(
      Map.entry("message", MessageView::fromJson),
      Map.entry("message.deleted", RoomEvents.MessageDeleted::fromJson),
      Map.entry("message.edited", RoomEvents.MessageEdited::fromJson),
      Map.entry("reaction.added", RoomEvents.ReactionAdded::fromJson),
      Map.entry("reaction.removed", RoomEvents.ReactionRemoved::fromJson),
      Map.entry("thread.updated", RoomEvents.ThreadUpdated::fromJson),
      Map.entry("member.joined", RoomEvents.MemberJoined::fromJson),
      Map.entry("member.left", RoomEvents.MemberLeft::fromJson),
      Map.entry("member.updated", RoomEvents.MemberUpdated::fromJson),
      Map.entry("room.updated", RoomEvents.RoomUpdated::fromJson),
      Map.entry("typing", RoomEvents.Typing::fromJson),
      Map.entry("user.updated", RoomEvents.UserUpdated::fromJson),
      Map.entry("room.added", UserNotice.RoomAdded::fromJson),
      Map.entry("room.removed", UserNotice.RoomRemoved::fromJson),
      Map.entry("session.revoked", UserNotice.SessionRevoked::fromJson),
      Map.entry("read.updated", UserNotice.ReadUpdated::fromJson),
      Map.entry("e2ee.commit", E2eeEvents.Commit::fromJson),
      Map.entry("e2ee.welcome", E2eeEvents.WelcomeWaiting::fromJson),
      Map.entry("e2ee.devices", E2eeEvents.DevicesChanged::fromJson));

  @Test
  void everyRouteHasAnExampleAndOneNamePerAddress() {
    Set<Route<?, ?>> missing = new HashSet<>(Contract.ROUTES);
    missing.removeAll(ContractSamples.EXCHANGES.keySet());
    assertTrue(missing.isEmpty(), "routes without an example in ContractSamples: " + missing);
    Set<String> keys = Contract.ROUTES.stream().map(route -> route.address() + " " + route.action())
        .collect(Collectors.toSet());
    assertEquals(Contract.ROUTES.size(), keys.size(), "an action is declared twice on one address");
    for (Route<?, ?> route : Contract.ROUTES) {
      assertEquals(route, Contract.route(route.address(), route.action()));
    }
  }

  @Test
  void everyCommandAndReplyRoundTripsThroughItsRoute() {
    ContractSamples.EXCHANGES.forEach((route, exchange) -> {
      JsonObject command = exchange.command().toJson();
      assertEquals(exchange.command(), route.readCommand(command), route + " command");
      assertEquals(exchange.command(), route.readCommand(new JsonObject(command.encode())), route + " over the wire");
      JsonObject reply = exchange.reply().toJson();
      assertEquals(exchange.reply(), route.readReply(new JsonObject(reply.encode())), route + " reply");
    });
  }

  @Test
  void everyEventAndNoticeRoundTrips() {
    for (EventData data : ContractSamples.EVENT_DATA) {
      Function<JsonObject, ? extends EventData> reader = READERS.get(data.type());
      assertNotNull(reader, "no reader for event type " + data.type());
      assertEquals(data, reader.apply(new JsonObject(data.toJson().encode())), data.type());
      RoomEvent event = RoomEvent.of(ContractSamples.ROOM, 7L, data);
      assertEquals(event, RoomEvent.fromJson(new JsonObject(event.toJson().encode())));
      assertEquals(data, event.data(reader));
      UserNotice notice = UserNotice.of(data);
      assertEquals(notice, UserNotice.fromJson(new JsonObject(notice.toJson().encode())));
    }
    RoomEvent ephemeral = RoomEvent.of(ContractSamples.ROOM, null, new RoomEvents.Typing("u", "Ana"));
    assertTrue(!ephemeral.toJson().containsKey("seq"), "an ephemeral event carries no seq");
  }

  /**
   * Whatever field is missing or of the wrong type, a command's parser answers {@code invalid} or reads the field as
   * absent: never a NullPointerException or ClassCastException for the responder to guess at.
   */
  @Test
  void aBrokenCommandIsInvalidNeverACrash() {
    List<Object> wrongValues = List.of(42, true, new JsonObject(), "text");
    ContractSamples.EXCHANGES.forEach((route, exchange) -> {
      JsonObject command = exchange.command().toJson();
      for (String field : command.fieldNames()) {
        readOrInvalid(route, without(command, field), route + " without " + field);
        for (Object wrong : wrongValues) {
          readOrInvalid(route, command.copy().put(field, wrong), route + " with " + field + "=" + wrong);
        }
      }
      readOrInvalid(route, new JsonObject(), route + " with an empty body");
    });
  }

  private static void readOrInvalid(Route<?, ?> route, JsonObject body, String what) {
    try {
      route.readCommand(body);
    } catch (ParleyException refused) {
      assertEquals(ErrorCode.INVALID, refused.code(), what);
    } catch (RuntimeException crash) {
      fail(what + " crashed the parser: " + crash, crash);
    }
  }

  private static JsonObject without(JsonObject json, String field) {
    JsonObject copy = json.copy();
    copy.remove(field);
    return copy;
  }
}
