package dev.parley.plugins.wordfilter;

import dev.parley.shared.plugins.MessageHook.Verdict;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The filter itself, without Vert.x: whole words from a list, in any case, either masked ({@code d***}) or the
 * message refused. Built once from the configuration; a message costs one regular-expression scan.
 */
final class WordFilter {

  private final Pattern words;
  private final boolean refuse;

  WordFilter(List<String> words, boolean refuse) {
    this.refuse = refuse;
    // Whole words only ("class" must not catch "ass"), letters of any script, quoted so a listed word is literal.
    this.words = words.isEmpty() ? null : Pattern.compile(words.stream().map(Pattern::quote)
        .collect(Collectors.joining("|", "(?<![\\p{L}\\p{N}])(?:", ")(?![\\p{L}\\p{N}])")),
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  Verdict check(String text) {
    if (words == null) {
      return Verdict.allow();
    }
    Matcher found = words.matcher(text);
    if (!found.find()) {
      return Verdict.allow();
    }
    if (refuse) {
      return Verdict.refuse("it contains a word this workspace does not allow");
    }
    return Verdict.rewrite(found.reset().replaceAll(match -> Matcher.quoteReplacement(mask(match.group()))));
  }

  /** The first letter kept, the rest starred: readers see that something was said, not what. */
  private static String mask(String word) {
    int first = word.offsetByCodePoints(0, 1);
    return word.substring(0, first) + "*".repeat(word.codePointCount(first, word.length()));
  }
}
