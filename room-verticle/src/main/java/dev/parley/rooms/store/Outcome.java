package dev.parley.rooms.store;

import dev.parley.shared.events.RoomEvent;
import dev.parley.shared.events.UserNotice;
import dev.parley.shared.rooms.RoomView;
import java.util.List;

/**
 * What a change to a room did, for the verticle to announce once it is committed: the room as the actor now sees it
 * (null if they left), the stored events to publish, and the notices for particular people.
 */
public record Outcome(RoomView room, List<RoomEvent> events, List<Notice> notices) {

  public Outcome {
    events = List.copyOf(events);
    notices = List.copyOf(notices);
  }

  /** A notice for one person's connections: they were added to or removed from a room. */
  public record Notice(String user, UserNotice notice) {
  }
}
