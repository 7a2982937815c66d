package dev.parley.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/** Errors by kind: {@code err} frame codes, {@code closed_<code>} for sockets the server closed, and the like. */
final class ErrorCounts {

  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  void add(String kind) {
    counts.computeIfAbsent(kind, k -> new LongAdder()).increment();
  }

  long total() {
    return counts.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** {@code rate_limited:3,closed_1013:2}, sorted by kind; empty when there were none. */
  String breakdown() {
    Map<String, Long> sorted = new TreeMap<>();
    counts.forEach((kind, n) -> {
      long v = n.sum();
      if (v > 0) {
        sorted.put(kind, v);
      }
    });
    return sorted.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","));
  }
}
