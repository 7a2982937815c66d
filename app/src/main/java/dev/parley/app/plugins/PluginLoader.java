package dev.parley.app.plugins;

import dev.parley.shared.plugins.ParleyPlugin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the in-process plugins of a folder: each jar (or, for development, each folder of classes) gets a class
 * loader of its own whose parent is {@link PluginApiLoader}, and {@link ServiceLoader} lists the
 * {@link ParleyPlugin}s it declares. Blocking file I/O: call it on a worker thread.
 */
public final class PluginLoader {

  private static final Logger LOG = LoggerFactory.getLogger(PluginLoader.class);

  private static final String SERVICE_FILE = "META-INF/services/" + ParleyPlugin.class.getName();

  private PluginLoader() {
  }

  /** The plugins in {@code folder}, in the order of their file names; none when the folder does not exist. */
  public static List<ParleyPlugin> load(Path folder) {
    if (!Files.isDirectory(folder)) {
      LOG.debug("No plugin folder at {}", folder.toAbsolutePath());
      return List.of();
    }
    List<ParleyPlugin> plugins = new ArrayList<>();
    ClassLoader api = new PluginApiLoader(PluginLoader.class.getClassLoader());
    try (Stream<Path> entries = Files.list(folder)) {
      for (Path entry : entries.sorted().toList()) {
        // A folder counts only with a service file: the repository's own plugins/ holds the samples' sources.
        boolean classes = Files.isRegularFile(entry.resolve(SERVICE_FILE));
        if (!entry.getFileName().toString().endsWith(".jar") && !classes) {
          continue;
        }
        // One loader per plugin, kept open for as long as the plugin runs: the node's life.
        URLClassLoader loader = new URLClassLoader("plugin " + entry.getFileName(), new URL[] {url(entry)}, api);
        int found = 0;
        for (ParleyPlugin plugin : ServiceLoader.load(ParleyPlugin.class, loader)) {
          plugins.add(plugin);
          found++;
        }
        if (found == 0) {
          LOG.warn("{} declares no plugin ({})", entry, SERVICE_FILE);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the plugin folder " + folder, e);
    }
    return plugins;
  }

  private static URL url(Path entry) {
    try {
      return entry.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("Not a plugin location: " + entry, e);
    }
  }
}
