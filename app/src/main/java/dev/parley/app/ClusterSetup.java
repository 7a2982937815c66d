package dev.parley.app;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import dev.parley.shared.NodeLifecycle;
import dev.parley.shared.ParleyConfig;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Hazelcast cluster manager and the event bus's own network. Starts from Vert.x's default Hazelcast config (it
 * carries the {@code __vertx.*} map settings the event bus relies on) and sets the network from Parley's
 * {@code cluster} section: TCP-IP members on a chosen interface, or Kubernetes DNS discovery through a headless
 * service.
 *
 * <p>What the open-source Hazelcast can and cannot protect (docs/security.md): it has no member authentication and
 * no encryption. So Hazelcast listens on the configured interface only (never all of them), and with a
 * {@code cluster.secret} its cluster name is derived from the secret, so that knowing Parley's default name is not
 * enough to join. The messages themselves travel on the event bus's own TCP connections, which TLS with mutual
 * authentication protects: a stranger who joined Hazelcast still can neither read nor send a message.
 */
final class ClusterSetup {

  /** How often the event bus pings each peer it sends to, and how long it waits for the pong. */
  static final long CLUSTER_PING_MILLIS = 2_000;

  private ClusterSetup() {
  }

  static HazelcastClusterManager clusterManager(ParleyConfig.Cluster cluster) {
    Config config = ConfigUtil.loadConfig();
    config.setClusterName(clusterName(cluster));
    // Bind to the configured interface only: by default Hazelcast listens on every interface of the machine.
    config.setProperty("hazelcast.socket.bind.any", "false");
    config.setProperty("hazelcast.socket.server.bind.any", "false");
    config.setProperty("hazelcast.socket.client.bind.any", "false");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
    // Failure detection (docs/operations.md, "Failure modes and recovery"). A node that dies keeps its event-bus
    // registrations until Hazelcast declares it dead, and until then some requests are still routed to it (Requester
    // sends those that are safe to run twice again, elsewhere, after 0.4 s). A process that is killed while its
    // machine lives has its TCP connections closed by the kernel: the members' reconnection attempts are refused and
    // after a few such faults (hazelcast.connection.monitor.*) it is suspected and removed, within about a heartbeat
    // interval. A machine that vanishes closes nothing: then only the missing heartbeats tell, after
    // max.no.heartbeat. 5 s of silence: long enough not to evict a healthy node over a GC pause (Parley's pauses
    // are tens of milliseconds with G1 and heaps of a few GiB), short enough that its clients are not kept waiting.
    config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    config.setProperty("hazelcast.max.no.heartbeat.seconds", "5");

    NetworkConfig network = config.getNetworkConfig();
    network.setPort(cluster.port()).setPortAutoIncrement(true);
    network.getInterfaces().setEnabled(true).addInterface(cluster.host());
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    if (cluster.kubernetesService() != null) {
      join.getKubernetesConfig().setEnabled(true).setProperty("service-dns", cluster.kubernetesService());
    } else {
      join.getTcpIpConfig().setEnabled(true).setMembers(cluster.members());
    }
    return new HazelcastClusterManager(config);
  }

  /**
   * Keeps the node's lifecycle told whether its Hazelcast member is in the cluster: readiness is false while the member
   * shuts down or merges back after a split brain, when the event bus reaches neither the other nodes' subscribers nor
   * their room workers.
   */
  static void watchMembership(HazelcastClusterManager clusterManager, NodeLifecycle lifecycle) {
    clusterManager.getHazelcastInstance().getLifecycleService().addLifecycleListener(event -> {
      switch (event.getState()) {
        case MERGING, MERGE_FAILED, SHUTTING_DOWN, SHUTDOWN ->
            lifecycle.clusterLost("the Hazelcast member is " + event.getState().name().toLowerCase(Locale.ROOT));
        case MERGED, STARTED -> lifecycle.clusterLost(null);
        default -> {
          // client events and STARTING: nothing to say about this member's membership
        }
      }
    });
  }

  /**
   * The name members must present to join: with a secret, the configured name and a keyed hash of it (the secret
   * itself never goes over the network); without one, the configured name as it is.
   */
  static String clusterName(ParleyConfig.Cluster cluster) {
    if (cluster.secret() == null || cluster.secret().isBlank()) {
      return cluster.name();
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(cluster.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal(cluster.name().getBytes(StandardCharsets.UTF_8));
      return cluster.name() + "-" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
    }
  }

  /**
   * The event bus's TCP server and client: on the configured interface, and with certificates configured, TLS that
   * both sides authenticate (only holders of a certificate from the cluster's authority are talked to).
   */
  static EventBusOptions eventBus(ParleyConfig.Cluster cluster) {
    EventBusOptions options = new EventBusOptions().setHost(cluster.host()).setPort(cluster.eventBusPort())
        // A connection to a member that stopped answering (its machine gone, no reset from the kernel) is closed
        // after these: 2 s and 2 s rather than 20 s and 20 s, for one small ping frame every 2 s per peer.
        .setClusterPingInterval(CLUSTER_PING_MILLIS)
        .setClusterPingReplyInterval(CLUSTER_PING_MILLIS);
    if (!cluster.tls()) {
      return options;
    }
    if (cluster.tlsKey() == null || cluster.tlsCa() == null) {
      throw new IllegalArgumentException("cluster.tlsCert needs cluster.tlsKey and cluster.tlsCa too");
    }
    return options.setSsl(true)
        .setKeyCertOptions(new PemKeyCertOptions().setCertPath(cluster.tlsCert()).setKeyPath(cluster.tlsKey()))
        .setTrustOptions(new PemTrustOptions().addCertPath(cluster.tlsCa()))
        .setClientAuth(ClientAuth.REQUIRED);
  }
}
