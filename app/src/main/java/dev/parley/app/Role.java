package dev.parley.app;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What a process can run; {@code --roles} picks any mix, all by default. */
public enum Role {
  /** room-verticle: persistence, the only role that talks to PostgreSQL. */
  ROOMS,
  /** chat-gateway: HTTP API, WebSockets and the web client. */
  GATEWAY,
  /** notification-verticle: invite and notification email. */
  NOTIFY;

  /** Parses {@code "gateway,rooms"}; unknown names are an error that says which ones exist. */
  public static Set<Role> parse(String list) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String name : list.split(",")) {
      String trimmed = name.trim().toUpperCase(Locale.ROOT);
      if (trimmed.isEmpty()) {
        continue;
      }
      try {
        roles.add(valueOf(trimmed));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Unknown role '" + name.trim() + "': use rooms, gateway, notify");
      }
    }
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("--roles names no role: use rooms, gateway, notify");
    }
    return roles;
  }
}
