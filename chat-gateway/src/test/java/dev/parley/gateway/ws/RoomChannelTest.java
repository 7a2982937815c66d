package dev.parley.gateway.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.shared.Addresses;
import dev.parley.shared.events.RoomEvent;
import dev.parley.shared.events.RoomEvents.MemberLeft;
import dev.parley.shared.events.RoomEvents.MemberUpdated;
import dev.parley.shared.events.RoomEvents.Typing;
import dev.parley.shared.rooms.MessageCommands.Replay;
import dev.parley.shared.rooms.MessageCommands.ReplayResult;
import dev.parley.shared.rooms.MessageView;
import dev.parley.shared.ws.Protocol;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One room's fan-out on one node, against a stand-in for PostgreSQL's log: events published out of order, lost, or
 * never stored still reach the sockets exactly once each and in seq order.
 */
class RoomChannelTest {

  private static final String ROOM = "2ceda582-bdf6-4881-b4b9-4db3452d85a7";
  private static final long HOLD_MILLIS = 30;

  private Vertx vertx;
  private Context context;
  /** What "PostgreSQL" holds: the room's stored events by seq. */
  private final TreeMap<Long, RoomEvent> stored = new TreeMap<>();
  private final List<Replay> replays = new CopyOnWriteArrayList<>();
  private RoomChannel channel;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    context = vertx.getOrCreateContext();
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void earlyEventsWaitForTheOnesBeforeThem() throws Exception {
    RecordingSocket ana = subscribe("ana", 0);
    publish(message(2));
    publish(message(1));
    publish(message(3));
    await(() -> ana.seqs().size() == 3);
    assertEquals(List.of(1L, 2L, 3L), ana.seqs());
    assertTrue(replays.isEmpty(), "nothing was missing, so PostgreSQL was not asked");
  }

  @Test
  void aLostPublishIsFetchedFromTheLogAfterTheHold() throws Exception {
    RecordingSocket ana = subscribe("ana", 0);
    store(message(1));
    store(message(2));
    publish(message(1));
    publish(message(3)); // seq 2 was stored but its publish is lost
    await(() -> ana.seqs().size() == 3);
    assertEquals(List.of(1L, 2L, 3L), ana.seqs());
    assertEquals(1L, replays.get(0).since(), "the hole is read from after what was delivered");
  }

  @Test
  void aPublishThatWasNeverStoredIsDroppedAndLiveDeliveryGoesOn() throws Exception {
    RecordingSocket ana = subscribe("ana", 0);
    store(message(1));
    publish(message(1));
    publish(message(3)); // nothing has seq 2 or 3 in the log: a stray publish
    await(() -> !replays.isEmpty());
    store(message(2));
    publish(message(2));
    store(message(3));
    publish(message(3));
    await(() -> ana.seqs().size() == 3);
    assertEquals(List.of(1L, 2L, 3L), ana.seqs());
  }

  @Test
  void theOneWhoLeavesGetsTheirOwnDepartureAndNothingAfter() throws Exception {
    RecordingSocket ana = subscribe("ana", 0);
    RecordingSocket bob = subscribe("bob", 0);
    publish(RoomEvent.of(ROOM, 1L, new MemberLeft("bob", "Bob", "ana", "kicked")));
    publish(message(2));
    await(() -> ana.seqs().size() == 2);
    assertEquals(List.of(1L), bob.seqs(), "bob sees that he was removed, then nothing");
    assertTrue(bob.revoked, "bob's subscription ended");
  }

  @Test
  void someoneBannedWithoutBeingAMemberStopsReadingToo() throws Exception {
    RecordingSocket ana = subscribe("ana", 0);
    RecordingSocket admin = subscribe("wsadmin", 0); // a workspace admin following a public channel, not in it
    publish(RoomEvent.of(ROOM, 1L, new MemberUpdated("wsadmin", null, null, true)));
    publish(message(2));
    await(() -> ana.seqs().size() == 2);
    assertEquals(List.of(1L), admin.seqs());
    assertTrue(admin.revoked);
  }

  @Test
  void ephemeralEventsSkipTheOrderingAndCarryNoSeq() throws Exception {
    RecordingSocket ana = subscribe("ana", 5);
    publish(RoomEvent.of(ROOM, null, new Typing("bob", "Bob")));
    await(() -> ana.ephemeral.size() == 1);
    assertTrue(!new JsonObject(ana.ephemeral.get(0)).containsKey(Protocol.SEQ));
  }

  @Test
  void aBigRoomIsServedInSlicesThatLetOtherWorkInAndKeepTheOrder() throws Exception {
    int members = 2 * RoomChannel.SLICE + 10;
    List<RecordingSocket> sockets = new ArrayList<>();
    for (int i = 0; i < members; i++) {
      sockets.add(subscribe("member" + i, 0));
    }
    RecordingSocket leaver = sockets.get(members - 1);
    AtomicInteger handedOn = new AtomicInteger();
    CompletableFuture<Integer> otherWorkRanAfter = new CompletableFuture<>();
    sockets.forEach(socket -> socket.onEvent = handedOn::incrementAndGet);
    sockets.get(0).onEvent = () -> {
      handedOn.incrementAndGet();
      // Work queued on the loop while the first slice is being written, as an ack would be: it runs before the
      // fan-out goes on, and the last member unsubscribes then, before its slice comes.
      context.runOnContext(turn -> {
        channel.remove(leaver.subscription);
        otherWorkRanAfter.complete(handedOn.get());
      });
    };
    publish(message(1));
    publish(message(2));
    publish(message(3));
    await(() -> sockets.get(members - 2).events.size() == 3);
    assertEquals(RoomChannel.SLICE, otherWorkRanAfter.get(10, TimeUnit.SECONDS),
        "the loop took other work after the first slice, not after every member");
    for (RecordingSocket socket : sockets.subList(0, members - 1)) {
      assertEquals(List.of(1L, 2L, 3L), socket.seqs(), socket.user + " got every event once, in order");
    }
    assertEquals(List.of(), leaver.seqs(), "nothing after unsubscribing, even mid fan-out");
  }

  // ---- helpers ----

  /** A subscriber that replayed up to {@code upTo} and is live from there. */
  private RecordingSocket subscribe(String user, long upTo) throws Exception {
    RecordingSocket socket = new RecordingSocket(user);
    onContext(() -> {
      if (channel == null) {
        channel = new RoomChannel(vertx, this::replay, ROOM, HOLD_MILLIS, 100);
      }
      RoomSubscription subscription = new RoomSubscription(socket, ROOM);
      socket.subscription = subscription;
      channel.add(subscription);
      return channel.ready().onSuccess(registered -> {
        channel.known(upTo);
        subscription.goLive(upTo);
      });
    });
    return socket;
  }

  private Future<ReplayResult> replay(Replay query) {
    replays.add(query);
    long latest = stored.isEmpty() ? 0 : stored.lastKey();
    return Future.succeededFuture(new ReplayResult(latest,
        new ArrayList<>(stored.tailMap(query.since(), false).values()), false));
  }

  private void store(RoomEvent event) {
    stored.put(event.seq(), event);
  }

  private void publish(RoomEvent event) {
    vertx.eventBus().publish(Addresses.room(ROOM), event.toJson());
  }

  private static RoomEvent message(long seq) {
    return RoomEvent.of(ROOM, seq, new MessageView("m" + seq, null, null, "ana", "Ana", "text " + seq, seq, null,
        false));
  }

  private void onContext(java.util.function.Supplier<Future<?>> action) throws Exception {
    CompletableFuture<Void> done = new CompletableFuture<>();
    context.runOnContext(nothing -> action.get().onComplete(result -> {
      if (result.succeeded()) {
        done.complete(null);
      } else {
        done.completeExceptionally(result.cause());
      }
    }));
    done.get(10, TimeUnit.SECONDS);
  }

  /** Waits, on a Vert.x timer and never by sleeping, until the condition holds. */
  private void await(BooleanSupplier condition) throws Exception {
    CompletableFuture<Void> met = new CompletableFuture<>();
    long timer = vertx.setPeriodic(5, id -> {
      if (condition.getAsBoolean()) {
        met.complete(null);
      }
    });
    try {
      met.get(10, TimeUnit.SECONDS);
    } finally {
      vertx.cancelTimer(timer);
    }
  }

  /** A socket that records what it is sent, and leaves the fan-out when its subscription is revoked. */
  private final class RecordingSocket implements Socket {
    private final String user;
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<String> ephemeral = new CopyOnWriteArrayList<>();
    private volatile boolean revoked;
    private RoomSubscription subscription;
    private Runnable onEvent = () -> { };

    RecordingSocket(String user) {
      this.user = user;
    }

    List<Long> seqs() {
      return events.stream().map(frame -> new JsonObject(frame).getLong(Protocol.SEQ)).toList();
    }

    @Override
    public String user() {
      return user;
    }

    @Override
    public int maxBufferedEvents() {
      return 100;
    }

    @Override
    public void sendEvent(EncodedFrame frame) {
      events.add(frame.text());
      onEvent.run();
    }

    @Override
    public void sendEphemeral(EncodedFrame frame) {
      ephemeral.add(frame.text());
    }

    @Override
    public void sendGap(String room, long from, long to) {
      throw new AssertionError("no gap expected: " + from + ".." + to);
    }

    @Override
    public void closeSlow() {
      throw new AssertionError("not slow");
    }

    /** As the connection does: the subscription leaves the room's fan-out. */
    @Override
    public void revoked(RoomSubscription subscription) {
      revoked = true;
      channel.remove(subscription);
    }
  }
}
