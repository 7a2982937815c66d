package dev.parley.shared.plugins;

import dev.parley.shared.Addresses;
import dev.parley.shared.Failures;
import dev.parley.shared.contract.Requester;
import dev.parley.shared.plugins.FirehoseCommands.EventPage;
import dev.parley.shared.plugins.FirehoseCommands.LoggedEvent;
import dev.parley.shared.plugins.FirehoseCommands.ReadEvents;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the firehose for a plugin, missing nothing: every stored event after a position, in order, each handed to
 * the plugin's handler only after the one before it was handled. PostgreSQL is the source ({@link ReadEvents});
 * the live {@link Addresses#EVENTS} publish only wakes the reader up, so that events arrive as they are stored,
 * and a slow poll covers what no publish announced (a lost publish, a transaction that ended late).
 *
 * <p>Keep {@link #position()} after handling (a file, the plugin's own table) and start from it next time: the reader
 * then catches up on what was stored while it was down. After a crash between handling an event and keeping its
 * position the event comes again: drop it by {@link LoggedEvent#id()} if handling twice matters.
 *
 * <p>Create and use it on one Vert.x context (a verticle's start): its state belongs to that event loop.
 */
public final class FirehoseReader {

  private static final Logger LOG = LoggerFactory.getLogger(FirehoseReader.class);
  /** How often the reader looks without being woken up. */
  private static final long POLL_MILLIS = 1_000;
  private static final int PAGE = 500;

  private final Vertx vertx;
  private final Requester parley;
  /** Handles one page of events; the position moves past the page once it completes. */
  private Function<List<LoggedEvent>, Future<Void>> pages;
  private String position;
  private MessageConsumer<Object> wakeUps;
  private long poll;
  private boolean reading;
  /** Woken up while a read was under way: read again right after it. */
  private boolean again;
  /** The least time between two reads (0: none), when the last began, and whether a read waits for the gap. */
  private final long gapMillis;
  private long lastRead;
  private boolean gapTimerSet;
  private boolean stopped;

  private FirehoseReader(Vertx vertx, String position, long gapMillis) {
    this.vertx = vertx;
    this.gapMillis = gapMillis;
    this.parley = new Requester(vertx.eventBus(), 30_000);
    this.position = position;
  }

  /**
   * Starts reading after {@code position} (null: from now on) and hands each event to {@code handler}; completes
   * once the reader listens for wake-ups and knows where it starts.
   */
  public static Future<FirehoseReader> start(Vertx vertx, String position,
                                             Function<LoggedEvent, Future<Void>> handler) {
    FirehoseReader reader = new FirehoseReader(vertx, position, 0);
    reader.pages = events -> reader.oneByOne(events, handler);
    return reader.begin();
  }

  /**
   * As {@link #start}, but each page of events (up to 500) goes whole to {@code pageHandler}, which may work on its
   * events at once; the reader moves past a page once the handler's future completes, and reads it again (from the
   * position before it) when the future fails. Reads begin at least {@code gapMillis} apart, so that a busy firehose
   * costs a read per gap rather than one per event published (each read is a query of its own).
   */
  public static Future<FirehoseReader> startPages(Vertx vertx, String position, long gapMillis,
                                                  Function<List<LoggedEvent>, Future<Void>> pageHandler) {
    FirehoseReader reader = new FirehoseReader(vertx, position, gapMillis);
    reader.pages = pageHandler;
    return reader.begin();
  }

  private Future<FirehoseReader> begin() {
    wakeUps = vertx.eventBus().consumer(Addresses.EVENTS, event -> read());
    Future<String> from = position != null ? Future.succeededFuture(position)
        : parley.ask(new ReadEvents(null, 1)).map(EventPage::next);
    return wakeUps.completion().compose(listening -> from).map(start -> {
      position = start;
      poll = vertx.setPeriodic(POLL_MILLIS, tick -> read());
      read();
      return this;
    });
  }

  /** The position of the last event handled (or of the present, once everything was): keep it to resume from. */
  public String position() {
    return position;
  }

  /** Stops reading; an event being handled finishes, and {@link #position()} then says where to resume. */
  public Future<Void> stop() {
    stopped = true;
    vertx.cancelTimer(poll);
    return wakeUps.unregister();
  }

  private void read() {
    if (stopped) {
      return;
    }
    if (reading) {
      again = true;
      return;
    }
    long wait = lastRead + gapMillis - System.currentTimeMillis();
    if (wait > 0) {
      // Read at most once a gap: the wake-ups of a busy firehose gather into one read of many events.
      if (!gapTimerSet) {
        gapTimerSet = true;
        vertx.setTimer(wait, due -> {
          gapTimerSet = false;
          read();
        });
      }
      return;
    }
    lastRead = System.currentTimeMillis();
    reading = true;
    again = false;
    parley.ask(new ReadEvents(position, PAGE))
        .compose(page -> page.events().isEmpty() ? Future.succeededFuture(page)
            : pages.apply(page.events()).map(page))
        .onComplete(done -> {
          reading = false;
          if (done.failed()) {
            // The poll tries again; the position is that of the last event handled.
            if (stopped) {
              return;
            }
            LOG.warn("Firehose read after {} failed: {}", position, Failures.of(done.cause()).message());
            return;
          }
          if (!stopped) {
            position = done.result().next();
          }
          if (again || done.result().more()) {
            read();
          }
        });
  }

  /** One event after the other, each only once the one before it was handled. */
  private Future<Void> oneByOne(List<LoggedEvent> events, Function<LoggedEvent, Future<Void>> handler) {
    Future<Void> chain = Future.succeededFuture();
    for (LoggedEvent event : events) {
      chain = chain.compose(previous -> {
        if (stopped) {
          return Future.failedFuture(new IllegalStateException("The firehose reader was stopped"));
        }
        return handler.apply(event).map(handled -> {
          position = event.position();
          return null;
        });
      });
    }
    return chain;
  }
}
