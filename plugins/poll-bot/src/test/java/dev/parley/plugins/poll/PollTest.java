package dev.parley.plugins.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.shared.rooms.Emoji;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollTest {

  @Test
  void aPollIsAQuestionAndTwoToNineOptionsEachWithAnEmojiParleyAcceptsAsAReaction() {
    Poll poll = Poll.parse(" Lunch? | Pizza |  | Sushi ");
    assertEquals(new Poll("Lunch?", List.of("Pizza", "Sushi")), poll);
    assertEquals("\uD83D\uDCCA **Lunch?**\n1\uFE0F\u20E3 Pizza\n2\uFE0F\u20E3 Sushi", poll.text());
    Poll.KEYCAPS.forEach(emoji -> assertEquals(true, Emoji.isSingle(emoji), emoji));
    assertThrows(IllegalArgumentException.class, () -> Poll.parse("Lunch? | Pizza"));
    assertThrows(IllegalArgumentException.class, () -> Poll.parse("Q | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10"));
  }

  @Test
  void aReminderHasADelayOfASecondToADayAndAText() {
    assertEquals(new Reminder(600_000, "stand-up"), Reminder.parse("10m stand-up"));
    assertEquals(new Reminder(2_000, "tea"), Reminder.parse("2s tea"));
    assertThrows(IllegalArgumentException.class, () -> Reminder.parse("25h too late"));
    assertThrows(IllegalArgumentException.class, () -> Reminder.parse("soon stand-up"));
    assertThrows(IllegalArgumentException.class, () -> Reminder.parse("0s now"));
  }
}
