package dev.parley.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One server a run drives: its name in the summaries, its base URLs and the wire its WebSockets speak. With
 * {@code --compare}, the same load is offered to several targets one after the other.
 */
record Target(String name, List<URI> urls, Wire wire) {

  private static final String SOCKET_IO_SCHEME = "socketio+";

  /**
   * Parses {@code name=url[,name=url...]}; a URL written {@code socketio+http://...} is a Socket.IO server. The
   * first target is the one the others are compared with.
   */
  static List<Target> parseAll(String text) {
    List<Target> targets = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (String part : text.split(",")) {
      String s = part.trim();
      int eq = s.indexOf('=');
      if (eq <= 0 || eq == s.length() - 1) {
        throw new IllegalArgumentException("bad --compare entry '" + s + "': expected name=url");
      }
      String name = s.substring(0, eq);
      if (!name.matches("[A-Za-z0-9._-]{1,20}") || !names.add(name)) {
        throw new IllegalArgumentException("bad --compare name '" + name + "': 1-20 letters, digits, '.', '_' or "
            + "'-', each name once");
      }
      String url = s.substring(eq + 1);
      Wire wire = Wire.PARLEY;
      if (url.startsWith(SOCKET_IO_SCHEME)) {
        wire = Wire.SOCKET_IO;
        url = url.substring(SOCKET_IO_SCHEME.length());
      }
      targets.add(new Target(name, BenchOptions.parseUrls(url), wire));
    }
    if (targets.size() < 2) {
      throw new IllegalArgumentException("--compare needs at least two name=url entries");
    }
    return List.copyOf(targets);
  }
}
