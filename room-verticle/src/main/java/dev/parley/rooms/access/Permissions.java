package dev.parley.rooms.access;

import dev.parley.shared.ErrorCode;
import dev.parley.shared.ParleyException;
import dev.parley.shared.rooms.RoomKind;

/**
 * The one place that decides who may do what in a room, from a {@link Standing}; the stores only load standings and
 * carry out what is allowed. A room someone may not see answers exactly as a room that does not exist: private rooms
 * and conversations are invisible to non-members, whoever they are.
 */
public final class Permissions {

  /** What a person wants to do in a room. */
  public enum Need {
    /** Read history, subscribe, list members, move one's read marker. */
    READ,
    /**
     * Be named by a mention in the room, and so count it and find it among one's mentions: the room's members, who can
     * read it. Nobody else learns of a message that names them. post_messages applies this rule in SQL, where it
     * resolves @handles among the room's members (resolve_mentions); the permission table holds both to it.
     */
    MENTIONED,
    /** Post a message. */
    POST,
    /**
     * Be told again about a message they already posted (a resend with the same client id): anyone still in the room,
     * even if it was archived or they were muted since, since it changes nothing.
     */
    RESEND,
    /** Join a public channel by oneself. */
    JOIN,
    /** Join through an invite link: whatever room it leads to, unless banned from it or it is archived. */
    ACCEPT_INVITE,
    /** Delete one's own message. */
    DELETE_OWN,
    /**
     * Edit one's own message: a member, in a room that is not archived, not muted (an edit is new text as much as a
     * post is). Nobody edits anyone else's message: see {@link #requireAuthor}.
     */
    EDIT_OWN,
    /** Put an emoji on a message or take it off: as for posting, since everyone sees it. */
    REACT,
    /** Create invite links or invite by email. */
    INVITE,
    /** Admin actions: rename, archive, add, remove, ban, mute, promote, delete others' messages, audit log. */
    MODERATE
  }

  private Permissions() {
  }

  /**
   * A file is there for the readers of its room (READ) and nobody else: to anyone who may not read the room, even a
   * public channel's outsider who is told "join first" about its history, a file answers as if it did not exist, so
   * that its id tells nothing.
   */
  public static Standing requireFileReader(Standing who) {
    if (!allows(who, Need.READ)) {
      throw notFound();
    }
    return who;
  }

  /** Whether the standing allows the need (no exception: for callers that only ask). */
  public static boolean allows(Standing who, Need need) {
    try {
      require(who, need);
      return true;
    } catch (ParleyException refused) {
      return false;
    }
  }

  /** Returns the standing when it allows the need; fails with the contract's answer otherwise. */
  public static Standing require(Standing who, Need need) {
    if (need == Need.ACCEPT_INVITE) {
      // The link is the invitation: the room need not be visible to the invitee yet.
      if (who.banned()) {
        throw forbidden("You are banned from this room");
      }
      if (who.archived() && !who.member()) {
        throw forbidden("This room is archived");
      }
      return who;
    }
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
        requireMemberToPost(who);
        if (who.archived()) {
          throw forbidden("This room is archived: it is read-only");
        }
        if (who.muted()) {
          throw forbidden("You are muted in this room");
        }
      }
      case RESEND -> requireMemberToPost(who);
      case EDIT_OWN, REACT -> {
        if (!who.member()) {
          throw forbidden(who.banned() ? "You are banned from this channel" : "Join this channel first");
        }
        if (who.archived()) {
          throw forbidden("This room is archived: it is read-only");
        }
        if (who.muted()) {
          throw forbidden("You are muted in this room");
        }
      }
      case MENTIONED -> {
        if (!who.member()) {
          throw forbidden("Not in this room");
        }
      }
      case JOIN -> {
        if (who.member()) {
          return who;
        }
        if (who.kind() != RoomKind.CHANNEL) {
          throw notFound();
        }
        if (who.banned()) {
          throw forbidden("You are banned from this channel");
        }
        if (who.archived()) {
          throw forbidden("This channel is archived");
        }
      }
      case DELETE_OWN -> {
        if (!who.member()) {
          throw forbidden("You are not in this room");
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
      default -> throw new IllegalStateException("Unhandled need " + need);
    }
    return who;
  }

  /**
   * An edit: allowed to edit at all, and the message's author. Checked in this order, so that someone who may not see
   * the room learns nothing about the message.
   */
  public static Standing requireAuthor(Standing who, String author) {
    require(who, Need.EDIT_OWN);
    if (!who.user().equals(author)) {
      throw forbidden("Only its author can edit a message");
    }
    return who;
  }

  private static void requireMemberToPost(Standing who) {
    if (!who.member()) {
      throw forbidden(who.banned() ? "You are banned from this channel" : "Join this channel to post in it");
    }
  }

  /** A moderator may act on a target only when ranked above them (nobody acts on the room's owner but its betters). */
  public static void requireOutranks(Standing actor, Standing target) {
    if (actor.rank() <= target.rank()) {
      throw forbidden("You cannot do that to someone with the same role as you or a higher one");
    }
  }

  /** Public channels are visible to everyone in the workspace; anything else only to its members. */
  public static boolean visible(Standing who) {
    return who.kind() == RoomKind.CHANNEL || who.member();
  }

  public static ParleyException notFound() {
    return new ParleyException(ErrorCode.NOT_FOUND, "No such room");
  }

  public static ParleyException forbidden(String message) {
    return new ParleyException(ErrorCode.FORBIDDEN, message);
  }
}
