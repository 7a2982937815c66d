package dev.parley.bench;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * One offered rate: a warm-up, then a measurement window. Only messages scheduled inside the window are
 * measured; their deliveries and acks are counted whenever they arrive (until the drain ends), so a slow
 * server shows up as latency, not as missing samples. Everything here is safe to record from any event loop.
 */
final class Step {

  /** Latencies are recorded in microseconds, up to an hour; anything longer is clamped. */
  private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

  final int index;
  final double rate;
  /** Run-clock nanoseconds: first send, first measured send, end of sending. */
  final long startNanos;
  final long measureStartNanos;
  final long endNanos;

  private final Recorder latency = new Recorder(HIGHEST_MICROS, 3);
  private final Recorder ackLatency = new Recorder(HIGHEST_MICROS, 3);
  private final LongAdder sent = new LongAdder();
  private final LongAdder expected = new LongAdder();
  private final LongAdder acked = new LongAdder();
  private final LongAdder delivered = new LongAdder();
  private final LongAdder arrivalsInWindow = new LongAdder();
  private final LongAccumulator maxLagNanos = new LongAccumulator(Math::max, 0);
  /** The slowest delivery of the messages scheduled in each second of the window: shows when a tail happened. */
  private final LongAccumulator[] slowestBySecond;
  final ErrorCounts errors = new ErrorCounts();
  /** The --push scenario: pushes that arrived inside the window, pushes the measured sends call for, the delays. */
  private final LongAdder pushArrivalsInWindow = new LongAdder();
  private final LongAdder pushesExpected = new LongAdder();
  private final Recorder pushLatency = new Recorder(HIGHEST_MICROS, 3);

  Step(int index, double rate, long startNanos, long measureStartNanos, long endNanos) {
    this.index = index;
    this.rate = rate;
    this.startNanos = startNanos;
    this.measureStartNanos = measureStartNanos;
    this.endNanos = endNanos;
    int seconds = (int) Math.max(1, TimeUnit.NANOSECONDS.toSeconds(endNanos - measureStartNanos + 999_999_999L));
    this.slowestBySecond = new LongAccumulator[seconds];
    for (int i = 0; i < seconds; i++) {
      slowestBySecond[i] = new LongAccumulator(Math::max, 0);
    }
  }

  boolean measured(long scheduledNanos) {
    return scheduledNanos >= measureStartNanos && scheduledNanos < endNanos;
  }

  /** A send went out at {@code nowNanos} for the slot scheduled at {@code scheduledNanos}. */
  void onSent(long scheduledNanos, long nowNanos, int receivers) {
    if (measured(scheduledNanos)) {
      sent.increment();
      expected.add(receivers);
      maxLagNanos.accumulate(nowNanos - scheduledNanos);
    }
  }

  void onAck(long scheduledNanos, long nowNanos) {
    if (measured(scheduledNanos)) {
      acked.increment();
      ackLatency.recordValue(micros(nowNanos - scheduledNanos));
    }
  }

  /** A message of this step reached a connection other than its sender. */
  void onDelivery(long scheduledNanos, long nowNanos) {
    if (nowNanos >= measureStartNanos && nowNanos < endNanos) {
      arrivalsInWindow.increment();
    }
    if (measured(scheduledNanos)) {
      delivered.increment();
      long micros = micros(nowNanos - scheduledNanos);
      latency.recordValue(micros);
      int second = (int) TimeUnit.NANOSECONDS.toSeconds(scheduledNanos - measureStartNanos);
      slowestBySecond[Math.min(second, slowestBySecond.length - 1)].accumulate(micros);
    }
  }

  void onPushArrived(long nowNanos) {
    if (nowNanos >= measureStartNanos && nowNanos < endNanos) {
      pushArrivalsInWindow.increment();
    }
  }

  /** A measured send should notify the room's listener (it is not the listener's own). */
  void onPushExpected(long scheduledNanos) {
    if (measured(scheduledNanos)) {
      pushesExpected.increment();
    }
  }

  /** A decrypted push announced the message scheduled at {@code scheduledNanos}. */
  void onPushDecrypted(long scheduledNanos, long arrivedNanos) {
    if (measured(scheduledNanos)) {
      pushLatency.recordValue(micros(arrivedNanos - scheduledNanos));
    }
  }

  boolean allAcked() {
    return acked.sum() >= sent.sum();
  }

  long deliveredCount() {
    return delivered.sum();
  }

  long expectedCount() {
    return expected.sum();
  }

  /** True once every measured send has been acked and delivered everywhere it should. */
  boolean complete() {
    return acked.sum() >= sent.sum() && delivered.sum() >= expected.sum();
  }

  /** The slowest delivery, in ms, of the messages scheduled in each second of the window. */
  String slowestBySecond() {
    StringBuilder sb = new StringBuilder();
    for (LongAccumulator slowest : slowestBySecond) {
      sb.append(sb.length() == 0 ? "" : " ").append(slowest.get() / 1000);
    }
    return sb.toString();
  }

  /** Takes the measurements (call once, after the drain). */
  Result result(Layout layout, int durationSeconds, double clientCpuCores, double serverCpuCores, boolean pushes) {
    Histogram h = latency.getIntervalHistogram();
    Histogram a = ackLatency.getIntervalHistogram();
    Histogram p = pushLatency.getIntervalHistogram();
    Pushes push = !pushes ? null : new Pushes(pushArrivalsInWindow.sum() / (double) durationSeconds,
        pushesExpected.sum() / (double) durationSeconds, p.getTotalCount() == 0 ? null : p);
    return new Result(layout.describe(), rate, durationSeconds,
        sent.sum(), acked.sum(), delivered.sum(), expected.sum(), arrivalsInWindow.sum() / (double) durationSeconds,
        h.getTotalCount() == 0 ? null : h, a.getTotalCount() == 0 ? null : a,
        maxLagNanos.get() / 1e6, clientCpuCores, serverCpuCores, errors.total(), errors.breakdown(), push);
  }

  /**
   * The --push figures: pushes the push service received per second of the window, pushes per second the measured
   * sends called for, and the delay from a message's scheduled send to its push (over the decrypted sample).
   */
  record Pushes(double perSecond, double expectedPerSecond, Histogram latency) {
  }

  private static long micros(long nanos) {
    return Math.min(Math.max(0, nanos / 1000), HIGHEST_MICROS);
  }

  /** The numbers of one step and the summary line they print as. */
  record Result(String shape, double rate, int durationSeconds, long sent, long acked,
                long deliveries, long expected, double deliveriesPerSecond, Histogram latency, Histogram ackLatency,
                double lagMaxMillis, double clientCpuCores, double serverCpuCores, long errors,
                String errorBreakdown, Pushes pushes) {

    /** Server-side CPU per delivery in microseconds (all cores but the generator's), or -1 when unknown. */
    double serverMicrosPerDelivery() {
      return serverCpuCores < 0 || deliveriesPerSecond <= 0 ? -1 : serverCpuCores / deliveriesPerSecond * 1e6;
    }

    /** p99 of the end-to-end latency in ms; infinite when nothing was delivered. */
    double p99Millis() {
      return latency == null ? Double.POSITIVE_INFINITY : latency.getValueAtPercentile(99) / 1000.0;
    }

    long lost() {
      return Math.max(0, expected - deliveries);
    }

    String line() {
      StringBuilder sb = new StringBuilder(shape)
          .append(" offered=").append(BenchOptions.formatRate(rate)).append("/s")
          .append(" duration=").append(durationSeconds).append('s')
          .append(" sent=").append(sent)
          .append(" acked=").append(acked)
          .append(" deliveries=").append(deliveries)
          .append(" expected=").append(expected)
          .append(" deliveries/s=").append(String.format(Locale.ROOT, "%.0f", deliveriesPerSecond))
          .append(" p50=").append(percentile(latency, 50))
          .append(" p99=").append(percentile(latency, 99))
          .append(" p99.9=").append(percentile(latency, 99.9))
          .append(" max=").append(max(latency))
          .append(" ack_p50=").append(percentile(ackLatency, 50))
          .append(" ack_p99=").append(percentile(ackLatency, 99))
          .append(" lag_max=").append(millis(lagMaxMillis))
          .append(" client_cpu=").append(clientCpuCores < 0 ? "-" : String.format(Locale.ROOT, "%.2f", clientCpuCores))
          .append(" server_cpu=").append(serverCpuCores < 0 ? "-" : String.format(Locale.ROOT, "%.2f", serverCpuCores))
          .append(" server_us_per_delivery=").append(serverMicrosPerDelivery() < 0 ? "-"
              : String.format(Locale.ROOT, "%.1f", serverMicrosPerDelivery()))
          .append(" lost=").append(lost());
      if (pushes != null) {
        sb.append(" pushes/s=").append(String.format(Locale.ROOT, "%.0f", pushes.perSecond()))
            .append(" pushes_expected/s=").append(String.format(Locale.ROOT, "%.0f", pushes.expectedPerSecond()))
            .append(" push_sampled=").append(pushes.latency() == null ? 0 : pushes.latency().getTotalCount())
            .append(" push_p50=").append(percentile(pushes.latency(), 50))
            .append(" push_p99=").append(percentile(pushes.latency(), 99))
            .append(" push_max=").append(max(pushes.latency()));
      }
      sb.append(" errors=").append(errors);
      if (!errorBreakdown.isEmpty()) {
        sb.append(" errors_by=").append(errorBreakdown);
      }
      return sb.toString();
    }

    private static String percentile(Histogram h, double p) {
      return h == null ? "-" : millis(h.getValueAtPercentile(p) / 1000.0);
    }

    private static String max(Histogram h) {
      return h == null ? "-" : millis(h.getMaxValue() / 1000.0);
    }

    private static String millis(double ms) {
      return String.format(Locale.ROOT, "%.2fms", ms);
    }
  }
}
