package dev.parley.app;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** Starts Parley nodes for a test on its own fresh database, and stops them all at the end. */
final class TestNodes implements AutoCloseable {

  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String databaseUrl = TestServices.freshDatabaseUrl();
  private final String clusterName = "parley-test-" + UUID.randomUUID();
  private final List<ParleyNode> nodes = new ArrayList<>();

  /**
   * The configuration of a node of this test; generous send limits unless a test tightens them. No default channels:
   * a test sees only the rooms it makes (a test of the newcomer's default channels names them itself).
   */
  JsonObject config(boolean clustered) {
    return new JsonObject()
        .put("http", new JsonObject().put("host", "127.0.0.1").put("port", 0))
        .put("db", new JsonObject().put("url", databaseUrl).put("poolSize", 4))
        .put("redis", new JsonObject().put("url", TestServices.redisUrl()))
        .put("auth", new JsonObject().put("jwtSecret", "test-secret-" + clusterName))
        .put("limits", new JsonObject().put("sendPerSecond", 10_000).put("sendBurst", 10_000)
            .put("replayLimit", 150).put("authPerMinute", 100_000).put("roomsPerHour", 100_000)
            .put("inviteEmailsPerDay", 100_000).put("searchesPerMinute", 100_000)
            .put("messageSearchesPerMinute", 100_000))
        .put("workspace", new JsonObject().put("defaultChannels", new JsonArray()))
        .put("cluster", new JsonObject().put("enabled", clustered).put("name", clusterName)
            .put("host", "127.0.0.1").put("members", new JsonArray().add("127.0.0.1")));
  }

  ParleyNode start(boolean clustered) {
    return start(clustered, UnaryOperator.identity());
  }

  ParleyNode start(boolean clustered, UnaryOperator<JsonObject> customize) {
    return start(clustered, EnumSet.allOf(Role.class), customize);
  }

  ParleyNode start(boolean clustered, Set<Role> roles, UnaryOperator<JsonObject> customize) {
    ParleyNode node = await(ParleyNode.start(customize.apply(config(clustered)), roles));
    nodes.add(node);
    return node;
  }

  /** Waits for a condition another component brings about, checking again after each short timer. */
  void eventually(Supplier<Boolean> condition, String what) {
    long deadline = System.currentTimeMillis() + TIMEOUT.toMillis();
    while (!condition.get()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("Not true in time: " + what);
      }
      await(nodes.get(0).vertx().timer(20));
    }
  }

  @Override
  public void close() {
    for (ParleyNode node : nodes) {
      await(node.close());
    }
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("Did not complete within " + TIMEOUT + ": " + e, e);
    }
  }
}
