package dev.parley.rooms.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rooms.access.Permissions.Need;
import dev.parley.shared.ParleyException;
import dev.parley.shared.rooms.RoomKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The permission table against {@link Permissions} alone: every role, every action, every kind of room, in
 * milliseconds. The same table drives the end-to-end AuthorizationTest through a running node.
 */
class PermissionsTest {

  private static final String ROOM = "2ceda582-bdf6-4881-b4b9-4db3452d85a7";

  @Test
  void everyRoleEveryActionEveryKindOfRoom() throws IOException {
    List<String> rows = table();
    String[] actions = Arrays.copyOfRange(rows.get(0).split("\\s+"), 2, rows.get(0).split("\\s+").length);
    List<String> mismatches = new ArrayList<>();
    for (String row : rows.subList(1, rows.size())) {
      String[] cells = row.split("\\s+");
      RoomKind kind = RoomKind.fromWire(cells[0]);
      Standing who = standing(kind, cells[1]);
      for (int i = 0; i < actions.length; i++) {
        String actual = answer(who, actions[i]);
        if (!cells[i + 2].equals(actual)) {
          mismatches.add(row.substring(0, 18).trim() + " " + actions[i] + ": expected " + cells[i + 2] + ", got "
              + actual);
        }
      }
    }
    assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
  }

  @Test
  void aResendIsAcknowledgedToAnyoneStillInTheRoom() {
    Standing mutedInArchived = new Standing(ROOM, RoomKind.CHANNEL, "general", true, 9, "u", Standing.MEMBER, true,
        false, "member");
    assertEquals("F", attempt(mutedInArchived, "send"));
    Permissions.require(mutedInArchived, Need.RESEND);
    assertEquals("F", outcome(() -> Permissions.require(standing(RoomKind.CHANNEL, "outsider"), Need.RESEND)));
  }

  @Test
  void authorsEditTheirOwnMessagesWhileTheyMayPost() {
    Standing member = standing(RoomKind.PRIVATE, "member");
    assertEquals("Y", outcome(() -> Permissions.requireAuthor(member, "u")));
    assertEquals("F", outcome(() -> Permissions.requireAuthor(standing(RoomKind.CHANNEL, "muted"), "u")));
    assertEquals("N", outcome(() -> Permissions.requireAuthor(standing(RoomKind.PRIVATE, "outsider"), "u")),
        "an outsider of a private room learns nothing, not even that the message is theirs");
    Standing archived = new Standing(ROOM, RoomKind.CHANNEL, "r", true, 9, "u", Standing.MEMBER, false, false,
        "member");
    assertEquals("F", outcome(() -> Permissions.requireAuthor(archived, "u")));
  }

  @Test
  void joiningAndInvitesFollowTheirOwnRules() {
    assertEquals("Y", outcome(() -> Permissions.require(standing(RoomKind.CHANNEL, "outsider"), Need.JOIN)));
    assertEquals("F", outcome(() -> Permissions.require(standing(RoomKind.CHANNEL, "banned"), Need.JOIN)));
    assertEquals("N", outcome(() -> Permissions.require(standing(RoomKind.PRIVATE, "outsider"), Need.JOIN)));
    // An invite link is the invitation: a private room need not be visible to the one who holds it.
    assertEquals("Y", outcome(() -> Permissions.require(standing(RoomKind.PRIVATE, "outsider"), Need.ACCEPT_INVITE)));
    assertEquals("F", outcome(() -> Permissions.require(standing(RoomKind.PRIVATE, "banned"), Need.ACCEPT_INVITE)));
  }

  /** Where someone of that role stands in a room of that kind (not archived). */
  private static Standing standing(RoomKind kind, String role) {
    return switch (role) {
      case "outsider" -> new Standing(ROOM, kind, "r", false, 9, "u", null, false, false, "member");
      case "banned" -> new Standing(ROOM, kind, "r", false, 9, "u", null, false, true, "member");
      case "muted" -> new Standing(ROOM, kind, "r", false, 9, "u", Standing.MEMBER, true, false, "member");
      case "member" -> new Standing(ROOM, kind, "r", false, 9, "u", Standing.MEMBER, false, false, "member");
      case "admin" -> new Standing(ROOM, kind, "r", false, 9, "u", Standing.ADMIN, false, false, "member");
      case "owner" -> new Standing(ROOM, kind, "r", false, 9, "u", Standing.OWNER, false, false, "member");
      case "wsadmin" -> new Standing(ROOM, kind, "r", false, 9, "u", null, false, false, "admin");
      default -> throw new IllegalArgumentException(role);
    };
  }

  /** What the stores ask of Permissions for each action of the table. */
  private static String attempt(Standing who, String action) {
    Standing plainMember = new Standing(ROOM, who.kind(), "r", false, 9, "t", Standing.MEMBER, false, false,
        "member");
    return outcome(() -> {
      switch (action) {
        case "read", "sub", "thread", "reactions" -> Permissions.require(who, Need.READ);
        case "edit" -> Permissions.requireAuthor(who, "someone else");
        case "react" -> Permissions.require(who, Need.REACT);
        case "send", "upload" -> Permissions.require(who, Need.POST);
        case "download" -> Permissions.requireFileReader(who);
        case "invite" -> Permissions.require(who, Need.INVITE);
        case "kick", "ban" -> {
          Permissions.require(who, Need.MODERATE);
          Permissions.requireOutranks(who, plainMember);
        }
        case "rename", "archive", "delete" -> Permissions.require(who, Need.MODERATE);
        case "markread", "receipts", "searchin" -> Permissions.require(who, Need.READ);
        default -> throw new IllegalArgumentException(action);
      }
    });
  }

  /**
   * The table's answer for an action: a mention either reaches someone (Y) or tells them nothing ({@code -}), which
   * the end-to-end test sees as the message in their mentions list or not.
   */
  private static String answer(Standing who, String action) {
    if (action.equals("mentioned")) {
      return Permissions.allows(who, Need.MENTIONED) ? "Y" : "-";
    }
    if (action.equals("presence")) {
      // Presence is told to people who share a room: the members (ConversationStore.sharingRooms).
      return who.member() ? "Y" : "-";
    }
    if (action.equals("search")) {
      // Search keeps the rooms whose standing allows reading (SearchStore.readableRooms) and says nothing of others.
      return Permissions.allows(who, Need.READ) ? "Y" : "-";
    }
    return attempt(who, action);
  }

  private static String outcome(Runnable decision) {
    try {
      decision.run();
      return "Y";
    } catch (ParleyException refused) {
      return switch (refused.code()) {
        case FORBIDDEN -> "F";
        case NOT_FOUND -> "N";
        default -> refused.code().wireName();
      };
    }
  }

  /** The table's header and rows, without comments and blank lines. */
  static List<String> table() throws IOException {
    try (InputStream in = PermissionsTest.class.getResourceAsStream("permissions.table")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }
  }
}
