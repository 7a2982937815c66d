package dev.parley.gateway.health;

import dev.parley.gateway.http.Requests;
import dev.parley.shared.NodeLifecycle;
import dev.parley.shared.contract.Requester;
import dev.parley.shared.http.Health;
import dev.parley.shared.ops.OpsCommands.PingDatabase;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.CheckResult;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.redis.client.RedisAPI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * What a node says to its orchestrator. Liveness only says the process is not stuck: it is answered on an event loop,
 * so a blocked loop fails it, and nothing outside the process can make a node "dead" and get it restarted in vain.
 * Readiness says whether new work should come here: false while the node starts and once it drains
 * ({@link NodeLifecycle}), while its Hazelcast member is out of the cluster, while PostgreSQL cannot be reached (asked
 * of any room-verticle over the event bus, so a gateway-only node answers the same) and, on a gateway, while Redis
 * does not answer.
 */
public final class NodeHealth {

  /** Where liveness and readiness are answered (the Kubernetes probes name them). */
  public static final String LIVE_PATH = "/health/live";
  public static final String READY_PATH = "/health/ready";

  /** Each check's own deadline: well inside a probe's timeout, so the probe hears "down" rather than nothing. */
  public static final long CHECK_TIMEOUT_MS = 2_000;

  static final String NODE = "node";
  static final String CLUSTER = "cluster";
  static final String DATABASE = "database";
  static final String REDIS = "redis";

  private final HealthChecks readiness;
  private final IntSupplier connections;

  /**
   * @param redis the gateway's Redis, or null on a node without the gateway role
   * @param connections the gateway's open WebSockets, or null on a node without the gateway role
   */
  public NodeHealth(Vertx vertx, RedisAPI redis, IntSupplier connections) {
    this.connections = connections;
    NodeLifecycle lifecycle = NodeLifecycle.of(vertx);
    Requester pings = new Requester(vertx.eventBus(), CHECK_TIMEOUT_MS);
    readiness = HealthChecks.create(vertx)
        .register(NODE, CHECK_TIMEOUT_MS, promise -> promise.complete(lifecycle.isServing() ? Status.OK()
            : down("the node is " + lifecycle.phase().name().toLowerCase(Locale.ROOT))))
        .register(DATABASE, CHECK_TIMEOUT_MS, promise -> answer(promise, pings.ask(new PingDatabase()),
            "PostgreSQL cannot be reached"));
    if (vertx.isClustered()) {
      readiness.register(CLUSTER, CHECK_TIMEOUT_MS, promise -> {
        String lost = lifecycle.clusterLost();
        promise.complete(lost == null ? Status.OK() : down(lost));
      });
    }
    if (redis != null) {
      readiness.register(REDIS, CHECK_TIMEOUT_MS, promise -> answer(promise, redis.ping(List.of()),
          "Redis does not answer"));
    }
  }

  /** {@code GET /health/live} and {@code GET /health/ready} on a router. */
  public void mount(Router router) {
    router.get(LIVE_PATH).handler(ctx -> Requests.json(ctx, 200, Health.up()));
    router.get(READY_PATH).handler(this::ready);
  }

  /** Every readiness check, run now. */
  public Future<Health> readiness() {
    return readiness.checkStatus().map(this::health);
  }

  private void ready(RoutingContext ctx) {
    readiness().onComplete(checked -> {
      Health health = checked.succeeded() ? checked.result()
          : new Health(Health.DOWN, "the checks failed: " + checked.cause().getMessage(), null, null);
      Requests.json(ctx, health.isUp() ? 200 : 503, health);
    });
  }

  private Health health(CheckResult result) {
    Map<String, String> checks = new LinkedHashMap<>();
    String reason = null;
    for (CheckResult check : result.getChecks()) {
      boolean up = Boolean.TRUE.equals(check.getUp());
      checks.put(check.getId(), up ? Health.UP : Health.DOWN);
      if (!up && reason == null) {
        reason = check.getId() + ": " + reasonOf(check);
      }
    }
    boolean up = Boolean.TRUE.equals(result.getUp());
    return new Health(up ? Health.UP : Health.DOWN, reason,
        up && connections != null ? connections.getAsInt() : null, checks);
  }

  private static String reasonOf(CheckResult check) {
    JsonObject data = check.getData();
    String reason = data == null || data.isEmpty() ? null : Health.fromJson(data).reason();
    if (reason != null) {
      return reason;
    }
    return check.getFailure() != null ? check.getFailure().getMessage() : "down";
  }

  /** A check that is down, saying why (its data is a {@link Health} of its own). */
  private static Status down(String reason) {
    return Status.KO(new Health(Health.DOWN, reason, null, null).toJson());
  }

  /** A check that is up when the future succeeds, and down with the reason (and what failed) when it does not. */
  private static void answer(Promise<Status> promise, Future<?> probe, String reason) {
    probe.onComplete(done -> promise.complete(done.succeeded() ? Status.OK()
        : down(reason + " (" + done.cause().getMessage() + ")")));
  }
}
