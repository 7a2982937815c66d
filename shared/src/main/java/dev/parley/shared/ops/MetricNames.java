package dev.parley.shared.ops;

/**
 * The names of Parley's own metrics, declared once: the Grafana dashboard and the alert rules in {@code k8s/monitoring}
 * are written against them (Prometheus shows {@code parley.ack.latency} as {@code parley_ack_latency_seconds}, a
 * counter with {@code _total}), so renaming one is a change an operator must hear of.
 */
public final class MetricNames {

  private static final String PREFIX = "parley.";

  public static final String MESSAGES = PREFIX + "messages";
  public static final String EVENTS = PREFIX + "events";
  public static final String DELIVERIES = PREFIX + "deliveries";
  public static final String ACK_LATENCY = PREFIX + "ack.latency";
  public static final String DELIVERY_LATENCY = PREFIX + "delivery.latency";
  public static final String REFUSALS = PREFIX + "refusals";
  public static final String CONNECTIONS = PREFIX + "connections";
  public static final String SUBSCRIPTIONS = PREFIX + "subscriptions";
  public static final String ROOMS_FOLLOWED = PREFIX + "rooms.followed";
  public static final String NOTIFY_QUEUE_DUE = PREFIX + "notify.queue.due";
  public static final String NOTIFY_QUEUE_PENDING = PREFIX + "notify.queue.pending";

  private MetricNames() {
  }
}
