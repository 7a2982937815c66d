package dev.parley.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Presence, read receipts and the newcomer's welcome in real Chromium, two people in two pages: Bob sees Alice's dot
 * follow her (online, idle, away by hand with a status text, signed out), Alice sees "Seen by Bob" once he opens
 * their DM, and a new account is greeted until it dismisses the hint.
 */
class PresenceBrowserIT extends BrowserTest {

  @Test
  void bobSeesAlicesPresenceAndAliceSeesBobHasReadHerMessage() {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String aliceName = "Alice" + suffix;
    String bobName = "Bob" + suffix;
    String channel = "presence-" + suffix;
    try (BrowserContext aliceContext = chromium.newPerson(); BrowserContext bobContext = chromium.newPerson()) {
      // Alice's page runs on a clock the test can move, to be idle for ten minutes in an instant.
      aliceContext.clock().install();
      Page alice = Chromium.signUp(aliceContext, baseUrl, aliceName);
      // A long name, to hold that the sidebar keeps its dot and badge in view rather than scrolling sideways.
      Chromium.saveProfile(alice, "profile-name", aliceName + " Wolfeschlegelsteinhausenbergerdorff-Schmidt");
      alice.getByTestId("profile-close").click();
      Chromium.createChannel(alice, channel);
      Page bob = Chromium.signUp(bobContext, baseUrl, bobName);
      Chromium.joinChannel(bob, channel);

      alice.getByTestId("new-dm").click();
      alice.getByTestId("user-search").fill(bobName);
      alice.getByTestId("user-result").filter(new Locator.FilterOptions().setHasText(bobName)).click();
      alice.getByTestId("dm-start").click();
      assertThat(alice.getByTestId("room-title")).hasText(bobName);
      Chromium.send(alice, "Are you there?");
      Locator question = alice.getByTestId("message").filter(new Locator.FilterOptions().setHasText("Are you there?"));
      assertThat(question).hasAttribute("data-state", "sent");

      // Bob sees Alice online next to their DM in his sidebar, and in the channel's member list.
      Locator dmDot = Chromium.roomItem(bob, aliceName).getByTestId("presence-dot");
      assertThat(dmDot).hasAttribute("data-status", "online");
      Locator unread = Chromium.roomItem(bob, aliceName).getByTestId("room-unread");
      assertThat(unread).hasText("1");
      assertTrue((Boolean) bob.getByTestId("room-list").evaluate("list => list.scrollWidth <= list.clientWidth"),
          "no sideways scrolling in the sidebar");
      assertTrue(unread.boundingBox().x + unread.boundingBox().width
          <= bob.getByTestId("room-list").boundingBox().x + bob.getByTestId("room-list").boundingBox().width,
          "the unread badge stays in view next to the long name");
      bob.getByTestId("members-toggle").click();
      Locator aliceMember = bob.getByTestId("member-item").filter(new Locator.FilterOptions().setHasText(aliceName));
      Locator memberDot = aliceMember.getByTestId("presence-dot");
      assertThat(memberDot).hasAttribute("data-status", "online");
      assertThat(alice.getByTestId("my-presence")).hasAttribute("data-status", "online");

      // Ten minutes without input: away; moving the mouse: back.
      alice.clock().fastForward("10:01");
      assertThat(memberDot).hasAttribute("data-status", "away");
      alice.mouse().move(40, 40);
      alice.mouse().move(60, 60);
      assertThat(memberDot).hasAttribute("data-status", "online");

      // Away by hand, with a status text.
      alice.getByTestId("status-open").click();
      alice.getByTestId("status-text-input").fill("In a meeting");
      alice.getByTestId("status-away").check();
      alice.getByTestId("status-save").click();
      assertThat(alice.getByTestId("status-dialog")).isHidden();
      assertThat(alice.getByTestId("my-presence")).hasAttribute("data-status", "away");
      assertThat(alice.getByTestId("my-status-text")).hasText("In a meeting");
      assertThat(memberDot).hasAttribute("data-status", "away");
      assertThat(aliceMember.getByTestId("presence-text")).hasText("In a meeting");
      assertThat(dmDot).hasAttribute("data-status", "away");
      assertThat(dmDot).hasAttribute("title", "Away: In a meeting");

      // Bob reads the DM: Alice sees it under her message.
      Chromium.roomItem(bob, aliceName).click();
      assertThat(Chromium.message(bob, "Are you there?")).isVisible();
      assertThat(question.getByTestId("seen-by")).hasText("Seen by " + bobName);

      // Bob keeps his reading to himself from now on: the switch in his profile says so after a reload too.
      bob.getByTestId("profile-open").click();
      Locator sendReceipts = bob.getByTestId("read-receipts-toggle");
      assertThat(sendReceipts).isChecked();
      sendReceipts.uncheck();
      assertThat(sendReceipts).isEnabled(); // saved
      bob.reload();
      bob.getByTestId("profile-open").click();
      assertThat(sendReceipts).isEnabled(); // read from the server
      assertThat(sendReceipts).not().isChecked();
      bob.getByTestId("profile-close").click();

      alice.getByTestId("signout").click();
      assertThat(alice.getByTestId("auth-view")).isVisible();
      assertThat(dmDot).hasAttribute("data-status", "offline");
      assertThat(dmDot).hasAttribute("title", "Offline: In a meeting"); // a status text outlives the session
    }
  }

  @Test
  void aNewcomerIsWelcomedUntilTheyDismissTheHint() {
    try (BrowserContext context = chromium.newPerson()) {
      Page newcomer = Chromium.signUp(context, baseUrl, "Newcomer");
      Locator hint = newcomer.getByTestId("onboarding-hint");
      assertThat(hint).isVisible();
      assertThat(hint).containsText("#general");
      assertThat(hint).containsText("Browse channels");
      assertThat(hint).containsText("New message");
      assertThat(hint).containsText("/help");

      newcomer.getByTestId("onboarding-dismiss").click();
      assertThat(hint).isHidden();
      newcomer.reload();
      assertThat(newcomer.getByTestId("connection-status")).hasAttribute("data-state", "online");
      assertThat(hint).isHidden();
    }
  }
}
