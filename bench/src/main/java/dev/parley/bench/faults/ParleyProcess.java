package dev.parley.bench.faults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code parley.jar} in a process of its own, as an operator runs it: only {@code PARLEY_*} settings from
 * the caller, none inherited. Its output goes to the caller's standard error, prefixed (the bench keeps standard
 * output for its report lines).
 */
public final class ParleyProcess implements AutoCloseable {

  /** The system property naming the jar to run (app's build sets it for its integration tests). */
  public static final String JAR_PROPERTY = "parleyJar";

  private final Process process;
  private final String readyLine;

  private ParleyProcess(Process process, String readyLine) {
    this.process = process;
    this.readyLine = readyLine;
  }

  /**
   * Starts the jar the system property {@code parleyJar} names (the build sets it for app's integration tests, built
   * by {@code package} before they run) in {@code folder}, and waits until it says it is running.
   */
  public static ParleyProcess start(Path folder, Map<String, String> settings, String... args) throws Exception {
    return start(Path.of(System.getProperty(JAR_PROPERTY)), folder, settings, args);
  }

  /** Starts {@code jar} in {@code folder} and waits until it says it is running. */
  public static ParleyProcess start(Path jar, Path folder, Map<String, String> settings, String... args)
      throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.startsWith("PARLEY_"));
    builder.environment().putAll(settings);
    Process process = builder.start();
    CompletableFuture<String> ready = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          System.err.println("[parley.jar] " + line);
          if (line.startsWith("Parley is running")) {
            ready.complete(line);
          }
        }
        ready.completeExceptionally(new IllegalStateException("The node exited with " + process.waitFor()));
      } catch (IOException | InterruptedException e) {
        ready.completeExceptionally(e);
      }
    }, "parley-jar-output");
    reader.setDaemon(true);
    reader.start();
    try {
      return new ParleyProcess(process, ready.get(120, TimeUnit.SECONDS));
    } catch (Exception failed) {
      process.destroyForcibly();
      throw failed;
    }
  }

  /** What the process printed when it was ready ("Parley is running at ..."). */
  public String readyLine() {
    return readyLine;
  }

  /** The process id, for tools that watch the process (heap, resident memory). */
  public long pid() {
    return process.pid();
  }

  /** SIGKILL: no shutdown hook, no goodbye to the cluster or to Redis, as when a machine dies. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
  }

  /**
   * SIGSTOP: the process hangs with every connection open, as a machine that vanished from the network looks to the
   * others: no reset, no goodbye, only silence. {@link #kill()} ends it.
   */
  public void freeze() throws Exception {
    new ProcessBuilder("kill", "-STOP", Long.toString(process.pid())).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
  }

  /** A graceful stop (SIGTERM), then SIGKILL for whatever is still running after a minute. */
  @Override
  public void close() {
    try {
      if (process.isAlive()) {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      }
    } catch (InterruptedException interrupted) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    process.descendants().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }
}
