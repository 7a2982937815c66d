package dev.parley.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.app.ops.OpsVerticle;
import dev.parley.shared.NodeLifecycle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/**
 * Readiness that means something: a node is ready only once it serves, stops being ready when it drains, and is not
 * ready while PostgreSQL cannot be reached; liveness says only that the process answers. Two clustered nodes of
 * real Hazelcast on loopback: a persistence node and a gateway-only node, which has no database pool of its own.
 */
class HealthTest {

  @Test
  void readinessFollowsTheDatabaseAndTheDrainOnEveryNode() {
    try (StoppablePostgres postgres = new StoppablePostgres(); TestNodes nodes = new TestNodes()) {
      ParleyNode worker = nodes.start(true, EnumSet.of(Role.ROOMS, Role.NOTIFY), config -> withOps(config, postgres));
      ParleyNode gateway = nodes.start(true, EnumSet.of(Role.GATEWAY), config -> withOps(config, postgres));
      TestApi workerOps = new TestApi(worker.vertx(), worker.opsPort());
      TestApi gatewayOps = new TestApi(gateway.vertx(), gateway.opsPort());
      TestApi gatewayPublic = new TestApi(gateway.vertx(), gateway.gateway().port());

      // A gateway-only node is ready once the cluster tells it where a room-verticle answers.
      nodes.eventually(() -> status(gatewayOps) == 200 && status(workerOps) == 200, "both nodes ready");
      JsonObject ready = readiness(gatewayOps, 200);
      assertEquals(new JsonObject().put("node", "up").put("database", "up").put("cluster", "up").put("redis", "up"),
          ready.getJsonObject("checks"), "a gateway-only node asks PostgreSQL through a room-verticle, and Redis");
      assertEquals(new JsonObject().put("node", "up").put("database", "up").put("cluster", "up"),
          readiness(workerOps, 200).getJsonObject("checks"));
      readiness(gatewayPublic, 200);

      postgres.stop();
      nodes.eventually(() -> status(gatewayOps) == 503 && status(workerOps) == 503, "not ready without PostgreSQL");
      JsonObject down = readiness(gatewayOps, 503);
      assertEquals("down", down.getJsonObject("checks").getString("database"));
      assertTrue(down.getString("reason").startsWith("database: PostgreSQL cannot be reached"), down.encode());
      assertEquals(503, status(gatewayPublic), "the gateway's own port says the same");
      TestApi.expect(200, gatewayOps.call(HttpMethod.GET, "/health/live", null, null));

      postgres.start();
      nodes.eventually(() -> status(gatewayOps) == 200 && status(workerOps) == 200, "ready again with PostgreSQL");

      NodeLifecycle.of(gateway.vertx()).draining();
      JsonObject draining = readiness(gatewayOps, 503);
      assertEquals("node: the node is draining", draining.getString("reason"));
      assertEquals(503, status(gatewayPublic));
      TestApi.expect(200, gatewayOps.call(HttpMethod.GET, "/health/live", null, null));
      readiness(workerOps, 200);
    }
  }

  @Test
  void aNodeWhoseRolesAreNotDeployedYetIsAliveButNotReady() {
    Vertx vertx = Vertx.vertx();
    try {
      OpsVerticle ops = new OpsVerticle(null, EnumSet.noneOf(Role.class));
      JsonObject config = new JsonObject().put("ops", new JsonObject().put("host", "127.0.0.1").put("port", 0));
      TestNodes.await(vertx.deployVerticle(ops, new DeploymentOptions().setConfig(config)));
      TestApi api = new TestApi(vertx, ops.port());

      JsonObject starting = readiness(api, 503);
      assertEquals("node: the node is starting", starting.getString("reason"));
      assertEquals("down", starting.getJsonObject("checks").getString("database"), "no room-verticle answers");
      TestApi.expect(200, api.call(HttpMethod.GET, "/health/live", null, null));
    } finally {
      TestNodes.await(vertx.close());
    }
  }

  private static JsonObject withOps(JsonObject config, StoppablePostgres postgres) {
    return config.put("db", config.getJsonObject("db").put("url", postgres.url()))
        .put("ops", new JsonObject().put("host", "127.0.0.1").put("port", 0));
  }

  private static JsonObject readiness(TestApi api, int status) {
    return TestApi.expect(status, api.call(HttpMethod.GET, "/health/ready", null, null));
  }

  private static int status(TestApi api) {
    return api.call(HttpMethod.GET, "/health/ready", null, null).statusCode();
  }
}
