package dev.parley.rooms.store;

import dev.parley.microbench.Samples;
import dev.parley.rooms.access.Standing;
import dev.parley.shared.Addresses;
import dev.parley.shared.ErrorCode;
import dev.parley.shared.ParleyException;
import dev.parley.shared.contract.Command;
import dev.parley.shared.contract.Contract;
import dev.parley.shared.contract.JsonBody;
import dev.parley.shared.contract.Requester;
import dev.parley.shared.contract.Responder;
import dev.parley.shared.contract.Route;
import dev.parley.shared.rooms.MessageCommands.MessageAck;
import dev.parley.shared.rooms.MessageCommands.PostMessage;
import dev.parley.shared.rooms.RoomKind;
import dev.parley.shared.ws.Frames.Send;
import dev.parley.shared.ws.Frames;
import io.vertx.core.CompositeFuture;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A message's way from the client's {@code send} frame to the database call, on two event loops as in production.
 * The gateway side reads the frame ({@link Frames#parse}, which validates it), makes the {@link PostMessage} command
 * and asks for it over the event bus ({@link Requester}); the room side answers through a {@link Responder}, and its
 * store work ends where PostgreSQL's would begin: the parameters of {@code post_messages} for the message's batch
 * ({@link MessageBatches#parameters}). Its reply is the ack the gateway reads. Every message posted pays this before
 * the database sees it, so it bounds the messages per second a node can take in, however fast the database.
 *
 * <p>Two ways, each of {@value #SENDS} sends so that the score is per send and not per wake-up of the benchmark
 * thread: {@link #sendInTurn} sends them from one connection, each after the previous one's ack as {@code Connection}
 * does, so the score is the latency a sender sees (two hand-overs between event loops per send, request and reply);
 * {@link #sendAtOnce} sends them at once, as from that many connections, so the score is the time per send when many
 * are in flight: the inverse of what one node takes in per second.
 *
 * <p>Left out: the send rate limit (a Redis call), the batch's spacing, the database round trip and the publish after
 * the commit. In this package because {@link MessageBatches} is the store's own (package-private) class.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@OperationsPerInvocation(SendPathBenchmark.SENDS)
@State(Scope.Benchmark)
public class SendPathBenchmark {

  static final int SENDS = 100;
  private static final long WAIT_MILLIS = 30_000;

  private Vertx vertx;
  private GatewaySide gateway;

  @Setup
  public void deploy() throws TimeoutException {
    vertx = Vertx.vertx();
    vertx.deployVerticle(new RoomSide()).await(WAIT_MILLIS, TimeUnit.MILLISECONDS);
    gateway = new GatewaySide();
    vertx.deployVerticle(gateway).await(WAIT_MILLIS, TimeUnit.MILLISECONDS);
  }

  @TearDown
  public void close() throws TimeoutException {
    vertx.close().await(WAIT_MILLIS, TimeUnit.MILLISECONDS);
  }

  @Benchmark
  public MessageAck sendInTurn() throws TimeoutException {
    return gateway.sendInTurn(SENDS).await(WAIT_MILLIS, TimeUnit.MILLISECONDS);
  }

  @Benchmark
  public CompositeFuture sendAtOnce() throws TimeoutException {
    return gateway.sendAtOnce(SENDS).await(WAIT_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** The gateway side: one connection's sends, up to the event bus. */
  private static final class GatewaySide extends VerticleBase {

    private final String frame = Samples.sendFrame();
    private Requester services;

    @Override
    public Future<?> start() {
      services = new Requester(vertx.eventBus(), WAIT_MILLIS);
      return Future.succeededFuture();
    }

    /** {@code count} sends, each after the previous one's ack; the last one's ack. */
    Future<MessageAck> sendInTurn(int count) {
      return onEventLoop(() -> sendFrom(count));
    }

    /** {@code count} sends at once; completes when all are acked. */
    Future<CompositeFuture> sendAtOnce(int count) {
      return onEventLoop(() -> {
        List<Future<MessageAck>> acks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          acks.add(send(frame));
        }
        return Future.all(acks);
      });
    }

    private Future<MessageAck> sendFrom(int remaining) {
      Future<MessageAck> acked = send(frame);
      return remaining == 1 ? acked : acked.compose(ack -> sendFrom(remaining - 1));
    }

    /** Runs the work on this verticle's event loop, where its requester belongs. */
    private <T> Future<T> onEventLoop(Supplier<Future<T>> work) {
      Promise<T> done = Promise.promise();
      context.runOnContext(now -> work.get().onComplete(done));
      return done.future();
    }

    /** What {@code Connection} does with a {@code send} frame's text, up to the event bus, less its limits. */
    private Future<MessageAck> send(String text) {
      Send send = (Send) Frames.parse(new JsonObject(text));
      return services.ask(new PostMessage(send.room(), Samples.SENDER, Samples.SENDER_NAME, send.cid(), send.text()));
    }
  }

  /** The room side: the commands of {@link Addresses#ROOMS_CMD}, of which only posting is measured. */
  private static final class RoomSide extends VerticleBase {

    private static final Logger LOG = LoggerFactory.getLogger(RoomSide.class);

    /** The sender's standing as an earlier post approved it: the usual case, one round trip to the database. */
    private final Standing approved = new Standing(Samples.ROOM, RoomKind.CHANNEL, "general", false, Samples.SEQ,
        Samples.SENDER, Standing.MEMBER, false, false, Standing.MEMBER);
    private long seq = Samples.SEQ;

    @Override
    public Future<?> start() {
      Responder responder = new Responder(Addresses.ROOMS_CMD, LOG, SqlFailures::translate);
      // A responder listens only with a handler for every command of its address.
      for (Route<?, ?> route : Contract.routesOn(Addresses.ROOMS_CMD)) {
        refuse(responder, route);
      }
      return responder.on(PostMessage.ROUTE, this::post).listen(vertx.eventBus());
    }

    private Future<MessageAck> post(PostMessage command) {
      Tuple parameters = MessageBatches.parameters(
          List.of(new MessageBatches.Pending(command, approved, Promise.promise(), System.nanoTime())));
      // post_messages would answer with the id the parameters hold, the room's next seq and the commit time.
      String id = parameters.getArrayOfUUIDs(0)[0].toString();
      return Future.succeededFuture(new MessageAck(id, ++seq, System.currentTimeMillis()));
    }

    private static <C extends Command<R>, R extends JsonBody> void refuse(Responder responder, Route<C, R> route) {
      responder.on(route, command -> Future.failedFuture(
          new ParleyException(ErrorCode.UNAVAILABLE, route + " is not part of this benchmark")));
    }
  }
}
