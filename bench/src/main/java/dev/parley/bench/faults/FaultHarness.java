package dev.parley.bench.faults;

import dev.parley.shared.ErrorCode;
import dev.parley.shared.events.EventType;
import dev.parley.shared.events.RoomEvent;
import dev.parley.shared.rooms.MessageCommands.MessagePage;
import dev.parley.shared.rooms.MessageView;
import dev.parley.shared.ws.Frames;
import dev.parley.shared.ws.Protocol;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Clients that behave as the protocol asks of them, for fault scenarios: each sends at a steady rate, resends an
 * unanswered message with the same {@code cid} (after an {@code unavailable}, or after reconnecting), reconnects to
 * the next node when its socket closes and resumes every room with {@code since}, and pages history over HTTP when
 * told of a {@code gap}. Afterwards {@link #check} compares what PostgreSQL holds (each room's history) with what
 * every client was acked and received.
 *
 * <p>Every client runs on the harness's one event loop, so their state needs no locks; the caller's thread reads it
 * only through {@link #onLoop}. The methods that wait block the caller's thread: the harness is driven from a test's
 * thread or the bench's main thread, never from an event loop.
 *
 * <p>It lives in the bench's main code because both use it: {@code mvn verify}'s short scenarios (app's tests depend
 * on the bench module already, for the load generator's own test) and the long ones of {@code parley-bench faults}.
 */
public final class FaultHarness implements AutoCloseable {

  /** Someone signed up whose device the harness plays: the name makes the message ids, the token opens sockets. */
  public interface Member {
    String name();

    String accessToken();
  }

  /** How long a step waits for something it needs before it fails (a connection, a page of history). */
  public static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** How long a client waits before it tries the next node after a failed connection or a close. */
  private static final long RECONNECT_BACKOFF_MILLIS = 50;
  /** How long a client waits before it resends after {@code unavailable}. */
  private static final long RESEND_BACKOFF_MILLIS = 100;
  /**
   * How a client notices that its node hangs (a frozen process, a machine gone without resetting its connections:
   * nothing is closed): it pings every {@code pingMillis} (only while sends await their ack, if {@code whileAwaiting};
   * else every 15 s when idle) and gives the socket up when a ping got no frame within {@code silenceMillis}.
   */
  public record Watch(long pingMillis, long silenceMillis, boolean whileAwaiting) {
    /** The web client's policy (docs/protocol.md): 500 ms pings while sends await their ack, 1 s of silence. */
    public static final Watch AWAITED_ACKS = new Watch(500, 1_000, true);
    /**
     * A steadier one for scenarios that count closes: a ping every second, 3 s of silence. On a loaded 2-core machine
     * a node that merely starts (cold code, starved CPU) may leave a ping unanswered for a second or two.
     */
    public static final Watch STEADY = new Watch(1_000, 3_000, false);
  }

  private static final long IDLE_PING_MILLIS = 15_000;
  /** A connection attempt not open within this long is given up (the node may hang). */
  private static final long CONNECT_MILLIS = 3_000;

  /** The close code counted for a socket given up because its node went silent. */
  public static final int SILENT = 0;
  private static final String PING = new Frames.Ping(null).toJson().encode();
  private static final TreeSet<Long> EMPTY = new TreeSet<>();

  private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
  private final WebClient http = WebClient.create(vertx);
  private final List<Client> clients = new ArrayList<>();
  private final Map<String, Integer> errors = new TreeMap<>();
  /** How the sockets closed that the clients did not close themselves, by close code (-1: no close frame). */
  private final Map<Integer, Integer> closes = new TreeMap<>();
  private final List<Long> reconnectMillis = new ArrayList<>();
  private final List<Long> ackMillis = new ArrayList<>();
  /** When each message was first sent (System.nanoTime), by cid: its members' deliveries are timed from it. */
  private final Map<String, Long> firstSent = new HashMap<>();
  /** From a message's first send to its arrival at each other member's socket, live events only. */
  private final List<Long> deliveryMillis = new ArrayList<>();
  /** How long each {@code err} frame took to come after the send it answers (the last resend). */
  private final List<Long> errorMillis = new ArrayList<>();
  private final List<String> rooms;
  private final Watch watch;
  private volatile boolean sending;
  private long timer = -1;

  public FaultHarness(List<String> rooms) {
    this(rooms, Watch.STEADY);
  }

  public FaultHarness(List<String> rooms, Watch watch) {
    this.rooms = List.copyOf(rooms);
    this.watch = watch;
  }

  public List<String> rooms() {
    return rooms;
  }

  /** A room name for a scenario that no earlier run used. */
  public static String roomName(String scenario, int index) {
    return scenario + "-" + index + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * Adds a client for {@code user}, first connected to {@code ports.get(0)}, then to the next port of the list (round
   * robin) each time it must reconnect.
   */
  public void client(Member user, List<Integer> ports) {
    client(user, ports, 0);
  }

  /**
   * Adds a client for {@code user} that connects first to {@code ports.get(first)}, then to the next port of the list
   * each time it must reconnect. The list may change as nodes come and go (a thread-safe list, read on each try).
   */
  public void client(Member user, List<Integer> ports, int first) {
    onLoopAsync(() -> {
      Client client = new Client(user, ports, first);
      clients.add(client);
      return client.connect();
    });
  }

  /** Waits until every client is connected and subscribed to every room. */
  public void awaitConnected() {
    eventually(() -> clients.stream().allMatch(client -> client.ready), "every client subscribed");
  }

  /** Starts sending: every {@code everyMillis}, each connected client sends one message to one of the rooms. */
  public void startSending(long everyMillis) {
    onLoop(() -> {
      sending = true;
      timer = vertx.setPeriodic(everyMillis, tick -> clients.forEach(Client::sendNext));
      return true;
    });
  }

  /** Stops making new messages; messages not acked yet are still resent until they are. */
  public void stopSending() {
    onLoop(() -> {
      sending = false;
      return vertx.cancelTimer(timer);
    });
  }

  /** The cids (the texts) of the messages acked so far. */
  public Set<String> ackedCids() {
    return onLoop(() -> {
      Set<String> all = new HashSet<>();
      clients.forEach(client -> all.addAll(client.acked));
      return all;
    });
  }

  /** The number of acks received so far: a mark for {@link #ackPercentileBetween}. */
  public int ackCount() {
    return onLoop(ackMillis::size);
  }

  /** A percentile of the ack times of the acks received between two marks. */
  public long ackPercentileBetween(int from, int to, double p) {
    return onLoop(() -> Report.percentile(List.copyOf(ackMillis.subList(from, to)), p));
  }

  /** The number of deliveries timed so far: a mark for {@link #deliveryPercentileBetween}. */
  public int deliveryCount() {
    return onLoop(deliveryMillis::size);
  }

  /** A percentile of the delivery times of the deliveries between two marks. */
  public long deliveryPercentileBetween(int from, int to, double p) {
    return onLoop(() -> Report.percentile(List.copyOf(deliveryMillis.subList(from, to)), p));
  }

  /** The number of messages acked so far. */
  public int acked() {
    return onLoop(() -> clients.stream().mapToInt(client -> client.acked.size()).sum());
  }

  /** Waits until at least {@code count} messages were acked in all, for up to {@code seconds}. */
  public void awaitAcked(int count, long seconds) {
    eventually(() -> clients.stream().mapToInt(client -> client.acked.size()).sum() >= count,
        count + " messages acked", seconds);
  }

  /** Waits until every message made was acked and every client received everything up to its room's last seq. */
  public void awaitSettled(long seconds) {
    eventually(() -> clients.stream().allMatch(client -> client.pending.isEmpty()), "every message acked", seconds);
    Map<String, Long> last = new HashMap<>();
    for (String room : rooms) {
      last.put(room, lastMessageSeq(room));
    }
    eventually(() -> clients.stream().allMatch(client -> last.entrySet().stream()
        .allMatch(room -> client.lastSeq.getOrDefault(room.getKey(), 0L) >= room.getValue())),
        "every client caught up", seconds);
  }

  /** What the run shows, room by room against PostgreSQL's history. */
  public record Report(int acked, int lost, int duplicates, int missing, int orderViolations,
                       Map<String, Integer> errors, Map<Integer, Integer> closes, List<Long> reconnectMillis,
                       List<Long> ackMillis, List<Long> errorMillis) {

    public long reconnectPercentile(double p) {
      return percentile(reconnectMillis, p);
    }

    public long ackPercentile(double p) {
      return percentile(ackMillis, p);
    }

    public long errorPercentile(double p) {
      return percentile(errorMillis, p);
    }

    public static long percentile(List<Long> values, double p) {
      if (values.isEmpty()) {
        return 0;
      }
      List<Long> sorted = values.stream().sorted().toList();
      int rank = (int) Math.ceil(p / 100 * sorted.size());
      return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
    }

    /** One line, as the closing note of the issue reports it. */
    public String line(String scenario) {
      return String.format("scenario=%s acked=%d lost=%d duplicates=%d missing=%d order_violations=%d "
              + "reconnects=%d reconnect_p50=%dms reconnect_p99=%dms reconnect_max=%dms ack_p50=%dms ack_p99=%dms "
              + "ack_max=%dms errors=%s err_p99=%dms err_max=%dms closes=%s",
          scenario, acked, lost, duplicates, missing, orderViolations, reconnectMillis.size(),
          reconnectPercentile(50), reconnectPercentile(99), reconnectPercentile(100), ackPercentile(50),
          ackPercentile(99), ackPercentile(100), errors, errorPercentile(99), errorPercentile(100), closes);
    }
  }

  /** Compares every room's stored history with what the clients were acked and received. */
  public Report check() {
    Map<String, List<MessageView>> histories = new LinkedHashMap<>();
    for (String room : rooms) {
      histories.put(room, history(room));
    }
    return onLoop(() -> {
      Map<String, Integer> storedTimes = new HashMap<>();
      Map<String, Set<Long>> storedSeqs = new HashMap<>();
      histories.forEach((room, messages) -> {
        Set<Long> seqs = new HashSet<>();
        for (MessageView message : messages) {
          storedTimes.merge(message.text(), 1, Integer::sum);
          seqs.add(message.seq());
        }
        storedSeqs.put(room, seqs);
      });
      int acked = 0;
      int lost = 0;
      int missing = 0;
      int order = 0;
      for (Client client : clients) {
        acked += client.acked.size();
        lost += (int) client.acked.stream().filter(cid -> !storedTimes.containsKey(cid)).count();
        order += client.orderViolations;
        for (String room : rooms) {
          Set<Long> received = client.received.getOrDefault(room, new TreeSet<>());
          missing += (int) storedSeqs.get(room).stream().filter(seq -> !received.contains(seq)).count();
        }
      }
      int duplicates = storedTimes.values().stream().mapToInt(times -> times - 1).sum();
      return new Report(acked, lost, duplicates, missing, order, new TreeMap<>(errors), new TreeMap<>(closes),
          List.copyOf(reconnectMillis), List.copyOf(ackMillis), List.copyOf(errorMillis));
    });
  }

  /** Errors seen so far by all clients, by code. */
  public Map<String, Integer> errors() {
    return onLoop(() -> new TreeMap<>(errors));
  }

  /** Errors seen so far by the clients first connected to {@code port}, by code. */
  public Map<String, Integer> errorsOfClientsOf(int port) {
    return onLoop(() -> {
      Map<String, Integer> seen = new TreeMap<>();
      clients.stream().filter(client -> client.firstPort == port)
          .forEach(client -> client.errors.forEach((code, count) -> seen.merge(code, count, Integer::sum)));
      return seen;
    });
  }

  private long lastMessageSeq(String room) {
    List<MessageView> messages = history(room);
    return messages.isEmpty() ? 0 : messages.get(messages.size() - 1).seq();
  }

  /** A room's whole history, paged over HTTP from a node that is up, as the first client sees it. */
  private List<MessageView> history(String room) {
    return onLoopAsync(() -> clients.get(0).page(room, 0, new ArrayList<>()));
  }

  /** Waits on the caller's thread for an outcome of the harness's event loop, at most {@link #TIMEOUT}. */
  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("Did not complete within " + TIMEOUT + ": " + e, e);
    }
  }

  private <T> T onLoopAsync(Supplier<Future<T>> action) {
    Promise<T> result = Promise.promise();
    vertx.runOnContext(go -> action.get().onComplete(result));
    return await(result.future());
  }

  private <T> T onLoop(Callable<T> action) {
    return onLoopAsync(() -> {
      try {
        return Future.succeededFuture(action.call());
      } catch (Exception e) {
        return Future.failedFuture(e);
      }
    });
  }

  private void eventually(Supplier<Boolean> condition, String what) {
    eventually(condition, what, TIMEOUT.toSeconds());
  }

  private void eventually(Supplier<Boolean> condition, String what, long seconds) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!onLoop(condition::get)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Not true within " + seconds + " s: " + what);
      }
      await(vertx.timer(20));
    }
  }

  @Override
  public void close() {
    onLoopAsync(() -> {
      clients.forEach(client -> client.closing = true);
      return Future.join(clients.stream().map(client -> client.socket == null
          ? Future.succeededFuture() : client.socket.close()).toList()).otherwiseEmpty();
    });
    await(vertx.close());
  }

  /** One person's device: one socket at a time, every room. */
  private final class Client {

    private final Member user;
    private final List<Integer> ports;
    private final int firstPort;
    private final WebSocketClient sockets = vertx.createWebSocketClient();
    /** Messages sent and not acked yet, by cid: the room and when it was first sent. */
    private final Map<String, Sent> pending = new LinkedHashMap<>();
    private final Set<String> acked = new HashSet<>();
    /** When each pending message was last sent (System.nanoTime). */
    private final Map<String, Long> lastSent = new HashMap<>();
    private final Map<String, TreeSet<Long>> received = new HashMap<>();
    /** Per room, the highest seq received so far: where a resume starts. */
    private final Map<String, Long> lastSeq = new HashMap<>();
    private final Map<String, Integer> errors = new TreeMap<>();
    private final Set<String> subscribed = new HashSet<>();
    private int port;
    private int connectedPort;
    private int made;
    private int orderViolations;
    private ClientWebSocket socket;
    private boolean ready;
    private boolean closing;
    private long lostAt = -1;
    private long lastFrameNanos;
    /** When the ping awaiting its answer was sent (System.nanoTime); 0: none. Any frame answers it. */
    private long pingSentNanos;
    private long liveness = -1;

    Client(Member user, List<Integer> ports, int first) {
      this.user = user;
      this.ports = ports;
      this.port = first;
      this.firstPort = ports.get(first);
    }

    private int currentPort() {
      return ports.get(Math.floorMod(port, ports.size()));
    }

    record Sent(String room, long firstNanos) {
    }

    Future<Boolean> connect() {
      if (liveness < 0) {
        liveness = vertx.setPeriodic(watch.pingMillis(), tick -> checkAlive());
      }
      ClientWebSocket ws = sockets.webSocket();
      ws.textMessageHandler(text -> {
        lastFrameNanos = System.nanoTime();
        pingSentNanos = 0;
        frame(ws, new JsonObject(text));
      });
      ws.closeHandler(closed -> lost(ws));
      int target = currentPort();
      WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(target).setURI("/ws")
          .addHeader("Authorization", "Bearer " + user.accessToken());
      boolean[] gaveUp = {false};
      return ws.connect(options)
          .onSuccess(open -> {
            if (gaveUp[0]) {
              ws.close();
            }
          })
          .timeout(CONNECT_MILLIS, TimeUnit.MILLISECONDS)
          .map(open -> {
            socket = ws;
            connectedPort = target;
            lastFrameNanos = System.nanoTime();
            pingSentNanos = 0;
            return true;
          }).recover(refused -> {
            gaveUp[0] = true;
            reconnectLater();
            return Future.succeededFuture(false);
          });
    }

    /** Pings; a socket whose ping went unanswered for too long is given up as if it had closed (its node hangs). */
    private void checkAlive() {
      ClientWebSocket ws = socket;
      if (ws == null || closing) {
        return;
      }
      long now = System.nanoTime();
      if (pingSentNanos != 0 && now - pingSentNanos > TimeUnit.MILLISECONDS.toNanos(watch.silenceMillis())) {
        lost(ws, SILENT);
        ws.close();
        return;
      }
      if (pingSentNanos == 0 && (!watch.whileAwaiting() || !pending.isEmpty()
          || now - lastFrameNanos > TimeUnit.MILLISECONDS.toNanos(IDLE_PING_MILLIS))) {
        pingSentNanos = now;
        ws.writeTextMessage(PING);
      }
    }

    private void lost(ClientWebSocket ws) {
      lost(ws, ws.closeStatusCode() == null ? -1 : (int) ws.closeStatusCode());
    }

    private void lost(ClientWebSocket ws, int code) {
      if (ws != socket || closing) {
        return;
      }
      closes.merge(code, 1, Integer::sum);
      socket = null;
      ready = false;
      subscribed.clear();
      lostAt = System.nanoTime();
      reconnectLater();
    }

    private void reconnectLater() {
      if (closing) {
        return;
      }
      if (lostAt < 0) {
        lostAt = System.nanoTime();
      }
      port++;
      vertx.setTimer(RECONNECT_BACKOFF_MILLIS, again -> connect());
    }

    /**
     * A frame of {@code ws}: the hello may come before the connection's future has made {@code ws} the client's socket
     * (under load, the frame's handler runs first), so subscriptions go to the socket the hello came on.
     */
    private void frame(ClientWebSocket ws, JsonObject frame) {
      switch (String.valueOf(frame.getValue(Protocol.OP))) {
        case Protocol.HELLO -> rooms.forEach(room -> ws.writeTextMessage(
            new Frames.Sub(room, lastSeq.getOrDefault(room, 0L), null).toJson().encode()));
        case Protocol.SUBBED -> subbed(Frames.Subbed.fromJson(frame).room());
        case Protocol.EVT -> event(RoomEvent.fromJson(frame));
        case Protocol.ACK -> ack(Frames.Ack.fromJson(frame).cid());
        case Protocol.GAP -> {
          Frames.Gap gap = Frames.Gap.fromJson(frame);
          fillGap(gap.room(), gap.from());
        }
        case Protocol.ERR -> error(Frames.Err.fromJson(frame));
        default -> { }
      }
    }

    private void subbed(String room) {
      subscribed.add(room);
      if (subscribed.size() == rooms.size() && !ready) {
        ready = true;
        if (lostAt >= 0) {
          reconnectMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lostAt));
          lostAt = -1;
        }
        // The protocol's promise: a resend with the same cid gets the original's ack, never a second message.
        new ArrayList<>(pending.keySet()).forEach(this::send);
      }
    }

    private void event(RoomEvent event) {
      Long seq = event.seq();
      if (seq == null) {
        return;
      }
      String room = event.room();
      if (!received.getOrDefault(room, EMPTY).contains(seq)) {
        String cid = EventType.MESSAGE.equals(event.type()) ? event.data(MessageView::fromJson).text() : null;
        Long sentAt = cid == null ? null : firstSent.get(cid);
        // The sender's own copy is not a delivery (its time is the ack's).
        if (sentAt != null && !pending.containsKey(cid) && !acked.contains(cid)) {
          deliveryMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sentAt));
        }
      }
      deliver(room, seq);
    }

    private void deliver(String room, long seq) {
      TreeSet<Long> seen = received.computeIfAbsent(room, key -> new TreeSet<>());
      if (!seen.isEmpty() && seq < seen.last() && !seen.contains(seq)) {
        orderViolations++;
      }
      seen.add(seq);
      lastSeq.merge(room, seq, Math::max);
    }

    private void fillGap(String room, long from) {
      page(room, from - 1, new ArrayList<>())
          .onSuccess(messages -> messages.forEach(message -> deliver(room, message.seq())));
    }

    private void ack(String cid) {
      Sent sent = pending.remove(cid);
      lastSent.remove(cid);
      if (sent != null) {
        acked.add(cid);
        ackMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent.firstNanos()));
      }
    }

    private void error(Frames.Err frame) {
      String code = frame.code();
      errors.merge(code, 1, Integer::sum);
      FaultHarness.this.errors.merge(code, 1, Integer::sum);
      String cid = frame.cid();
      Long sentAt = cid == null ? null : lastSent.get(cid);
      if (sentAt != null) {
        errorMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sentAt));
      }
      if (cid != null && pending.containsKey(cid) && ErrorCode.UNAVAILABLE.wireName().equals(code)) {
        vertx.setTimer(RESEND_BACKOFF_MILLIS, again -> send(cid));
      }
    }

    void sendNext() {
      if (!ready || !sending) {
        return;
      }
      String cid = user.name() + "-" + (++made);
      long now = System.nanoTime();
      pending.put(cid, new Sent(rooms.get(made % rooms.size()), now));
      firstSent.put(cid, now);
      send(cid);
    }

    private void send(String cid) {
      Sent sent = pending.get(cid);
      if (sent != null && ready && socket != null) {
        lastSent.put(cid, System.nanoTime());
        // The text is the cid: the history then says which sends were stored, and how often.
        socket.writeTextMessage(new Frames.Send(sent.room(), cid, cid, null).toJson().encode());
      }
    }

    /** The messages of a room after {@code after}, every page, from the node this client is on (or its first). */
    Future<List<MessageView>> page(String room, long after, List<MessageView> into) {
      int target = socket == null ? ports.get(0) : connectedPort;
      return http.get(target, "127.0.0.1", "/api/v1/rooms/" + room + "/messages?limit=200&after=" + after)
          .bearerTokenAuthentication(user.accessToken()).send()
          .compose(response -> {
            if (response.statusCode() != 200) {
              return Future.failedFuture("history " + response.statusCode() + ": " + response.bodyAsString());
            }
            MessagePage body = MessagePage.fromJson(response.bodyAsJsonObject());
            into.addAll(body.messages());
            return body.more() && !body.messages().isEmpty()
                ? page(room, into.get(into.size() - 1).seq(), into)
                : Future.succeededFuture(into);
          });
    }
  }
}
