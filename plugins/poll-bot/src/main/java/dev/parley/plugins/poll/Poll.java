package dev.parley.plugins.poll;

import java.util.Arrays;
import java.util.List;

/**
 * A poll as typed after {@code /poll}: {@code Question? | option | option ...}, two to nine options. Voting is by
 * reaction: each option gets a keycap emoji, and the poll's author puts each one on the message so voters just click.
 */
record Poll(String question, List<String> options) {

  static final List<String> KEYCAPS = List.of("1\uFE0F\u20E3", "2\uFE0F\u20E3", "3\uFE0F\u20E3", "4\uFE0F\u20E3",
      "5\uFE0F\u20E3", "6\uFE0F\u20E3", "7\uFE0F\u20E3", "8\uFE0F\u20E3", "9\uFE0F\u20E3");
  static final String USAGE = "/poll Question? | option | option ...";

  /** The poll, or an {@link IllegalArgumentException} saying how to write one. */
  static Poll parse(String args) {
    List<String> parts = Arrays.stream(args.split("\\|")).map(String::strip).filter(part -> !part.isEmpty()).toList();
    if (parts.size() < 3 || parts.size() > KEYCAPS.size() + 1) {
      throw new IllegalArgumentException("Usage: " + USAGE + " (2 to " + KEYCAPS.size() + " options)");
    }
    return new Poll(parts.get(0), parts.subList(1, parts.size()));
  }

  /** The message: the question in bold, then one line per option with its emoji. */
  String text() {
    StringBuilder text = new StringBuilder("\uD83D\uDCCA **").append(question).append("**");
    for (int i = 0; i < options.size(); i++) {
      text.append('\n').append(KEYCAPS.get(i)).append(' ').append(options.get(i));
    }
    return text.toString();
  }

  List<String> emoji() {
    return KEYCAPS.subList(0, options.size());
  }
}
