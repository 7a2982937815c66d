package dev.parley.notify;

import dev.parley.shared.contract.Requester;
import dev.parley.shared.events.EventType;
import dev.parley.shared.events.RoomEvent;
import dev.parley.shared.notify.OutboxCommands.NotifyMessage;
import dev.parley.shared.notify.OutboxCommands.NotifyMessages;
import dev.parley.shared.notify.OutboxCommands.NotifyProfile;
import dev.parley.shared.notify.OutboxCommands.RoomNotifyProfile;
import dev.parley.shared.plugins.FirehoseCommands.LoggedEvent;
import dev.parley.shared.rooms.MessageView;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides whom each stored message notifies, off the message path, missing none: it reads the firehose back from
 * PostgreSQL with the cursor {@value #CURSOR}, one instance at a time ({@link HeldFirehose}), and has room-verticle
 * decide each message that may notify someone and queue that work in the outbox, leaving out whoever has the room
 * open and visible right now: {@link #BATCH} messages of a page to a statement. A page is passed once all of it is
 * decided; an instance that stops or dies loses nothing, because the next reader starts from the position kept (a
 * message decided twice queues nothing twice: the outbox keys each decision). Before, every instance heard and
 * decided every live message, and what one instance had not decided yet was lost with it, or dropped beyond what it
 * would hold in memory.
 *
 * <p>Most of a busy channel's messages can notify nobody: outside DMs and rooms where a member asked for every
 * message, only a mention, an {@code @channel} or a thread reply can. Those are decided; for the others the room's
 * profile ({@link NotifyProfile}, kept here for {@link #PROFILE_MILLIS}) says whether to ask at all, so a channel
 * at thousands of messages a second costs no decision per message.
 */
final class MessageNotifier {

  /** The firehose cursor of notification decisions. */
  static final String CURSOR = "notify-decisions";
  /** Messages decided by one statement. */
  static final int BATCH = 100;
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
  private final HeldFirehose firehose;
  /** Profiles being asked for, so that the messages of one room wait for one answer. */
  private final Map<String, Future<Boolean>> asking = new HashMap<>();
  /** Room id to whether every message of it may notify someone, until when that holds. */
  private final Map<String, Profile> profiles = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Profile> eldest) {
      return size() > PROFILES_KEPT;
    }
  };

  /**
   * {@code queued} runs when a decision queued work (so the worker can take it at once); unread DMs and mentions are
   * emailed {@code emailAfterMillis} after they came.
   */
  MessageNotifier(Vertx vertx, Requester rooms, LookingReader looking, Runnable queued, long emailAfterMillis) {
    this.rooms = rooms;
    this.emailAfterMillis = emailAfterMillis;
    this.looking = looking;
    this.queued = queued;
    this.firehose = new HeldFirehose(vertx, rooms, CURSOR, this::decide);
  }

  /** Completes once this instance tried the cursor once, and decides if it took it. */
  Future<Void> start() {
    return firehose.start(null);
  }

  /** Stops deciding and lets the cursor go, so that another instance goes on at once. */
  Future<Void> close() {
    return firehose.stop();
  }

  /**
   * Decides a page's messages, {@link #BATCH} to a statement; fails (to be read again) if any decision fails. Of
   * each room, whether its messages may notify anyone and who is looking at it are asked once for the page.
   */
  private Future<Void> decide(List<LoggedEvent> events) {
    List<RoomEvent> messages = new ArrayList<>();
    for (LoggedEvent logged : events) {
      RoomEvent event = logged.event();
      if (EventType.MESSAGE.equals(event.type()) && event.seq() != null) {
        messages.add(event);
      }
    }
    Map<String, Future<List<String>>> lookingByRoom = new HashMap<>();
    List<Future<RoomEvent>> decidable = new ArrayList<>(messages.size());
    for (RoomEvent event : messages) {
      MessageView message = event.data(MessageView::fromJson);
      Future<Boolean> may = mayNotifyByItself(message) ? Future.succeededFuture(true)
          // A room whose profile cannot be had is decided (a decision may find nobody).
          : everyMessageNotifies(event.room()).otherwise(true);
      decidable.add(may.compose(decided -> !decided ? Future.<RoomEvent>succeededFuture()
          : lookingByRoom.computeIfAbsent(event.room(), looking::lookingAt).map(event)));
    }
    return Future.all(decidable).compose(all -> {
      List<NotifyMessage> toDecide = new ArrayList<>();
      for (Future<RoomEvent> each : decidable) {
        RoomEvent event = each.result();
        if (event != null) {
          toDecide.add(new NotifyMessage(event.room(), event.seq(), lookingByRoom.get(event.room()).result(),
              emailAfterMillis));
        }
      }
      return decideInBatches(toDecide, 0);
    });
  }

  private Future<Void> decideInBatches(List<NotifyMessage> toDecide, int from) {
    if (from >= toDecide.size()) {
      return Future.succeededFuture();
    }
    List<NotifyMessage> batch = toDecide.subList(from, Math.min(toDecide.size(), from + BATCH));
    return rooms.ask(new NotifyMessages(batch))
        .compose(result -> {
          if (result.count() > 0) {
            queued.run();
          }
          return decideInBatches(toDecide, from + batch.size());
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
  private static boolean mayNotifyByItself(MessageView message) {
    return !message.mentions().isEmpty() || message.mentionsChannel() || message.thread() != null;
  }

  private record Profile(boolean everyMessage, long until) {
  }
}
