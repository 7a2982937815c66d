package dev.parley.app;

import static dev.parley.app.TestNodes.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.notify.NotificationVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import io.vertx.core.http.HttpMethod;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Notification decisions survive notification-verticle stopping: they are read from the stored messages after a
 * position kept in PostgreSQL, not from what one instance happened to hear, so messages stored while no instance ran
 * are decided when one starts, and none twice. The node runs rooms and the gateway; the test starts and stops
 * notification-verticle itself.
 */
class DurableDecisionsTest {

  private TestNodes nodes;
  private Vertx vertx;
  private TestApi api;
  private Pool db;

  @BeforeEach
  void start() {
    nodes = new TestNodes();
    ParleyNode node = nodes.start(false, EnumSet.of(Role.ROOMS, Role.GATEWAY), config -> config);
    vertx = node.vertx();
    api = new TestApi(vertx, node.gateway().port());
    db = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(nodes.databaseUrl())).using(vertx).build();
  }

  @AfterEach
  void stop() {
    await(db.close());
    nodes.close();
  }

  @Test
  void messagesStoredWhileNoInstanceRanAreDecidedWhenOneStartsAndNoneTwice() {
    TestApi.User alice = api.register("Alice");
    TestApi.User bob = api.register("Bob");
    String dm = api.openDm(alice, bob);
    try (TestSocket aliceSocket = TestSocket.connect(vertx, api.port(), alice)) {
      String first = deployNotifications();
      String before = aliceSocket.sendMessage(dm, "before the stop").getString("id");
      nodes.eventually(() -> decisions(before, bob) == 1, "decided while running");
      await(vertx.undeploy(first));

      List<String> whileAway = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        whileAway.add(aliceSocket.sendMessage(dm, "while nobody decides " + i).getString("id"));
      }
      for (String message : whileAway) {
        assertEquals(0, decisions(message, bob), "no instance runs: nothing decides");
      }

      deployNotifications();
      for (String message : whileAway) {
        nodes.eventually(() -> decisions(message, bob) == 1, "decided once an instance runs again: " + message);
      }
      String after = aliceSocket.sendMessage(dm, "after the restart").getString("id");
      nodes.eventually(() -> decisions(after, bob) == 1, "and live again");
      assertEquals(1, decisions(before, bob), "the one decided before the stop, not again");
      assertEquals(5, count("SELECT count(*) FROM notification_outbox WHERE kind = 'push'"), "five, each once");
    }
  }

  @Test
  void aPageOfMessagesDecidedInOneStatementHoldsEachForDoNotDisturbInOneSummaryOnce() {
    TestApi.User alice = api.register("Alice");
    TestApi.User bob = api.register("Bob");
    TestApi.User carol = api.register("Carol");
    String dm = api.openDm(alice, bob);
    String group = api.openDm(alice, bob, carol);
    LocalTime now = LocalTime.now(ZoneOffset.UTC);
    DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
    TestApi.expect(200, api.call(HttpMethod.PUT, "/api/v1/me/notifications", bob, new JsonObject().put("doNotDisturb",
        new JsonObject().put("start", now.minusHours(1).format(hhmm)).put("end", now.plusHours(1).format(hhmm))
            .put("timeZone", "UTC"))));
    try (TestSocket aliceSocket = TestSocket.connect(vertx, api.port(), alice)) {
      // Stored while no instance runs (one ran before: the cursor is kept), so the next one decides them all from
      // one page: two rooms, and the same person held for do-not-disturb by several of them.
      await(vertx.undeploy(deployNotifications()));
      Set<String> held = new HashSet<>();
      for (int i = 0; i < 3; i++) {
        held.add(aliceSocket.sendMessage(dm, "in the DM " + i).getString("id"));
        held.add(aliceSocket.sendMessage(group, "in the group " + i).getString("id"));
      }
      deployNotifications();
      nodes.eventually(() -> count("SELECT count(*) FROM notification_outbox WHERE kind = 'push' AND user_id = '"
          + carol.id() + "'") == 3, "Carol, not in do-not-disturb, has the group's three decided");
      List<String> named = summaryOf(bob);
      assertEquals(held, Set.copyOf(named), "Bob's one summary names the six messages");
      assertEquals(6, named.size(), "each once");
      assertEquals(0, count("SELECT count(*) FROM notification_outbox WHERE kind IN ('push', 'webpush') AND user_id = '"
          + bob.id() + "'"), "and nothing pushed to Bob meanwhile");

      // A later page adds to the same summary: the new message once, the others kept.
      held.add(aliceSocket.sendMessage(dm, "later").getString("id"));
      nodes.eventually(() -> Set.copyOf(summaryOf(bob)).equals(held), "the later one added to the summary");
      assertEquals(7, summaryOf(bob).size(), "each once");
    }
  }

  /** The messages a person's do-not-disturb summary names, in its order. */
  private List<String> summaryOf(TestApi.User person) {
    JsonObject summary = await(db.preparedQuery("SELECT payload FROM notification_outbox WHERE kind = 'summary'"
        + " AND user_id = $1").execute(Tuple.of(UUID.fromString(person.id())))).iterator().next().getJsonObject(0);
    return summary.getJsonArray("messages").stream().map(String.class::cast).toList();
  }

  private String deployNotifications() {
    JsonObject config = nodes.config(false);
    config.getJsonObject("notify").put("pollMillis", 50);
    return await(vertx.deployVerticle(new NotificationVerticle(), new DeploymentOptions().setConfig(config)));
  }

  private long decisions(String message, TestApi.User person) {
    return await(db.preparedQuery("SELECT count(*) FROM notification_outbox WHERE dedupe_key = $1")
        .execute(Tuple.of("push:" + message + ":" + person.id()))).iterator().next().getLong(0);
  }

  private long count(String sql) {
    return await(db.query(sql).execute()).iterator().next().getLong(0);
  }
}
