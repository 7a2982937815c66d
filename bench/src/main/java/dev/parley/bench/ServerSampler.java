package dev.parley.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The soak's other half: samples a running Parley process (same machine) while the load generator drives it, and
 * prints how its resources moved: heap after GC, resident memory, threads and open files, each as a least-squares
 * slope per minute. A soak passes when the slopes are flat (docs/operations.md).
 *
 * <pre>
 * java -jar bench/target/parley-bench.jar --rate 1000 --duration 1800 ... &amp;
 * java -cp bench/target/parley-bench.jar dev.parley.bench.ServerSampler --pid PID --seconds 1800 --every 10
 * </pre>
 *
 * <p>Heap after GC is what {@code jstat -gc} reports in use outside eden (survivors and old generation): right
 * after each young collection that is the whole heap in use, and between collections it moves only when objects
 * are promoted, so its slope is the heap's growth that collections do not take back. Resident memory, threads and
 * open files come from {@code /proc/PID}.
 */
public final class ServerSampler {

  private static final Logger LOG = LoggerFactory.getLogger(ServerSampler.class);

  /** One sample: when (minutes from the first), and the four values. */
  public record Sample(double minutes, double heapAfterGcMiB, double rssMiB, int threads, int openFiles) {
  }

  private final long pid;
  private final Path proc;

  public ServerSampler(long pid) {
    this.pid = pid;
    this.proc = Path.of("/proc", Long.toString(pid));
  }

  public static void main(String[] args) throws Exception {
    long pid = 0;
    long seconds = 60;
    long every = 10;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--pid" -> pid = Long.parseLong(args[i + 1]);
        case "--seconds" -> seconds = Long.parseLong(args[i + 1]);
        case "--every" -> every = Long.parseLong(args[i + 1]);
        default -> throw new IllegalArgumentException("Unknown option " + args[i]);
      }
    }
    if (pid <= 0 || seconds <= 0 || every <= 0) {
      System.err.println("Usage: ServerSampler --pid PID [--seconds S (60)] [--every S (10)]");
      System.exit(2);
    }
    ServerSampler sampler = new ServerSampler(pid);
    List<Sample> samples = new ArrayList<>();
    long start = System.nanoTime();
    long end = start + TimeUnit.SECONDS.toNanos(seconds);
    while (true) {
      Sample sample = sampler.sample((System.nanoTime() - start) / 60e9);
      samples.add(sample);
      LOG.info("{}", sample);
      long next = start + TimeUnit.SECONDS.toNanos(every * samples.size());
      if (next > end) {
        break;
      }
      // A sampler of another process: nothing to await but the clock.
      TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
    }
    System.out.println(summary(samples));
  }

  /** Reads the process's figures now. */
  public Sample sample(double minutes) throws IOException, InterruptedException {
    return new Sample(minutes, heapAfterGcMiB(), statusKiB("VmRSS:") / 1024.0, (int) statusKiB("Threads:"),
        openFiles());
  }

  /** A full collection in the process ({@code jcmd PID GC.run}), so that the next sample's heap is what is live. */
  public void collectGarbage() throws IOException, InterruptedException {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    Process process = new ProcessBuilder(jcmd, Long.toString(pid), "GC.run").redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("jcmd " + pid + " GC.run failed: " + out.strip());
    }
  }

  /** One line: the first and last value and the slope per minute of each figure. */
  static String summary(List<Sample> samples) {
    Sample first = samples.get(0);
    Sample last = samples.get(samples.size() - 1);
    return String.format(Locale.ROOT, "soak minutes=%.1f samples=%d heap_after_gc_mib=%.1f..%.1f "
            + "heap_slope_mib_per_min=%.3f rss_mib=%.1f..%.1f rss_slope_mib_per_min=%.3f threads=%d..%d "
            + "threads_slope_per_min=%.3f open_files=%d..%d open_files_slope_per_min=%.3f",
        last.minutes(), samples.size(), first.heapAfterGcMiB(), last.heapAfterGcMiB(),
        slope(samples, Sample::heapAfterGcMiB), first.rssMiB(), last.rssMiB(), slope(samples, Sample::rssMiB),
        first.threads(), last.threads(), slope(samples, s -> s.threads()), first.openFiles(), last.openFiles(),
        slope(samples, s -> s.openFiles()));
  }

  /** The least-squares slope of a figure against time, per minute (0 with fewer than two samples). */
  static double slope(List<Sample> samples, ToDoubleFunction<Sample> figure) {
    int n = samples.size();
    if (n < 2) {
      return 0;
    }
    double meanT = samples.stream().mapToDouble(Sample::minutes).average().orElse(0);
    double meanY = samples.stream().mapToDouble(figure).average().orElse(0);
    double covariance = 0;
    double variance = 0;
    for (Sample s : samples) {
      double dt = s.minutes() - meanT;
      covariance += dt * (figure.applyAsDouble(s) - meanY);
      variance += dt * dt;
    }
    return variance == 0 ? 0 : covariance / variance;
  }

  private double heapAfterGcMiB() throws IOException, InterruptedException {
    String jstat = Path.of(System.getProperty("java.home"), "bin", "jstat").toString();
    Process process = new ProcessBuilder(jstat, "-gc", Long.toString(pid)).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("jstat -gc " + pid + " failed: " + out.strip());
    }
    String[] lines = out.strip().split("\n");
    String[] names = lines[0].trim().split("\\s+");
    String[] values = lines[lines.length - 1].trim().split("\\s+");
    double kib = 0;
    for (int i = 0; i < names.length && i < values.length; i++) {
      if (names[i].equals("S0U") || names[i].equals("S1U") || names[i].equals("OU")) {
        kib += Double.parseDouble(values[i]);
      }
    }
    return kib / 1024;
  }

  /** A figure of /proc/PID/status, e.g. "VmRSS:" (in KiB) or "Threads:". */
  private long statusKiB(String field) throws IOException {
    for (String line : Files.readAllLines(proc.resolve("status"), StandardCharsets.UTF_8)) {
      if (line.startsWith(field)) {
        return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
      }
    }
    throw new IOException(field + " not in " + proc.resolve("status"));
  }

  private int openFiles() throws IOException {
    try (Stream<Path> fds = Files.list(proc.resolve("fd"))) {
      return (int) fds.count();
    }
  }
}
