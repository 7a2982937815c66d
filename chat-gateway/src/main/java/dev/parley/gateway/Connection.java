package dev.parley.gateway;

import dev.parley.shared.Addresses;
import dev.parley.shared.Commands.MessageAck;
import dev.parley.shared.Commands.PostMessage;
import dev.parley.shared.Commands.Replay;
import dev.parley.shared.Commands.ReplayResult;
import dev.parley.shared.ErrorCode;
import dev.parley.shared.EventType;
import dev.parley.shared.Ids;
import dev.parley.shared.ParleyConfig;
import dev.parley.shared.ParleyException;
import dev.parley.shared.Protocol;
import dev.parley.shared.RoomAction;
import dev.parley.shared.RoomEvent;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One WebSocket connection speaking protocol v1 for one signed-in person. Runs on the gateway's event loop. */
final class Connection {

  private static final Logger LOG = LoggerFactory.getLogger(Connection.class);
  private static final int MAX_CID_LENGTH = 100;
  private static final long TYPING_INTERVAL_MS = 2_000;
  /** Bad frames tolerated per heartbeat period before the connection counts as abuse. */
  private static final int MAX_STRIKES = 100;
  /** Sends queued on one connection before more are refused; bounds what a flooding client can make us hold. */
  private static final int MAX_SENDS_IN_FLIGHT = 256;

  /** What every connection of a gateway shares. */
  record Shared(RoomFanout fanout, UserFanout users, Services services, RateLimiter sendLimiter,
                ParleyConfig.Limits limits, EventBus bus) {
  }

  private final ServerWebSocket ws;
  private final Identity identity;
  private final Shared shared;
  private final String id = UUID.randomUUID().toString();
  private final Map<String, RoomSubscription> subscriptions = new HashMap<>();
  private final Map<String, Long> lastTyping = new HashMap<>();
  private long lastHeard = System.currentTimeMillis();
  private long queueFullSince;
  private int framesWhileFull;
  private int strikes;
  private boolean closed;
  private Runnable onClose = () -> { };
  /** Completes when this connection's previous send has been answered. */
  private Future<Void> sendQueue = Future.succeededFuture();
  private int sendsInFlight;

  Connection(ServerWebSocket ws, Identity identity, Shared shared) {
    this.ws = ws;
    this.identity = identity;
    this.shared = shared;
  }

  String id() {
    return id;
  }

  String user() {
    return identity.user();
  }

  int maxBufferedEvents() {
    return shared.limits().socketQueueFrames();
  }

  /** Wires the socket's handlers and greets the client. */
  void start(Runnable onClose) {
    this.onClose = onClose;
    ws.textMessageHandler(this::onText);
    ws.binaryMessageHandler(binary -> reject(null, null, ErrorCode.INVALID, "Frames must be JSON text"));
    ws.pongHandler(pong -> lastHeard = System.currentTimeMillis());
    ws.exceptionHandler(failure -> LOG.debug("Connection {} of user {} failed: {}", id, user(), failure.getMessage()));
    ws.closeHandler(closedByPeer -> cleanUp());
    // Hello once this person's notices reach this node, so nothing said to them after it is missed.
    shared.users().attach(this).onComplete(ready -> write(new JsonObject()
        .put(Protocol.OP, Protocol.HELLO)
        .put("user", identity.user())
        .put("conn", id)
        .put("heartbeat", shared.limits().heartbeatSeconds())));
  }

  /**
   * Called every half heartbeat: closes a connection silent for two heartbeats, pings the others (browsers answer
   * pings by themselves), and closes a socket whose writes have been backed up for too long.
   */
  void heartbeat(long now) {
    strikes = 0;
    long heartbeatMs = shared.limits().heartbeatSeconds() * 1000L;
    if (now - lastHeard > 2 * heartbeatMs) {
      close((short) 1001, "No heartbeat");
      return;
    }
    if (ws.writeQueueFull()) {
      if (queueFullSince == 0) {
        queueFullSince = now;
      } else if (now - queueFullSince > heartbeatMs) {
        closeSlow();
        return;
      }
    } else {
      queueFullSince = 0;
    }
    ws.writePing(Buffer.buffer());
  }

  private void onText(String text) {
    lastHeard = System.currentTimeMillis();
    if (text.length() > shared.limits().maxFrameBytes()) {
      close(Protocol.CLOSE_TOO_BIG, "Frame larger than " + shared.limits().maxFrameBytes() + " bytes");
      return;
    }
    JsonObject frame;
    try {
      frame = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      reject(null, null, ErrorCode.INVALID, "Frames must be JSON objects");
      return;
    }
    Object ref = frame.getValue(Protocol.REF);
    if (ref != null && !(ref instanceof String || ref instanceof Number)) {
      reject(null, null, ErrorCode.INVALID, "'ref' must be a string or a number");
      return;
    }
    String op = frame.getValue(Protocol.OP) instanceof String name ? name : "";
    try {
      switch (op) {
        case Protocol.SUB -> subscribe(frame, ref);
        case Protocol.UNSUB -> unsubscribe(frame, ref);
        case Protocol.SEND -> send(frame, ref);
        case Protocol.TYPING -> typing(frame, ref);
        case Protocol.PING -> write(withRef(new JsonObject().put(Protocol.OP, Protocol.PONG), ref));
        default -> reject(ref, null, ErrorCode.INVALID, op.isEmpty() ? "'op' is required" : "Unknown op '" + op + "'");
      }
    } catch (ParleyException invalid) {
      reject(ref, frame.getValue("cid") instanceof String cid ? cid : null, invalid.code(), invalid.getMessage());
    }
  }

  private void subscribe(JsonObject frame, Object ref) {
    String room = roomOf(frame);
    Long since = null;
    Object sinceValue = frame.getValue("since");
    if (sinceValue != null) {
      if (!(sinceValue instanceof Number number) || number.longValue() < 0 || number.doubleValue() % 1 != 0) {
        throw new ParleyException(ErrorCode.INVALID, "'since' must be a non-negative whole number");
      }
      since = number.longValue();
    }
    RoomSubscription previous = subscriptions.remove(room);
    if (previous != null) {
      shared.fanout().detach(previous);
    }
    RoomSubscription subscription = new RoomSubscription(this, room);
    subscriptions.put(room, subscription);
    Replay replay = new Replay(room, user(), since, shared.limits().replayLimit());
    // Subscribe first (the consumer is registered cluster-wide), then read PostgreSQL, then drain what came live.
    shared.fanout().attach(subscription)
        .compose(channel -> shared.services().rooms(RoomAction.REPLAY, replay.toJson())
            .map(ReplayResult::fromJson)
            .onSuccess(result -> channel.known(result.latest())))
        .onSuccess(result -> {
          if (closed) {
            return;
          }
          if (subscriptions.get(room) != subscription) {
            reject(ref, null, ErrorCode.CONFLICT, "A later sub or unsub for this room replaced this one", room);
            return;
          }
          long upTo = result.latest();
          if (result.gap()) {
            sendGap(room, replay.since() + 1, result.latest());
          } else {
            for (Object event : result.events()) {
              sendEvent(((JsonObject) event).put(Protocol.OP, Protocol.EVT).encode());
            }
          }
          subscription.goLive(upTo);
          write(withRef(new JsonObject().put(Protocol.OP, Protocol.SUBBED).put("room", room).put("seq", upTo), ref));
        })
        .onFailure(failure -> {
          if (subscriptions.remove(room, subscription)) {
            shared.fanout().detach(subscription);
          }
          reject(ref, null, ErrorCode.of(failure), failure.getMessage(), room);
        });
  }

  private void unsubscribe(JsonObject frame, Object ref) {
    String room = roomOf(frame);
    RoomSubscription subscription = subscriptions.remove(room);
    if (subscription != null) {
      shared.fanout().detach(subscription);
    }
    write(withRef(new JsonObject().put(Protocol.OP, Protocol.UNSUBBED).put("room", room), ref));
  }

  private void send(JsonObject frame, Object ref) {
    String cid = frame.getValue("cid") instanceof String text ? text : null;
    if (cid == null || cid.isEmpty() || cid.length() > MAX_CID_LENGTH) {
      throw new ParleyException(ErrorCode.INVALID, "'cid' must be a string of 1 to " + MAX_CID_LENGTH + " characters");
    }
    String room = roomOf(frame);
    String text = frame.getValue("text") instanceof String value ? value : null;
    if (text == null || text.isBlank()) {
      throw new ParleyException(ErrorCode.INVALID, "'text' is required");
    }
    int maxLength = shared.limits().maxTextLength();
    if (text.codePointCount(0, text.length()) > maxLength) {
      throw new ParleyException(ErrorCode.TOO_LARGE, "'text' is longer than " + maxLength + " characters");
    }
    PostMessage command = new PostMessage(room, user(), identity.name(), cid, text);
    if (sendsInFlight >= MAX_SENDS_IN_FLIGHT) {
      throw new ParleyException(ErrorCode.RATE_LIMITED, "Too many messages waiting for their ack; slow down");
    }
    sendsInFlight++;
    // One send at a time per connection, so a person's messages keep the order they were typed in.
    sendQueue = sendQueue.eventually(() -> post(command, ref).onComplete(done -> sendsInFlight--));
  }

  private Future<Void> post(PostMessage command, Object ref) {
    String cid = command.cid();
    return shared.sendLimiter().tryAcquire(user())
        .recover(redisDown -> {
          // Rate limits protect the service; a Redis outage should not stop the chat, so they fail open.
          LOG.warn("Send rate limit not checked for user {}: {}", user(), redisDown.getMessage());
          return Future.succeededFuture(true);
        })
        .compose(allowed -> allowed
            ? shared.services().rooms(RoomAction.POST_MESSAGE, command.toJson()).map(MessageAck::fromJson)
            : Future.failedFuture(new ParleyException(ErrorCode.RATE_LIMITED, "You are sending too fast; slow down")))
        .onSuccess(ack -> write(withRef(ack.toJson().put(Protocol.OP, Protocol.ACK).put("cid", cid), ref)))
        .onFailure(failure -> reject(ref, cid, ErrorCode.of(failure), failure.getMessage()))
        .mapEmpty();
  }

  private void typing(JsonObject frame, Object ref) {
    String room = roomOf(frame);
    RoomSubscription subscription = subscriptions.get(room);
    if (subscription == null || !subscription.isLive()) {
      throw new ParleyException(ErrorCode.INVALID, "Subscribe to the room before sending typing");
    }
    long now = System.currentTimeMillis();
    Long last = lastTyping.get(room);
    if (last != null && now - last < TYPING_INTERVAL_MS) {
      return;
    }
    lastTyping.put(room, now);
    RoomEvent event = new RoomEvent(room, null, EventType.TYPING,
        new JsonObject().put("user", user()).put("name", identity.name()));
    shared.bus().publish(Addresses.room(room), event.toJson());
  }

  /** The user left or was removed from the subscription's room: stop following it. */
  void revoked(RoomSubscription subscription) {
    if (subscriptions.remove(subscription.room(), subscription)) {
      shared.fanout().detach(subscription);
    }
  }

  /** A session of this person ended: if it is this connection's, the connection ends too. */
  void sessionEnded(String session) {
    if (session != null && session.equals(identity.session())) {
      close(Protocol.CLOSE_UNAUTHORIZED, "Signed out");
    }
  }

  /** A notice for this person (added to or removed from a room), already encoded. */
  void sendNotice(String frame, String removedFromRoom) {
    if (removedFromRoom != null) {
      RoomSubscription subscription = subscriptions.get(removedFromRoom);
      if (subscription != null) {
        revoked(subscription);
      }
    }
    sendEvent(frame);
  }

  void sendEvent(String frame) {
    if (closed) {
      return;
    }
    if (ws.writeQueueFull()) {
      // Stored events are never dropped: a socket that stays behind is closed and resumes with 'since'.
      if (++framesWhileFull > shared.limits().socketQueueFrames()) {
        closeSlow();
        return;
      }
    } else {
      framesWhileFull = 0;
    }
    ws.writeTextMessage(frame);
  }

  void sendEphemeral(String frame) {
    if (!closed && !ws.writeQueueFull()) {
      ws.writeTextMessage(frame);
    }
  }

  void sendGap(String room, long from, long to) {
    write(new JsonObject().put(Protocol.OP, Protocol.GAP).put("room", room).put("from", from).put("to", to));
  }

  /** Closes a socket that cannot keep up; the client reconnects and resumes with 'since'. */
  void closeSlow() {
    LOG.info("Closing connection {} of user {}: it is not reading fast enough", id, user());
    close(Protocol.CLOSE_TRY_AGAIN_LATER, "Too slow; resume with since");
  }

  void close(short code, String reason) {
    if (!closed) {
      ws.close(code, reason);
      cleanUp();
    }
  }

  private void cleanUp() {
    if (closed) {
      return;
    }
    closed = true;
    for (RoomSubscription subscription : new ArrayList<>(subscriptions.values())) {
      shared.fanout().detach(subscription);
    }
    subscriptions.clear();
    shared.users().detach(this);
    onClose.run();
  }

  private void reject(Object ref, String cid, ErrorCode code, String message) {
    reject(ref, cid, code, message, null);
  }

  /** Sends an {@code err}; one about a subscription names its room, so a client can tell them apart. */
  private void reject(Object ref, String cid, ErrorCode code, String message, String room) {
    // Only malformed input counts towards abuse: a refusal (rate limit, permissions) is the client's answer.
    boolean malformed = code == ErrorCode.INVALID || code == ErrorCode.TOO_LARGE;
    if (malformed && ++strikes > MAX_STRIKES) {
      close(Protocol.CLOSE_POLICY_VIOLATION, "Too many bad frames");
      return;
    }
    JsonObject err = new JsonObject().put(Protocol.OP, Protocol.ERR);
    if (cid != null) {
      err.put("cid", cid);
    }
    if (room != null) {
      err.put("room", room);
    }
    write(withRef(err, ref).put("code", code.wireName()).put("msg", message));
  }

  private void write(JsonObject frame) {
    if (!closed) {
      ws.writeTextMessage(frame.encode());
    }
  }

  private static JsonObject withRef(JsonObject frame, Object ref) {
    return ref == null ? frame : frame.put(Protocol.REF, ref);
  }

  /** The frame's room: a room that cannot exist is not found, like any room the user may not see. */
  private static String roomOf(JsonObject frame) {
    Object room = frame.getValue("room");
    if (!(room instanceof String id)) {
      throw new ParleyException(ErrorCode.INVALID, "'room' is required");
    }
    if (!Ids.isId(id)) {
      throw new ParleyException(ErrorCode.NOT_FOUND, "No such room");
    }
    return id;
  }
}
