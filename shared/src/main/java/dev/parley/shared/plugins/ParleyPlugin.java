package dev.parley.shared.plugins;

import io.vertx.core.Future;

/**
 * An in-process plugin: a class in a jar in the {@code plugins/} folder, listed in the jar's
 * {@code META-INF/services/dev.parley.shared.plugins.ParleyPlugin}. The launcher finds it with {@link
 * java.util.ServiceLoader}, deploys it on its own event loop, and hands it a {@link PluginContext}: its own
 * configuration section and the event bus, limited to the addresses its {@link #manifest()} names.
 *
 * <p>A plugin sees only this module ({@code parley-shared}), Vert.x, Netty, Jackson and SLF4J from Parley's class
 * path; anything else it needs, it brings in its jar.
 */
public interface ParleyPlugin {

  /** What the plugin is and which addresses it may use; read before it starts. */
  PluginManifest manifest();

  /** Starts the plugin; the returned future means "ready" (its consumers and hooks are registered). */
  Future<Void> start(PluginContext context);

  /** Stops the plugin when the node stops; its consumers are unregistered by Vert.x afterwards anyway. */
  default Future<Void> stop() {
    return Future.succeededFuture();
  }
}
