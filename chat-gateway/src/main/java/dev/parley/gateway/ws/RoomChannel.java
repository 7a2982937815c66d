package dev.parley.gateway.ws;

import dev.parley.gateway.metrics.ParleyMeters;
import dev.parley.shared.Addresses;
import dev.parley.shared.ParleyException;
import dev.parley.shared.events.EventType;
import dev.parley.shared.events.RoomEvent;
import dev.parley.shared.events.RoomEvents.MemberLeft;
import dev.parley.shared.events.RoomEvents.MemberUpdated;
import dev.parley.shared.rooms.MessageCommands.Replay;
import dev.parley.shared.rooms.MessageView;
import dev.parley.shared.rooms.MessageCommands.ReplayResult;
import dev.parley.shared.ws.Protocol;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One room's consumer on this node and its local subscribers. Events of a room can arrive out of order (concurrent
 * commits, several room workers, several nodes); the channel hands them on strictly in {@code seq} order. An early
 * event is held until the missing ones arrive or, after {@code holdMillis}, they are fetched from PostgreSQL. Each
 * event is encoded to its frame once, whatever the number of subscribers.
 *
 * <p>A big room is served in slices of {@link #SLICE} sockets per turn of the event loop: a fan-out to 10,000 sockets
 * takes the loop for about 150 ms, and in between acks, pings and other rooms' events must get their turn. Events of
 * the room wait behind the slices of the one before them, so every socket still sees them in order.
 */
final class RoomChannel {

  private static final Logger LOG = LoggerFactory.getLogger(RoomChannel.class);
  private static final long UNKNOWN = -1;
  /** Sockets handed an event in one turn of the event loop (about 8 ms of writes). */
  static final int SLICE = 512;

  private final Vertx vertx;
  private final Context context;
  private final Function<Replay, Future<ReplayResult>> replays;
  private final String room;
  private final long holdMillis;
  private final int replayLimit;
  private final MessageConsumer<JsonObject> consumer;
  private final Future<Void> ready;
  private final Set<RoomSubscription> subscribers = new LinkedHashSet<>();
  /** Early events by seq, ready to hand on. */
  private final TreeMap<Long, Pending> held = new TreeMap<>();
  /** In seq order: events being handed on in slices, the first one under way. */
  private final ArrayDeque<Outgoing> outgoing = new ArrayDeque<>();

  /** The last seq handed to subscribers; unknown until a subscriber has read the room's latest seq. */
  private long delivered = UNKNOWN;
  /** The highest seq known to exist. */
  private long expected;
  private long repairTimer = -1;
  private boolean repairing;
  private boolean closed;
  private final ParleyMeters meters;

  RoomChannel(Vertx vertx, Function<Replay, Future<ReplayResult>> replays, String room, long holdMillis, int replayLimit) {
    this(vertx, replays, room, holdMillis, replayLimit, ParleyMeters.of(vertx));
  }

  RoomChannel(Vertx vertx, Function<Replay, Future<ReplayResult>> replays, String room, long holdMillis, int replayLimit,
              ParleyMeters meters) {
    this.meters = meters;
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.replays = replays;
    this.room = room;
    this.holdMillis = holdMillis;
    this.replayLimit = replayLimit;
    this.consumer = vertx.eventBus().consumer(Addresses.room(room), message -> onEvent(message.body()));
    this.ready = consumer.completion();
  }

  Future<Void> ready() {
    return ready;
  }

  void add(RoomSubscription subscription) {
    subscribers.add(subscription);
  }

  boolean remove(RoomSubscription subscription) {
    return subscribers.remove(subscription);
  }

  boolean isEmpty() {
    return subscribers.isEmpty();
  }

  void close() {
    closed = true;
    outgoing.clear();
    if (repairTimer != -1) {
      vertx.cancelTimer(repairTimer);
    }
    consumer.unregister();
  }

  /** A subscriber read the room's latest seq from PostgreSQL: the baseline, if this channel had none yet. */
  void known(long latest) {
    if (delivered == UNKNOWN) {
      delivered = latest;
    }
    expected = Math.max(expected, latest);
    flush();
  }

  /**
   * An event encoded once into its frame, and the person it takes out of the room, whose subscriptions on this
   * node end right after it.
   */
  private record Pending(long seq, EncodedFrame frame, String removedUser, long committedAt) {
    /** The event as received (a copy of its own), turned into its frame by adding the op. */
    static Pending of(RoomEvent event, JsonObject json) {
      // A new message's commit time, for the end-to-end latency; other events are not timed.
      long committedAt = EventType.MESSAGE.equals(event.type()) ? MessageView.commitTimeOf(event.data()) : 0L;
      return new Pending(event.seq(), EncodedFrame.of(json.put(Protocol.OP, Protocol.EVT)), losesAccess(event),
          committedAt);
    }

    /**
     * Who loses the room with this event: a member who left or was removed, or anyone banned (a workspace admin who
     * follows a public channel without being in it has no membership to lose, but must stop reading it too).
     */
    private static String losesAccess(RoomEvent event) {
      if (EventType.MEMBER_LEFT.equals(event.type())) {
        return event.data(MemberLeft::fromJson).user();
      }
      if (EventType.MEMBER_UPDATED.equals(event.type())) {
        MemberUpdated update = event.data(MemberUpdated::fromJson);
        return Boolean.TRUE.equals(update.banned()) ? update.user() : null;
      }
      return null;
    }
  }

  private void onEvent(JsonObject json) {
    RoomEvent event;
    try {
      event = RoomEvent.fromJson(json);
    } catch (ParleyException malformed) {
      LOG.warn("Dropped a malformed event of room {}: {}", room, malformed.getMessage());
      return;
    }
    if (event.seq() == null) {
      EncodedFrame frame = EncodedFrame.of(json.put(Protocol.OP, Protocol.EVT));
      for (RoomSubscription subscriber : subscribers) {
        subscriber.ephemeral(frame);
      }
    } else {
      accept(event.seq(), Pending.of(event, json));
    }
  }

  private void accept(long seq, Pending event) {
    expected = Math.max(expected, seq);
    if (delivered == UNKNOWN || seq > delivered) {
      held.put(seq, event);
      flush();
    }
  }

  private void flush() {
    if (delivered == UNKNOWN) {
      return;
    }
    held.headMap(delivered, true).clear();
    while (!held.isEmpty() && held.firstKey() == delivered + 1) {
      Map.Entry<Long, Pending> next = held.pollFirstEntry();
      delivered = next.getKey();
      handOn(next.getValue());
    }
    if (delivered < expected) {
      scheduleRepair();
    } else if (repairTimer != -1) {
      vertx.cancelTimer(repairTimer);
      repairTimer = -1;
    }
  }

  /** An event and the sockets it is being handed to, from {@code next} on; null until its turn comes. */
  private static final class Outgoing {
    private final Pending event;
    private RoomSubscription[] recipients;
    private int next;

    Outgoing(Pending event) {
      this.event = event;
    }
  }

  private void handOn(Pending event) {
    if (outgoing.isEmpty() && subscribers.size() <= SLICE) {
      meters.fannedOut(subscribers.size(), event.committedAt());
      for (RoomSubscription subscriber : subscribers) {
        subscriber.event(event.seq(), event.frame());
      }
      revokeAfter(event);
      return;
    }
    outgoing.add(new Outgoing(event));
    if (outgoing.size() == 1) {
      handOnSlice();
    }
  }

  /** Hands the first outgoing event to the next slice of its sockets, and comes back in a later turn for the rest. */
  private void handOnSlice() {
    Outgoing current = outgoing.peek();
    if (closed || current == null) {
      return;
    }
    if (current.recipients == null) {
      // Taken when the event's turn comes, so it sees the revocations of the events before it.
      current.recipients = subscribers.toArray(new RoomSubscription[0]);
      meters.fannedOut(current.recipients.length, current.event.committedAt());
    }
    int end = Math.min(current.recipients.length, current.next + SLICE);
    for (int i = current.next; i < end; i++) {
      RoomSubscription subscriber = current.recipients[i];
      // Not one that unsubscribed or closed since the event's turn began.
      if (subscribers.contains(subscriber)) {
        subscriber.event(current.event.seq(), current.event.frame());
      }
    }
    current.next = end;
    if (end == current.recipients.length) {
      outgoing.poll();
      revokeAfter(current.event);
    }
    if (!outgoing.isEmpty()) {
      context.runOnContext(nextTurn -> handOnSlice());
    }
  }

  /** Whoever left or was removed gets that event, then nothing more from this room. */
  private void revokeAfter(Pending event) {
    if (event.removedUser() != null) {
      for (RoomSubscription subscriber : List.copyOf(subscribers)) {
        if (subscriber.user().equals(event.removedUser())) {
          subscriber.revoke();
        }
      }
    }
  }

  private void scheduleRepair() {
    if (repairTimer == -1 && !repairing && !closed) {
      repairTimer = vertx.setTimer(holdMillis, id -> {
        repairTimer = -1;
        repair();
      });
    }
  }

  /** Fetches what is still missing after the hold: the event bus is best effort, PostgreSQL is the truth. */
  private void repair() {
    if (closed || delivered >= expected || subscribers.isEmpty()) {
      return;
    }
    repairing = true;
    long from = delivered;
    long heldBefore = held.isEmpty() ? from : held.lastKey();
    // Read as the node (no user): a subscriber may have lost access in the very event that went missing.
    replays.apply(new Replay(room, null, from, replayLimit))
        .onComplete(outcome -> {
          if (outcome.succeeded()) {
            repaired(from, heldBefore, outcome.result());
            return;
          }
          repairing = false;
          if (!closed) {
            LOG.warn("Could not fetch missing events {}..{} of room {}: {}", from + 1, expected, room,
                outcome.cause().getMessage());
            scheduleRepair();
          }
        });
  }

  private void repaired(long from, long heldBefore, ReplayResult result) {
    if (closed) {
      repairing = false;
      return;
    }
    if (result.gap() && !outgoing.isEmpty()) {
      // Events up to 'from' are still being handed on in slices: a gap skips past them, so it waits its turn.
      context.runOnContext(turn -> repaired(from, heldBefore, result));
      return;
    }
    repairing = false;
    if (result.gap()) {
      // Too far behind to replay: subscribers page history instead, and live delivery goes on from here.
      delivered = Math.max(delivered, result.latest());
      for (RoomSubscription subscriber : subscribers) {
        subscriber.gap(from + 1, result.latest());
      }
    } else {
      for (RoomEvent event : result.events()) {
        accept(event.seq(), Pending.of(event, event.toJson()));
      }
    }
    // PostgreSQL is the truth: an event held since before this read that it does not know was never stored
    // (a stray publish), so stop waiting for it. Events that arrived during the read stay.
    var unknown = heldBefore > result.latest()
        ? held.subMap(result.latest(), false, heldBefore, true)
        : Collections.<Long, Pending>emptySortedMap();
    if (!unknown.isEmpty()) {
      LOG.warn("Room {}: dropped {} published events that were never stored", room, unknown.size());
      unknown.clear();
    }
    expected = held.isEmpty() ? result.latest() : Math.max(result.latest(), held.lastKey());
    flush();
  }
}
