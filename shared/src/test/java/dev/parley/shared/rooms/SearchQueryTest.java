package dev.parley.shared.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.shared.ErrorCode;
import dev.parley.shared.ParleyException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The search syntax as people type it: words, phrases and filters read once, and mistakes refused clearly. */
class SearchQueryTest {

  @Test
  void readsWordsPhrasesAndFilters() {
    SearchQuery query = SearchQuery.parse(
        "  deploy \"release   train\" in:#Ops-Team FROM:@Ada_L before:2026-11-30 after:2026-11-01 has:file 数据 ");
    assertEquals(List.of("deploy", "release train", "数据"), query.terms());
    assertEquals("ops-team", query.room());
    assertEquals("ada_l", query.from());
    assertEquals(LocalDate.of(2026, 11, 30), query.before());
    assertEquals(LocalDate.of(2026, 11, 1), query.after());
    assertEquals(true, query.hasFile());
    assertEquals(query, SearchQuery.fromJson(query.toJson()), "the contract carries it unchanged");
  }

  @Test
  void aRoomIdAndFiltersAloneAreASearch() {
    String room = "0b5c7d3e-1f2a-4b6c-8d9e-0a1b2c3d4e5f";
    SearchQuery query = SearchQuery.parse("in:" + room + " from:ada");
    assertEquals(List.of(), query.terms());
    assertEquals(room, query.room());
    assertEquals("ada", query.from());
  }

  @Test
  void wordsWithColonsThatAreNoFiltersAreWords() {
    assertEquals(List.of("OrderService.java:42", "http://example.com"),
        SearchQuery.parse("OrderService.java:42 http://example.com").terms());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\"\"", "\"open", "in:general", "in:#", "from:@a", "from:@no-dashes",
      "before:2026-02-30", "before:30-11-2026", "after:today", "has:link", "in:#a in:#b",
      "after:2026-11-02 before:2026-11-03", "a b c d e f g h i"})
  void refusesWhatIsNoSearch(String text) {
    ParleyException refused = assertThrows(ParleyException.class, () -> SearchQuery.parse(text));
    assertEquals(ErrorCode.INVALID, refused.code());
  }

  @Test
  void refusesAnOverlongQuery() {
    assertThrows(ParleyException.class, () -> SearchQuery.parse("x".repeat(SearchQuery.MAX_LENGTH + 1)));
    assertEquals(List.of("x".repeat(SearchQuery.MAX_LENGTH)),
        SearchQuery.parse("x".repeat(SearchQuery.MAX_LENGTH)).terms());
  }
}
