package dev.parley.app;

import dev.parley.app.ops.NodeMetrics;
import dev.parley.app.ops.OpsVerticle;
import dev.parley.app.plugins.BridgeVerticle;
import dev.parley.app.plugins.PluginHost;
import dev.parley.app.plugins.PluginLoader;
import dev.parley.gateway.GatewayVerticle;
import dev.parley.gateway.metrics.ParleyMeters;
import dev.parley.notify.NotificationVerticle;
import dev.parley.notify.WebhookVerticle;
import dev.parley.rooms.RoomVerticle;
import dev.parley.shared.NodeLifecycle;
import dev.parley.shared.ParleyConfig;
import dev.parley.shared.plugins.ParleyPlugin;
import dev.parley.shared.plugins.PluginManifest;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
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
  /** The management port's verticle, or null when {@code ops.port} is not set. */
  private final OpsVerticle ops;
  private final HazelcastClusterManager clusterManager;
  /** The persistence role's deployment, or null: stopped last, after everything that may still ask it. */
  private final String roomsDeployment;

  private ParleyNode(Vertx vertx, GatewayVerticle gateway, OpsVerticle ops, HazelcastClusterManager clusterManager,
                     String roomsDeployment) {
    this.vertx = vertx;
    this.gateway = gateway;
    this.ops = ops;
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
    VertxBuilder builder = Vertx.builder();
    // Metrics are collected only where they can be read: on a node with a management port.
    NodeMetrics metrics = parsed.ops().enabled() ? new NodeMetrics() : null;
    if (metrics != null) {
      options.setMetricsOptions(NodeMetrics.options());
      builder.withMetrics(metrics.factory());
    }
    if (parsed.cluster().enabled()) {
      options.setEventBusOptions(ClusterSetup.eventBus(parsed.cluster()));
      clusterManager = ClusterSetup.clusterManager(parsed.cluster());
      vertx = builder.with(options).withClusterManager(clusterManager).buildClustered();
    } else {
      vertx = Future.succeededFuture(builder.with(options).build());
    }
    HazelcastClusterManager cluster = clusterManager;
    return vertx.compose(started -> {
      if (metrics != null) {
        ParleyMeters.install(started, metrics.registry());
      }
      if (cluster != null) {
        ClusterSetup.watchMembership(cluster, NodeLifecycle.of(started));
      }
      return deploy(started, config, roles, cluster, metrics);
    });
  }

  private static Future<ParleyNode> deploy(Vertx vertx, JsonObject config, Set<Role> roles,
                                           HazelcastClusterManager clusterManager, NodeMetrics metrics) {
    DeploymentOptions options = new DeploymentOptions().setConfig(config);
    OpsVerticle ops = ParleyConfig.fromJson(config).ops().enabled()
        ? new OpsVerticle(metrics == null ? null : metrics.registry(), roles) : null;
    Future<String> opsDeployed = ops == null ? Future.succeededFuture() : vertx.deployVerticle(ops, options);
    return opsDeployed.compose(deployed -> deployRoles(vertx, config, roles, clusterManager, ops))
        .recover(failure -> {
          // Say why first: closing Vert.x from one of its own threads may not finish before the caller gives up.
          LOG.error("Parley could not start its roles {}", roles, failure);
          vertx.close();
          return Future.failedFuture(failure);
        });
  }

  private static Future<ParleyNode> deployRoles(Vertx vertx, JsonObject config, Set<Role> roles,
                                                HazelcastClusterManager clusterManager, OpsVerticle ops) {
    DeploymentOptions options = new DeploymentOptions().setConfig(config);
    Future<String> rooms = roles.contains(Role.ROOMS)
        ? vertx.deployVerticle(new RoomVerticle(), options)
        : Future.succeededFuture();
    GatewayVerticle gateway = roles.contains(Role.GATEWAY) ? new GatewayVerticle() : null;
    return rooms
        .compose(deployed -> roles.contains(Role.NOTIFY)
            ? vertx.deployVerticle(new NotificationVerticle(), options)
                .compose(notifying -> vertx.deployVerticle(new WebhookVerticle(), options))
            : Future.succeededFuture())
        // Plugins before the gateway: their hooks answer before the first message can arrive.
        .compose(deployed -> deployPlugins(vertx, ParleyConfig.fromJson(config).plugins()))
        .compose(deployed -> ParleyConfig.fromJson(config).bridge().enabled()
            ? vertx.deployVerticle(new BridgeVerticle(), options) : Future.succeededFuture())
        .compose(deployed -> gateway == null ? Future.succeededFuture() : vertx.deployVerticle(gateway, options))
        .map(deployed -> {
          NodeLifecycle.of(vertx).serving();
          return new ParleyNode(vertx, gateway, ops, clusterManager, rooms.result());
        });
  }

  /**
   * Deploys the plugins of the plugin folder, each as a verticle of its own. One that fails to start is logged and
   * left out, so that a broken plugin does not keep the chat down; its hooks count as not deployed (their policy).
   */
  private static Future<Void> deployPlugins(Vertx vertx, ParleyConfig.Plugins config) {
    return vertx.executeBlocking(() -> PluginLoader.load(Path.of(config.dir()))).compose(plugins -> {
      Set<String> names = new HashSet<>();
      List<Future<String>> deployed = new ArrayList<>();
      for (ParleyPlugin plugin : plugins) {
        PluginManifest manifest = plugin.manifest();
        if (!names.add(manifest.name())) {
          LOG.error("Two plugins are named {}: only the first one is started", manifest.name());
          continue;
        }
        deployed.add(vertx.deployVerticle(new PluginHost(plugin, manifest, config.of(manifest.name())))
            .onFailure(failure -> LOG.error("Plugin {} did not start", manifest.name(), failure)));
      }
      return Future.join(deployed).otherwiseEmpty().mapEmpty();
    });
  }

  public Vertx vertx() {
    return vertx;
  }

  /** The gateway of this node, or null when it runs no gateway role. */
  public GatewayVerticle gateway() {
    return gateway;
  }

  /** The management port, or -1 when the node opened none ({@code ops.port} not set). */
  public int opsPort() {
    return ops == null ? -1 : ops.port();
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
