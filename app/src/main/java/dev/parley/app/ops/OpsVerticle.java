package dev.parley.app.ops;

import dev.parley.app.Role;
import dev.parley.gateway.health.NodeHealth;
import dev.parley.gateway.metrics.ParleyMeters;
import dev.parley.shared.contract.Requester;
import dev.parley.shared.ops.MetricNames;
import dev.parley.shared.ops.OpsCommands.NotificationBacklog;
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
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
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

  /** How often the notification queue's gauges are read from PostgreSQL: one cheap count per node with the role. */
  static final long BACKLOG_MILLIS = 15_000;

  private final PrometheusMeterRegistry registry;
  private final Set<Role> roles;
  private final AtomicLong dueWork = new AtomicLong();
  private final AtomicLong pendingWork = new AtomicLong();
  private HttpServer server;
  private Redis redis;

  /**
   * @param registry where this node's metrics are, or null for health alone
   * @param roles the node's roles: with the gateway's, readiness asks Redis too; with notify's, the metrics show the
   *     notification queue
   */
  public OpsVerticle(PrometheusMeterRegistry registry, Set<Role> roles) {
    this.registry = registry;
    this.roles = Set.copyOf(roles);
  }

  @Override
  public Future<?> start() {
    ParleyConfig config = ParleyConfig.fromJson(config());
    RedisAPI redisApi = null;
    if (roles.contains(Role.GATEWAY) && config.redis().url() != null) {
      // One connection of its own: readiness must not queue behind the gateway's busy pool to learn Redis is up.
      redis = Redis.createClient(vertx, new RedisOptions().setConnectionString(config.redis().url())
          .setMaxPoolSize(1));
      redisApi = RedisAPI.api(redis);
    }
    Router router = Router.router(vertx);
    new NodeHealth(vertx, redisApi, null).mount(router);
    if (registry != null) {
      router.get("/metrics").handler(PrometheusScrapingHandler.create(registry));
      if (roles.contains(Role.NOTIFY)) {
        watchNotificationQueue();
      }
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

  /** Gauges of the outbox's unfinished work, read every {@link #BACKLOG_MILLIS} (not at each scrape: that is free). */
  private void watchNotificationQueue() {
    ParleyMeters meters = ParleyMeters.of(vertx);
    meters.gauge(MetricNames.NOTIFY_QUEUE_DUE, "notification work due now and not taken yet (emails, pushes)",
        dueWork::get);
    meters.gauge(MetricNames.NOTIFY_QUEUE_PENDING, "notification work not finished, due now or later",
        pendingWork::get);
    Requester rooms = new Requester(vertx.eventBus(), BACKLOG_MILLIS);
    vertx.setPeriodic(0, BACKLOG_MILLIS, id -> rooms.ask(new NotificationBacklog())
        .onSuccess(backlog -> {
          dueWork.set(backlog.due());
          pendingWork.set(backlog.pending());
        })
        .onFailure(failure -> LOG.debug("Notification backlog not read: {}", failure.getMessage())));
  }

  /** The port it listens on (useful when configured with port 0). */
  public int port() {
    return server.actualPort();
  }
}
