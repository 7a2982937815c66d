package dev.parley.notify;

import java.util.Iterator;
import java.util.LinkedHashSet;

/** The last {@code capacity} ids added, the oldest forgotten first. Not thread-safe: one event loop owns it. */
final class RecentIds {

  private final int capacity;
  private final LinkedHashSet<String> ids = new LinkedHashSet<>();

  RecentIds(int capacity) {
    this.capacity = capacity;
  }

  boolean contains(String id) {
    return ids.contains(id);
  }

  void add(String id) {
    ids.remove(id);
    ids.add(id);
    if (ids.size() > capacity) {
      Iterator<String> oldest = ids.iterator();
      oldest.next();
      oldest.remove();
    }
  }
}
