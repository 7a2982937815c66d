package dev.parley.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The web client in real headless Chromium: two people sign up in two separate browser profiles, one creates a
 * channel, the other joins it, and they talk.
 */
class BrowserIT extends BrowserTest {


  @Test
  void twoPeopleSignUpJoinAChannelAndTalk() {
    String channel = "lobby-" + UUID.randomUUID().toString().substring(0, 8);
    try (BrowserContext aliceContext = chromium.newPerson(); BrowserContext bobContext = chromium.newPerson()) {
      Page alice = Chromium.signUp(aliceContext, baseUrl, "Alice");
      alice.getByTestId("create-channel-name").fill(channel);
      alice.getByTestId("create-channel-submit").click();
      assertThat(alice.getByTestId("room-title")).hasText(channel);

      Page bob = Chromium.signUp(bobContext, baseUrl, "Bob");
      bob.getByTestId("browse-channels").click();
      Locator listed = bob.getByTestId("channel-item").filter(new Locator.FilterOptions().setHasText(channel));
      listed.getByTestId("channel-join").click();
      assertThat(bob.getByTestId("room-title")).hasText(channel);

      Chromium.send(alice, "Hello Bob, <script>alert(1)</script>");
      assertThat(Chromium.message(bob, "Hello Bob")).hasText("Hello Bob, <script>alert(1)</script>");
      assertThat(bob.getByTestId("message").filter(new Locator.FilterOptions().setHasText("Hello Bob"))
          .getByTestId("message-sender")).hasText("Alice");

      Chromium.send(bob, "Hi Alice!");
      assertThat(Chromium.message(alice, "Hi Alice!")).hasCount(1);
      assertThat(alice.getByTestId("message").filter(new Locator.FilterOptions().setHasText("Hi Alice!")))
          .hasAttribute("data-state", "sent");
    }
  }
}
