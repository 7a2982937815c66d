package dev.parley.shared.rooms;

import dev.parley.shared.Addresses;
import dev.parley.shared.contract.Command;
import dev.parley.shared.contract.Done;
import dev.parley.shared.contract.Json;
import dev.parley.shared.contract.JsonBody;
import dev.parley.shared.contract.Route;
import dev.parley.shared.events.RoomEvent;
import dev.parley.shared.events.RoomEvents;
import dev.parley.shared.files.FileCommands;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Commands on {@link Addresses#ROOMS_CMD} about a room's messages and events: post, history, replay, read. */
public final class MessageCommands {

  /** A page of messages (history, a thread, mentions) when the caller does not say how long. */
  public static final int DEFAULT_PAGE = 50;

  private MessageCommands() {
  }

  /**
   * A message to store. {@code cid} is the sender's id for it, which makes a resend harmless: the answer is then the
   * original's ack. {@code thread}, when given, is the id of the thread's root (a message of the same room that is not
   * itself a reply); {@code alsoInChannel} shows such a reply in the channel too. {@code files} are ids of files the
   * sender uploaded to this room and has not sent yet (at most {@link FileCommands#MAX_FILES_PER_MESSAGE}).
   */
  public record PostMessage(String room, String sender, String senderName, String cid, String text, String thread,
                            boolean alsoInChannel, List<String> files, String ciphertext)
      implements Command<MessageAck> {
    public static final Route<PostMessage, MessageAck> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "POST_MESSAGE", PostMessage::fromJson, MessageAck::fromJson);

    public PostMessage {
      files = files == null ? List.of() : List.copyOf(files);
    }

    /** A message in clear, for a room that is not end-to-end encrypted. */
    public PostMessage(String room, String sender, String senderName, String cid, String text, String thread,
                       boolean alsoInChannel, List<String> files) {
      this(room, sender, senderName, cid, text, thread, alsoInChannel, files, null);
    }

    /**
     * A message of an end-to-end encrypted room: an MLS PrivateMessage (base64) instead of text (docs/e2ee.md). The
     * room-verticle stores it where text goes and answers it as {@code ciphertext}, with empty {@code text}. Its
     * {@code thread} and {@code files} (encrypted uploads, whose keys are inside the ciphertext) travel in clear.
     */
    public static PostMessage encrypted(String room, String sender, String senderName, String cid, String thread,
                                        boolean alsoInChannel, List<String> files, String ciphertext) {
      return new PostMessage(room, sender, senderName, cid, "", thread, alsoInChannel, files, ciphertext);
    }

    /** A message without files. */
    public PostMessage(String room, String sender, String senderName, String cid, String text, String thread,
                       boolean alsoInChannel) {
      this(room, sender, senderName, cid, text, thread, alsoInChannel, List.of());
    }

    /** A message in the room itself, outside any thread. */
    public PostMessage(String room, String sender, String senderName, String cid, String text) {
      this(room, sender, senderName, cid, text, null, false);
    }

    @Override
    public Route<PostMessage, MessageAck> route() {
      return ROUTE;
    }

    /** The same message with another text (as a message hook rewrote it). */
    public PostMessage withText(String newText) {
      return new PostMessage(room, sender, senderName, cid, newText, thread, alsoInChannel, files);
    }

    @Override
    public JsonObject toJson() {
      JsonObject json = new JsonObject().put("room", room).put("sender", sender).put("senderName", senderName)
          .put("cid", cid).put("text", text);
      Json.putIfPresent(json, "thread", thread);
      if (!files.isEmpty()) {
        json.put("files", new JsonArray(files));
      }
      Json.putIfPresent(json, "ciphertext", ciphertext);
      return alsoInChannel ? json.put("alsoInChannel", true) : json;
    }

    public static PostMessage fromJson(JsonObject json) {
      return new PostMessage(Json.text(json, "room"), Json.text(json, "sender"), Json.optText(json, "senderName"),
          Json.text(json, "cid"), Json.text(json, "text"), Json.optText(json, "thread"),
          Json.flag(json, "alsoInChannel", false), Json.texts(json, "files"), Json.optText(json, "ciphertext"));
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
          Json.optWhole(json, "before"), limit == null ? DEFAULT_PAGE : limit);
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

  /** Moves the user's read marker forward to {@code seq} (never back, never past the room's last seq). */
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
   * Where the other members of a DM or group DM have read to ({@code {"receipts":[{"user","seq"}]}}), those who
   * send read receipts; in a channel, none (receipts are a conversation's thing, not a crowd's).
   */
  public record ListReceipts(String room, String user) implements Command<Receipts> {
    public static final Route<ListReceipts, Receipts> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "LIST_RECEIPTS", ListReceipts::fromJson, Receipts::fromJson);

    @Override
    public Route<ListReceipts, Receipts> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("room", room).put("user", user);
    }

    public static ListReceipts fromJson(JsonObject json) {
      return new ListReceipts(Json.text(json, "room"), Json.text(json, "user"));
    }
  }

  /** {@code {"receipts":[{"user","seq"}]}}. */
  public record Receipts(List<RoomEvents.ReadReceipt> receipts) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("receipts", Json.array(receipts));
    }

    public static Receipts fromJson(JsonObject json) {
      return new Receipts(Json.objects(json, "receipts", RoomEvents.ReadReceipt::fromJson));
    }
  }

  /**
   * Whether the person lets the other members of their DMs see how far they have read; {@code enabled} null only
   * asks. The answer is the setting as it now stands.
   */
  public record SetReadReceipts(String user, Boolean enabled) implements Command<ReadReceiptsSetting> {
    public static final Route<SetReadReceipts, ReadReceiptsSetting> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "SET_READ_RECEIPTS", SetReadReceipts::fromJson, ReadReceiptsSetting::fromJson);

    @Override
    public Route<SetReadReceipts, ReadReceiptsSetting> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return Json.putIfPresent(new JsonObject().put("user", user), "enabled", enabled);
    }

    public static SetReadReceipts fromJson(JsonObject json) {
      return new SetReadReceipts(Json.text(json, "user"), Json.optFlag(json, "enabled"));
    }
  }

  /** {@code {"enabled"}}: whether the person sends read receipts. */
  public record ReadReceiptsSetting(boolean enabled) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("enabled", enabled);
    }

    public static ReadReceiptsSetting fromJson(JsonObject json) {
      return new ReadReceiptsSetting(Json.flag(json, "enabled", true));
    }
  }

  /**
   * The author changes their message's text; the answer is the message as it now stands. In an end-to-end encrypted
   * room the new content comes as {@code ciphertext} (an MLS application message of the room's group, base64) and
   * {@code text} is empty.
   */
  public record EditMessage(String room, String user, String message, String text, String ciphertext)
      implements Command<MessageReply> {
    public static final Route<EditMessage, MessageReply> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "EDIT_MESSAGE", EditMessage::fromJson, MessageReply::fromJson);

    /** An edit in clear, for a room that is not end-to-end encrypted. */
    public EditMessage(String room, String user, String message, String text) {
      this(room, user, message, text, null);
    }

    @Override
    public Route<EditMessage, MessageReply> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return Json.putIfPresent(new JsonObject().put("room", room).put("user", user).put("message", message)
          .put("text", text), "ciphertext", ciphertext);
    }

    public static EditMessage fromJson(JsonObject json) {
      return new EditMessage(Json.text(json, "room"), Json.text(json, "user"), Json.text(json, "message"),
          Json.text(json, "text"), Json.optText(json, "ciphertext"));
    }
  }

  /** {@code {"message":{..}}}: one message as its reader sees it, with room and seq. */
  public record MessageReply(MessageView message) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("message", message.toJson());
    }

    public static MessageReply fromJson(JsonObject json) {
      return new MessageReply(MessageView.fromJson(Json.object(json, "message")));
    }
  }

  /**
   * Puts one emoji on a message ({@code add}) or takes it off: idempotent either way. {@code emoji} must be one emoji
   * ({@link Emoji#isSingle}).
   */
  public record React(String room, String user, String message, String emoji, boolean add) implements Command<Done> {
    public static final Route<React, Done> ROUTE = Route.of(Addresses.ROOMS_CMD, "REACT", React::fromJson,
        Done::fromJson);

    @Override
    public Route<React, Done> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("room", room).put("user", user).put("message", message).put("emoji", emoji)
          .put("add", add);
    }

    public static React fromJson(JsonObject json) {
      return new React(Json.text(json, "room"), Json.text(json, "user"), Json.text(json, "message"),
          Json.text(json, "emoji"), Json.flag(json, "add", true));
    }
  }

  /** A page of a thread's replies, oldest first, after a seq: answered as a {@link MessagePage}. */
  public record ThreadReplies(String room, String user, String message, Long after, int limit)
      implements Command<MessagePage> {
    public static final Route<ThreadReplies, MessagePage> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "THREAD_REPLIES", ThreadReplies::fromJson, MessagePage::fromJson);

    @Override
    public Route<ThreadReplies, MessagePage> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("room", room).put("user", user).put("message", message).put("after", after)
          .put("limit", limit);
    }

    public static ThreadReplies fromJson(JsonObject json) {
      Integer limit = Json.optInteger(json, "limit");
      return new ThreadReplies(Json.text(json, "room"), Json.text(json, "user"), Json.text(json, "message"),
          Json.optWhole(json, "after"), limit == null ? DEFAULT_PAGE : limit);
    }
  }

  /** Follows ({@code follow}) or unfollows the thread of a root message: idempotent either way. */
  public record FollowThread(String room, String user, String message, boolean follow) implements Command<Done> {
    public static final Route<FollowThread, Done> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "FOLLOW_THREAD", FollowThread::fromJson, Done::fromJson);

    @Override
    public Route<FollowThread, Done> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("room", room).put("user", user).put("message", message).put("follow", follow);
    }

    public static FollowThread fromJson(JsonObject json) {
      return new FollowThread(Json.text(json, "room"), Json.text(json, "user"), Json.text(json, "message"),
          Json.flag(json, "follow", true));
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

    /** The largest page a caller may ask for. */
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
          limit == null ? DEFAULT_PAGE : limit);
    }
  }
}
