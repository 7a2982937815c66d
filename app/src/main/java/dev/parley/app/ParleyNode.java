package dev.parley.app;

import dev.parley.gateway.GatewayVerticle;
import dev.parley.notify.NotificationVerticle;
import dev.parley.rooms.RoomVerticle;
import dev.parley.shared.NodeLifecycle;
import dev.parley.shared.ParleyConfig;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Parley process: a Vert.x instance (clustered when configured) running the verticles of its roles.
 * The persistence role deploys first, so the schema is migrated before a gateway takes requests; the gateway
 * deploys last, so everything it hands work to is there when it opens its port.
 */
public final class ParleyNode {

  private static final Logger LOG = LoggerFactory.getLogger(ParleyNode.class);

  private final Vertx vertx;
  private final GatewayVerticle gateway;
  private final HazelcastClusterManager clusterManager;
  /** The persistence role's deployment, or null: stopped last, after everything that may still ask it. */
  private final String roomsDeployment;

  private ParleyNode(Vertx vertx, GatewayVerticle gateway, HazelcastClusterManager clusterManager,
                     String roomsDeployment) {
    this.vertx = vertx;
    this.gateway = gateway;
    this.clusterManager = clusterManager;
    this.roomsDeployment = roomsDeployment;
  }

  /** Starts a node; {@code config} must name PostgreSQL, Redis and the token secret (see {@link Main}). */
  public static Future<ParleyNode> start(JsonObject config, Set<Role> roles) {
    ParleyConfig parsed = ParleyConfig.fromJson(config);
    Future<Vertx> vertx;
    HazelcastClusterManager clusterManager = null;
    // Linux's epoll through Netty where it is available (it is bundled for x86-64 Linux), else Java NIO.
    VertxOptions options = new VertxOptions().setPreferNativeTransport(true);
    if (parsed.cluster().enabled()) {
      options.setEventBusOptions(ClusterSetup.eventBus(parsed.cluster()));
      clusterManager = ClusterSetup.clusterManager(parsed.cluster());
      vertx = Vertx.builder().with(options).withClusterManager(clusterManager).buildClustered();
    } else {
      vertx = Future.succeededFuture(Vertx.vertx(options));
    }
    HazelcastClusterManager cluster = clusterManager;
    return vertx.compose(started -> deploy(started, config, roles, cluster).recover(failure -> {
      // Say why first: closing Vert.x from one of its own threads may not finish before the caller gives up.
      LOG.error("Parley could not start its roles {}", roles, failure);
      started.close();
      return Future.failedFuture(failure);
    }));
  }

  private static Future<ParleyNode> deploy(Vertx vertx, JsonObject config, Set<Role> roles,
                                           HazelcastClusterManager clusterManager) {
    DeploymentOptions options = new DeploymentOptions().setConfig(config);
    Future<String> rooms = roles.contains(Role.ROOMS)
        ? vertx.deployVerticle(new RoomVerticle(), options)
        : Future.succeededFuture();
    GatewayVerticle gateway = roles.contains(Role.GATEWAY) ? new GatewayVerticle() : null;
    return rooms
        .compose(deployed -> roles.contains(Role.NOTIFY)
            ? vertx.deployVerticle(new NotificationVerticle(), options)
            : Future.succeededFuture())
        .compose(deployed -> gateway == null ? Future.succeededFuture() : vertx.deployVerticle(gateway, options))
        .map(deployed -> {
          NodeLifecycle.of(vertx).serving();
          return new ParleyNode(vertx, gateway, clusterManager, rooms.result());
        });
  }

  public Vertx vertx() {
    return vertx;
  }

  /** The gateway of this node, or null when it runs no gateway role. */
  public GatewayVerticle gateway() {
    return gateway;
  }

  /** The Hazelcast cluster manager, or null when the node is not clustered. */
  public HazelcastClusterManager clusterManager() {
    return clusterManager;
  }

  /**
   * Leaves gracefully (SIGTERM, a rolling restart; docs/operations.md): says the node is draining (readiness turns
   * false), closes the WebSocket connections with 1012 spread over {@code spreadMillis}, each once its sends in hand
   * are acked, then {@link #close() closes}: room-verticle answers the commands it took before its pool closes, and
   * Vert.x leaves the cluster, so the other nodes stop routing to this one at once rather than after a timeout.
   */
  public Future<Void> drain(long spreadMillis) {
    NodeLifecycle.of(vertx).draining();
    Future<Void> connections = gateway == null ? Future.succeededFuture() : gateway.drain(spreadMillis);
    return connections.otherwiseEmpty().compose(closed -> close());
  }

  /**
   * Stops the other verticles first (notification-verticle finishes the work in hand, which asks room-verticle), then
   * room-verticle and Vert.x.
   */
  public Future<Void> close() {
    List<Future<Void>> others = vertx.deploymentIDs().stream()
        .filter(id -> !id.equals(roomsDeployment))
        .map(vertx::undeploy)
        .toList();
    return Future.join(others).otherwiseEmpty().eventually(vertx::close).mapEmpty();
  }
}
