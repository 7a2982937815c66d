package dev.parley.app.plugins;

import dev.parley.shared.plugins.ParleyPlugin;
import dev.parley.shared.plugins.PluginContext;
import dev.parley.shared.plugins.PluginManifest;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One in-process plugin as a verticle: its own event loop, started with its context, stopped with the node. */
public final class PluginHost extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

  private final ParleyPlugin plugin;
  private final PluginManifest manifest;
  private final JsonObject pluginConfig;

  public PluginHost(ParleyPlugin plugin, PluginManifest manifest, JsonObject pluginConfig) {
    this.plugin = plugin;
    this.manifest = manifest;
    this.pluginConfig = pluginConfig;
  }

  @Override
  public Future<?> start() {
    // The plugin's own class loader while it starts, so that what it looks up by the thread's loader is its own.
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(plugin.getClass().getClassLoader());
    try {
      return plugin.start(new PluginContext(vertx, manifest, pluginConfig))
          .onSuccess(started -> LOG.info("Plugin {} started ({})", manifest.name(), manifest.description()));
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  @Override
  public Future<?> stop() {
    return plugin.stop();
  }
}
