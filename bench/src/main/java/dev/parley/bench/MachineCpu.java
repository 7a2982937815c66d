package dev.parley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time the whole machine spent busy, from Linux's {@code /proc/stat}: with the generator's own time taken off,
 * what the server side (the server, its database, its Redis) used. On a machine that runs nothing else, that is the
 * server's cost; the peers and Parley are measured the same way, one after the other.
 */
final class MachineCpu {

  /** Linux reports {@code /proc/stat} in USER_HZ, which is 100 on every architecture the JVM runs on. */
  private static final long NANOS_PER_TICK = 10_000_000L;
  private static final Path STAT = Path.of("/proc/stat");

  private MachineCpu() {
  }

  /** Busy nanoseconds of all CPUs together since boot, or -1 where {@code /proc/stat} cannot be read. */
  static long busyNanos() {
    try {
      String first = Files.readAllLines(STAT).get(0);
      String[] fields = first.trim().split("\\s+");
      // cpu user nice system idle iowait irq softirq steal ...
      long busy = 0;
      for (int i = 1; i < fields.length && i <= 8; i++) {
        if (i != 4 && i != 5) {
          busy += Long.parseLong(fields[i]);
        }
      }
      return busy * NANOS_PER_TICK;
    } catch (IOException | RuntimeException unavailable) {
      return -1;
    }
  }
}
