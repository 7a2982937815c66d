package dev.parley.gateway.ws;

import dev.parley.gateway.metrics.ParleyMeters;
import dev.parley.shared.rooms.MessageCommands.Replay;
import dev.parley.shared.rooms.MessageCommands.ReplayResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The node's fan-out: ONE event-bus consumer per room that has at least one local subscriber, reference counted
 * and released when the last subscriber leaves. Connections never hold consumers of their own.
 *
 * <p>Everything here runs on the gateway verticle's event loop, like the connections it serves.
 */
public final class RoomFanout {

  private final Vertx vertx;
  private final Function<Replay, Future<ReplayResult>> replays;
  private final long holdMillis;
  private final int replayLimit;
  private final Map<String, RoomChannel> channels = new ConcurrentHashMap<>();
  private final ParleyMeters meters;
  /** Subscriptions of this node's sockets, over all rooms (read by metrics, from another thread). */
  private final AtomicInteger subscriptions = new AtomicInteger();

  /**
   * @param replays reads a room's events after a seq from PostgreSQL (room-verticle's {@link Replay})
   */
  public RoomFanout(Vertx vertx, Function<Replay, Future<ReplayResult>> replays, long holdMillis, int replayLimit) {
    this.meters = ParleyMeters.of(vertx);
    this.vertx = vertx;
    this.replays = replays;
    this.holdMillis = holdMillis;
    this.replayLimit = replayLimit;
  }

  /** Adds a subscriber; the future completes once the room's consumer is registered across the cluster. */
  Future<RoomChannel> attach(RoomSubscription subscription) {
    RoomChannel channel = channels.computeIfAbsent(subscription.room(),
        room -> new RoomChannel(vertx, replays, room, holdMillis, replayLimit, meters));
    channel.add(subscription);
    subscriptions.incrementAndGet();
    return channel.ready().map(channel);
  }

  /** Removes a subscriber; the last one out releases the room's consumer. */
  void detach(RoomSubscription subscription) {
    RoomChannel channel = channels.get(subscription.room());
    if (channel == null || !channel.remove(subscription)) {
      return;
    }
    subscriptions.decrementAndGet();
    if (channel.isEmpty()) {
      channels.remove(subscription.room());
      channel.close();
    }
  }

  /** Subscriptions of this node's sockets over all rooms (read by metrics, from any thread). */
  public int subscriptions() {
    return subscriptions.get();
  }

  /** How many rooms this node holds a consumer for (read by metrics, from any thread). */
  public int roomCount() {
    return channels.size();
  }

  /** The rooms this node holds a consumer for (read by tests and metrics, from any thread). */
  public Set<String> rooms() {
    return Set.copyOf(channels.keySet());
  }
}
