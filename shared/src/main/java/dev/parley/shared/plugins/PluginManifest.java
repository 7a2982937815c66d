package dev.parley.shared.plugins;

import dev.parley.shared.Addresses;
import java.util.List;

/**
 * What a plugin declares about itself: its {@code name} (which also names its configuration section,
 * {@code plugins.config.<name>}), the event-bus {@code addresses} it may send to or listen on (exact names, or a
 * prefix ending in {@code *}, as {@code parley.room.*}), and the message {@code hooks} it serves (each answers on
 * {@link Addresses#messageHook(String)}). For a command, the address is the route's ({@code parley.rooms.cmd});
 * {@code actions}, when not empty, narrows which commands on it the plugin may send.
 */
public record PluginManifest(String name, String description, List<String> addresses, List<String> actions,
                             List<String> hooks) {

  public PluginManifest {
    if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,62}")) {
      throw new IllegalArgumentException("A plugin's name is 1 to 63 lower-case letters, digits and '-': " + name);
    }
    addresses = addresses == null ? List.of() : List.copyOf(addresses);
    actions = actions == null ? List.of() : List.copyOf(actions);
    hooks = hooks == null ? List.of() : List.copyOf(hooks);
  }

  /** Whether the plugin may send to or listen on this address (its own hooks' included). */
  public boolean allowsAddress(String address) {
    if (hooks.stream().anyMatch(hook -> Addresses.messageHook(hook).equals(address))) {
      return true;
    }
    return addresses.stream().anyMatch(allowed -> allowed.endsWith("*")
        ? address.startsWith(allowed.substring(0, allowed.length() - 1)) : allowed.equals(address));
  }

  /** Whether the plugin may send this command (its address allowed, and its action, when actions are listed). */
  public boolean allowsCommand(String address, String action) {
    return allowsAddress(address) && (actions.isEmpty() || actions.contains(action));
  }
}
