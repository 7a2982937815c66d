package dev.parley.app;

import static dev.parley.app.TestNodes.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A WebSocket client speaking protocol v1, with blocking waits for the test thread (never an event loop). */
final class TestSocket implements AutoCloseable {

  private final WebSocketClient client;
  private final WebSocket ws;
  private final LinkedBlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
  /** Frames passed over by {@link #nextOp}, still to be read. */
  private final Deque<JsonObject> parked = new ArrayDeque<>();
  private final JsonObject hello;
  private volatile Short closeStatus;

  private TestSocket(WebSocketClient client, WebSocketConnectOptions options) {
    this.client = client;
    ClientWebSocket socket = client.webSocket();
    // Handlers go on before connecting: the server's hello may arrive in the same read as the upgrade response.
    socket.textMessageHandler(text -> frames.add(new JsonObject(text)));
    socket.closeHandler(closed -> {
      closeStatus = socket.closeStatusCode() == null ? -1 : socket.closeStatusCode();
      frames.add(new JsonObject().put("op", "closed").put("status", closeStatus));
    });
    this.ws = await(socket.connect(options));
    this.hello = next();
    assertEquals("hello", hello.getString("op"), "the first frame is hello");
  }

  static TestSocket connect(Vertx vertx, int port, TestApi.User user) {
    return connect(vertx, options(port).addHeader("Authorization", "Bearer " + user.accessToken()));
  }

  static TestSocket connect(Vertx vertx, WebSocketConnectOptions options) {
    return new TestSocket(vertx.createWebSocketClient(), options);
  }

  /** Tries to connect and returns the failure (for refused upgrades). */
  static Throwable refused(Vertx vertx, WebSocketConnectOptions options) {
    WebSocketClient client = vertx.createWebSocketClient();
    Future<WebSocket> attempt = client.connect(options);
    try {
      attempt.toCompletionStage().toCompletableFuture().get(TestNodes.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      return e.getCause() == null ? e : e.getCause();
    } finally {
      client.close();
    }
    throw new AssertionError("The upgrade was accepted");
  }

  static WebSocketConnectOptions options(int port) {
    return new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws");
  }

  JsonObject hello() {
    return hello;
  }

  void send(JsonObject frame) {
    await(ws.writeTextMessage(frame.encode()));
  }

  void sendRaw(String text) {
    await(ws.writeTextMessage(text));
  }

  /** Subscribes and returns the frames up to and including {@code subbed}. */
  /**
   * Subscribes without catching up and returns the room's latest seq from {@code subbed}. Live events that came
   * while the subscription was being set up may arrive before it; they are skipped here.
   */
  long subscribeLive(String room) {
    List<JsonObject> frames = subscribe(room, null);
    return frames.get(frames.size() - 1).getLong("seq");
  }

  List<JsonObject> subscribe(String room, Long since) {
    JsonObject sub = new JsonObject().put("op", "sub").put("room", room);
    if (since != null) {
      sub.put("since", since);
    }
    send(sub);
    List<JsonObject> received = new ArrayList<>();
    JsonObject frame;
    do {
      frame = next();
      received.add(frame);
      if (frame.getString("op").equals("err")) {
        throw new AssertionError("Subscription refused: " + frame);
      }
    } while (!frame.getString("op").equals("subbed"));
    return received;
  }

  /** Sends a message and returns its ack, skipping events that arrive in between. */
  JsonObject sendMessage(String room, String text) {
    String cid = UUID.randomUUID().toString();
    send(new JsonObject().put("op", "send").put("room", room).put("cid", cid).put("text", text));
    return nextOp("ack");
  }

  /** Sends a frame and returns the next one. */
  JsonObject nextAfterSend(JsonObject frame) {
    send(frame);
    return next();
  }

  /** Sends a frame and returns the next reply that is not an event (events of subscribed rooms may come first). */
  JsonObject nextOpAfterSend(JsonObject frame) {
    send(frame);
    JsonObject reply;
    do {
      reply = next();
    } while (reply.getString("op").equals("evt"));
    return reply;
  }

  /** The next frame; fails after the test timeout. */
  JsonObject next() {
    return parked.isEmpty() ? poll() : parked.removeFirst();
  }

  /**
   * The first frame with this op; frames before it are kept, in order, for the next calls (an event can come
   * before the ack of the send that caused it).
   */
  JsonObject nextOp(String op) {
    for (JsonObject frame : parked) {
      if (op.equals(frame.getString("op"))) {
        parked.remove(frame);
        return frame;
      }
    }
    List<JsonObject> skipped = new ArrayList<>();
    while (true) {
      JsonObject frame = poll();
      if (op.equals(frame.getString("op"))) {
        parked.addAll(skipped);
        return frame;
      }
      skipped.add(frame);
    }
  }

  /**
   * The first event of this type; other events before it are passed over for good (notices of the test's own setup,
   * such as {@code room.added}, can arrive on a fresh socket at any moment).
   */
  JsonObject nextEvent(String type) {
    return nextEvent(type, TestNodes.TIMEOUT);
  }

  /**
   * The first event of this type within {@code within} (for what takes longer than the usual timeout); like
   * {@link #nextEvent(String)}, other events before it are passed over and other frames kept for later.
   */
  JsonObject nextEvent(String type, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    List<JsonObject> kept = new ArrayList<>();
    try {
      while (true) {
        JsonObject frame = parked.isEmpty()
            ? poll(Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))) : parked.removeFirst();
        if (!"evt".equals(frame.getString("op"))) {
          kept.add(frame);
        } else if (type.equals(frame.getString("type"))) {
          return frame;
        }
      }
    } finally {
      for (int i = kept.size() - 1; i >= 0; i--) {
        parked.addFirst(kept.get(i));
      }
    }
  }

  private JsonObject poll() {
    return poll(TestNodes.TIMEOUT);
  }

  private JsonObject poll(Duration within) {
    try {
      JsonObject frame = frames.poll(within.toMillis(), TimeUnit.MILLISECONDS);
      if (frame == null) {
        throw new AssertionError("No frame within " + within);
      }
      return frame;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The next message events; nothing else may come in between. */
  List<JsonObject> nextEvents(int count) {
    List<JsonObject> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      JsonObject frame = next();
      assertEquals("evt", frame.getString("op"), "expected an event, got " + frame);
      events.add(frame);
    }
    return events;
  }

  /** Asserts that nothing is pending: a ping's pong is the very next frame. */
  void assertQuiet() {
    send(new JsonObject().put("op", "ping").put("ref", "quiet"));
    JsonObject frame = next();
    assertEquals("pong", frame.getString("op"), "expected nothing before the pong, got " + frame);
  }

  /** Stops reading from the socket, like a client on a stalled network. */
  void pause() {
    ws.pause();
  }

  void resume() {
    ws.resume();
  }

  Short closeStatus() {
    return closeStatus;
  }

  @Override
  public void close() {
    if (closeStatus == null) {
      await(ws.close());
    }
    client.close();
  }
}
