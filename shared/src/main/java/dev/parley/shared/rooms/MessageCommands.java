package dev.parley.shared.rooms;

import dev.parley.shared.Addresses;
import dev.parley.shared.contract.Command;
import dev.parley.shared.contract.Done;
import dev.parley.shared.contract.Json;
import dev.parley.shared.contract.JsonBody;
import dev.parley.shared.contract.Route;
import dev.parley.shared.events.RoomEvent;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Commands on {@link Addresses#ROOMS_CMD} about a room's messages and events: post, history, replay, read markers,
 * and the mentions of a person.
 */
public final class MessageCommands {

  private MessageCommands() {
  }

  /**
   * A message to store. {@code cid} is the sender's id for it, which makes a resend harmless: the answer is then the
   * original's ack.
   */
  public record PostMessage(String room, String sender, String senderName, String cid, String text)
      implements Command<MessageAck> {
    public static final Route<PostMessage, MessageAck> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "POST_MESSAGE", PostMessage::fromJson, MessageAck::fromJson);

    @Override
    public Route<PostMessage, MessageAck> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("room", room).put("sender", sender).put("senderName", senderName)
          .put("cid", cid).put("text", text);
    }

    public static PostMessage fromJson(JsonObject json) {
      return new PostMessage(Json.text(json, "room"), Json.text(json, "sender"), Json.optText(json, "senderName"),
          Json.text(json, "cid"), Json.text(json, "text"));
    }
  }

  /** A stored message: its id, the room's seq it got, and when it was stored (epoch ms). */
  public record MessageAck(String id, long seq, long ts) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("id", id).put("seq", seq).put("ts", ts);
    }

    public static MessageAck fromJson(JsonObject json) {
      return new MessageAck(Json.text(json, "id"), Json.whole(json, "seq"), Json.whole(json, "ts"));
    }
  }

  /** A page of a room's messages for a reader: after a seq, before a seq, or the latest when neither is given. */
  public record History(String room, String user, Long after, Long before, int limit) implements Command<MessagePage> {
    public static final Route<History, MessagePage> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "HISTORY", History::fromJson, MessagePage::fromJson);

    @Override
    public Route<History, MessagePage> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("room", room).put("user", user).put("after", after).put("before", before)
          .put("limit", limit);
    }

    public static History fromJson(JsonObject json) {
      Integer limit = Json.optInteger(json, "limit");
      return new History(Json.text(json, "room"), Json.text(json, "user"), Json.optWhole(json, "after"),
          Json.optWhole(json, "before"), limit == null ? 50 : limit);
    }
  }

  /** {@code {"messages":[..],"more":bool}}: messages in seq order, and whether the page stopped short. */
  public record MessagePage(List<MessageView> messages, boolean more) implements JsonBody {
    public MessagePage {
      messages = List.copyOf(messages);
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("messages", Json.array(messages)).put("more", more);
    }

    public static MessagePage fromJson(JsonObject json) {
      return new MessagePage(Json.objects(json, "messages", MessageView::fromJson), Json.flag(json, "more", false));
    }
  }

  /**
   * The events of a room after {@code since}, at most {@code limit} of them, for a reader; with no {@code user}, for
   * a gateway filling a hole in what it relays (it relays only to readers whose access it checked).
   */
  public record Replay(String room, String user, Long since, int limit) implements Command<ReplayResult> {
    public static final Route<Replay, ReplayResult> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "REPLAY", Replay::fromJson, ReplayResult::fromJson);

    @Override
    public Route<Replay, ReplayResult> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("room", room).put("user", user).put("since", since).put("limit", limit);
    }

    public static Replay fromJson(JsonObject json) {
      Integer limit = Json.optInteger(json, "limit");
      return new Replay(Json.text(json, "room"), Json.optText(json, "user"), Json.optWhole(json, "since"),
          limit == null ? 0 : limit);
    }
  }

  /**
   * The answer to a {@link Replay}: the room's latest seq, the events in seq order, and whether more than the limit
   * were missed ({@code gap}: the events are then empty and the client pages history from {@code since + 1} to
   * {@code latest}).
   */
  public record ReplayResult(long latest, List<RoomEvent> events, boolean gap) implements JsonBody {
    public ReplayResult {
      events = List.copyOf(events);
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("latest", latest).put("events", Json.array(events)).put("gap", gap);
    }

    public static ReplayResult fromJson(JsonObject json) {
      return new ReplayResult(Json.whole(json, "latest"), Json.objects(json, "events", RoomEvent::fromJson),
          Json.flag(json, "gap", false));
    }
  }

  /**
   * Moves the user's read marker forward to {@code seq}: a seq past the room's last one is invalid, one at or before
   * the marker changes nothing. Every device of the person hears of a move ({@code read.updated}).
   */
  public record MarkRead(String room, String user, long seq) implements Command<Done> {
    public static final Route<MarkRead, Done> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "MARK_READ", MarkRead::fromJson, Done::fromJson);

    @Override
    public Route<MarkRead, Done> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("room", room).put("user", user).put("seq", seq);
    }

    public static MarkRead fromJson(JsonObject json) {
      return new MarkRead(Json.text(json, "room"), Json.text(json, "user"), Json.whole(json, "seq"));
    }
  }

  /**
   * The messages that mention the user (by @handle, or @channel / @here in a room they are in), newest first, in the
   * rooms they are in now: at most {@code limit}, stored before {@code before} (epoch ms; null: the newest). An
   * answer's messages name their room and seq.
   */
  public record ListMentions(String user, Long before, int limit) implements Command<MessagePage> {
    public static final Route<ListMentions, MessagePage> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "LIST_MENTIONS", ListMentions::fromJson, MessagePage::fromJson);

    /** A page when the caller does not say how long; the largest one a caller may ask for. */
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    @Override
    public Route<ListMentions, MessagePage> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("user", user).put("before", before).put("limit", limit);
    }

    public static ListMentions fromJson(JsonObject json) {
      Integer limit = Json.optInteger(json, "limit");
      return new ListMentions(Json.text(json, "user"), Json.optWhole(json, "before"),
          limit == null ? DEFAULT_LIMIT : limit);
    }
  }
}
