package dev.parley.bench.faults;

import dev.parley.shared.events.RoomEvent;
import dev.parley.shared.ws.Frames;
import dev.parley.shared.ws.Protocol;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.LongStream;

/**
 * The three abusers of issue 13's overload target, each counting what the node answered it in {@code shed} (a
 * thread-safe map): someone sending beyond their rate limit, sockets that never read, and a flood of connection
 * attempts with a forged or no token. Used by app's {@code OverloadIT} and by {@code parley-bench abuse}, which runs
 * them from its own process against a separately started node.
 */
public final class Abusers {

  private Abusers() {
  }

  static WebSocketConnectOptions socket(int port, String token) {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws");
    return token == null ? options : options.addHeader("Authorization", "Bearer " + token);
  }

  /** Connection attempts of the flooder and the feeder, which behave as clients do: a dropped handshake is retried. */
  private static final int CONNECT_ATTEMPTS = 10;

  /**
   * Connects as a well-behaved client: under the connection storm the node may drop a handshake, and the client
   * tries again 200 ms later, {@code attempts} times in all.
   */
  private static Future<WebSocket> connect(Vertx vertx, int port, String token, int attempts) {
    return vertx.createWebSocketClient().connect(socket(port, token))
        .recover(dropped -> attempts <= 1 || dropped instanceof UpgradeRejectedException ? Future.failedFuture(dropped)
            : vertx.timer(200).compose(waited -> connect(vertx, port, token, attempts - 1)));
  }

  /** {@code count} sends, one every {@code everyMillis}, into {@code room}; each {@code err} code counted. */
  public static Future<Void> flood(Vertx vertx, int port, String token, String room, long everyMillis, int count,
                                   Map<String, Integer> shed) {
    return connect(vertx, port, token, CONNECT_ATTEMPTS)
        .compose(ws -> {
          ws.textMessageHandler(text -> {
            JsonObject frame = new JsonObject(text);
            if (Protocol.ERR.equals(frame.getString(Protocol.OP))) {
              shed.merge(Frames.Err.fromJson(frame).code(), 1, Integer::sum);
            }
          });
          ws.closeHandler(closed -> shed.merge("flooder_closed_" + ws.closeStatusCode(), 1, Integer::sum));
          AtomicInteger sent = new AtomicInteger();
          return Future.<Void>future(done -> vertx.setPeriodic(everyMillis, tick -> {
            int n = sent.incrementAndGet();
            if (n > count) {
              vertx.cancelTimer(tick);
              done.complete();
              return;
            }
            ws.writeTextMessage(new Frames.Send(room, "flood-" + n, "flood " + n, null).toJson().encode());
          })).eventually(() -> ws.close().otherwiseEmpty());
        });
  }

  /** The stuck readers: when they are all subscribed and not reading, and when the node has closed them all. */
  public record Stuck(Future<Void> subscribed, Future<Void> closed) {
  }

  /**
   * Messages of 3,900 characters the feeder sends into the stuck readers' room: 11.7 MB, more than twice what a
   * socket can hold on its way (the node's send buffer grows to 4 MiB here, the reader's receive buffer is 8 KiB, the
   * node's own queue 64 frames), so a node that does not close the stuck readers is caught still buffering for them.
   */
  private static final int FEED_MESSAGES = 3_000;
  /** The feeder's sends awaiting their answer at most. */
  private static final int FEED_IN_FLIGHT = 20;
  /** How long a stuck reader, reading again, may take to reach the end of what the node sent it before its close. */
  private static final long READ_THROUGH_MILLIS = 30_000;

  /**
   * {@code count} sockets that follow a room of big messages and stop reading: the frames pile up in the socket
   * buffers, then in the node's own queue for each, and the node must close them with 1013 rather than buffer for
   * them. A feeder has {@link #FEED_MESSAGES} of 3,900 characters stored, sending one every 10 ms (a send refused
   * with rate_limited or unavailable is not counted: the next one goes on); once they are acked the stuck
   * readers read again, through what the node had sent them, to the end: a close by the node ({@code close_1013}, or
   * {@code close_1006} where the node's end gave up on a socket that read nothing) or {@code stuck_not_closed}, the
   * node still buffering for them ({@code stuck_not_fed_enough} when the node, too slow, stored less than that).
   * (A reader that reads nothing would never see its close: the close frame and the end of the connection wait
   * behind the data it does not read.) The feeder reads the room, as any member would, and counts in
   * {@code feeder_missing} the events the closes cost it.
   */
  public static Stuck stuckReaders(Vertx vertx, int port, String stuckToken, String feederToken, String room,
                                   int count, Map<String, Integer> shed) {
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setReceiveBufferSize(8192)
        .setMaxConnections(count));
    JsonObject sub = new Frames.Sub(room, null, null).toJson();
    List<Future<Void>> subscribed = new ArrayList<>();
    List<Future<Void>> closed = new ArrayList<>();
    List<ClientWebSocket> stuck = new CopyOnWriteArrayList<>();
    for (int i = 0; i < count; i++) {
      ClientWebSocket ws = client.webSocket();
      Promise<Void> gone = Promise.promise();
      closed.add(gone.future());
      Future<Void> paused = Future.future(done -> ws.textMessageHandler(text -> {
        if (Protocol.SUBBED.equals(new JsonObject(text).getString(Protocol.OP))) {
          ws.pause();
          // What it reads again later is only read through, not looked at.
          ws.textMessageHandler(ignored -> { });
          done.tryComplete();
        }
      }));
      // A handshake a loaded machine drops is counted (stuck_connect_*) and that reader left out: the node is to
      // close every reader that did get in.
      subscribed.add(ws.connect(socket(port, stuckToken))
          .compose(open -> {
            stuck.add(ws);
            ws.closeHandler(end -> {
              shed.merge("close_" + ws.closeStatusCode(), 1, Integer::sum);
              gone.tryComplete();
            });
            ws.writeTextMessage(sub.encode());
            return paused;
          })
          .recover(e -> {
            shed.merge("stuck_connect_" + e.getMessage(), 1, Integer::sum);
            gone.tryComplete();
            return Future.succeededFuture();
          }));
    }
    Future<Void> allSubscribed = Future.all(subscribed).mapEmpty();
    Future<Void> allClosed = Future.join(closed).mapEmpty();
    return new Stuck(allSubscribed, allSubscribed
        .compose(ready -> feed(vertx, port, feederToken, room, shed, allClosed, full -> stuck.forEach(ws -> {
          ws.resume();
          vertx.setTimer(READ_THROUGH_MILLIS, late -> {
            if (!ws.isClosed()) {
              // Open at the end of all it was sent: the node buffered it all, or (a feed cut short) had not had to.
              shed.merge(full ? "stuck_not_closed" : "stuck_not_fed_enough", 1, Integer::sum);
              ws.close();
            }
          });
        })))
        .eventually(() -> client.close().otherwiseEmpty()));
  }

  /**
   * The feeder: {@link #FEED_MESSAGES} stored into {@code room} (at most three times as many sent, at most
   * {@link #FEED_IN_FLIGHT} awaiting their answer), then {@code fed} with whether all were; it completes when
   * {@code closed} has and it received every event up to its last ack (or 30 s after).
   */
  private static Future<Void> feed(Vertx vertx, int port, String token, String room, Map<String, Integer> shed,
                                   Future<Void> closed, Consumer<Boolean> fed) {
    String text = "x".repeat(3_900);
    return connect(vertx, port, token, CONNECT_ATTEMPTS)
        .onFailure(e -> shed.merge("feeder_connect_" + e.getMessage(), 1, Integer::sum))
        .compose(feed -> {
          Set<Long> seen = new HashSet<>();
          long[] lastAcked = {0};
          Promise<Void> answered = Promise.promise();
          AtomicInteger acks = new AtomicInteger();
          AtomicInteger answers = new AtomicInteger();
          feed.textMessageHandler(frame -> {
            JsonObject json = new JsonObject(frame);
            String op = json.getString(Protocol.OP);
            if (Protocol.EVT.equals(op)) {
              Long seq = RoomEvent.fromJson(json).seq();
              if (seq != null) {
                seen.add(seq);
              }
            } else if (Protocol.ACK.equals(op)) {
              lastAcked[0] = Math.max(lastAcked[0], Frames.Ack.fromJson(json).seq());
            } else if (Protocol.ERR.equals(op)) {
              shed.merge("feeder_" + Frames.Err.fromJson(json).code(), 1, Integer::sum);
            }
            if (Protocol.ACK.equals(op) || Protocol.ERR.equals(op)) {
              answers.incrementAndGet();
            }
            if (Protocol.ACK.equals(op) && acks.incrementAndGet() == FEED_MESSAGES) {
              answered.tryComplete();
            }
          });
          feed.closeHandler(gone -> {
            shed.merge("feeder_closed_" + feed.closeStatusCode(), 1, Integer::sum);
            answered.tryComplete();
          });
          feed.writeTextMessage(new Frames.Sub(room, 0L, null).toJson().encode());
          AtomicInteger sent = new AtomicInteger();
          vertx.setPeriodic(10, tick -> {
            if (sent.get() - answers.get() >= FEED_IN_FLIGHT) {
              return; // a node that answers slowly is not sent more than it can take (and is no stuck reader)
            }
            int n = sent.incrementAndGet();
            if (acks.get() >= FEED_MESSAGES || n > 3 * FEED_MESSAGES) {
              vertx.cancelTimer(tick);
              answered.tryComplete();
              return;
            }
            feed.writeTextMessage(new Frames.Send(room, "feed-" + n, text, null).toJson().encode());
          });
          return answered.future()
              .compose(all -> {
                fed.accept(acks.get() >= FEED_MESSAGES);
                return closed;
              })
              .compose(allClosed -> caughtUp(vertx, seen, lastAcked, 30_000))
              .onComplete(done -> {
                long missing = LongStream.rangeClosed(1, lastAcked[0]).filter(seq -> !seen.contains(seq)).count();
                shed.merge("feeder_received", seen.size(), Integer::sum);
                shed.merge("feeder_missing", (int) missing, Integer::sum);
              })
              .eventually(() -> feed.close().otherwiseEmpty());
        });
  }

  /** Completes once every seq up to the last acked one was received, or after {@code millis} in any case. */
  private static Future<Void> caughtUp(Vertx vertx, Set<Long> seen, long[] lastAcked, long millis) {
    boolean all = LongStream.rangeClosed(1, lastAcked[0]).allMatch(seen::contains);
    if (all || millis <= 0) {
      return Future.succeededFuture();
    }
    return vertx.timer(50).compose(waited -> caughtUp(vertx, seen, lastAcked, millis - 50));
  }

  /** Event loops the connection storm is spread over: one loop alone opens about 1,500 connections a second. */
  private static final int STORM_LOOPS = 4;

  /**
   * {@code total} WebSocket upgrades at {@code perSecond} (started every 10 ms, open loop), every other one with a
   * forged token and the rest with none; at most {@code inFlight} at a time, the attempts beyond counted as
   * {@code not_sent_in_flight}. Each outcome counted: {@code upgrade_<status>} (401, 429, 503), {@code failed_<why>}
   * (the connection dropped before the refusal was read) or {@code let_in}. Spread over {@value #STORM_LOOPS}
   * event loops, a share each, so the generator's one loop is not what limits the rate.
   */
  public static Future<Void> connectionStorm(Vertx vertx, int port, int perSecond, int total, int inFlight,
                                             Map<String, Integer> shed) {
    int loops = Math.max(1, Math.min(STORM_LOOPS, Math.min(total, inFlight)));
    List<Future<Void>> shares = new ArrayList<>();
    for (int i = 0; i < loops; i++) {
      Storm share = new Storm(port, share(perSecond, loops, i), share(total, loops, i), share(inFlight, loops, i),
          shed);
      shares.add(vertx.deployVerticle(share).compose(id -> share.done.future().eventually(() -> vertx.undeploy(id))));
    }
    return Future.join(shares).mapEmpty();
  }

  /** The {@code i}th of {@code parts} shares of {@code whole}, the remainder going to the first ones. */
  private static int share(int whole, int parts, int i) {
    return whole / parts + (i < whole % parts ? 1 : 0);
  }

  /** One event loop's share of the connection storm: its own client, timer and attempts. */
  private static final class Storm extends VerticleBase {

    private final int port;
    private final int perSecond;
    private final int total;
    private final int inFlight;
    private final Map<String, Integer> shed;
    private final Promise<Void> done = Promise.promise();
    private final List<Future<Void>> attempts = new ArrayList<>();
    private int started;
    private int open;

    Storm(int port, int perSecond, int total, int inFlight, Map<String, Integer> shed) {
      this.port = port;
      this.perSecond = perSecond;
      this.total = total;
      this.inFlight = inFlight;
      this.shed = shed;
    }

    @Override
    public Future<?> start() {
      WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(inFlight)
          .setConnectTimeout(10_000));
      double perTick = perSecond / 100.0;
      long begin = System.nanoTime();
      Future.<Void>future(allStarted -> vertx.setPeriodic(10, tick -> {
        long due = Math.min(total, (long) Math.ceil((System.nanoTime() - begin) / 10e6 * perTick + perTick));
        while (started < due) {
          started++;
          if (open >= inFlight) {
            shed.merge("not_sent_in_flight", 1, Integer::sum);
            continue;
          }
          open++;
          attempts.add(attempt(client, started % 2 == 0 ? "forged." + UUID.randomUUID() + ".token" : null));
        }
        if (started >= total) {
          vertx.cancelTimer(tick);
          allStarted.complete();
        }
      })).compose(all -> Future.join(attempts))
          .eventually(() -> client.close().otherwiseEmpty())
          .onComplete(ended -> done.complete());
      return Future.succeededFuture();
    }

    private Future<Void> attempt(WebSocketClient client, String token) {
      return client.connect(socket(port, token))
          .<Void>compose(accepted -> {
            shed.merge("let_in", 1, Integer::sum);
            return accepted.close();
          })
          .recover(refused -> {
            // Not let in: refused with a status, or the connection dropped before the refusal was read.
            String kind = refused instanceof UpgradeRejectedException rejected
                ? "upgrade_" + rejected.getStatus() : "failed_" + refused.getClass().getSimpleName();
            shed.merge(kind, 1, Integer::sum);
            return Future.succeededFuture();
          })
          .onComplete(ended -> open--);
    }
  }
}
