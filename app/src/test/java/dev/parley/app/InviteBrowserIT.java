package dev.parley.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Invite links in real Chromium: the owner of a private channel makes a single-use link, a newcomer signs up through
 * it and lands in the channel, and the next person to use the link is turned away.
 */
class InviteBrowserIT extends BrowserTest {


  @Test
  void aNewcomerSignsUpThroughASingleUseLinkAndTheNextPersonIsRefused() {
    String channel = "secret-" + UUID.randomUUID().toString().substring(0, 6);
    try (BrowserContext ownerContext = chromium.newPerson();
         BrowserContext newcomerContext = chromium.newPerson();
         BrowserContext lateContext = chromium.newPerson()) {
      Page owner = Chromium.signUp(ownerContext, baseUrl, "Olivia");
      owner.getByTestId("create-channel-name").fill(channel);
      owner.getByTestId("create-channel-private").check();
      owner.getByTestId("create-channel-submit").click();
      assertThat(owner.getByTestId("room-title")).hasText(channel);

      owner.getByTestId("invite-menu").click();
      owner.getByTestId("invite-max-uses").selectOption("1");
      owner.getByTestId("invite-create").click();
      assertThat(owner.getByTestId("invite-url")).hasValue(Pattern.compile(".*/invite/.+"));
      String link = owner.getByTestId("invite-url").inputValue();
      owner.getByTestId("invite-close").click();

      Page newcomer = newcomerContext.newPage();
      newcomer.navigate(link);
      assertThat(newcomer.getByTestId("join-room-name")).hasText(channel);
      Chromium.signUp(newcomer, "Newton");
      assertThat(newcomer.getByTestId("room-title")).hasText(channel);
      Chromium.send(newcomer, "Thanks for the invite!");
      assertThat(Chromium.message(owner, "Thanks for the invite!")).hasCount(1);
      Chromium.send(owner, "Welcome, Newton");
      assertThat(Chromium.message(newcomer, "Welcome, Newton")).hasCount(1);

      Page late = lateContext.newPage();
      late.navigate(link);
      assertThat(late.getByTestId("invite-error")).containsText("used up");
    }
  }
}
