package dev.parley.rooms.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.shared.rooms.SearchCommands.Range;
import dev.parley.shared.rooms.SearchCommands.Snippet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Snippets: ts_headline's marks become ranges over plain text, terms as typed are added, long texts are cut. */
class SearchSnippetTest {

  private static final char START = '\uE000';
  private static final char END = '\uE001';

  @Test
  void marksBecomeRangesAndTermsAsTypedAreAdded() {
    Snippet snippet = SearchStore.snippet("got a " + START + "NullPointerException" + END + " while "
        + START + "deploying" + END + " <b>x</b>", List.of("pointer", "deploy"));
    assertEquals("got a NullPointerException while deploying <b>x</b>", snippet.text());
    assertEquals(List.of(new Range(6, 26), new Range(33, 42)), snippet.highlights(), "overlaps merged");
    assertFalse(snippet.cutStart() || snippet.cutEnd());
  }

  @Test
  void textWithoutSpacesIsMarkedWhereItStands() {
    Snippet snippet = SearchStore.snippet("我们今天讨论数据库", List.of("数据"));
    assertEquals(List.of(new Range(6, 8)), snippet.highlights());
  }

  @Test
  void aLongTextIsCutAroundItsFirstMatchNeverInsideASurrogatePair() {
    String emoji = "\uD83D\uDE00";
    String text = emoji.repeat(300) + " needle " + "y".repeat(400);
    Snippet snippet = SearchStore.snippet(text, List.of("needle"));
    assertTrue(snippet.cutStart() && snippet.cutEnd());
    assertTrue(snippet.text().length() <= SearchStore.SNIPPET_LENGTH);
    assertFalse(Character.isLowSurrogate(snippet.text().charAt(0)), "starts on a whole character");
    Range match = snippet.highlights().get(0);
    assertEquals("needle", snippet.text().substring(match.start(), match.end()));
  }

  @Test
  void shortTermsAreNotMarkedInsideWords() {
    assertEquals(List.of(), SearchStore.snippet("banana", List.of("an")).highlights());
  }
}
