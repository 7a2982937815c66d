package dev.parley.bench.faults;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The connection storm ({@link Abusers#connectionStorm}) in a JVM of its own, so that the process measuring the
 * ordinary clients does not also carry the storm's event loops and garbage: {@code parley-bench abuse} starts it, and
 * it prints what each attempt was answered, as one JSON object, when it is done.
 */
final class StormProcess {

  private final Process process;

  private StormProcess(Process process) {
    this.process = process;
  }

  /** Starts the storm against the node on {@code port}: {@code total} attempts at {@code perSecond}. */
  static StormProcess start(int port, int perSecond, int total, int inFlight) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new StormProcess(new ProcessBuilder(java, "-Xmx256m", "-cp", ownJar(), StormProcess.class.getName(),
        Integer.toString(port), Integer.toString(perSecond), Integer.toString(total), Integer.toString(inFlight))
        .redirectError(ProcessBuilder.Redirect.INHERIT).start());
  }

  /** Waits for the storm to end and adds what its attempts were answered to {@code shed}. */
  void awaitInto(Map<String, Integer> shed, long seconds) throws IOException, InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      shed.merge("storm_process_timed_out", 1, Integer::sum);
      return;
    }
    String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    new JsonObject(printed).forEach(entry -> shed.merge(entry.getKey(), ((Number) entry.getValue()).intValue(),
        Integer::sum));
  }

  private static String ownJar() throws IOException {
    try {
      return Path.of(StormProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IOException("Where parley-bench runs from is no path", e);
    }
  }

  /** {@code port perSecond total inFlight}: runs the storm, prints the answers by kind as JSON, exits. */
  public static void main(String[] args) throws Exception {
    Vertx vertx = Vertx.vertx();
    Map<String, Integer> shed = new ConcurrentHashMap<>();
    Abusers.connectionStorm(vertx, Integer.parseInt(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]),
            Integer.parseInt(args[3]), shed)
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
    System.out.println(new JsonObject(Map.copyOf(shed)).encode());
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
