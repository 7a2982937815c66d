package dev.parley.shared.rooms;

/**
 * Whether a string is exactly one emoji, as a reaction must be. Java 17 has no emoji properties, so the few ranges
 * that matter are written here, after Unicode's emoji-data.txt (UTS #51), and the grammar of an emoji is checked over
 * code points:
 *
 * <pre>
 *   emoji   := flag | keycap | tagged | element (ZWJ element)*
 *   flag    := RI RI                                  (two regional indicators: a country)
 *   keycap  := [0-9#*] FE0F? 20E3
 *   tagged  := 1F3F4 tag+ E007F                      (subdivision flags: England, Scotland, Wales)
 *   element := presentation FE0F? modifier?           (shown as emoji by default)
 *            | text-default (FE0F | modifier) ...     (shown as text unless asked: needs FE0F, except after a ZWJ)
 * </pre>
 *
 * Letters, digits, punctuation, text symbols such as © alone, and anything long are refused. Lenient where being
 * strict buys nothing (a skin tone after any pictograph, a redundant FE0F): the aim is "one emoji", not Unicode's
 * list of recommended sequences, which changes every year.
 */
public final class Emoji {

  /** Longer than any emoji (a family of four with skin tones is 19 UTF-16 units): refused before being scanned. */
  public static final int MAX_CHARS = 40;
  /** The most pictographs joined by ZWJs in one emoji (families have four). */
  private static final int MAX_ELEMENTS = 6;

  private static final int ZWJ = 0x200D;
  private static final int VS16 = 0xFE0F;
  private static final int KEYCAP = 0x20E3;
  private static final int BLACK_FLAG = 0x1F3F4;
  private static final int CANCEL_TAG = 0xE007F;

  /** Emoji_Presentation=Yes: shown as emoji without a selector (pairs of first, last). */
  private static final int[] PRESENTATION = {
      0x231A, 0x231B, 0x23E9, 0x23EC, 0x23F0, 0x23F0, 0x23F3, 0x23F3, 0x25FD, 0x25FE, 0x2614, 0x2615,
      0x2648, 0x2653, 0x267F, 0x267F, 0x2693, 0x2693, 0x26A1, 0x26A1, 0x26AA, 0x26AB, 0x26BD, 0x26BE,
      0x26C4, 0x26C5, 0x26CE, 0x26CE, 0x26D4, 0x26D4, 0x26EA, 0x26EA, 0x26F2, 0x26F3, 0x26F5, 0x26F5,
      0x26FA, 0x26FA, 0x26FD, 0x26FD, 0x2705, 0x2705, 0x270A, 0x270B, 0x2728, 0x2728, 0x274C, 0x274C,
      0x274E, 0x274E, 0x2753, 0x2755, 0x2757, 0x2757, 0x2795, 0x2797, 0x27B0, 0x27B0, 0x27BF, 0x27BF,
      0x2B1B, 0x2B1C, 0x2B50, 0x2B50, 0x2B55, 0x2B55, 0x1F004, 0x1F004, 0x1F0CF, 0x1F0CF, 0x1F18E, 0x1F18E,
      0x1F191, 0x1F19A, 0x1F201, 0x1F201, 0x1F21A, 0x1F21A, 0x1F22F, 0x1F22F, 0x1F232, 0x1F236,
      0x1F238, 0x1F23A, 0x1F250, 0x1F251,
      // Pictographs from here on: Unicode keeps adding to these blocks, so they are taken whole, less the few
      // text-default code points (listed below, which are checked first).
      0x1F300, 0x1F5FF, 0x1F600, 0x1F64F, 0x1F680, 0x1F6FF, 0x1F7E0, 0x1F7F0, 0x1F90C, 0x1F9FF,
      0x1FA70, 0x1FAFF};

  /** Emoji=Yes but Emoji_Presentation=No: text unless followed by FE0F (keycap bases are handled apart). */
  private static final int[] TEXT_DEFAULT = {
      0x00A9, 0x00A9, 0x00AE, 0x00AE, 0x203C, 0x203C, 0x2049, 0x2049, 0x2122, 0x2122, 0x2139, 0x2139,
      0x2194, 0x2199, 0x21A9, 0x21AA, 0x2328, 0x2328, 0x23CF, 0x23CF, 0x23ED, 0x23EF, 0x23F1, 0x23F2,
      0x23F8, 0x23FA, 0x24C2, 0x24C2, 0x25AA, 0x25AB, 0x25B6, 0x25B6, 0x25C0, 0x25C0, 0x25FB, 0x25FC,
      0x2600, 0x2604, 0x260E, 0x260E, 0x2611, 0x2611, 0x2618, 0x2618, 0x261D, 0x261D, 0x2620, 0x2620,
      0x2622, 0x2623, 0x2626, 0x2626, 0x262A, 0x262A, 0x262E, 0x262F, 0x2638, 0x263A, 0x2640, 0x2640,
      0x2642, 0x2642, 0x265F, 0x2660, 0x2663, 0x2663, 0x2665, 0x2666, 0x2668, 0x2668, 0x267B, 0x267B,
      0x267E, 0x267E, 0x2692, 0x2692, 0x2694, 0x2697, 0x2699, 0x2699, 0x269B, 0x269C, 0x26A0, 0x26A0,
      0x26A7, 0x26A7, 0x26B0, 0x26B1, 0x26C8, 0x26C8, 0x26CF, 0x26CF, 0x26D1, 0x26D1, 0x26D3, 0x26D3,
      0x26E9, 0x26E9, 0x26F0, 0x26F1, 0x26F4, 0x26F4, 0x26F7, 0x26F9, 0x2702, 0x2702, 0x2708, 0x2709,
      0x270C, 0x270D, 0x270F, 0x270F, 0x2712, 0x2712, 0x2714, 0x2714, 0x2716, 0x2716, 0x271D, 0x271D,
      0x2721, 0x2721, 0x2733, 0x2734, 0x2744, 0x2744, 0x2747, 0x2747, 0x2763, 0x2764, 0x27A1, 0x27A1,
      0x2934, 0x2935, 0x2B05, 0x2B07, 0x3030, 0x3030, 0x303D, 0x303D, 0x3297, 0x3297, 0x3299, 0x3299,
      0x1F170, 0x1F171, 0x1F17E, 0x1F17F, 0x1F202, 0x1F202, 0x1F237, 0x1F237, 0x1F321, 0x1F321,
      0x1F324, 0x1F32C, 0x1F336, 0x1F336, 0x1F37D, 0x1F37D, 0x1F396, 0x1F397, 0x1F399, 0x1F39B,
      0x1F39E, 0x1F39F, 0x1F3CB, 0x1F3CE, 0x1F3D4, 0x1F3DF, 0x1F3F3, 0x1F3F3, 0x1F3F5, 0x1F3F5,
      0x1F3F7, 0x1F3F7, 0x1F43F, 0x1F43F, 0x1F441, 0x1F441, 0x1F4FD, 0x1F4FD, 0x1F549, 0x1F54A,
      0x1F56F, 0x1F570, 0x1F573, 0x1F579, 0x1F587, 0x1F587, 0x1F58A, 0x1F58D, 0x1F590, 0x1F590,
      0x1F5A5, 0x1F5A5, 0x1F5A8, 0x1F5A8, 0x1F5B1, 0x1F5B2, 0x1F5BC, 0x1F5BC, 0x1F5C2, 0x1F5C4,
      0x1F5D1, 0x1F5D3, 0x1F5DC, 0x1F5DE, 0x1F5E1, 0x1F5E1, 0x1F5E3, 0x1F5E3, 0x1F5E8, 0x1F5E8,
      0x1F5EF, 0x1F5EF, 0x1F5F3, 0x1F5F3, 0x1F5FA, 0x1F5FA, 0x1F6CB, 0x1F6CB, 0x1F6CD, 0x1F6CF,
      0x1F6E0, 0x1F6E5, 0x1F6E9, 0x1F6E9, 0x1F6F0, 0x1F6F0, 0x1F6F3, 0x1F6F3};

  private Emoji() {
  }

  /** Whether the text is one emoji and nothing else (no spaces, no second emoji). */
  public static boolean isSingle(String text) {
    if (text == null || text.isEmpty() || text.length() > MAX_CHARS) {
      return false;
    }
    int[] cps = text.codePoints().toArray();
    if (isRegionalIndicator(cps[0])) {
      return cps.length == 2 && isRegionalIndicator(cps[1]);
    }
    if (isKeycapBase(cps[0])) {
      return (cps.length == 2 && cps[1] == KEYCAP) || (cps.length == 3 && cps[1] == VS16 && cps[2] == KEYCAP);
    }
    if (cps[0] == BLACK_FLAG && cps.length > 1 && isTag(cps[1])) {
      return tagged(cps);
    }
    int at = 0;
    int elements = 0;
    while (true) {
      at = element(cps, at, elements > 0);
      if (at < 0 || ++elements > MAX_ELEMENTS) {
        return false;
      }
      if (at == cps.length) {
        return true;
      }
      if (cps[at] != ZWJ || ++at == cps.length) {
        return false;
      }
    }
  }

  /**
   * Reads one pictograph with its selector and skin tone from {@code at}; returns where it ends, or -1 when there is
   * none there. After a ZWJ, a text-default pictograph may go without its FE0F (as in 🏃‍♀, "minimally qualified").
   */
  private static int element(int[] cps, int at, boolean afterZwj) {
    int base = cps[at];
    boolean presentation = !in(TEXT_DEFAULT, base) && in(PRESENTATION, base) && !isModifier(base)
        && !isRegionalIndicator(base);
    boolean textDefault = in(TEXT_DEFAULT, base);
    if (!presentation && !textDefault) {
      return -1;
    }
    int next = at + 1;
    boolean selected = next < cps.length && cps[next] == VS16;
    if (selected) {
      next++;
    }
    boolean toned = next < cps.length && isModifier(cps[next]);
    if (toned) {
      next++;
    }
    if (textDefault && !selected && !toned && !afterZwj) {
      return -1;
    }
    return next;
  }

  private static boolean tagged(int[] cps) {
    if (cps.length < 4 || cps[cps.length - 1] != CANCEL_TAG) {
      return false;
    }
    for (int i = 1; i < cps.length - 1; i++) {
      if (!isTag(cps[i])) {
        return false;
      }
    }
    return true;
  }

  private static boolean isRegionalIndicator(int cp) {
    return cp >= 0x1F1E6 && cp <= 0x1F1FF;
  }

  private static boolean isModifier(int cp) {
    return cp >= 0x1F3FB && cp <= 0x1F3FF;
  }

  private static boolean isKeycapBase(int cp) {
    return (cp >= '0' && cp <= '9') || cp == '#' || cp == '*';
  }

  /** Tag characters that spell a subdivision: tag digits and small letters. */
  private static boolean isTag(int cp) {
    return (cp >= 0xE0030 && cp <= 0xE0039) || (cp >= 0xE0061 && cp <= 0xE007A);
  }

  private static boolean in(int[] ranges, int cp) {
    for (int i = 0; i < ranges.length; i += 2) {
      if (cp < ranges[i]) {
        return false;
      }
      if (cp <= ranges[i + 1]) {
        return true;
      }
    }
    return false;
  }
}
