package dev.parley.app;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import dev.parley.shared.ParleyConfig;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/**
 * The Hazelcast cluster manager for the event bus. Starts from Vert.x's default Hazelcast config (it carries the
 * {@code __vertx.*} map settings the event bus relies on) and sets the network from Parley's {@code cluster}
 * section: TCP-IP members on a chosen interface, or Kubernetes DNS discovery through a headless service.
 */
final class ClusterSetup {

  private ClusterSetup() {
  }

  static HazelcastClusterManager clusterManager(ParleyConfig.Cluster cluster) {
    Config config = ConfigUtil.loadConfig();
    config.setClusterName(cluster.name());
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "slf4j");
    config.setProperty("hazelcast.wait.seconds.before.join", "0");
    // A node that dies keeps its event-bus subscriptions until it is declared dead: 60 s by default is too long.
    config.setProperty("hazelcast.max.no.heartbeat.seconds", "10");
    config.setProperty("hazelcast.heartbeat.interval.seconds", "2");

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
}
