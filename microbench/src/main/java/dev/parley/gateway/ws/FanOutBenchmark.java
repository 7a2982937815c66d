package dev.parley.gateway.ws;

import dev.parley.microbench.Samples;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One stored room event fanned out to the room's followers on one gateway node, over real loopback WebSockets: the
 * event is encoded once and each live {@link RoomSubscription} writes a frame over the shared bytes to its socket, as
 * {@code RoomChannel.flush}, {@link RoomSubscription#event} and {@code Connection.sendEvent} do. This is what a
 * message costs a node per follower, so it decides how large a room one node can carry. An operation is the whole
 * round trip: from handing the frame to the gateway's event loop until every client has received it; divided by the
 * number of subscribers it gives the cost of one delivery.
 *
 * <p>The clients run in this JVM, on Vert.x's other event loops, and share the machine's cores with the server: the
 * figure includes their reading, so it is an upper bound on the server's own cost. In this package because
 * {@link EncodedFrame}, {@link RoomSubscription} and {@link Socket} are the gateway's own (package-private) classes.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class FanOutBenchmark {

  private static final String HOST = "127.0.0.1";
  private static final long WAIT_SECONDS = 30;

  @Param({"10", "1000"})
  public int subscribers;

  private final EncodedFrame frame = EncodedFrame.of(Samples.storedMessage().toFrame());
  private Vertx vertx;
  private GatewayNode gateway;
  private WebSocketClient client;
  /** The deliveries the operation under way waits for: every client counts down the current one per frame. */
  private volatile CountDownLatch deliveries;
  /** The seq of the last event fanned out: a subscription hands on only events newer than the last it sent. */
  private long seq;

  @Setup
  public void connect() throws TimeoutException {
    vertx = Vertx.vertx();
    gateway = new GatewayNode(subscribers);
    vertx.deployVerticle(gateway).await(WAIT_SECONDS, TimeUnit.SECONDS);
    client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(subscribers));
    List<Future<WebSocket>> connecting = new ArrayList<>();
    for (int i = 0; i < subscribers; i++) {
      connecting.add(client.connect(gateway.port(), HOST, "/")
          .onSuccess(ws -> ws.handler(received -> deliveries.countDown())));
    }
    Future.all(connecting).await(WAIT_SECONDS, TimeUnit.SECONDS);
    gateway.allSubscribed().await(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  @TearDown
  public void disconnect() throws TimeoutException {
    client.close().await(WAIT_SECONDS, TimeUnit.SECONDS);
    vertx.close().await(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  @Benchmark
  public void fanOut() throws InterruptedException {
    CountDownLatch arrived = new CountDownLatch(subscribers);
    deliveries = arrived;
    gateway.publish(++seq, frame);
    if (!arrived.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
      throw new IllegalStateException(arrived.getCount() + " of " + subscribers + " clients did not get the event");
    }
  }

  /**
   * The gateway side: a WebSocket server whose every connection follows the sample room, live from the start (no
   * replay), through a {@link RoomSubscription}. Its sockets and subscriptions belong to its event loop, as a gateway
   * verticle's do.
   */
  private static final class GatewayNode extends VerticleBase {

    private final int expected;
    private final List<RoomSubscription> subscriptions = new ArrayList<>();
    private final Promise<Void> allSubscribed = Promise.promise();
    private volatile int port;

    GatewayNode(int expected) {
      this.expected = expected;
    }

    @Override
    public Future<?> start() {
      // Compression off, as on the gateway's server.
      return vertx.createHttpServer(new HttpServerOptions()
              .setPerMessageWebSocketCompressionSupported(false)
              .setPerFrameWebSocketCompressionSupported(false))
          .webSocketHandler(this::subscribe)
          .listen(0, HOST)
          .onSuccess(server -> port = server.actualPort());
    }

    int port() {
      return port;
    }

    Future<Void> allSubscribed() {
      return allSubscribed.future();
    }

    /** Hands the event to every subscription on this node's event loop, as {@code RoomChannel.flush} does. */
    void publish(long seq, EncodedFrame frame) {
      context.runOnContext(now -> {
        for (RoomSubscription subscription : subscriptions) {
          subscription.event(seq, frame);
        }
      });
    }

    private void subscribe(ServerWebSocket ws) {
      RoomSubscription subscription = new RoomSubscription(new EventSocket(ws), Samples.ROOM);
      subscription.goLive(0);
      subscriptions.add(subscription);
      if (subscriptions.size() == expected) {
        allSubscribed.complete();
      }
    }
  }

  /**
   * A socket that does with a stored event what {@code Connection.sendEvent} does while the client keeps up: look at
   * the write queue, then write a frame over the shared bytes. Nothing else a connection does is on this path.
   */
  private record EventSocket(ServerWebSocket ws) implements Socket {

    @Override
    public String user() {
      return Samples.SENDER;
    }

    @Override
    public int maxBufferedEvents() {
      // Subscriptions here are live from the start: they never buffer.
      return 0;
    }

    @Override
    public void sendEvent(EncodedFrame frame) {
      if (ws.writeQueueFull()) {
        closeSlow();
        return;
      }
      ws.writeFrame(frame.frame());
    }

    @Override
    public void sendEphemeral(EncodedFrame frame) {
      throw new UnsupportedOperationException("Only stored events are fanned out here");
    }

    @Override
    public void sendGap(String room, long from, long to) {
      throw new UnsupportedOperationException("Subscriptions here never fall behind the room");
    }

    /** A client that falls behind would make this a measure of the write queue, not of the fan-out. */
    @Override
    public void closeSlow() {
      throw new IllegalStateException("A client fell behind: the figures would not be a fan-out's");
    }

    @Override
    public void revoked(RoomSubscription subscription) {
      throw new UnsupportedOperationException("Nobody leaves the room here");
    }
  }
}
