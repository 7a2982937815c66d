package dev.parley.shared;

import io.vertx.core.Vertx;
import io.vertx.core.shareddata.LocalMap;

/**
 * Where this node is in its life. The launcher says when every role is deployed, the drain says when the node is
 * leaving; readiness and anything that must refuse new work read it. One per Vert.x instance, kept in its local
 * shared data so verticles of the node see the same phase without knowing each other.
 */
public final class NodeLifecycle {

  /** The phases in the order a node goes through them; a node never goes back. */
  public enum Phase { STARTING, SERVING, DRAINING }

  private static final String MAP = "parley.node-lifecycle";
  private static final String KEY = "phase";
  /** Set while this node has lost its cluster: the reason, as the readiness check reports it. */
  private static final String CLUSTER_LOST = "cluster-lost";

  private final LocalMap<String, String> state;

  private NodeLifecycle(LocalMap<String, String> state) {
    this.state = state;
  }

  public static NodeLifecycle of(Vertx vertx) {
    return new NodeLifecycle(vertx.sharedData().getLocalMap(MAP));
  }

  public Phase phase() {
    String phase = state.get(KEY);
    return phase == null ? Phase.STARTING : Phase.valueOf(phase);
  }

  /** Every role of the node is deployed. Ignored once draining: a node that began to leave does not come back. */
  public void serving() {
    state.putIfAbsent(KEY, Phase.SERVING.name());
    state.replace(KEY, Phase.STARTING.name(), Phase.SERVING.name());
  }

  /** The node is leaving: take no new work, finish what is in hand. */
  public void draining() {
    state.put(KEY, Phase.DRAINING.name());
  }

  public boolean isServing() {
    return phase() == Phase.SERVING;
  }

  /**
   * The node's cluster membership changed: {@code lost} with why (its Hazelcast member shut down, or is merging back
   * after a split), or null when it is a member again. A node that lost its cluster is not ready: its event bus
   * reaches neither the other nodes' subscribers nor their room workers.
   */
  public void clusterLost(String reason) {
    if (reason == null) {
      state.remove(CLUSTER_LOST);
    } else {
      state.put(CLUSTER_LOST, reason);
    }
  }

  /** Why the node is out of its cluster, or null when it is in it (or not clustered). */
  public String clusterLost() {
    return state.get(CLUSTER_LOST);
  }
}
