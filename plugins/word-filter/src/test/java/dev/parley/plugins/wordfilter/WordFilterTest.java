package dev.parley.plugins.wordfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.shared.plugins.MessageHook.Decision;
import dev.parley.shared.plugins.MessageHook.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordFilterTest {

  private final WordFilter masking = new WordFilter(List.of("darn", "gosh"), false);

  @Test
  void listedWordsAreMaskedInAnyCaseAndOnlyAsWholeWords() {
    assertEquals(Verdict.rewrite("d*** it, G*** and darned"), masking.check("darn it, GOSH and darned"));
    assertEquals(Verdict.allow(), masking.check("nothing to see: darning, agoshen"));
  }

  @Test
  void aListedWordIsLiteralNotAPattern() {
    WordFilter dotted = new WordFilter(List.of("a.b"), false);
    assertEquals(Verdict.allow(), dotted.check("axb"));
    assertEquals(Verdict.rewrite("say a**"), dotted.check("say a.b"));
  }

  @Test
  void refusingSaysWhyAndAnEmptyListLetsEverythingThrough() {
    Verdict refused = new WordFilter(List.of("darn"), true).check("oh darn");
    assertEquals(Decision.REFUSE, refused.decision());
    assertEquals(Verdict.allow(), new WordFilter(List.of(), true).check("oh darn"));
  }
}
