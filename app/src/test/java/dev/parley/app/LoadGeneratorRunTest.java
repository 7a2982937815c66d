package dev.parley.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.bench.LoadGenerator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The load generator against a real Parley node: what it measures must add up. */
class LoadGeneratorRunTest {

  private static final Pattern FIELD = Pattern.compile("(\\S+)=(\\S+)");

  private static TestNodes nodes;
  private static String url;

  @BeforeAll
  static void startNode() {
    nodes = new TestNodes();
    url = "http://127.0.0.1:" + nodes.start(false).gateway().port();
  }

  @AfterAll
  static void stopNode() {
    nodes.close();
  }

  @Test
  void offersEachRateOfASweepAndCountsEveryDelivery() {
    Outcome run = bench("--url", url + "," + url, "--connections", "40", "--rooms", "4", "--users", "20",
        "--rates", "100,200", "--warmup", "1", "--duration", "2", "--prefix", "sweep", "--event-loops", "2");

    assertEquals(LoadGenerator.EXIT_OK, run.status, run.out);
    List<Map<String, String>> lines = run.summaries();
    assertEquals(2, lines.size(), run.out);
    Map<String, String> first = lines.get(0);
    assertEquals("40", first.get("connections"));
    assertEquals("2", first.get("urls"));
    assertEquals("100/s", first.get("offered"));
    assertEquals("200", first.get("sent"));
    assertEquals("200", first.get("acked"));
    // 10 connections per room: every message reaches the 9 others.
    assertEquals("1800", first.get("deliveries"));
    assertEquals("0", first.get("lost"));
    assertEquals("0", first.get("errors"));
    assertTrue(first.get("p99").endsWith("ms"), run.out);
    assertEquals("400", lines.get(1).get("sent"));
    assertEquals("3600", lines.get(1).get("deliveries"));
  }

  @Test
  void churnedConnectionsResumeAndMissNothing() {
    Outcome run = bench("--url", url, "--connections", "40", "--rooms", "4", "--users", "20", "--rate", "100",
        "--warmup", "1", "--duration", "3", "--churn", "20", "--prefix", "churn", "--event-loops", "2");

    assertEquals(LoadGenerator.EXIT_OK, run.status, run.out);
    Map<String, String> line = run.summaries().get(0);
    assertTrue(Integer.parseInt(line.get("churned")) >= 40, "about 20 a second for 4 s: " + run.out);
    assertEquals("0", line.get("churn_failed"), run.out);
    assertEquals("300", line.get("sent"));
    assertEquals("300", line.get("acked"));
    // Exactly 9 deliveries each: what a churned connection missed came back on resume, and nothing twice.
    assertEquals("2700", line.get("deliveries"), run.out);
    assertEquals("0", line.get("lost"));
    assertEquals("0", line.get("errors"));
  }

  @Test
  void aRerunWithTheSamePrefixSignsInAndReusesTheRooms() {
    String[] args = {"--url", url, "--connections", "8", "--rooms", "2", "--rate", "50",
        "--warmup", "0", "--duration", "1", "--prefix", "rerun"};
    assertEquals(LoadGenerator.EXIT_OK, bench(args).status);
    Outcome second = bench(args);

    assertEquals(LoadGenerator.EXIT_OK, second.status, second.out);
    Map<String, String> line = second.summaries().get(0);
    assertEquals("50", line.get("sent"));
    assertEquals("150", line.get("deliveries"), "the reused rooms still have 4 members each: " + second.out);
  }

  @Test
  void idleModeHoldsTheConnectionsAndSendsNothing() {
    Outcome run = bench("--url", url, "--connections", "30", "--rooms", "3", "--users", "6",
        "--idle", "--hold", "1", "--prefix", "idle");

    assertEquals(LoadGenerator.EXIT_OK, run.status, run.out);
    assertTrue(run.out.startsWith("READY connections=30 rooms=3 urls=1 users=6"), run.out);
    Map<String, String> line = run.summaries().get(0);
    assertEquals("30", line.get("open"));
    assertEquals("0", line.get("errors"));
  }

  @Test
  void twoSlicesShareOneLayoutAndEachMeasuresItsOwnRooms() {
    String[] common = {"--url", url, "--connections", "20", "--rooms", "4", "--users", "8", "--rate", "40",
        "--warmup", "0", "--duration", "2", "--prefix", "slices"};
    // Provision once, so the two slices do not race to create the same users and rooms.
    assertEquals(LoadGenerator.EXIT_OK, bench(with(common, "--idle", "--hold", "0")).status);
    CompletableFuture<Outcome> first = CompletableFuture.supplyAsync(() -> bench(with(common, "--slice", "0/2")));
    CompletableFuture<Outcome> second = CompletableFuture.supplyAsync(() -> bench(with(common, "--slice", "1/2")));

    for (Outcome run : List.of(first.join(), second.join())) {
      assertEquals(LoadGenerator.EXIT_OK, run.status, run.out);
      Map<String, String> line = run.summaries().get(0);
      assertEquals("10", line.get("connections"));
      assertEquals("2", line.get("rooms"));
      assertEquals("80", line.get("sent"));
      // 5 connections per room, all in this slice.
      assertEquals("320", line.get("deliveries"));
      assertEquals("0", line.get("lost"));
    }
  }

  private static String[] with(String[] args, String... more) {
    String[] all = Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return all;
  }

  private static Outcome bench(String... args) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int status;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      status = LoadGenerator.run(args, out);
    }
    return new Outcome(status, bytes.toString(StandardCharsets.UTF_8));
  }

  private record Outcome(int status, String out) {
    List<Map<String, String>> summaries() {
      return Arrays.stream(out.split("\n"))
          .filter(line -> line.startsWith("connections="))
          .map(line -> {
            Matcher field = FIELD.matcher(line);
            Map<String, String> fields = new HashMap<>();
            while (field.find()) {
              fields.put(field.group(1), field.group(2));
            }
            return fields;
          })
          .toList();
    }
  }
}
