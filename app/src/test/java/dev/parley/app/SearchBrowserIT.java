package dev.parley.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Searching from the header: Bob finds a message Alice wrote long ago in another room, sees its snippet with the match
 * marked (as a node, not markup), and opens it: the client opens its room, pages back through history to it, and
 * scrolls it into view, marked.
 */
class SearchBrowserIT extends BrowserTest {

  /** More than the first page of a room (50): the result is not on screen when its room opens. */
  private static final int LATER_MESSAGES = 60;

  @Test
  void searchFindsAMessageInAnotherRoomAndOpensItThere() {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String planning = "planning-" + suffix;
    String lobby = "lobby-" + suffix;
    try (BrowserContext aliceContext = chromium.newPerson(); BrowserContext bobContext = chromium.newPerson()) {
      Page alice = Chromium.signUp(aliceContext, baseUrl, "Alice");
      Chromium.createChannel(alice, planning);
      Page bob = Chromium.signUp(bobContext, baseUrl, "Bob");
      Chromium.joinChannel(bob, planning);
      Chromium.createChannel(bob, lobby);

      alice.bringToFront();
      Chromium.send(alice, "The <b>quarterly</b> zanzibar report is ready");
      for (int i = 0; i < LATER_MESSAGES; i++) {
        Chromium.send(alice, "later chatter " + i);
      }
      assertThat(Chromium.message(alice, "later chatter " + (LATER_MESSAGES - 1))).isVisible();

      bob.bringToFront();
      Chromium.roomItem(bob, lobby).click();
      assertThat(bob.getByTestId("room-title")).hasText(lobby);
      Locator box = bob.getByTestId("search-input");
      assertThat(box).isVisible();
      box.fill("zanzib");
      box.press("Enter");

      Locator result = bob.getByTestId("search-result");
      assertThat(result).hasCount(1);
      assertThat(result.getByTestId("search-room")).hasText("#" + planning);
      assertThat(result.getByTestId("search-sender")).hasText("Alice");
      assertThat(result.getByTestId("search-snippet")).hasText("The <b>quarterly</b> zanzibar report is ready");
      assertThat(result.getByTestId("search-match")).hasText("zanzibar");
      assertThat(result.getByTestId("search-snippet").locator("b")).hasCount(0);

      result.getByTestId("search-open").click();
      assertThat(bob.getByTestId("search-dialog")).isHidden();
      assertThat(bob.getByTestId("room-title")).hasText(planning);
      Locator found = bob.getByTestId("message").filter(new Locator.FilterOptions().setHasText("zanzibar report"));
      assertThat(found).hasClass(Pattern.compile("\\bfound\\b"));
      assertThat(found).isInViewport();
    }
  }
}
