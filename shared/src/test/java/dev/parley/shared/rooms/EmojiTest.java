package dev.parley.shared.rooms;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** One emoji passes, in each of its forms; text, two emoji and anything long do not. */
class EmojiTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "\uD83D\uDC4D",                                   // 👍 thumbs up, emoji by default
      "\uD83D\uDC4D\uD83C\uDFFD",                       // 👍🏽 with a skin tone
      "\uD83D\uDE00",                                   // 😀
      "\uD83E\uDEE0",                                   // 🫠 melting face (Unicode 14)
      "\u2764\uFE0F",                                   // ❤️ text-default heart with its selector
      "\u2705",                                         // ✅ presentation in the BMP
      "\u00A9\uFE0F",                                   // ©️ as emoji
      "\uD83C\uDDEB\uD83C\uDDF7",                       // 🇫🇷 a flag: two regional indicators
      "1\uFE0F\u20E3",                                  // 1️⃣ keycap
      "#\u20E3",                                        // #⃣ keycap without the selector
      "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66", // 👨‍👩‍👧‍👦 family, ZWJ sequence
      "\uD83D\uDC69\uD83C\uDFFB\u200D\uD83D\uDCBB",     // 👩🏻‍💻 toned ZWJ sequence
      "\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08",           // 🏳️‍🌈 rainbow flag
      "\uD83C\uDFC3\u200D\u2640\uFE0F",                 // 🏃‍♀️ woman running
      "\uD83C\uDFC3\u200D\u2640",                       // 🏃‍♀ minimally qualified
      "\u2764\uFE0F\u200D\uD83D\uDD25",                 // ❤️‍🔥 heart on fire
      "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC65\uDB40\uDC6E\uDB40\uDC67\uDB40\uDC7F" // 🏴󠁧󠁢󠁥󠁮󠁧󠁿 England
  })
  void oneEmojiPasses(String emoji) {
    assertTrue(Emoji.isSingle(emoji), emoji);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", " ", "a", "ok", "+1", ":thumbsup:", "1", "#", "\u00A9",      // text, digits, © without its selector
      "\u2764",                                          // the heart alone is text by default
      "\uD83D\uDC4D\uD83D\uDC4D",                        // two emoji
      "\uD83D\uDC4D ",                                   // an emoji and a space
      " \uD83D\uDC4D",
      "\uD83D\uDC4Da",                                   // an emoji and a letter
      "\uD83C\uDFFD",                                    // a skin tone alone
      "\uD83D\uDC4D\uD83C\uDFFD\uD83C\uDFFD",            // two skin tones
      "\uD83C\uDDEB",                                    // half a flag
      "\uD83C\uDDEB\uD83C\uDDF7\uD83C\uDDE9",            // a flag and a half
      "\uD83D\uDC68\u200D",                              // a dangling ZWJ
      "\u200D\uD83D\uDC68",                              // a leading ZWJ
      "\uD83D\uDC68\u200D\u200D\uD83D\uDC69",            // two ZWJs in a row
      "\uFE0F", "\u20E3", "1\u20E3\u20E3",               // selectors and keycaps alone or doubled
      "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62",            // a tag sequence without its end
      "\uD800", "\uDC4D",                                // lone surrogates
      "\u0661", "\u4E2D", "\u00E9"                       // other scripts' digits and letters
  })
  void anythingElseIsRefused(String text) {
    assertFalse(Emoji.isSingle(text), text);
  }

  @Test
  void longStringsAreRefusedWithoutBeingScanned() {
    assertFalse(Emoji.isSingle("\uD83D\uDC4D".repeat(2_500)), "5 KB of thumbs up");
    assertFalse(Emoji.isSingle("a".repeat(5_000)));
    assertFalse(Emoji.isSingle(null));
    String sevenPeople = String.join("\u200D", java.util.Collections.nCopies(7, "\uD83D\uDC68"));
    assertFalse(Emoji.isSingle(sevenPeople), "more pictographs than any emoji joins");
  }
}
