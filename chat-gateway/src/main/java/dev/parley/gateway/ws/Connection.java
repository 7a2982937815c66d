package dev.parley.gateway.ws;

import dev.parley.gateway.identity.Identity;
import dev.parley.gateway.limits.RateLimiter;
import dev.parley.gateway.metrics.ParleyMeters;
import dev.parley.shared.ErrorCode;
import dev.parley.shared.Failures.Failure;
import dev.parley.shared.Failures;
import dev.parley.shared.ParleyConfig;
import dev.parley.shared.ParleyException;
import dev.parley.shared.contract.JsonBody;
import dev.parley.shared.contract.Publisher;
import dev.parley.shared.contract.Requester;
import dev.parley.shared.events.RoomEvent;
import dev.parley.shared.events.RoomEvents.Typing;
import dev.parley.shared.rooms.MessageCommands.MessageAck;
import dev.parley.shared.rooms.MessageCommands.PostMessage;
import dev.parley.shared.rooms.MessageCommands.Replay;
import dev.parley.shared.ws.Frames.Ack;
import dev.parley.shared.ws.Frames.Activity;
import dev.parley.shared.ws.Frames.ClientFrame;
import dev.parley.shared.ws.Frames.Err;
import dev.parley.shared.ws.Frames.Gap;
import dev.parley.shared.ws.Frames.Hello;
import dev.parley.shared.ws.Frames.Looking;
import dev.parley.shared.ws.Frames.Ping;
import dev.parley.shared.ws.Frames.Pong;
import dev.parley.shared.ws.Frames.Send;
import dev.parley.shared.ws.Frames.Sub;
import dev.parley.shared.ws.Frames.Subbed;
import dev.parley.shared.ws.Frames.Unsub;
import dev.parley.shared.ws.Frames.Unsubbed;
import dev.parley.shared.ws.Frames.Watch;
import dev.parley.shared.ws.Frames.Watching;
import dev.parley.shared.ws.Frames;
import dev.parley.shared.ws.Protocol;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One WebSocket connection speaking protocol v1 for one signed-in person. Runs on the gateway's event loop. */
public final class Connection implements Socket {

  private static final Logger LOG = LoggerFactory.getLogger(Connection.class);
  private static final long TYPING_INTERVAL_MS = 2_000;
  /** Bad frames tolerated per heartbeat period before the connection counts as abuse. */
  private static final int MAX_STRIKES = 100;
  /** Sends queued on one connection before more are refused; bounds what a flooding client can make us hold. */
  private static final int MAX_SENDS_IN_FLIGHT = 256;
  /**
   * How long a send may wait behind this connection's earlier ones before it is answered {@code unavailable} unsent:
   * as long as the protocol lets a send go unanswered (10 s, then {@code unavailable}). Sends go one at a time, each
   * waiting up to the services' 10 s: when the cluster is overloaded, a queue of them would otherwise be acked minutes
   * late (seen in a soak on a starved machine). Past this the client resends with the same {@code cid}, and the server
   * does the work that is still wanted instead. Well above the stalls of a healthy cluster (a hung node costs a send
   * about a second, a loaded two-core machine a few).
   */
  static final long SEND_PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(10);
  /**
   * Frames a client may send in a burst, and per second after it: room for subscribing to every room at once on
   * connect, not for a flood (a client past it is closed with 4008 and reconnects when it behaves).
   */
  static final int FRAME_BURST = 2_000;
  static final int FRAMES_PER_SECOND = 200;
  /** Notices kept for a connection whose hello has not gone out yet (it takes a cluster-wide registration). */
  private static final int MAX_NOTICES_BEFORE_HELLO = 64;

  /** What every connection of a gateway shares. */
  public record Shared(RoomFanout fanout, UserFanout users, PresenceHub presence, Requester services,
                       RateLimiter sendLimiter, ParleyConfig.Limits limits, Publisher publisher,
                       ParleyMeters meters) {
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
  /** Found too slow: closed in the next turn, and sent nothing more meanwhile. */
  private boolean closingSlow;
  /** Notices that came before the hello went out; null once it has. */
  private List<EncodedFrame> noticesBeforeHello = new ArrayList<>();
  private Runnable onClose = () -> { };
  /** Completes when this connection's previous send has been answered. */
  private Future<Void> sendQueue = Future.succeededFuture();
  private int sendsInFlight;
  /** Frames this client may still send now: a token bucket refilled at {@link #FRAMES_PER_SECOND}. */
  private double frameBudget = FRAME_BURST;
  private long budgetAt = System.nanoTime();

  public Connection(ServerWebSocket ws, Identity identity, Shared shared) {
    this.ws = ws;
    this.identity = identity;
    this.shared = shared;
  }

  String id() {
    return id;
  }

  @Override
  public String user() {
    return identity.user();
  }

  @Override
  public int maxBufferedEvents() {
    return shared.limits().socketQueueFrames();
  }

  /** Wires the socket's handlers and greets the client. */
  public void start(Runnable onClose) {
    this.onClose = onClose;
    ws.textMessageHandler(this::onText);
    ws.binaryMessageHandler(binary -> reject(null, null, null, invalid("Frames must be JSON text")));
    ws.pongHandler(pong -> lastHeard = System.currentTimeMillis());
    ws.exceptionHandler(failure -> LOG.debug("Connection {} of user {} failed: {}", id, user(), failure.getMessage()));
    ws.closeHandler(closedByPeer -> cleanUp());
    // Hello once this person's notices reach this node, so nothing said to them after it is missed.
    shared.users().attach(this).onComplete(ready -> {
      write(new Hello(identity.user(), id, shared.limits().heartbeatSeconds()));
      List<EncodedFrame> early = noticesBeforeHello;
      noticesBeforeHello = null;
      early.forEach(this::sendEvent);
      if (!closed) {
        shared.presence().connected(this);
      }
    });
  }

  /**
   * Called every half heartbeat: closes a connection silent for two heartbeats, pings the others (browsers answer
   * pings by themselves), and closes a socket whose writes have been backed up for too long.
   */
  public void heartbeat(long now) {
    if (closed || ws.isClosed()) {
      return;
    }
    strikes = 0;
    long heartbeatMs = shared.limits().heartbeatSeconds() * 1000L;
    if (now - lastHeard > 2 * heartbeatMs) {
      close(Protocol.CLOSE_GOING_AWAY, "No heartbeat");
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
    if (tooBig(text)) {
      close(Protocol.CLOSE_TOO_BIG, "Frame larger than " + shared.limits().maxFrameBytes() + " bytes");
      return;
    }
    if (!takeFrameBudget()) {
      close(Protocol.CLOSE_POLICY_VIOLATION, "Too many frames: slow down");
      return;
    }
    JsonObject json;
    try {
      json = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      reject(null, null, null, invalid("Frames must be JSON objects"));
      return;
    }
    Object ref = null;
    try {
      ref = Frames.ref(json);
      ClientFrame frame = Frames.parse(json);
      if (frame instanceof Sub sub) {
        subscribe(sub);
      } else if (frame instanceof Unsub unsub) {
        unsubscribe(unsub);
      } else if (frame instanceof Send send) {
        send(send);
      } else if (frame instanceof Frames.Typing typing) {
        typing(typing);
      } else if (frame instanceof Ping ping) {
        write(new Pong(ping.ref()));
      } else if (frame instanceof Watch watch) {
        shared.presence().watch(this, watch.users())
            .onSuccess(presence -> write(new Watching(presence, watch.ref())))
            .onFailure(failure -> reject(watch.ref(), null, null, failure));
      } else if (frame instanceof Activity activity) {
        shared.presence().activity(this, activity.idle());
      } else if (frame instanceof Looking looking) {
        shared.presence().looking(this, looking.room());
      }
    } catch (ParleyException refused) {
      reject(ref, Frames.cidOf(json), null, refused);
    }
  }

  /** The limit is in bytes of UTF-8, as sent, not in Java characters: counted only when it could matter. */
  private boolean tooBig(String text) {
    int max = shared.limits().maxFrameBytes();
    if (text.length() > max) {
      return true;
    }
    if ((long) text.length() * 3 <= max) {
      return false;
    }
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      // A surrogate pair is one 4-byte character: 4 for its first half, nothing for its second.
      bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isHighSurrogate(c) ? 4 : Character.isLowSurrogate(c) ? 0 : 3;
    }
    return bytes > max;
  }

  private boolean takeFrameBudget() {
    long now = System.nanoTime();
    frameBudget = Math.min(FRAME_BURST, frameBudget + (now - budgetAt) * FRAMES_PER_SECOND / 1e9);
    budgetAt = now;
    if (frameBudget < 1) {
      return false;
    }
    frameBudget--;
    return true;
  }

  private void subscribe(Sub sub) {
    String room = sub.room();
    int maxSubscriptions = shared.limits().subscriptionsPerSocket();
    if (!subscriptions.containsKey(room) && subscriptions.size() >= maxSubscriptions) {
      throw new ParleyException(ErrorCode.RATE_LIMITED,
          "One connection follows at most " + maxSubscriptions + " rooms: unsub from one first");
    }
    RoomSubscription previous = subscriptions.remove(room);
    if (previous != null) {
      shared.fanout().detach(previous);
    }
    RoomSubscription subscription = new RoomSubscription(this, room);
    subscriptions.put(room, subscription);
    Replay replay = new Replay(room, user(), sub.since(), shared.limits().replayLimit());
    // Subscribe first (the consumer is registered cluster-wide), then read PostgreSQL, then drain what came live.
    shared.fanout().attach(subscription)
        .compose(channel -> shared.services().ask(replay).onSuccess(result -> channel.known(result.latest())))
        .onSuccess(result -> {
          if (closed) {
            return;
          }
          if (subscriptions.get(room) != subscription) {
            reject(sub.ref(), null, room,
                new ParleyException(ErrorCode.CONFLICT, "A later sub or unsub for this room replaced this one"));
            return;
          }
          if (result.gap()) {
            sendGap(room, replay.since() + 1, result.latest());
          } else {
            for (RoomEvent event : result.events()) {
              sendEvent(EncodedFrame.of(event.toFrame()));
            }
          }
          subscription.goLive(result.latest());
          write(new Subbed(room, result.latest(), sub.ref()));
        })
        .onFailure(failure -> {
          if (subscriptions.remove(room, subscription)) {
            shared.fanout().detach(subscription);
          }
          reject(sub.ref(), null, room, failure);
        });
  }

  private void unsubscribe(Unsub unsub) {
    RoomSubscription subscription = subscriptions.remove(unsub.room());
    if (subscription != null) {
      shared.fanout().detach(subscription);
    }
    write(new Unsubbed(unsub.room(), unsub.ref()));
  }

  private void send(Send send) {
    int maxLength = shared.limits().maxTextLength();
    if (send.text().codePointCount(0, send.text().length()) > maxLength) {
      throw new ParleyException(ErrorCode.TOO_LARGE, "'text' is longer than " + maxLength + " characters");
    }
    if (sendsInFlight >= MAX_SENDS_IN_FLIGHT) {
      throw new ParleyException(ErrorCode.RATE_LIMITED, "Too many messages waiting for their ack; slow down");
    }
    // An encrypted message's size and framing were checked when its frame was read (Frames.parse).
    PostMessage command = send.ciphertext() != null
        ? PostMessage.encrypted(send.room(), user(), identity.name(), send.cid(), send.thread(),
            send.alsoInChannel(), send.files(), send.ciphertext())
        : new PostMessage(send.room(), user(), identity.name(), send.cid(), send.text(), send.thread(),
            send.alsoInChannel(), send.files());
    sendsInFlight++;
    long readAt = System.nanoTime();
    // One send at a time per connection, so a person's messages keep the order they were typed in.
    sendQueue = sendQueue.eventually(() -> postUnlessStale(command, send.ref(), readAt)
        .onComplete(done -> sendsInFlight--));
  }

  private Future<Void> postUnlessStale(PostMessage command, Object ref, long readAt) {
    if (System.nanoTime() - readAt <= SEND_PATIENCE_NANOS) {
      return post(command, ref, readAt);
    }
    reject(ref, command.cid(), null, new ParleyException(ErrorCode.UNAVAILABLE,
        "The server is too busy to take this message now; resend it"));
    return Future.succeededFuture();
  }

  /** {@code readAt}: when the send frame was read ({@link System#nanoTime}), for the ack latency. */
  private Future<Void> post(PostMessage command, Object ref, long readAt) {
    // While Redis is away the limiter counts on this node alone (RateLimiter): the chat goes on, floods do not.
    return shared.sendLimiter().tryAcquire(user())
        .compose(allowed -> allowed ? shared.services().ask(command)
            : Future.<MessageAck>failedFuture(
                new ParleyException(ErrorCode.RATE_LIMITED, "You are sending too fast; slow down")))
        .onSuccess(ack -> {
          shared.meters().acked(System.nanoTime() - readAt);
          write(new Ack(command.cid(), ack.id(), ack.seq(), ack.ts(), ref));
        })
        .onFailure(failure -> reject(ref, command.cid(), null, failure))
        .mapEmpty();
  }

  private void typing(Frames.Typing frame) {
    String room = frame.room();
    RoomSubscription subscription = subscriptions.get(room);
    if (subscription == null || !subscription.isLive()) {
      throw invalid("Subscribe to the room before sending typing");
    }
    long now = System.currentTimeMillis();
    Long last = lastTyping.get(room);
    if (last != null && now - last < TYPING_INTERVAL_MS) {
      return;
    }
    lastTyping.put(room, now);
    shared.publisher().ephemeral(RoomEvent.of(room, null, new Typing(user(), identity.name())));
  }

  /** The user left or was removed from the subscription's room: stop following it. */
  @Override
  public void revoked(RoomSubscription subscription) {
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

  /**
   * A notice for this person (added to or removed from a room), already encoded. One that comes while the person's
   * consumer is still being registered waits for the hello: hello is the first frame of every connection.
   */
  void sendNotice(EncodedFrame frame, String removedFromRoom) {
    if (removedFromRoom != null) {
      RoomSubscription subscription = subscriptions.get(removedFromRoom);
      if (subscription != null) {
        revoked(subscription);
      }
    }
    if (noticesBeforeHello == null) {
      sendEvent(frame);
    } else if (noticesBeforeHello.size() < MAX_NOTICES_BEFORE_HELLO) {
      noticesBeforeHello.add(frame);
    }
  }

  @Override
  public void sendEvent(EncodedFrame frame) {
    // The peer may have closed the socket before its close handler ran: writing to it would throw, and stop the
    // fan-out loop that called this before the other sockets got the frame.
    if (closed || closingSlow || ws.isClosed()) {
      return;
    }
    if (ws.writeQueueFull()) {
      // Stored events and replies are never dropped: a socket that stays behind is closed and resumes with 'since'.
      if (++framesWhileFull > shared.limits().socketQueueFrames()) {
        closeSlow();
        return;
      }
    } else {
      framesWhileFull = 0;
    }
    ws.writeFrame(frame.frame());
  }

  @Override
  public void sendEphemeral(EncodedFrame frame) {
    if (!closed && !ws.isClosed() && !ws.writeQueueFull()) {
      ws.writeFrame(frame.frame());
    }
  }

  @Override
  public void sendGap(String room, long from, long to) {
    write(new Gap(room, from, to));
  }

  /** Closes a socket that cannot keep up; the client reconnects and resumes with 'since'. */
  @Override
  public void closeSlow() {
    if (closingSlow || closed) {
      return;
    }
    closingSlow = true;
    LOG.info("Closing connection {} of user {}: it is not reading fast enough", id, user());
    // This is called from inside a room's fan-out loop (RoomChannel hands an event to each of its sockets): closing
    // at once would take this socket out of the set being walked, and the sockets after it would miss the event.
    // So the close comes in the next turn; meanwhile this socket's frames are dropped (it resumes with 'since').
    Context context = Vertx.currentContext();
    if (context == null) {
      close(Protocol.CLOSE_TRY_AGAIN_LATER, "Too slow; resume with since");
    } else {
      context.runOnContext(nextTurn -> close(Protocol.CLOSE_TRY_AGAIN_LATER, "Too slow; resume with since"));
    }
  }

  /**
   * Closes once the sends this connection already took are acked (or refused): the node is leaving, and nothing the
   * client was told is lost. A send that arrives meanwhile may go unanswered; the client resends it with its cid.
   */
  public Future<Void> closeAfterSends(short code, String reason) {
    return sendQueue.eventually(() -> {
      close(code, reason);
      return Future.succeededFuture();
    });
  }

  public void close(short code, String reason) {
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
    shared.presence().disconnected(this);
    onClose.run();
  }

  /**
   * Sends an {@code err} through the one failure map; one about a send names its {@code cid}, one about a
   * subscription its {@code room}, so a client can tell them apart.
   */
  private void reject(Object ref, String cid, String room, Throwable cause) {
    Failure failure = Failures.of(cause);
    failure.log(LOG, "Frame on connection " + id + " of user " + user());
    // Only malformed input counts towards abuse: a refusal (rate limit, permissions) is the client's answer.
    boolean malformed = failure.code() == ErrorCode.INVALID || failure.code() == ErrorCode.TOO_LARGE;
    if (malformed && ++strikes > MAX_STRIKES) {
      close(Protocol.CLOSE_POLICY_VIOLATION, "Too many bad frames");
      return;
    }
    shared.meters().refusedFrame(failure.code());
    write(new Err(failure.code().wireName(), failure.message(), ref, cid, room));
  }

  /**
   * A reply (hello, pong, ack, err, ...): held to the same bound as stored events, so a client that floods without
   * reading cannot make the server queue replies without end.
   */
  private void write(JsonBody frame) {
    sendEvent(EncodedFrame.of(frame.toJson()));
  }

  private static ParleyException invalid(String message) {
    return new ParleyException(ErrorCode.INVALID, message);
  }
}
