package dev.parley.app.plugins;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * What a plugin sees of Parley's class path: the contract ({@code dev.parley.shared}), Vert.x and what its API
 * exposes (Netty, Jackson), and SLF4J; the JDK through the platform loader. Nothing else: not Parley's verticles,
 * not Parley's other libraries, so that a plugin depends on the contract alone and brings its own libraries in its
 * jar without clashing with Parley's. A plugin class that also happens to be on Parley's class path (as in tests)
 * is still loaded from the plugin's jar.
 */
final class PluginApiLoader extends ClassLoader {

  private static final List<String> SHARED = List.of("dev.parley.shared.", "io.vertx.", "io.netty.",
      "com.fasterxml.jackson.", "org.slf4j.");

  private final ClassLoader parley;

  PluginApiLoader(ClassLoader parley) {
    super("parley-plugin-api", ClassLoader.getPlatformClassLoader());
    this.parley = parley;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (shared(name)) {
      return parley.loadClass(name);
    }
    return super.loadClass(name, resolve);
  }

  @Override
  public URL getResource(String name) {
    return shared(name.replace('/', '.')) ? parley.getResource(name) : super.getResource(name);
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    // Service files and other resources of Parley's class path stay Parley's: a plugin finds only its own.
    return shared(name.replace('/', '.')) ? parley.getResources(name) : Collections.emptyEnumeration();
  }

  private static boolean shared(String name) {
    return SHARED.stream().anyMatch(name::startsWith);
  }
}
