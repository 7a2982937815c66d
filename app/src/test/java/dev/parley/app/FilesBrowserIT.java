package dev.parley.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 11's browser story in two pages: a picture pasted into one composer shows as a preview in the other, and
 * search finds it.
 */
class FilesBrowserIT extends BrowserTest {

  /** Dispatches a paste of a PNG file on the composer, as pasting a screenshot does. */
  private static final String PASTE_PNG = """
      ([base64, name]) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const data = new DataTransfer();
        data.items.add(new File([bytes], name, { type: 'image/png' }));
        const input = document.querySelector('[data-testid=composer-input]');
        input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      }""";

  @Test
  void aPicturePastedInOnePageShowsAsAPreviewInTheOther() {
    String channel = "files-" + UUID.randomUUID().toString().substring(0, 6);
    try (BrowserContext aliceContext = chromium.newPerson(); BrowserContext bobContext = chromium.newPerson()) {
      Page alice = Chromium.signUp(aliceContext, baseUrl, "Alice");
      Chromium.createChannel(alice, channel);
      Page bob = Chromium.signUp(bobContext, baseUrl, "Bob");
      Chromium.joinChannel(bob, channel);

      String png = Base64.getEncoder().encodeToString(TestFiles.picture("png", 640, 480));
      alice.evaluate(PASTE_PNG, new Object[] {png, "screenshot.png"});
      assertThat(alice.getByTestId("attachment")).hasAttribute("data-state", "ready");
      alice.getByTestId("composer-input").fill("Here is the bug");
      alice.getByTestId("composer-send").click();

      Locator onBob = bob.getByTestId("message").filter(new Locator.FilterOptions().setHasText("Here is the bug"));
      Locator thumbnail = onBob.getByTestId("file-thumbnail");
      assertThat(thumbnail).hasAttribute("data-loaded", "true");
      assertThat(thumbnail).hasAttribute("alt", "screenshot.png");
      onBob.getByTestId("file-preview").click();
      assertThat(bob.getByTestId("file-viewer")).isVisible();
      bob.getByTestId("file-viewer").click();
      assertThat(bob.getByTestId("file-viewer")).hasCount(0);

      // Search finds it: by a word of the picture's name, among the messages with files.
      Locator box = bob.getByTestId("search-input");
      box.fill("screenshot has:file");
      box.press("Enter");
      Locator result = bob.getByTestId("search-result");
      assertThat(result).hasCount(1);
      assertThat(result.getByTestId("search-snippet")).hasText("Here is the bug");
      result.getByTestId("search-open").click();
      assertThat(bob.getByTestId("search-dialog")).isHidden();

      // Anything else is a card with its name, size and type.
      alice.getByTestId("composer-file").setInputFiles(new FilePayload("notes.txt", "text/plain",
          "meeting notes".getBytes(StandardCharsets.UTF_8)));
      assertThat(alice.getByTestId("attachment")).hasAttribute("data-state", "ready");
      alice.getByTestId("composer-send").click();
      Locator card = bob.getByTestId("file-card");
      assertThat(card.getByTestId("file-name")).hasText("notes.txt");
      assertThat(card).containsText("13 B · text/plain");
    }
  }
}
