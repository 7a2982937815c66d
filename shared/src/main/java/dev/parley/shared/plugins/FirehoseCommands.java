package dev.parley.shared.plugins;

import dev.parley.shared.Addresses;
import dev.parley.shared.contract.Command;
import dev.parley.shared.contract.Json;
import dev.parley.shared.contract.JsonBody;
import dev.parley.shared.contract.Route;
import dev.parley.shared.events.RoomEvent;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;

/**
 * The firehose read from PostgreSQL: every stored room event of every room, in one global order, by position. A
 * plugin that was down asks for what came after the last position it handled and misses nothing; {@link
 * FirehoseReader} does this for it, live as well as after a pause.
 */
public final class FirehoseCommands {

  /** The largest page of {@link ReadEvents}. */
  public static final int MAX_PAGE = 1000;

  private FirehoseCommands() {
  }

  /**
   * The stored events after position {@code after} (at most {@code limit}, up to {@link #MAX_PAGE}). {@code after}
   * null means "from now": no events, and the position of the present to read on from.
   */
  public record ReadEvents(String after, int limit) implements Command<EventPage> {
    public static final Route<ReadEvents, EventPage> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "READ_EVENTS", ReadEvents::fromJson, EventPage::fromJson);

    public ReadEvents {
      if (after != null) {
        Position.parse(after);
      }
      if (limit < 1 || limit > MAX_PAGE) {
        throw Json.invalid("limit must be 1 to " + MAX_PAGE);
      }
    }

    @Override
    public Route<ReadEvents, EventPage> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return Json.putIfPresent(new JsonObject().put("limit", limit), "after", after);
    }

    public static ReadEvents fromJson(JsonObject json) {
      Integer limit = Json.optInteger(json, "limit");
      return new ReadEvents(Json.optText(json, "after"), limit == null ? 100 : limit);
    }
  }

  /**
   * Holds the firehose cursor {@code name} for {@code worker} during {@code leaseMillis}, or renews it, when nobody
   * else holds it (their lease ran out, or they let it go); with a {@code position}, the holder also keeps it as
   * where the cursor got to. {@code leaseMillis} 0 lets it go. Answers whether the worker holds it now, and the
   * position kept (null before anyone kept one).
   */
  public record HoldCursor(String name, String worker, long leaseMillis, String position)
      implements Command<CursorHeld> {
    public static final Route<HoldCursor, CursorHeld> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "HOLD_CURSOR", HoldCursor::fromJson, CursorHeld::fromJson);

    public HoldCursor {
      if (position != null) {
        Position.parse(position);
      }
      if (leaseMillis < 0) {
        throw Json.invalid("leaseMillis must not be negative");
      }
    }

    @Override
    public Route<HoldCursor, CursorHeld> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      JsonObject json = new JsonObject().put("name", name).put("worker", worker).put("leaseMillis", leaseMillis);
      return Json.putIfPresent(json, "position", position);
    }

    public static HoldCursor fromJson(JsonObject json) {
      return new HoldCursor(Json.text(json, "name"), Json.text(json, "worker"), Json.whole(json, "leaseMillis"),
          Json.optText(json, "position"));
    }
  }

  /** {@code {"held":bool,"position":P}}: see {@link HoldCursor}. */
  public record CursorHeld(boolean held, String position) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return Json.putIfPresent(new JsonObject().put("held", held), "position", position);
    }

    public static CursorHeld fromJson(JsonObject json) {
      return new CursorHeld(Json.flag(json, "held", false), Json.optText(json, "position"));
    }
  }

  /**
   * {@code {"events":[..],"next":P,"more":bool}}: events in position order, the position to ask after next time, and
   * whether more were ready than the page held.
   */
  public record EventPage(List<LoggedEvent> events, String next, boolean more) implements JsonBody {
    public EventPage {
      events = List.copyOf(events);
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("events", Json.array(events)).put("next", next).put("more", more);
    }

    public static EventPage fromJson(JsonObject json) {
      return new EventPage(Json.objects(json, "events", LoggedEvent::fromJson), Json.text(json, "next"),
          Json.flag(json, "more", false));
    }
  }

  /**
   * One stored event with its {@code id} (the same for every copy of the event, live or read again: use it to drop
   * duplicates) and its {@code position} in the firehose.
   */
  public record LoggedEvent(String id, String position, RoomEvent event) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("id", id).put("position", position).put("event", event.toJson());
    }

    public static LoggedEvent fromJson(JsonObject json) {
      return new LoggedEvent(Json.text(json, "id"), Json.text(json, "position"),
          RoomEvent.fromJson(Json.object(json, "event")));
    }
  }

  /** The id of a stored event: its room and its seq there, which no other event has. */
  public static String eventId(String room, long seq) {
    return room + ":" + seq;
  }

  /**
   * A place in the firehose: the writing transaction, then the room and the seq. Written {@code tx/room/seq}; to a
   * plugin it is an opaque text to keep and give back.
   */
  public record Position(long tx, UUID room, long seq) {
    /** Past every event of the transactions before {@code tx + 1}. */
    public static Position endOf(long tx) {
      return new Position(tx, new UUID(-1L, -1L), Long.MAX_VALUE);
    }

    public static Position parse(String text) {
      String[] parts = text.split("/", -1);
      try {
        if (parts.length == 3) {
          return new Position(Long.parseLong(parts[0]), UUID.fromString(parts[1]), Long.parseLong(parts[2]));
        }
      } catch (IllegalArgumentException malformed) {
        // Answered below, the same as a wrong number of parts.
      }
      throw Json.invalid("Not a firehose position: " + text);
    }

    @Override
    public String toString() {
      return tx + "/" + room + "/" + seq;
    }
  }
}
