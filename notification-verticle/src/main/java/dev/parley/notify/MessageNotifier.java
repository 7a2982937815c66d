package dev.parley.notify;

import dev.parley.shared.Addresses;
import dev.parley.shared.ParleyException;
import dev.parley.shared.contract.Requester;
import dev.parley.shared.events.EventType;
import dev.parley.shared.events.RoomEvent;
import dev.parley.shared.notify.OutboxCommands.NotifyMessage;
import dev.parley.shared.notify.OutboxCommands.NotifyProfile;
import dev.parley.shared.notify.OutboxCommands.RoomNotifyProfile;
import dev.parley.shared.rooms.MessageView;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears every stored message on the firehose ({@link Addresses#EVENTS}), off the message path (the sender's ack was
 * sent before the event was published), and has room-verticle decide who it notifies and queue that work in the
 * outbox, leaving out whoever has the room open and visible right now. Every instance hears every message; the
 * outbox queues each (message, person) once, whichever instance asks first.
 *
 * <p>Most of a busy channel's messages can notify nobody: outside DMs and rooms where a member asked for every
 * message, only a mention, an {@code @channel} or a thread reply can. Those are decided; for the others the room's
 * profile ({@link NotifyProfile}, kept here for {@link #PROFILE_MILLIS}) says whether to ask at all, so a channel
 * at thousands of messages a second costs no decision per message.
 *
 * <p>A bounded number of decisions run at once; a burst beyond what waits is dropped with a warning rather than held
 * without bound (the messages are stored and shown as unread; only their push is lost).
 */
final class MessageNotifier {

  private static final Logger LOG = LoggerFactory.getLogger(MessageNotifier.class);

  static final int MAX_IN_FLIGHT = 16;
  static final int MAX_WAITING = 10_000;
  /**
   * How long a room's profile is trusted: someone who sets a room to "all" gets its plain messages pushed within
   * this long (their mentions and DMs at once).
   */
  static final long PROFILE_MILLIS = 10_000;
  private static final int PROFILES_KEPT = 10_000;

  private final Requester rooms;
  private final LookingReader looking;
  private final Runnable queued;
  private final long emailAfterMillis;
  private final MessageConsumer<JsonObject> consumer;
  private final ArrayDeque<RoomEvent> waiting = new ArrayDeque<>();
  /** Room id to whether every message of it may notify someone, until when that holds. */
  /** Profiles being asked for, so that the messages of one room wait for one answer. */
  private final Map<String, Future<Boolean>> asking = new HashMap<>();
  private final Map<String, Profile> profiles = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Profile> eldest) {
      return size() > PROFILES_KEPT;
    }
  };
  private final AtomicLong dropped = new AtomicLong();
  private int inFlight;

  /**
   * {@code queued} runs when a decision queued work (so the worker can take it at once); unread DMs and mentions are
   * emailed {@code emailAfterMillis} after they came.
   */
  MessageNotifier(Vertx vertx, Requester rooms, LookingReader looking, Runnable queued, long emailAfterMillis) {
    this.rooms = rooms;
    this.emailAfterMillis = emailAfterMillis;
    this.looking = looking;
    this.queued = queued;
    this.consumer = vertx.eventBus().consumer(Addresses.EVENTS, delivery -> heard(delivery.body()));
  }

  /** Completes once the firehose reaches this instance from the whole cluster. */
  Future<Void> ready() {
    return consumer.completion();
  }

  Future<Void> close() {
    return consumer.unregister();
  }

  private void heard(JsonObject body) {
    RoomEvent event;
    try {
      event = RoomEvent.fromJson(body);
    } catch (ParleyException malformed) {
      LOG.warn("Dropped a malformed event from the firehose: {}", malformed.getMessage());
      return;
    }
    if (!EventType.MESSAGE.equals(event.type()) || event.seq() == null) {
      return;
    }
    if (mayNotifyByItself(event)) {
      enqueue(event);
      return;
    }
    // A room whose profile cannot be had is decided, as before there were profiles (a decision may find nobody).
    everyMessageNotifies(event.room()).onComplete(every -> {
      if (every.failed() || every.result()) {
        enqueue(event);
      }
    });
  }

  /** The room's profile, from what is kept here while it holds, or asked once however many messages wait for it. */
  private Future<Boolean> everyMessageNotifies(String room) {
    Profile known = profiles.get(room);
    if (known != null && System.currentTimeMillis() < known.until()) {
      return Future.succeededFuture(known.everyMessage());
    }
    Future<Boolean> pending = asking.get(room);
    if (pending != null) {
      return pending;
    }
    Future<Boolean> asked = rooms.ask(new NotifyProfile(room)).map(RoomNotifyProfile::everyMessage)
        .onSuccess(every -> profiles.put(room, new Profile(every, System.currentTimeMillis() + PROFILE_MILLIS)))
        .onComplete(done -> asking.remove(room));
    if (!asked.isComplete()) {
      asking.put(room, asked);
    }
    return asked;
  }

  /** A mention, {@code @channel} or thread reply may notify someone in any room. */
  private static boolean mayNotifyByItself(RoomEvent event) {
    MessageView message = event.data(MessageView::fromJson);
    return !message.mentions().isEmpty() || message.mentionsChannel() || message.thread() != null;
  }

  private record Profile(boolean everyMessage, long until) {
  }

  private void enqueue(RoomEvent event) {
    if (waiting.size() >= MAX_WAITING) {
      if (dropped.incrementAndGet() % 1_000 == 1) {
        LOG.warn("Notification decisions are {} behind: dropped {} message(s) so far without deciding", MAX_WAITING,
            dropped.get());
      }
      return;
    }
    waiting.add(event);
    pump();
  }

  private void pump() {
    while (inFlight < MAX_IN_FLIGHT && !waiting.isEmpty()) {
      decide(waiting.poll());
    }
  }

  private void decide(RoomEvent event) {
    inFlight++;
    looking.lookingAt(event.room())
        .compose(people -> rooms.ask(new NotifyMessage(event.room(), event.seq(), people, emailAfterMillis)))
        .onComplete(result -> {
          inFlight--;
          if (result.failed()) {
            LOG.warn("Could not decide who message {} of room {} notifies: {}", event.seq(), event.room(),
                result.cause().getMessage());
          } else if (result.result().count() > 0) {
            queued.run();
          }
          pump();
        });
  }
}
