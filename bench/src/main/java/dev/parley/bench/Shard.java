package dev.parley.bench;

import dev.parley.bench.ApiClient.Account;
import dev.parley.bench.BenchConnection.Stage;
import dev.parley.shared.ParleyException;
import dev.parley.shared.events.EventType;
import dev.parley.shared.events.RoomEvent;
import dev.parley.shared.rooms.MessageView;
import dev.parley.shared.ws.Frames;
import dev.parley.shared.ws.Protocol;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.net.ConnectException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections of one client event loop: this process's j-th connection belongs to shard {@code j % shards}. A
 * shard opens and subscribes its connections, pings them, sends its share of the offered load on a fixed
 * schedule and measures what arrives. All of its state lives on its own event loop; the orchestrator talks
 * to it through methods that hop onto that loop and return a Future.
 */
final class Shard extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(Shard.class);
  private static final JsonObject PING_FRAME = new Frames.Ping(null).toJson();
  private static final int LOGGED_PROBLEMS = 10;
  private static final int CHURN_SLOTS_PER_SECOND = 10;
  private static final String SEQ_KEY = "\"seq\":";
  private static final AtomicInteger problemsLogged = new AtomicInteger();

  private final int index;
  private final int shards;
  private final Run run;
  private final long timeoutMs;
  private final List<BenchConnection> connections = new ArrayList<>();
  private final AtomicInteger openCount = new AtomicInteger();
  private final AtomicInteger readyCount = new AtomicInteger();
  private final Wire wire;
  /** Connections come and go during the load (--churn): each must know the seq it resumes from. */
  private final boolean churning;

  private WebSocketClient client;
  private long pingTimer = -1;
  private long pingTick;
  private int senderCursor;
  private int churnCursor;
  private final AtomicInteger churned = new AtomicInteger();

  Shard(int index, int shards, Run run) {
    this.index = index;
    this.shards = shards;
    this.run = run;
    this.timeoutMs = run.options.timeoutSeconds() * 1000L;
    this.wire = run.options.target().wire();
    this.churning = run.options.churnPerSecond() > 0;
  }

  @Override
  public Future<?> start() {
    Layout layout = run.layout;
    int[] mine = layout.mine();
    for (int j = index; j < mine.length; j += shards) {
      int i = mine[j];
      connections.add(new BenchConnection(i, layout.roomOf(i), layout.userOf(i), run.roomIds.get(layout.roomOf(i))));
    }
    client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setMaxConnections(Math.max(1, connections.size()))
        .setConnectTimeout((int) Math.min(timeoutMs, Integer.MAX_VALUE))
        .setTcpNoDelay(true)
        .setName("parley-bench-" + index));
    pingTimer = vertx.setPeriodic(1000, id -> pingSome());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    if (pingTimer >= 0) {
      vertx.cancelTimer(pingTimer);
    }
    return client.close();
  }

  int open() {
    return openCount.get();
  }

  int ready() {
    return readyCount.get();
  }

  /** Opens and subscribes every connection of this shard, {@code inFlight} at a time; failures are counted. */
  Future<Void> connectAll(int inFlight) {
    return onContext(() -> Bounded.run(connections.size(), inFlight, false, i -> connect(connections.get(i))));
  }

  /** Sends this shard's share of the step's schedule; completes after its last scheduled send. */
  Future<Void> runLoad(Step step) {
    return onContext(() -> new Ticker(step).start());
  }

  /** Closes every open connection (normal closure) and waits for the closing handshakes, boundedly. */
  Future<Void> closeAll() {
    return onContext(() -> {
      List<Future<Void>> closing = new ArrayList<>();
      for (BenchConnection c : connections) {
        if (c.open) {
          closing.add(c.ws.close());
        }
      }
      return Future.join(closing).<Void>mapEmpty().timeout(timeoutMs, TimeUnit.MILLISECONDS)
          .otherwiseEmpty();
    });
  }

  // ---- the reconnect storm -----------------------------------------------------------------------------

  /**
   * Drops every connection but the first of each room (that one stays to send what the others miss) and
   * completes when their sockets are closed; returns how many were dropped.
   */
  Future<Integer> dropFollowers() {
    return dropWhere(c -> c.index >= run.layout.rooms());
  }

  /** Drops the connections that match (on purpose: they resume later) and returns how many were dropped. */
  private Future<Integer> dropWhere(Predicate<BenchConnection> which) {
    return onContext(() -> {
      List<Future<Void>> closing = new ArrayList<>();
      for (BenchConnection c : connections) {
        if (which.test(c) && c.open) {
          closing.add(drop(c));
        }
      }
      return Future.join(closing).map(done -> closing.size());
    });
  }

  /** Each room's first connection sends {@code count} messages of the step, for the dropped ones to miss. */
  Future<Integer> sendMissed(Step step, int count) {
    return onContext(() -> {
      int sent = 0;
      for (BenchConnection c : connections) {
        if (c.index < run.layout.rooms() && c.ready) {
          long now = run.now();
          for (int k = 0; k < count; k++) {
            sendFrom(c, step, now + k, now); // distinct times, so distinct client message ids
            sent++;
          }
        }
      }
      return Future.succeededFuture(sent);
    });
  }

  /** Reconnects every dropped connection at once (up to {@code inFlight} handshakes), each resuming with since. */
  Future<Void> resumeDropped(int inFlight) {
    return onContext(() -> {
      List<BenchConnection> dropped = connections.stream().filter(c -> c.dropped).toList();
      return Bounded.run(dropped.size(), inFlight, false, i -> connect(dropped.get(i)));
    });
  }

  // ---- churn --------------------------------------------------------------------------------------------

  /**
   * Closes and reopens this shard's share of {@code perSecond} connections a second until {@code until} completes,
   * spread over ten slots a second; each comes back resuming with {@code since}, so what it missed while away is
   * delivered late (or counted lost). Completes when the last of them is back.
   */
  Future<Void> churn(double perSecond, Future<?> until) {
    return onContext(() -> {
      Promise<Void> done = Promise.promise();
      double perSlot = perSecond / shards / CHURN_SLOTS_PER_SECOND;
      double[] owed = {0};
      List<Future<Void>> back = new ArrayList<>();
      long timer = vertx.setPeriodic(1000 / CHURN_SLOTS_PER_SECOND, id -> {
        owed[0] += perSlot;
        for (; owed[0] >= 1; owed[0]--) {
          BenchConnection c = nextToChurn();
          if (c == null) {
            break;
          }
          back.removeIf(Future::isComplete);
          back.add(drop(c).compose(closed -> connect(c)).<Void>mapEmpty().otherwiseEmpty());
          churned.incrementAndGet();
        }
      });
      until.onComplete(over -> {
        vertx.cancelTimer(timer);
        Future.join(back).onComplete(all -> done.complete());
      });
      return done.future();
    });
  }

  /** Connections churned so far by this shard. */
  int churned() {
    return churned.get();
  }

  /** The next subscribed connection with no send awaiting its ack, round robin; null if none is. */
  private BenchConnection nextToChurn() {
    for (int tries = 0; tries < connections.size(); tries++) {
      BenchConnection c = connections.get(churnCursor);
      churnCursor = (churnCursor + 1) % connections.size();
      if (c.ready && c.unacked == 0) {
        return c;
      }
    }
    return null;
  }

  /** Closes one connection on purpose (it resumes later). */
  private Future<Void> drop(BenchConnection c) {
    c.dropped = true;
    if (c.open) {
      // Counted closed now: its close may come after the connection has its next socket (--churn), which must not
      // be pinged before it is open.
      c.open = false;
      openCount.decrementAndGet();
    }
    if (c.ready) {
      c.ready = false;
      readyCount.decrementAndGet();
    }
    return c.ws.close();
  }

  // ---- presence ------------------------------------------------------------------------------------------

  /** Every ready connection watches the people of its room (itself among them); completes when all are answered. */
  Future<Integer> watchRoomMates(Map<Integer, List<String>> peopleByRoom) {
    return onContext(() -> {
      List<Future<JsonObject>> answers = new ArrayList<>();
      for (BenchConnection c : connections) {
        if (c.ready) {
          answers.add(c.expect(Protocol.WATCHING, timeoutMs));
          c.ws.writeTextMessage(new Frames.Watch(peopleByRoom.get(c.room), null).toJson().encode());
        }
      }
      return Future.all(answers).map(done -> answers.size());
    });
  }

  /** Every other member of each room leaves (connections whose place in their room is odd): how many left. */
  Future<Integer> dropHalf() {
    return dropWhere(c -> (c.index / run.layout.rooms()) % 2 == 1);
  }

  private <T> Future<T> onContext(Supplier<Future<T>> work) {
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> {
      try {
        work.get().onComplete(promise);
      } catch (RuntimeException e) {
        promise.fail(e);
      }
    });
    return promise.future();
  }

  // ---- setup ------------------------------------------------------------------------------------------

  private Future<Void> connect(BenchConnection c) {
    Account account = run.accounts.get(c.user);
    URI url = run.layout.urlOf(c.index);
    boolean tls = "https".equals(url.getScheme());
    WebSocketConnectOptions options = new WebSocketConnectOptions()
        .setHost(url.getHost())
        .setPort(url.getPort() > 0 ? url.getPort() : tls ? 443 : 80)
        .setSsl(tls)
        .setURI((url.getRawPath() == null ? "" : url.getRawPath()) + wire.path())
        .setConnectTimeout(timeoutMs)
        // not a browser: no Origin header (Vert.x would send one made from the host, which the server's
        // Origin check could refuse when it differs from the public URL, e.g. 127.0.0.1 against localhost)
        .setAllowOriginHeader(false);
    if (wire.bearerHeader()) {
      options.putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + account.accessToken());
    }
    ClientWebSocket ws = client.webSocket();
    c.ws = ws;
    c.stage = Stage.HANDSHAKE;
    ws.textMessageHandler(text -> {
      String frame = wire.decode(c, text, account.accessToken());
      if (frame != null) {
        onText(c, frame);
      }
    });
    ws.closeHandler(v -> onClosed(c, ws));
    ws.exceptionHandler(e -> LOG.debug("Connection {}: {}", c.index, e.toString()));
    Future<JsonObject> hello = c.expect(Protocol.HELLO, timeoutMs);
    Future<WebSocket> handshake = ws.connect(options);
    handshake.onSuccess(connected -> {
      if (c.abandoned) {
        connected.close(); // the setup timed out waiting for this handshake
      }
    });
    return handshake
        .timeout(timeoutMs, TimeUnit.MILLISECONDS)
        .compose(connected -> {
          c.open = true;
          openCount.incrementAndGet();
          c.stage = Stage.HELLO;
          return hello;
        })
        .compose(helloFrame -> {
          run.noteHeartbeat(Frames.Hello.fromJson(helloFrame).heartbeat());
          c.stage = Stage.SUBSCRIBE;
          Future<JsonObject> subbed = c.expect(Protocol.SUBBED, timeoutMs);
          write(c, new Frames.Sub(c.roomId, c.dropped ? c.since : null, subscribeRef(c)).toJson());
          return subbed;
        })
        .<Void>map(subbed -> {
          c.since = Frames.Subbed.fromJson(subbed).seq();
          c.dropped = false;
          c.stage = Stage.READY;
          c.ready = true;
          readyCount.incrementAndGet();
          return null;
        })
        .recover(failure -> {
          String kind = failureKind(c.stage, failure);
          run.setupErrors.add(kind);
          logProblem("Connection {} ({} of user {} in room {}) failed at {}: {}", c.index, run.layout.urlOf(c.index),
              c.user, c.room, c.stage, failure.toString());
          c.reject(failure);
          c.abandoned = true;
          if (c.open) {
            ws.close();
          }
          return Future.failedFuture(failure);
        });
  }

  /** The code the socket was closed with; 1006 when none came, or the handshake never completed. */
  private static int closeCode(WebSocket ws) {
    try {
      Short status = ws.closeStatusCode();
      return status == null ? 1006 : status;
    } catch (IllegalStateException neverConnected) {
      return 1006;
    }
  }

  private static String subscribeRef(BenchConnection c) {
    return "sub-" + c.index;
  }

  private static String failureKind(Stage stage, Throwable failure) {
    String where = stage.name().toLowerCase(Locale.ROOT);
    if (failure instanceof UpgradeRejectedException rejected) {
      return "upgrade_" + rejected.getStatus();
    } else if (failure instanceof TimeoutException) {
      return "timeout_" + where;
    } else if (failure instanceof ConnectException) {
      return "connect_failed";
    } else if (failure instanceof ServerClosed closed) {
      return "closed_" + closed.code + "_at_" + where;
    } else if (failure instanceof ErrFrame err) {
      return "err_" + err.code + "_at_" + where;
    }
    return "failed_" + where;
  }

  // ---- frames in --------------------------------------------------------------------------------------

  private void onText(BenchConnection c, String text) {
    long now = run.now();
    Stamp stamp = Stamp.fromFrame(run.frameMarker, text);
    if (stamp != null) {
      if (churning) {
        c.since = Math.max(c.since, seqIn(text));
      }
      onDelivery(c, stamp, now);
      return;
    }
    JsonObject frame;
    try {
      frame = new JsonObject(text);
    } catch (DecodeException e) {
      run.errors().add("bad_frame");
      return;
    }
    String op = frame.getValue(Protocol.OP) instanceof String name ? name : "";
    try {
      switch (op) {
        case Protocol.EVT -> {
          if (EventType.PRESENCE.equals(frame.getString(Protocol.TYPE))) {
            run.presenceEvents.increment();
            run.lastPresenceNanos.set(System.nanoTime());
            return;
          }
          RoomEvent event = RoomEvent.fromJson(frame);
          if (event.seq() != null) {
            c.since = Math.max(c.since, event.seq());
          }
          if (EventType.MESSAGE.equals(event.type())) {
            Stamp s = Stamp.fromText(run.textPrefix, event.data(MessageView::fromJson).text());
            if (s != null) {
              onDelivery(c, s, now);
            }
          }
        }
        case Protocol.ACK -> {
          c.unacked = Math.max(0, c.unacked - 1);
          Stamp s = Stamp.fromCid(run.id, Frames.Ack.fromJson(frame).cid());
          Step step = s == null ? null : run.step(s.step());
          if (step != null) {
            step.onAck(s.scheduledNanos(), now);
          }
        }
        case Protocol.HELLO, Protocol.SUBBED, Protocol.WATCHING -> c.resolve(op, frame);
        case Protocol.PONG -> run.pongs.increment();
        case Protocol.ERR -> onErr(c, Frames.Err.fromJson(frame));
        case Protocol.GAP -> run.errors().add("gap");
        default -> {
          // unsubbed, typing, presence...: not measured
        }
      }
    } catch (ParleyException malformed) {
      run.errors().add("bad_frame");
      logProblem("Connection {} got a malformed {} frame: {}", c.index, op, malformed.getMessage());
    }
  }

  private void onDelivery(BenchConnection c, Stamp stamp, long now) {
    if (stamp.connection() == c.index) {
      return; // the sender's own copy: its latency is the ack's
    }
    Step step = run.step(stamp.step());
    if (step != null) {
      step.onDelivery(stamp.scheduledNanos(), now);
    }
  }

  private void onErr(BenchConnection c, Frames.Err err) {
    String code = err.code();
    if (subscribeRef(c).equals(err.ref()) && c.reject(new ErrFrame(code))) {
      return; // counted by the setup
    }
    Stamp s = Stamp.fromCid(run.id, err.cid());
    if (err.cid() != null) {
      c.unacked = Math.max(0, c.unacked - 1);
    }
    Step step = s == null ? null : run.step(s.step());
    (step != null ? step.errors : run.errors()).add(code);
    logProblem("Connection {} got err {}: {}", c.index, code, err.msg() == null ? "" : err.msg());
  }

  private void onClosed(BenchConnection c, WebSocket ws) {
    if (c.ws != ws) {
      return; // the socket it had before it reconnected (--churn), closing late: nothing of the new one's
    }
    if (c.open) {
      c.open = false;
      openCount.decrementAndGet();
    }
    if (c.ready) {
      c.ready = false;
      readyCount.decrementAndGet();
    }
    int code = closeCode(ws);
    if (c.reject(new ServerClosed(code))) {
      return; // counted by the setup
    }
    if (!run.closing() && !c.abandoned && !c.dropped) {
      run.errors().add("closed_" + code);
      logProblem("Connection {} was closed by the server: {} {}", c.index, code,
          code == Protocol.CLOSE_TRY_AGAIN_LATER ? "(dropped as a slow consumer)" : c.ws.closeReason());
    }
  }

  // ---- frames out -------------------------------------------------------------------------------------

  /** Every second, pings the connections of one slot, so each one is pinged every heartbeat/2 seconds. */
  private void pingSome() {
    int slots = Math.max(1, run.heartbeatSeconds() / 2);
    int slot = (int) (pingTick++ % slots);
    for (int j = slot; j < connections.size(); j += slots) {
      BenchConnection c = connections.get(j);
      if (c.open) {
        write(c, PING_FRAME);
      }
    }
  }

  private Future<Void> write(BenchConnection c, JsonObject frame) {
    String text = wire.encode(c, frame);
    return text == null ? Future.succeededFuture() : c.ws.writeTextMessage(text);
  }

  private BenchConnection nextSender() {
    for (int tries = 0; tries < connections.size(); tries++) {
      BenchConnection c = connections.get(senderCursor);
      senderCursor = (senderCursor + 1) % connections.size();
      if (c.ready) {
        return c;
      }
    }
    return null;
  }

  private void send(Step step, long scheduled, long now) {
    BenchConnection c = nextSender();
    if (c == null) {
      step.errors.add("no_open_connection");
      return;
    }
    sendFrom(c, step, scheduled, now);
  }

  private void sendFrom(BenchConnection c, Step step, long scheduled, long now) {
    JsonObject frame = new Frames.Send(c.roomId, Stamp.cid(run.id, step.index, scheduled),
        Stamp.text(run.id, step.index, c.index, scheduled, run.options.textBytes()), null).toJson();
    c.unacked++;
    write(c, frame).onFailure(e -> step.errors.add("write_failed"));
    step.onSent(scheduled, now, run.layout.receiversInSlice(c.room) - 1);
    if (run.options.push() != null && !run.pushListener(c.user, c.room)) {
      step.onPushExpected(scheduled);
    }
  }

  /**
   * Sends slots {@code k*shards + index} of the step's global schedule, slot {@code n} being due at
   * {@code start + n/rate}. Every millisecond it sends whatever has come due, each with its own scheduled
   * time: when the loop is late the sends go out late but are measured from when they should have left.
   */
  private final class Ticker {
    private final Step step;
    private final Promise<Void> done = Promise.promise();
    private final double nanosPerSlot;
    private long next;
    private long timer;

    Ticker(Step step) {
      this.step = step;
      this.nanosPerSlot = 1e9 / step.rate;
    }

    Future<Void> start() {
      timer = vertx.setPeriodic(1, id -> tick());
      return done.future();
    }

    private void tick() {
      long now = run.now();
      while (true) {
        long slot = next * shards + index;
        long scheduled = step.startNanos + (long) (slot * nanosPerSlot);
        if (scheduled >= step.endNanos) {
          vertx.cancelTimer(timer);
          done.tryComplete();
          return;
        }
        if (scheduled > now) {
          return;
        }
        send(step, scheduled, now);
        next++;
      }
    }
  }

  /** The {@code seq} of an encoded event frame, read without a JSON parse (0 if it has none). */
  static long seqIn(String frame) {
    int at = frame.indexOf(SEQ_KEY);
    if (at < 0) {
      return 0;
    }
    long seq = 0;
    for (int i = at + SEQ_KEY.length(); i < frame.length(); i++) {
      char ch = frame.charAt(i);
      if (ch < '0' || ch > '9') {
        break;
      }
      seq = seq * 10 + (ch - '0');
    }
    return seq;
  }

  private static void logProblem(String format, Object... args) {
    if (problemsLogged.getAndIncrement() < LOGGED_PROBLEMS) {
      LOG.warn(format, args);
    } else {
      LOG.debug(format, args);
    }
  }

  /** The server closed the socket while the setup waited for a frame. */
  static final class ServerClosed extends RuntimeException {
    final int code;

    ServerClosed(int code) {
      super("closed by the server with " + code, null, false, false);
      this.code = code;
    }
  }

  /** The server answered a setup frame with an {@code err}. */
  static final class ErrFrame extends RuntimeException {
    final String code;

    ErrFrame(String code) {
      super("err " + code, null, false, false);
      this.code = code;
    }
  }
}
