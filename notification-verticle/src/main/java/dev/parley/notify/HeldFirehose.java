package dev.parley.notify;

import dev.parley.shared.Failures;
import dev.parley.shared.contract.Requester;
import dev.parley.shared.plugins.FirehoseCommands.CursorHeld;
import dev.parley.shared.plugins.FirehoseCommands.HoldCursor;
import dev.parley.shared.plugins.FirehoseCommands.LoggedEvent;
import dev.parley.shared.plugins.FirehoseReader;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the firehose for one job of Parley's own (a named cursor in PostgreSQL) in one instance at a time, missing
 * nothing: the instance that holds the cursor reads after the position kept there ({@link FirehoseReader}, woken by
 * the live publish), hands each page to the job, and keeps its position every {@link #KEEP_EVERY_MILLIS}, which also
 * renews its lease of {@link #LEASE_MILLIS}. The other instances try to take the cursor as often; one does once the
 * holder lets it go (a stop) or its lease runs out (a crash, a hang), and reads on from the position kept. What was
 * handled after that position is handed over again: a job must be idempotent.
 */
final class HeldFirehose {

  private static final Logger LOG = LoggerFactory.getLogger(HeldFirehose.class);

  /** How long the reading instance holds the cursor without renewing it: how long the job may stall on a crash. */
  static final long LEASE_MILLIS = 10_000;
  /** How often the holder keeps its position (and renews its lease), and the others try to take the cursor. */
  static final long KEEP_EVERY_MILLIS = 1_000;
  /**
   * The least time between two reads of the firehose: what the job may add to a message's delay (a push 50 ms
   * later), for one query per gap instead of one per message published (measured: a read per message at 1,000
   * msg/s doubled the server's CPU).
   */
  static final long READ_GAP_MILLIS = 50;

  private final Vertx vertx;
  private final Requester rooms;
  private final String cursor;
  private final Function<List<LoggedEvent>, Future<Void>> job;
  /** Names this instance as the cursor's holder; new at each start. */
  private final String worker = "reader-" + UUID.randomUUID();

  private long timer = -1;
  private boolean keeping;
  private boolean stopped;
  /** Reading since this instance took the cursor; null while another instance holds it. */
  private Future<FirehoseReader> reading;
  /** Until when this instance's lease surely holds (it renewed before then): past it, it stops reading. */
  private long heldUntil;
  /** Where to start when nobody kept a position yet (null: from now on). */
  private String fromIfNew;

  HeldFirehose(Vertx vertx, Requester rooms, String cursor, Function<List<LoggedEvent>, Future<Void>> job) {
    this.vertx = vertx;
    this.rooms = rooms;
    this.cursor = cursor;
    this.job = job;
  }

  /**
   * Completes once this instance tried the cursor once, and reads if it took it; when nobody kept a position yet,
   * from {@code fromIfNew} (null: from now on).
   */
  Future<Void> start(String fromIfNew) {
    this.fromIfNew = fromIfNew;
    timer = vertx.setPeriodic(KEEP_EVERY_MILLIS, tick -> keep());
    return keep();
  }

  /** Stops reading, keeps the position and lets the cursor go, so that another instance goes on at once. */
  Future<Void> stop() {
    stopped = true;
    vertx.cancelTimer(timer);
    if (reading == null) {
      return Future.succeededFuture();
    }
    return reading.compose(reader -> reader.stop().map(reader.position()))
        .compose(position -> rooms.ask(new HoldCursor(cursor, worker, 0, position)))
        .<Void>mapEmpty()
        .otherwiseEmpty();
  }

  /** Renews the lease and keeps the position while reading; takes the cursor when it is free. */
  private Future<Void> keep() {
    if (keeping || stopped) {
      return Future.succeededFuture();
    }
    keeping = true;
    long asked = System.currentTimeMillis();
    String position = reading != null && reading.succeeded() ? reading.result().position() : null;
    return rooms.ask(new HoldCursor(cursor, worker, LEASE_MILLIS, position))
        .compose(held -> held.held() ? holding(held, asked) : notHolding())
        .recover(failure -> {
          LOG.debug("Could not hold the firehose cursor {}: {}", cursor, Failures.of(failure).message());
          return System.currentTimeMillis() > heldUntil ? notHolding() : Future.succeededFuture();
        })
        .onComplete(done -> keeping = false);
  }

  private Future<Void> holding(CursorHeld held, long asked) {
    heldUntil = asked + LEASE_MILLIS;
    if (reading != null || stopped) {
      return Future.succeededFuture();
    }
    String from = held.position() != null ? held.position() : fromIfNew;
    LOG.info("Reading the firehose for {} from {}", cursor, from == null ? "now" : "position " + from);
    reading = FirehoseReader.startPages(vertx, from, READ_GAP_MILLIS, job)
        .onFailure(failure -> {
          LOG.warn("Cannot read the firehose for {}: {}", cursor, Failures.of(failure).message());
          reading = null;
        });
    return reading.<Void>mapEmpty().otherwiseEmpty();
  }

  /** Another instance holds the cursor (or this one cannot tell any more that it does): stop reading, if it was. */
  private Future<Void> notHolding() {
    if (reading == null) {
      return Future.succeededFuture();
    }
    Future<FirehoseReader> was = reading;
    reading = null;
    LOG.info("Another instance reads the firehose for {} now", cursor);
    return was.compose(FirehoseReader::stop).otherwiseEmpty();
  }
}
