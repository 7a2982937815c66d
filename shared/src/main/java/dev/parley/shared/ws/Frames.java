package dev.parley.shared.ws;

import static dev.parley.shared.ws.Protocol.ALSO_IN_CHANNEL;
import static dev.parley.shared.ws.Protocol.CID;
import static dev.parley.shared.ws.Protocol.CIPHERTEXT;
import static dev.parley.shared.ws.Protocol.CODE;
import static dev.parley.shared.ws.Protocol.CONN;
import static dev.parley.shared.ws.Protocol.FILES;
import static dev.parley.shared.ws.Protocol.FROM;
import static dev.parley.shared.ws.Protocol.HEARTBEAT;
import static dev.parley.shared.ws.Protocol.ID;
import static dev.parley.shared.ws.Protocol.IDLE;
import static dev.parley.shared.ws.Protocol.MSG;
import static dev.parley.shared.ws.Protocol.OP;
import static dev.parley.shared.ws.Protocol.PRESENCE;
import static dev.parley.shared.ws.Protocol.REF;
import static dev.parley.shared.ws.Protocol.ROOM;
import static dev.parley.shared.ws.Protocol.SEQ;
import static dev.parley.shared.ws.Protocol.SINCE;
import static dev.parley.shared.ws.Protocol.TEXT;
import static dev.parley.shared.ws.Protocol.THREAD;
import static dev.parley.shared.ws.Protocol.TO;
import static dev.parley.shared.ws.Protocol.TS;
import static dev.parley.shared.ws.Protocol.USER;
import static dev.parley.shared.ws.Protocol.USERS;

import dev.parley.shared.ErrorCode;
import dev.parley.shared.Ids;
import dev.parley.shared.ParleyException;
import dev.parley.shared.contract.Json;
import dev.parley.shared.contract.JsonBody;
import dev.parley.shared.e2ee.MlsWire;
import dev.parley.shared.files.FileCommands;
import dev.parley.shared.presence.Presence;
import dev.parley.shared.presence.PresenceCommands;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The frames of WebSocket protocol v1 as records, each with its JSON form. Client frames are parsed with
 * {@link #parse(JsonObject)}, which fails with the error the client gets ({@code invalid}, or {@code not_found} for
 * a room id that cannot exist); {@code evt} frames are {@link dev.parley.shared.events.RoomEvent}s and
 * {@link dev.parley.shared.events.UserNotice}s.
 *
 * <p>Any client frame may carry a {@code ref} (a string or a number), echoed in the frame that answers it.
 */
public final class Frames {

  private Frames() {
  }

  /** A frame a client sends. */
  public sealed interface ClientFrame extends JsonBody permits Sub, Unsub, Send, Typing, Ping, Watch, Activity,
      Looking {
    Object ref();
  }

  /** {@code sub}: follow a room, catching up after {@code since} when given. */
  public record Sub(String room, Long since, Object ref) implements ClientFrame {
    @Override
    public JsonObject toJson() {
      JsonObject json = withRef(new JsonObject().put(OP, Protocol.SUB).put(ROOM, room), ref);
      return Json.putIfPresent(json, SINCE, since);
    }
  }

  /** {@code unsub}: stop following a room. */
  public record Unsub(String room, Object ref) implements ClientFrame {
    @Override
    public JsonObject toJson() {
      return withRef(new JsonObject().put(OP, Protocol.UNSUB).put(ROOM, room), ref);
    }
  }

  /**
   * {@code send}: post a message; {@code cid} is the client's id for it, which makes a resend harmless. With a
   * {@code thread} (a root message's id), a reply in that thread, also shown in the channel when
   * {@code alsoInChannel}. {@code files}: ids of uploads to send with it (the text may then be empty).
   */
  public record Send(String room, String cid, String text, String thread, boolean alsoInChannel, List<String> files,
                     Object ref, String ciphertext)
      implements ClientFrame {

    public Send {
      files = files == null ? List.of() : List.copyOf(files);
    }

    /** A message in clear. */
    public Send(String room, String cid, String text, String thread, boolean alsoInChannel, List<String> files,
                Object ref) {
      this(room, cid, text, thread, alsoInChannel, files, ref, null);
    }

    /** A message in the room itself. */
    public Send(String room, String cid, String text, Object ref) {
      this(room, cid, text, null, false, List.of(), ref);
    }

    /** A message without files. */
    public Send(String room, String cid, String text, String thread, boolean alsoInChannel, Object ref) {
      this(room, cid, text, thread, alsoInChannel, List.of(), ref);
    }

    @Override
    public JsonObject toJson() {
      JsonObject json = new JsonObject().put(OP, Protocol.SEND).put(ROOM, room).put(CID, cid).put(TEXT, text);
      Json.putIfPresent(json, THREAD, thread);
      if (alsoInChannel) {
        json.put(ALSO_IN_CHANNEL, true);
      }
      if (!files.isEmpty()) {
        json.put(FILES, new JsonArray(files));
      }
      Json.putIfPresent(json, CIPHERTEXT, ciphertext);
      return withRef(json, ref);
    }
  }

  /** {@code typing}: tell the room's other followers. */
  public record Typing(String room, Object ref) implements ClientFrame {
    @Override
    public JsonObject toJson() {
      return withRef(new JsonObject().put(OP, Protocol.TYPING).put(ROOM, room), ref);
    }
  }

  /** {@code ping}: answered by a {@code pong}. */
  public record Ping(Object ref) implements ClientFrame {
    @Override
    public JsonObject toJson() {
      return withRef(new JsonObject().put(OP, Protocol.PING), ref);
    }
  }

  /**
   * {@code watch}: follow the presence of these people (the ones on screen), replacing what this connection watched
   * before; answered by {@code watching}. People who share no room with the caller are left out.
   */
  public record Watch(List<String> users, Object ref) implements ClientFrame {
    @Override
    public JsonObject toJson() {
      return withRef(new JsonObject().put(OP, Protocol.WATCH).put(USERS, new JsonArray(users)), ref);
    }
  }

  /** {@code activity}: this device went idle (no input for a while) or is in use again. Not answered. */
  public record Activity(boolean idle, Object ref) implements ClientFrame {
    @Override
    public JsonObject toJson() {
      return withRef(new JsonObject().put(OP, Protocol.ACTIVITY).put(IDLE, idle), ref);
    }
  }

  /**
   * {@code looking}: the room this device has open and visible on screen now, or none ({@code room} absent or null:
   * the page is hidden, minimised or shows no room). Nobody is notified of what they are looking at. Not answered.
   */
  public record Looking(String room, Object ref) implements ClientFrame {
    @Override
    public JsonObject toJson() {
      return withRef(new JsonObject().put(OP, Protocol.LOOKING).put(ROOM, room), ref);
    }
  }

  /**
   * The {@code ref} of a client frame: a string, a number or absent; anything else is invalid (and the error about
   * it carries no ref).
   */
  public static Object ref(JsonObject frame) {
    Object ref = frame.getValue(REF);
    if (ref != null && !(ref instanceof String || ref instanceof Number)) {
      throw Json.invalid("'" + REF + "' must be a string or a number");
    }
    return ref;
  }

  /** The file ids of a {@code send}: at most {@link FileCommands#MAX_FILES_PER_MESSAGE}, each an id, none twice. */
  private static List<String> files(JsonObject frame) {
    List<String> files = Json.texts(frame, FILES);
    if (files.size() > FileCommands.MAX_FILES_PER_MESSAGE) {
      throw Json.invalid("A message carries at most " + FileCommands.MAX_FILES_PER_MESSAGE + " files");
    }
    if (!files.stream().allMatch(Ids::isId) || files.stream().distinct().count() != files.size()) {
      throw Json.invalid("'" + FILES + "' must be distinct file ids");
    }
    return files;
  }

  /** The {@code cid} of a frame when it is a string, so that an error about a send can name it. */
  public static String cidOf(JsonObject frame) {
    return frame.getValue(CID) instanceof String cid ? cid : null;
  }

  /** Reads a client frame; the message of the failure is what the client is told. */
  public static ClientFrame parse(JsonObject frame) {
    Object ref = ref(frame);
    String op = frame.getValue(OP) instanceof String name ? name : "";
    return switch (op) {
      case Protocol.SUB -> new Sub(room(frame), since(frame), ref);
      case Protocol.UNSUB -> new Unsub(room(frame), ref);
      case Protocol.SEND -> {
        String cid = cidOf(frame);
        if (cid == null || cid.isEmpty() || cid.length() > Protocol.MAX_CID_LENGTH) {
          throw Json.invalid("'" + CID + "' must be a string of 1 to " + Protocol.MAX_CID_LENGTH + " characters");
        }
        String room = room(frame);
        if (frame.containsKey(CIPHERTEXT)) {
          yield encryptedSend(frame, room, cid, ref);
        }
        List<String> files = files(frame);
        String text = frame.getValue(TEXT) instanceof String value ? value : null;
        if (text == null && !files.isEmpty()) {
          text = "";
        }
        if (text == null || (text.isBlank() && files.isEmpty())) {
          throw Json.invalid("'" + TEXT + "' is required");
        }
        String thread = thread(frame);
        yield new Send(room, cid, text, thread, alsoInChannel(frame, thread), files, ref);
      }
      case Protocol.TYPING -> new Typing(room(frame), ref);
      case Protocol.PING -> new Ping(ref);
      case Protocol.WATCH -> new Watch(users(frame), ref);
      case Protocol.ACTIVITY -> {
        if (!(frame.getValue(IDLE) instanceof Boolean idle)) {
          throw Json.invalid("'" + IDLE + "' must be true or false");
        }
        yield new Activity(idle, ref);
      }
      case Protocol.LOOKING -> new Looking(frame.getValue(ROOM) == null ? null : room(frame), ref);
      default -> throw Json.invalid(op.isEmpty() ? "'" + OP + "' is required" : "Unknown op '" + op + "'");
    };
  }

  /**
   * A {@code send} to an end-to-end encrypted room: an MLS application message in {@code ciphertext} (base64), never
   * {@code text}. Its {@code thread} and {@code files} are routing in clear, as in any room: which thread a reply
   * belongs to, which (encrypted, opaque) uploads it carries; their content and keys are inside the ciphertext.
   */
  private static Send encryptedSend(JsonObject frame, String room, String cid, Object ref) {
    if (!(frame.getValue(CIPHERTEXT) instanceof String ciphertext)) {
      throw Json.invalid("'" + CIPHERTEXT + "' must be a string");
    }
    if (frame.containsKey(TEXT)) {
      throw Json.invalid("An encrypted message carries '" + CIPHERTEXT + "', never '" + TEXT + "'");
    }
    MlsWire.requireApplicationMessage(room, ciphertext);
    String thread = thread(frame);
    return new Send(room, cid, "", thread, alsoInChannel(frame, thread), files(frame), ref, ciphertext);
  }

  /** Whether a reply is also shown in the room: only a reply can be. */
  private static boolean alsoInChannel(JsonObject frame, String thread) {
    boolean alsoInChannel = Json.flag(frame, ALSO_IN_CHANNEL, false);
    if (alsoInChannel && thread == null) {
      throw Json.invalid("'" + ALSO_IN_CHANNEL + "' goes with a '" + THREAD + "'");
    }
    return alsoInChannel;
  }

  /** The frame's room: a room id that cannot exist is not found, like any room the user may not see. */
  private static String room(JsonObject frame) {
    if (!(frame.getValue(ROOM) instanceof String id)) {
      throw Json.invalid("'" + ROOM + "' is required");
    }
    if (!Ids.isId(id)) {
      throw new ParleyException(ErrorCode.NOT_FOUND, "No such room");
    }
    return id;
  }

  /**
   * The thread a send replies in, or null. An id that cannot be a message is invalid (not "not found": the room is
   * known, and saying so tells nothing about another room).
   */
  private static String thread(JsonObject frame) {
    Object thread = frame.getValue(THREAD);
    if (thread == null) {
      return null;
    }
    if (!(thread instanceof String id) || !Ids.isId(id)) {
      throw Json.invalid("'" + THREAD + "' must be the id of a message in this room");
    }
    return id;
  }

  /** The people of a {@code watch}: user ids, at most {@link PresenceCommands#MAX_PEOPLE}, duplicates dropped. */
  private static List<String> users(JsonObject frame) {
    if (!(frame.getValue(USERS) instanceof JsonArray list)) {
      throw Json.invalid("'" + USERS + "' must be a list of user ids");
    }
    if (list.size() > PresenceCommands.MAX_PEOPLE) {
      throw Json.invalid("A connection watches at most " + PresenceCommands.MAX_PEOPLE + " people");
    }
    Set<String> users = new LinkedHashSet<>();
    for (Object item : list) {
      if (!(item instanceof String id) || !Ids.isId(id)) {
        throw Json.invalid("'" + USERS + "' must be a list of user ids");
      }
      users.add(id);
    }
    return List.copyOf(users);
  }

  private static Long since(JsonObject frame) {
    Object since = frame.getValue(SINCE);
    if (since == null) {
      return null;
    }
    if (!(since instanceof Number number) || number.longValue() < 0 || number.doubleValue() % 1 != 0) {
      throw Json.invalid("'" + SINCE + "' must be a non-negative whole number");
    }
    return number.longValue();
  }

  /** {@code hello}: the first frame on every connection. */
  public record Hello(String user, String conn, int heartbeat) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put(OP, Protocol.HELLO).put(USER, user).put(CONN, conn).put(HEARTBEAT, heartbeat);
    }

    public static Hello fromJson(JsonObject json) {
      return new Hello(Json.text(json, USER), Json.text(json, CONN), Json.integer(json, HEARTBEAT));
    }
  }

  /** {@code subbed}: live from here; {@code seq} is the room's latest. */
  public record Subbed(String room, long seq, Object ref) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return withRef(new JsonObject().put(OP, Protocol.SUBBED).put(ROOM, room).put(SEQ, seq), ref);
    }

    public static Subbed fromJson(JsonObject json) {
      return new Subbed(Json.text(json, ROOM), Json.whole(json, SEQ), json.getValue(REF));
    }
  }

  /** {@code unsubbed}. */
  public record Unsubbed(String room, Object ref) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return withRef(new JsonObject().put(OP, Protocol.UNSUBBED).put(ROOM, room), ref);
    }

    public static Unsubbed fromJson(JsonObject json) {
      return new Unsubbed(Json.text(json, ROOM), json.getValue(REF));
    }
  }

  /** {@code ack}: the message with that {@code cid} is stored (committed) with this id, seq and time. */
  public record Ack(String cid, String id, long seq, long ts, Object ref) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return withRef(new JsonObject().put(OP, Protocol.ACK).put(CID, cid).put(ID, id).put(SEQ, seq).put(TS, ts), ref);
    }

    public static Ack fromJson(JsonObject json) {
      return new Ack(Json.text(json, CID), Json.text(json, ID), Json.whole(json, SEQ), Json.whole(json, TS),
          json.getValue(REF));
    }
  }

  /** {@code pong}. */
  public record Pong(Object ref) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return withRef(new JsonObject().put(OP, Protocol.PONG), ref);
    }

    public static Pong fromJson(JsonObject json) {
      return new Pong(json.getValue(REF));
    }
  }

  /**
   * {@code err}: {@code code} is an {@link ErrorCode} wire name. It carries the {@code ref} of the frame it answers,
   * the {@code cid} of a refused send, and the {@code room} of a refused subscription.
   */
  public record Err(String code, String msg, Object ref, String cid, String room) implements JsonBody {
    @Override
    public JsonObject toJson() {
      JsonObject json = withRef(new JsonObject().put(OP, Protocol.ERR), ref);
      Json.putIfPresent(json, CID, cid);
      Json.putIfPresent(json, ROOM, room);
      return json.put(CODE, code).put(MSG, msg);
    }

    public static Err fromJson(JsonObject json) {
      return new Err(Json.text(json, CODE), Json.optText(json, MSG), json.getValue(REF), Json.optText(json, CID),
          Json.optText(json, ROOM));
    }
  }

  /** {@code gap}: events {@code from}..{@code to} were not replayed; the client pages history for them. */
  public record Gap(String room, long from, long to) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put(OP, Protocol.GAP).put(ROOM, room).put(FROM, from).put(TO, to);
    }

    public static Gap fromJson(JsonObject json) {
      return new Gap(Json.text(json, ROOM), Json.whole(json, FROM), Json.whole(json, TO));
    }
  }

  /** {@code watching}: the answer to a {@code watch}, with the current presence of each person watched. */
  public record Watching(List<Presence> presence, Object ref) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return withRef(new JsonObject().put(OP, Protocol.WATCHING).put(PRESENCE, Json.array(presence)), ref);
    }

    public static Watching fromJson(JsonObject json) {
      return new Watching(Json.objects(json, PRESENCE, Presence::fromJson), json.getValue(REF));
    }
  }

  private static JsonObject withRef(JsonObject frame, Object ref) {
    return ref == null ? frame : frame.put(REF, ref);
  }
}
