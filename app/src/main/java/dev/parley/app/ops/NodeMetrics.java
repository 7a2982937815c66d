package dev.parley.app.ops;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import java.util.EnumSet;

/**
 * What Vert.x measures on a node, for Prometheus: HTTP requests and WebSockets, the event bus, pools (PostgreSQL,
 * Redis, workers) and the JVM. One registry per node (several nodes may share a test JVM).
 *
 * <p>Chosen for a message path that runs thousands of times a second: no label that grows with rooms or people (the
 * event-bus address would be one meter per room, {@code parley.room.<id>}; the HTTP path one per URL with ids in it),
 * and no per-connection byte summaries of the raw TCP servers, which Parley does not run.
 */
public final class NodeMetrics {

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** For {@code Vertx.builder().withMetrics(...)}. */
  public MicrometerMetricsFactory factory() {
    return new MicrometerMetricsFactory(registry);
  }

  /** For {@code VertxOptions.setMetricsOptions(...)}. */
  public static MicrometerMetricsOptions options() {
    return new MicrometerMetricsOptions()
        .setEnabled(true)
        .setJvmMetricsEnabled(true)
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))
        .setLabels(EnumSet.of(Label.HTTP_METHOD, Label.HTTP_CODE, Label.EB_SIDE, Label.EB_FAILURE, Label.POOL_TYPE,
            Label.POOL_NAME, Label.CLIENT_NAME))
        .addDisabledMetricsCategory(MetricsDomain.NET_SERVER)
        .addDisabledMetricsCategory(MetricsDomain.NET_CLIENT)
        .addDisabledMetricsCategory(MetricsDomain.DATAGRAM_SOCKET);
  }
}
