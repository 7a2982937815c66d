package dev.parley.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 10's browser story in two pages: a thread reply, a reaction and an edit made in one page appear in the
 * other, and the unread badge clears in a second page of the same person when the first reads the room.
 *
 * <p>The client shows each control only when the server's OpenAPI document has its call (features.js): these tests
 * also hold that the server offers them.
 */
class EverydayChatBrowserIT extends BrowserTest {

  @Test
  void aThreadReplyAReactionAndAnEditInOnePageAppearInTheOther() {
    String channel = "everyday-" + UUID.randomUUID().toString().substring(0, 6);
    try (BrowserContext aliceContext = chromium.newPerson(); BrowserContext bobContext = chromium.newPerson()) {
      Page alice = Chromium.signUp(aliceContext, baseUrl, "Alice");
      Chromium.createChannel(alice, channel);
      Page bob = Chromium.signUp(bobContext, baseUrl, "Bob");
      Chromium.joinChannel(bob, channel);

      Chromium.send(alice, "Lunch at noon?");
      Locator onAlice = byText(alice, "Lunch at noon?");
      Locator onBob = byText(bob, "Lunch at noon?");
      assertThat(onAlice).hasAttribute("data-state", "sent");
      assertThat(onBob).isVisible();

      // A reaction made by Bob shows on Alice's page, counted, and not as hers.
      onBob.hover();
      onBob.getByTestId("message-react").click();
      bob.getByTestId("reaction-option").and(bob.locator("[data-emoji='👍']")).click();
      Locator chip = onAlice.getByTestId("reaction").and(alice.locator("[data-emoji='👍']"));
      assertThat(chip.getByTestId("reaction-count")).hasText("1");
      assertThat(chip).hasAttribute("aria-pressed", "false");
      assertThat(onBob.getByTestId("reaction").and(bob.locator("[data-emoji='👍']")))
          .hasAttribute("aria-pressed", "true");

      // A thread reply from Bob: the root shows "1 reply" on Alice's page, and her thread pane shows it.
      onBob.hover();
      onBob.getByTestId("message-reply").click();
      assertThat(bob.getByTestId("thread-panel")).isVisible();
      bob.getByTestId("thread-input").fill("Yes, at the usual place");
      bob.getByTestId("thread-send").click();
      assertThat(onAlice.getByTestId("thread-summary")).hasText("1 reply");
      assertThat(Chromium.message(alice, "usual place")).hasCount(0); // not in the room's own list
      onAlice.getByTestId("thread-summary").click();
      assertThat(alice.getByTestId("thread-messages").getByTestId("thread-message")).hasCount(1);
      assertThat(alice.getByTestId("thread-messages")).containsText("Yes, at the usual place");
      // Alice wrote the root, so she follows the thread; she can stop and start again.
      Locator follow = alice.getByTestId("thread-follow");
      assertThat(follow).hasText("Unfollow");
      follow.click();
      assertThat(follow).hasText("Follow");
      assertThat(follow).hasAttribute("aria-pressed", "false");
      follow.click();
      assertThat(follow).hasText("Unfollow");

      // Alice edits her message with the Up arrow; Bob sees the new text, marked (edited).
      alice.getByTestId("thread-close").click();
      alice.getByTestId("composer-input").focus();
      alice.getByTestId("composer-input").press("ArrowUp");
      Locator box = alice.getByTestId("message-edit-input");
      box.fill("Lunch at **one**?");
      box.press("Enter");
      Locator edited = byText(bob, "Lunch at");
      assertThat(edited.getByTestId("message-text").locator("strong")).hasText("one");
      assertThat(edited.getByTestId("message-edited")).isVisible();
    }
  }

  @Test
  void readingInOnePageClearsTheUnreadBadgeInTheOtherPageOfTheSamePerson() {
    String channel = "reads-" + UUID.randomUUID().toString().substring(0, 6);
    String elsewhere = "other-" + UUID.randomUUID().toString().substring(0, 6);
    try (BrowserContext aliceContext = chromium.newPerson(); BrowserContext bobContext = chromium.newPerson()) {
      Page alice = Chromium.signUp(aliceContext, baseUrl, "Alice");
      Chromium.createChannel(alice, channel);
      Chromium.createChannel(alice, elsewhere);
      // Alice's second page: same browser profile, so the same person, signed in.
      Page aliceAgain = aliceContext.newPage();
      aliceAgain.navigate(baseUrl);
      assertThat(aliceAgain.getByTestId("connection-status")).hasAttribute("data-state", "online");

      Page bob = Chromium.signUp(bobContext, baseUrl, "Bob");
      Chromium.joinChannel(bob, channel);
      Chromium.send(bob, "Anyone there?");

      Locator badgeOnFirst = Chromium.roomItem(alice, channel).getByTestId("room-unread");
      Locator badgeOnSecond = Chromium.roomItem(aliceAgain, channel).getByTestId("room-unread");
      assertThat(badgeOnFirst).hasText("1");
      assertThat(badgeOnSecond).hasText("1");

      alice.bringToFront();
      Chromium.roomItem(alice, channel).click();
      assertThat(Chromium.message(alice, "Anyone there?")).isVisible();
      assertThat(badgeOnSecond).hasCount(0);
    }
  }

  @Test
  void aMentionGetsABadgeAndIsListedInTheMentionsView() {
    String channel = "mentions-" + UUID.randomUUID().toString().substring(0, 6);
    String elsewhere = "quiet-" + UUID.randomUUID().toString().substring(0, 6);
    String handle = "alice_" + UUID.randomUUID().toString().substring(0, 6);
    try (BrowserContext aliceContext = chromium.newPerson(); BrowserContext bobContext = chromium.newPerson()) {
      Page alice = Chromium.signUp(aliceContext, baseUrl, "Alice");
      Chromium.saveProfile(alice, "profile-handle", handle);
      alice.getByTestId("profile-close").click();
      Chromium.createChannel(alice, channel);
      Chromium.createChannel(alice, elsewhere);
      Page bob = Chromium.signUp(bobContext, baseUrl, "Bob");
      Chromium.joinChannel(bob, channel);

      Chromium.send(bob, "@" + handle + " please look at the budget");
      assertThat(Chromium.roomItem(alice, channel).getByTestId("room-mentions")).hasText("@1");
      alice.reload(); // the counts from GET /api/v1/rooms agree with the live ones
      assertThat(Chromium.roomItem(alice, channel).getByTestId("room-mentions")).hasText("@1");

      alice.getByTestId("mentions-open").click();
      Locator item = alice.getByTestId("mention-item").filter(new Locator.FilterOptions().setHasText("budget"));
      assertThat(item.locator(".mention-me")).hasText("@" + handle);
      item.getByTestId("mention-room").click();
      assertThat(alice.getByTestId("room-title")).hasText(channel);
      assertThat(alice.getByTestId("message").filter(new Locator.FilterOptions().setHasText("budget")))
          .hasClass(Pattern.compile(".*\\bmentions-me\\b.*"));
    }
  }

  private static Locator byText(Page page, String text) {
    return page.getByTestId("message").filter(new Locator.FilterOptions().setHasText(text));
  }
}
