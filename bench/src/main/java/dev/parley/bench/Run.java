package dev.parley.bench;

import dev.parley.bench.ApiClient.Account;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the shards share for one run: the layout, the accounts and rooms made by the setup, the clock,
 * the rate steps (looked up by the index a message carries), and where errors are counted right now.
 */
final class Run {

  private static final int DEFAULT_HEARTBEAT_SECONDS = 30;
  private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

  final BenchOptions options;
  final Layout layout;
  /** Random per process: message ids and texts carry it, so reruns and concurrent runs never mix up. */
  final String id;
  final String textPrefix;
  final String frameMarker;
  /** By user index; null for users this process does not sign in. */
  final List<Account> accounts;
  /** By room index; null for rooms this process has no connection in. */
  final List<String> roomIds;
  final ErrorCounts setupErrors = new ErrorCounts();
  final LongAdder pongs = new LongAdder();
  /** Presence events received (the --presence scenario). */
  final LongAdder presenceEvents = new LongAdder();
  /** When the latest presence event arrived (System.nanoTime). */
  final AtomicLong lastPresenceNanos = new AtomicLong();

  private final long originNanos = System.nanoTime();
  private final AtomicReferenceArray<Step> steps;
  private final AtomicInteger heartbeatSeconds = new AtomicInteger(Integer.MAX_VALUE);
  private volatile ErrorCounts errorSink = setupErrors;
  private volatile Step current;
  private volatile boolean closing;

  Run(BenchOptions options, Layout layout, List<Account> accounts, List<String> roomIds) {
    this.options = options;
    this.layout = layout;
    this.accounts = accounts;
    this.roomIds = roomIds;
    this.id = randomId(6);
    this.textPrefix = Stamp.textPrefix(id);
    this.frameMarker = Stamp.frameMarker(id);
    this.steps = new AtomicReferenceArray<>(Math.max(1, options.rates().size()));
  }

  /** The run clock: nanoseconds since this run started; never negative, unlike {@link System#nanoTime()}. */
  long now() {
    return System.nanoTime() - originNanos;
  }

  Step step(int index) {
    return index >= 0 && index < steps.length() ? steps.get(index) : null;
  }

  /** Publishes a step (before its first send) and makes it the place where errors are counted. */
  void begin(Step step) {
    steps.set(step.index, step);
    current = step;
    errorSink = step.errors;
  }

  /** A push reached the bench's push service (the --push scenario): counted in the step running now. */
  void pushArrived(long nowNanos) {
    Step step = current;
    if (step != null) {
      step.onPushArrived(nowNanos);
    }
  }

  /** Whether the user of this connection listens for pushes of its room: the first user of each room. */
  boolean pushListener(int user, int room) {
    return options.push() != null && user == layout.creatorOf(room);
  }

  /** Where errors that belong to no particular message are counted now. */
  ErrorCounts errors() {
    return errorSink;
  }

  void countErrorsIn(ErrorCounts sink) {
    errorSink = sink;
  }

  /** From now on, sockets closing are our own doing, not errors. */
  void startClosing() {
    closing = true;
  }

  boolean closing() {
    return closing;
  }

  void noteHeartbeat(int seconds) {
    if (seconds > 0) {
      heartbeatSeconds.accumulateAndGet(seconds, Math::min);
    }
  }

  /** The smallest heartbeat a server announced in its hello, or the protocol's 30 s. */
  int heartbeatSeconds() {
    int seconds = heartbeatSeconds.get();
    return seconds == Integer.MAX_VALUE ? DEFAULT_HEARTBEAT_SECONDS : seconds;
  }

  private static String randomId(int length) {
    SecureRandom random = new SecureRandom();
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
    }
    return sb.toString();
  }
}
