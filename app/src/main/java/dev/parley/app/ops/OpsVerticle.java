package dev.parley.app.ops;

import dev.parley.gateway.health.NodeHealth;
import dev.parley.shared.ParleyConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.PrometheusScrapingHandler;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The management port ({@code ops.port}) of every node, whatever its roles: {@code /health/live},
 * {@code /health/ready} and Prometheus {@code /metrics}. Deployed before the roles, so that probes find the node
 * "starting" rather than nothing, and apart from the public port, so that metrics never reach the internet through
 * the Ingress.
 */
public final class OpsVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(OpsVerticle.class);

  private final PrometheusMeterRegistry registry;
  private final boolean gateway;
  private HttpServer server;
  private Redis redis;

  /**
   * @param registry where this node's metrics are, or null for health alone
   * @param gateway whether the node runs the gateway role (its readiness asks Redis too)
   */
  public OpsVerticle(PrometheusMeterRegistry registry, boolean gateway) {
    this.registry = registry;
    this.gateway = gateway;
  }

  @Override
  public Future<?> start() {
    ParleyConfig config = ParleyConfig.fromJson(config());
    RedisAPI redisApi = null;
    if (gateway && config.redis().url() != null) {
      // One connection of its own: readiness must not queue behind the gateway's busy pool to learn Redis is up.
      redis = Redis.createClient(vertx, new RedisOptions().setConnectionString(config.redis().url())
          .setMaxPoolSize(1));
      redisApi = RedisAPI.api(redis);
    }
    Router router = Router.router(vertx);
    new NodeHealth(vertx, redisApi, null).mount(router);
    if (registry != null) {
      router.get("/metrics").handler(PrometheusScrapingHandler.create(registry));
    }
    server = vertx.createHttpServer().requestHandler(router);
    return server.listen(config.ops().port(), config.ops().host())
        .onSuccess(listening -> LOG.info("Management port {} (health{})", listening.actualPort(),
            registry == null ? "" : ", metrics"));
  }

  @Override
  public Future<?> stop() {
    if (redis != null) {
      redis.close();
    }
    return Future.succeededFuture();
  }

  /** The port it listens on (useful when configured with port 0). */
  public int port() {
    return server.actualPort();
  }
}
