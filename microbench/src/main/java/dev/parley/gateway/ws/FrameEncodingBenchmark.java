package dev.parley.gateway.ws;

import dev.parley.microbench.Samples;
import dev.parley.shared.events.RoomEvent;
import dev.parley.shared.ws.Frames.ClientFrame;
import dev.parley.shared.ws.Frames;
import dev.parley.shared.ws.Protocol;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The CPU work of the two frames every chat message makes, without I/O. In this package because {@link EncodedFrame}
 * is the gateway's own (package-private) class.
 *
 * <ul>
 *   <li>{@link #storedEventToFrame}: what {@link RoomChannel} does once per stored event, on every gateway node with a
 *       follower of the room and whatever their number: read the event it received, add the op, encode the frame to
 *       UTF-8 once. Every message posted costs this on each such node.
 *   <li>{@link #parseSendFrame}: what {@link Connection} does with each {@code send} frame a client writes: decode
 *       the JSON text and read it as a protocol frame, which validates it. Every message posted costs this once.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class FrameEncodingBenchmark {

  /** The event as the room verticle publishes it. */
  private final JsonObject published = Samples.storedMessage().toJson();
  private final String sendFrame = Samples.sendFrame();

  @Benchmark
  public EncodedFrame storedEventToFrame(Blackhole blackhole) {
    // The channel gets a copy of its own: the local event bus copies a JsonObject for each consumer.
    JsonObject received = published.copy();
    blackhole.consume(RoomEvent.fromJson(received));
    return EncodedFrame.of(received.put(Protocol.OP, Protocol.EVT));
  }

  @Benchmark
  public ClientFrame parseSendFrame(Blackhole blackhole) {
    JsonObject json = new JsonObject(sendFrame);
    // The connection reads the ref first, so that an error about the rest of the frame can still carry it.
    blackhole.consume(Frames.ref(json));
    return Frames.parse(json);
  }
}
