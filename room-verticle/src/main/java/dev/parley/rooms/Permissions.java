package dev.parley.rooms;

import dev.parley.shared.ErrorCode;
import dev.parley.shared.ParleyException;
import dev.parley.shared.RoomKind;

/**
 * The one place that decides who may do what in a room. A room someone may not see answers exactly as a room that
 * does not exist: private rooms and conversations are invisible to non-members, whoever they are.
 */
final class Permissions {

  /** What a person wants to do in a room. */
  enum Need {
    /** Read history, subscribe, list members. */
    READ,
    /** Post, react. */
    POST,
    /** Create invite links or invite by email. */
    INVITE,
    /** Admin actions: rename, archive, add, remove, ban, mute, promote, delete others' messages, audit log. */
    MODERATE
  }

  private Permissions() {
  }

  /** Returns the standing when it allows the need; fails with the contract's answer otherwise. */
  static Standing require(Standing who, Need need) {
    if (!visible(who)) {
      throw notFound();
    }
    switch (need) {
      case READ -> {
        if (!who.member() && !who.moderates()) {
          throw forbidden(who.banned() ? "You are banned from this channel" : "Join this channel first");
        }
      }
      case POST -> {
        if (!who.member()) {
          throw forbidden(who.banned() ? "You are banned from this channel" : "Join this channel to post in it");
        }
        if (who.archived()) {
          throw forbidden("This room is archived: it is read-only");
        }
        if (who.muted()) {
          throw forbidden("You are muted in this room");
        }
      }
      case INVITE -> {
        if (who.conversation()) {
          throw forbidden("Direct messages have a fixed set of people: start a new one instead");
        }
        if (who.archived()) {
          throw forbidden("This room is archived");
        }
        boolean mayInvite = who.moderates() || (who.kind() == RoomKind.CHANNEL && who.member());
        if (!mayInvite) {
          throw forbidden("Only this room's admins can invite people");
        }
      }
      case MODERATE -> {
        if (!who.moderates()) {
          throw forbidden(who.conversation() ? "Nobody administers a direct message"
              : "Only this room's admins can do that");
        }
      }
      default -> throw new IllegalStateException("Unknown need " + need);
    }
    return who;
  }

  /** A moderator may act on a target only when ranked above them (nobody acts on the room's owner but its betters). */
  static void requireOutranks(Standing actor, Standing target) {
    if (actor.rank() <= target.rank()) {
      throw forbidden("You cannot do that to someone with the same role as you or a higher one");
    }
  }

  /** Public channels are visible to everyone in the workspace; anything else only to its members. */
  static boolean visible(Standing who) {
    return who.kind() == RoomKind.CHANNEL || who.member();
  }

  static ParleyException notFound() {
    return new ParleyException(ErrorCode.NOT_FOUND, "No such room");
  }

  static ParleyException forbidden(String message) {
    return new ParleyException(ErrorCode.FORBIDDEN, message);
  }
}
