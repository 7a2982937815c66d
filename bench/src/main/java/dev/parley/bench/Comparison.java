package dev.parley.bench;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The side-by-side summary of a {@code --compare} run: per offered rate, each target's p99 and server CPU per
 * delivery with its ratio to the first target's; then each target's highest rate whose p99 stayed under the
 * "good" bound, and how many times the first target's that is.
 *
 * <p>Ratios read "other / first": {@code p99_x=3.00} means that target's p99 was three times the first one's,
 * {@code cpu_x=3.00} that it spent three times the first one's server CPU per delivery.
 */
final class Comparison {

  private final double goodP99Millis;
  private final Map<String, List<Step.Result>> resultsByTarget = new LinkedHashMap<>();

  Comparison(double goodP99Millis) {
    this.goodP99Millis = goodP99Millis;
  }

  void add(String target, List<Step.Result> results) {
    resultsByTarget.put(target, List.copyOf(results));
  }

  void print(PrintStream out) {
    if (resultsByTarget.isEmpty()) {
      return;
    }
    String first = resultsByTarget.keySet().iterator().next();
    List<Step.Result> reference = resultsByTarget.get(first);
    int steps = resultsByTarget.values().stream().mapToInt(List::size).max().orElse(0);
    for (int i = 0; i < steps; i++) {
      for (Map.Entry<String, List<Step.Result>> entry : resultsByTarget.entrySet()) {
        if (i >= entry.getValue().size()) {
          continue;
        }
        Step.Result result = entry.getValue().get(i);
        StringBuilder line = new StringBuilder("compare offered=").append(BenchOptions.formatRate(result.rate()))
            .append("/s target=").append(entry.getKey())
            .append(" p99=").append(format(result.p99Millis())).append("ms")
            .append(" server_us_per_delivery=").append(format(result.serverMicrosPerDelivery()))
            .append(" lost=").append(result.lost())
            .append(" errors=").append(result.errors());
        if (!entry.getKey().equals(first) && i < reference.size()) {
          Step.Result base = reference.get(i);
          line.append(" p99_x=").append(ratio(result.p99Millis(), base.p99Millis()))
              .append(" cpu_x=").append(ratio(result.serverMicrosPerDelivery(), base.serverMicrosPerDelivery()));
        }
        out.println(line);
      }
    }
    double firstBest = highestGoodRate(reference);
    for (Map.Entry<String, List<Step.Result>> entry : resultsByTarget.entrySet()) {
      double best = highestGoodRate(entry.getValue());
      StringBuilder line = new StringBuilder("compare target=").append(entry.getKey())
          .append(" highest_rate_p99_under_").append(BenchOptions.formatRate(goodP99Millis)).append("ms=")
          .append(best > 0 ? BenchOptions.formatRate(best) + "/s" : "none");
      if (!entry.getKey().equals(first)) {
        line.append(' ').append(first).append("_x=").append(ratio(firstBest, best));
      }
      out.println(line);
    }
    out.flush();
  }

  /** The highest offered rate that was carried: p99 under the bound, nothing lost, no errors. */
  private double highestGoodRate(List<Step.Result> results) {
    double best = 0;
    for (Step.Result result : results) {
      if (result.p99Millis() < goodP99Millis && result.lost() == 0 && result.errors() == 0) {
        best = Math.max(best, result.rate());
      }
    }
    return best;
  }

  private static String ratio(double value, double base) {
    return value < 0 || base <= 0 || Double.isInfinite(value) || Double.isInfinite(base) ? "-"
        : String.format(Locale.ROOT, "%.2f", value / base);
  }

  private static String format(double value) {
    return value < 0 || Double.isInfinite(value) ? "-" : String.format(Locale.ROOT, "%.1f", value);
  }
}
