package dev.parley.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Prometheus at the management port's {@code /metrics} reflects a short load: the message counters move by the number
 * of messages sent, the deliveries by the sockets reached, and each latency histogram holds one sample per message;
 * Vert.x's own figures (WebSockets, event bus, pools) and the JVM's are there beside them, and every metric the alert
 * rules and the Grafana dashboard in k8s/monitoring name is one a node exposes.
 */
class MetricsTest {

  private static final int MESSAGES = 25;
  private static final Path MONITORING = Path.of("../k8s/monitoring");

  @Test
  void aShortLoadMovesTheCountersAndFillsTheHistograms() throws IOException {
    try (TestNodes nodes = new TestNodes()) {
      ParleyNode node = nodes.start(false, config -> config.put("ops",
          new JsonObject().put("host", "127.0.0.1").put("port", 0)));
      TestApi api = new TestApi(node.vertx(), node.gateway().port());
      TestApi ops = new TestApi(node.vertx(), node.opsPort());
      TestApi.User alice = api.register("Alice");
      TestApi.User bob = api.register("Bob");
      String room = api.createChannel(alice, "metrics");
      api.join(bob, room);
      Map<String, Double> before = scrape(ops);

      try (TestSocket aliceSocket = TestSocket.connect(node.vertx(), api.port(), alice);
           TestSocket bobSocket = TestSocket.connect(node.vertx(), api.port(), bob)) {
        aliceSocket.subscribe(room, null);
        bobSocket.subscribe(room, null);
        for (int i = 0; i < MESSAGES; i++) {
          aliceSocket.sendMessage(room, "message " + i);
        }
        for (int i = 0; i < MESSAGES; i++) {
          bobSocket.nextOp("evt");
        }
        Map<String, Double> during = scrape(ops);
        assertEquals(2.0, during.get("parley_connections"));
        assertEquals(2.0, during.get("parley_subscriptions"));
        assertEquals(1.0, during.get("parley_rooms_followed"));
        assertTrue(during.get("vertx_http_server_active_ws_connections") >= 2.0, "Vert.x counts WebSockets too");
      }
      Map<String, Double> after = scrape(ops);

      assertEquals(MESSAGES, moved(before, after, "parley_messages_total"));
      assertEquals(MESSAGES, moved(before, after, "parley_ack_latency_seconds_count"));
      assertEquals(MESSAGES, moved(before, after, "parley_ack_latency_seconds_bucket{le=\"10.0\"}"),
          "every ack within the histogram's last bucket");
      assertEquals(MESSAGES, moved(before, after, "parley_events_total"), "one fan-out per message");
      assertEquals(2 * MESSAGES, moved(before, after, "parley_deliveries_total"), "to both sockets");
      assertEquals(MESSAGES, moved(before, after, "parley_delivery_latency_seconds_count"));
      for (String figure : new String[] {"vertx_eventbus_processed_total", "vertx_pool_in_use",
          "jvm_memory_used_bytes", "parley_refusals_total", "parley_notify_queue_due"}) {
        assertTrue(after.keySet().stream().anyMatch(name -> name.startsWith(figure)), figure + " is scraped");
      }
      assertEquals(List.of(), unscraped(after.keySet(), MONITORING.resolve("parley-alerts.yaml")),
          "metrics the alert rules name that no node exposes");
      assertEquals(List.of(), unscraped(after.keySet(), MONITORING.resolve("grafana-dashboard.json")),
          "metrics the Grafana dashboard names that no node exposes");
    }
  }

  /** The metrics a monitoring file names (Parley's, Vert.x's, the JVM's) that are not in the scrape. */
  private static List<String> unscraped(Set<String> samples, Path file) throws IOException {
    Matcher names = Pattern.compile("\\b((?:parley|vertx|jvm|process|system)_[a-z0-9_]+)")
        .matcher(Files.readString(file, StandardCharsets.UTF_8));
    Set<String> named = new TreeSet<>();
    while (names.find()) {
      named.add(names.group(1));
    }
    assertFalse(named.isEmpty(), file + " names no metric");
    return named.stream()
        .filter(name -> samples.stream().noneMatch(sample -> sample.equals(name) || sample.startsWith(name + "{")))
        .toList();
  }

  /** The scrape as sample name (with its labels) to value. */
  private static Map<String, Double> scrape(TestApi ops) {
    String text = ops.call(HttpMethod.GET, "/metrics", null, null).bodyAsString();
    Map<String, Double> samples = new HashMap<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        int space = line.lastIndexOf(' ');
        samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
      }
    }
    return samples;
  }

  private static int moved(Map<String, Double> before, Map<String, Double> after, String sample) {
    assertTrue(after.containsKey(sample), sample + " is not scraped: " + after.keySet());
    return (int) (after.get(sample) - before.getOrDefault(sample, 0.0));
  }
}
