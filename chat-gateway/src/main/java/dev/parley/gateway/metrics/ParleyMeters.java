package dev.parley.gateway.metrics;

import dev.parley.shared.ErrorCode;
import dev.parley.shared.ops.MetricNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Parley's own meters, beside the ones Vert.x keeps (HTTP, WebSockets, event bus, pools, JVM). They sit on the message
 * path, which runs thousands of times a second on a small machine, so each is the cheapest that answers its question:
 * plain counters, one histogram sample per ack and one per event per node (never per socket), no tag that grows with
 * rooms or people. Without metrics turned on (no {@code ops.port}) every meter is a no-op on an empty registry.
 *
 * <p>One per Vert.x instance: the launcher installs the registry before it deploys the roles, which find it with
 * {@link #of(Vertx)}.
 */
public final class ParleyMeters implements Shareable {

  private static final String MAP = ParleyMeters.class.getName();
  private static final String KEY = "meters";
  /** Latency buckets from a millisecond to ten seconds: what a person notices, and what an SLO names. */
  private static final Duration[] BUCKETS = {
      Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
      Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
      Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

  private final MeterRegistry registry;
  private final Counter messages;
  private final Counter events;
  private final Counter deliveries;
  private final Timer ackLatency;
  private final Timer deliveryLatency;
  private final Map<ErrorCode, Counter> wsRefusals = new EnumMap<>(ErrorCode.class);
  private final Map<ErrorCode, Counter> httpRefusals = new EnumMap<>(ErrorCode.class);

  private ParleyMeters(MeterRegistry registry) {
    this.registry = registry;
    messages = Counter.builder(MetricNames.MESSAGES).description("messages stored and acknowledged to their sender")
        .register(registry);
    events = Counter.builder(MetricNames.EVENTS)
        .description("stored room events this node fanned out to its sockets (once per event, whatever the sockets)")
        .register(registry);
    deliveries = Counter.builder(MetricNames.DELIVERIES).description("event frames handed to sockets")
        .register(registry);
    ackLatency = Timer.builder(MetricNames.ACK_LATENCY)
        .description("from a send frame read to its ack written: rate limit, storage and reply")
        .serviceLevelObjectives(BUCKETS).register(registry);
    deliveryLatency = Timer.builder(MetricNames.DELIVERY_LATENCY)
        .description("end to end: from a message's commit time to its fan-out on this node (clocks of two machines)")
        .serviceLevelObjectives(BUCKETS).register(registry);
    for (ErrorCode code : ErrorCode.values()) {
      wsRefusals.put(code, refusals(registry, code, "ws"));
      httpRefusals.put(code, refusals(registry, code, "http"));
    }
  }

  private static Counter refusals(MeterRegistry registry, ErrorCode code, String via) {
    return Counter.builder(MetricNames.REFUSALS).description("requests and frames answered with an error, by its code")
        .tag("code", code.wireName()).tag("via", via).register(registry);
  }

  /** Installs the registry Parley's meters go to on this Vert.x instance (before its roles are deployed). */
  public static ParleyMeters install(Vertx vertx, MeterRegistry registry) {
    ParleyMeters meters = new ParleyMeters(registry);
    local(vertx).put(KEY, meters);
    return meters;
  }

  /** This instance's meters; no-ops when none were installed. */
  public static ParleyMeters of(Vertx vertx) {
    return local(vertx).computeIfAbsent(KEY, absent -> new ParleyMeters(new CompositeMeterRegistry()));
  }

  private static LocalMap<String, ParleyMeters> local(Vertx vertx) {
    return vertx.sharedData().getLocalMap(MAP);
  }

  /** A gauge read at each scrape (sizes of what the node holds: connections, subscriptions, queues). */
  public void gauge(String name, String description, Supplier<Number> value) {
    Gauge.builder(name, value).description(description).register(registry);
  }

  /** A message was acknowledged, {@code nanos} after its frame was read. */
  public void acked(long nanos) {
    messages.increment();
    ackLatency.record(nanos, TimeUnit.NANOSECONDS);
  }

  /**
   * A stored event was handed to {@code sockets} sockets; {@code committedAt} is its epoch millisecond timestamp, or
   * 0 for an event that carries none.
   */
  public void fannedOut(int sockets, long committedAt) {
    events.increment();
    deliveries.increment(sockets);
    if (committedAt > 0) {
      deliveryLatency.record(Math.max(0, System.currentTimeMillis() - committedAt), TimeUnit.MILLISECONDS);
    }
  }

  /** A WebSocket frame was answered with an {@code err} of this code. */
  public void refusedFrame(ErrorCode code) {
    wsRefusals.get(code).increment();
  }

  /** An HTTP request was answered with an error of this code. */
  public void refusedRequest(ErrorCode code) {
    httpRefusals.get(code).increment();
  }
}
