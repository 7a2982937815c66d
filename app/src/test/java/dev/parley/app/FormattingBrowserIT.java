package dev.parley.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The web client's everyday polish in real Chromium, against a real node: Markdown rendered from the parser's
 * tokens (and hostile text left inert), drafts kept per room, the last room reopened, slash commands, confirmations
 * before destructive clicks, date separators, the new-messages line, and long names that no longer push the unread
 * badges out of sight.
 */
class FormattingBrowserIT extends BrowserTest {

  @Test
  void markdownRendersAndHostileTextStaysInertText() {
    String channel = "md-" + suffix();
    String handle = "bob_" + suffix();
    try (BrowserContext aliceContext = chromium.newPerson(); BrowserContext bobContext = chromium.newPerson()) {
      Page alice = Chromium.signUp(aliceContext, baseUrl, "Alice");
      Chromium.createChannel(alice, channel);

      Page bob = Chromium.signUp(bobContext, baseUrl, "Bob");
      Chromium.saveProfile(bob, "profile-handle", handle);
      bob.getByTestId("profile-close").click();
      Chromium.joinChannel(bob, channel);

      Chromium.send(alice, "**bold** _italic_ ~~struck~~ `inline` :tada: [docs](https://example.com/docs) "
          + "[evil](javascript:alert(1)) <img src=x onerror=\"window.pwned=1\"> hey @" + handle + " and @someone_else");
      Locator rich = Chromium.message(bob, "bold");
      assertThat(rich.locator("strong")).hasText("bold");
      assertThat(rich.locator("em")).hasText("italic");
      assertThat(rich.locator("s")).hasText("struck");
      assertThat(rich.locator("code")).hasText("inline");
      assertThat(rich.locator(".emoji")).hasText("🎉");
      Locator link = rich.locator("a");
      assertThat(link).hasCount(1);
      assertThat(link).hasText("docs");
      assertThat(link).hasAttribute("href", "https://example.com/docs");
      assertThat(link).hasAttribute("rel", "noopener noreferrer");
      assertThat(link).hasAttribute("target", "_blank");
      // Text is data: the javascript: link and the HTML are shown as typed, never as a link or an element.
      assertThat(rich).containsText("[evil](javascript:alert(1))");
      assertThat(rich).containsText("<img src=x onerror=\"window.pwned=1\">");
      assertThat(rich.locator("img")).hasCount(0);
      assertEquals(true, bob.evaluate("() => window.pwned === undefined"), "no handler ran");
      // Mentions are highlighted; mine stands out.
      assertThat(rich.locator(".mention-me")).hasText("@" + handle);
      assertThat(rich.locator(".mention:not(.mention-me)")).hasText("@someone_else");

      Chromium.send(alice, "```\n<b>not bold</b>\n```\n> quoted\n\n- one\n- two");
      Locator blocks = Chromium.message(bob, "quoted");
      assertThat(blocks.locator("pre code")).hasText("<b>not bold</b>");
      assertThat(blocks.locator("b")).hasCount(0);
      assertThat(blocks.locator("blockquote")).hasText("quoted");
      assertThat(blocks.locator("ul > li")).hasText(new String[] {"one", "two"});
    }
  }

  @Test
  void draftsTheLastRoomSlashCommandsAndConfirmations() {
    String first = "first-" + suffix();
    String second = "second-" + suffix();
    try (BrowserContext context = chromium.newPerson()) {
      Page alice = Chromium.signUp(context, baseUrl, "Alice");
      Chromium.createChannel(alice, first);
      Chromium.createChannel(alice, second);

      // A half-written message survives switching rooms, and a reload.
      alice.getByTestId("composer-input").fill("half-written thought");
      Chromium.roomItem(alice, first).click();
      assertThat(alice.getByTestId("room-title")).hasText(first);
      assertThat(alice.getByTestId("composer-input")).hasValue("");
      Chromium.roomItem(alice, second).click();
      assertThat(alice.getByTestId("composer-input")).hasValue("half-written thought");

      // Opening "/" shows the room open last time, not "Pick a room".
      alice.navigate(baseUrl);
      assertThat(alice.getByTestId("room-title")).hasText(second);
      assertThat(alice.getByTestId("chat-empty")).isHidden();
      assertThat(alice.getByTestId("composer-input")).hasValue("half-written thought");
      assertThat(alice.getByTestId("connection-status")).hasAttribute("data-state", "online");

      // Slash commands: /me is an action, /topic sets the topic, an unknown command is not posted.
      Chromium.send(alice, "/me waves");
      assertThat(Chromium.message(alice, "waves").locator("em")).hasText("waves");
      assertThat(Chromium.message(alice, "waves")).not().containsText("/me");
      Chromium.send(alice, "/topic Plans for the week");
      assertThat(alice.getByTestId("room-topic")).hasText("Plans for the week");
      Chromium.send(alice, "/frobnicate now");
      assertThat(alice.getByTestId("toast").filter(new Locator.FilterOptions().setHasText("Unknown command")))
          .isVisible();
      Chromium.send(alice, "//slash at the start");
      assertThat(Chromium.message(alice, "slash at the start")).hasText("/slash at the start");
      assertThat(Chromium.message(alice, "frobnicate")).hasCount(0);

      // Deleting asks first: Cancel keeps the message, Delete deletes it.
      Locator sent = alice.getByTestId("message").filter(new Locator.FilterOptions().setHasText("waves"));
      assertThat(sent).hasAttribute("data-state", "sent");
      Locator waves = alice.locator("[data-testid=message][data-id='" + sent.getAttribute("data-id") + "']");
      waves.hover();
      waves.getByTestId("message-delete").click();
      assertThat(alice.getByTestId("confirm-dialog")).isVisible();
      alice.getByTestId("confirm-no").click();
      assertThat(alice.getByTestId("confirm-dialog")).isHidden();
      assertThat(waves).not().hasAttribute("data-deleted", "true");
      waves.hover();
      waves.getByTestId("message-delete").click();
      alice.getByTestId("confirm-yes").click();
      assertThat(waves).hasAttribute("data-deleted", "true");
      assertThat(waves.getByTestId("message-text")).hasText("message deleted");
    }
  }

  @Test
  void slashCommandsUseTheCallsTheServerHasAndMentionsOfMeGetTheirOwnBadge() {
    String lobby = "lobby-" + suffix();
    String project = "project-" + suffix();
    String secret = "secret-" + suffix();
    String handle = "bob_" + suffix();
    try (BrowserContext aliceContext = chromium.newPerson(); BrowserContext bobContext = chromium.newPerson()) {
      // Alice first: should this be the node's first sign-up, the workspace owner is Alice, whom Bob cannot outrank.
      Page alice = Chromium.signUp(aliceContext, baseUrl, "Alice");
      Page bob = Chromium.signUp(bobContext, baseUrl, "Bob");
      Chromium.saveProfile(bob, "profile-handle", handle);
      bob.getByTestId("profile-close").click();

      Chromium.createChannel(alice, lobby);
      Chromium.createChannel(alice, project);
      alice.getByTestId("create-channel-private").check();
      Chromium.createChannel(alice, secret);

      // Commands are typed in an open room: /join opens another public channel by name.
      Chromium.joinChannel(bob, lobby);
      Chromium.send(bob, "/join #" + project);
      assertThat(bob.getByTestId("room-title")).hasText(project);
      // /invite @handle adds someone to the open (private) room.
      Chromium.send(alice, "/invite @" + handle);
      Locator secretItem = Chromium.roomItem(bob, secret);
      assertThat(secretItem).isVisible();

      // A mention of Bob in a room he is not looking at: an unread badge and a mention badge.
      Chromium.send(alice, "@" + handle + " can you review this?");
      assertThat(secretItem.getByTestId("room-unread")).hasText("1");
      assertThat(secretItem.getByTestId("room-mentions")).hasText("@1");
      secretItem.click();
      assertThat(Chromium.message(bob, "can you review").locator(".mention-me")).hasText("@" + handle);
      assertThat(secretItem.getByTestId("room-mentions")).hasCount(0);

      // /mute and /unmute are a moderator's calls (Alice owns the room); /leave takes Bob out.
      Chromium.send(alice, "/mute @" + handle);
      assertThat(alice.getByTestId("toast").last()).hasText("Bob is muted here");
      assertThat(bob.getByTestId("muted-note")).isVisible();
      Chromium.send(alice, "/unmute @" + handle);
      assertThat(bob.getByTestId("muted-note")).isHidden();
      Chromium.send(bob, "/leave");
      assertThat(secretItem).hasCount(0);
    }
  }

  @Test
  void dateSeparatorsSplitTheDays() throws SQLException {
    String channel = "days-" + suffix();
    try (BrowserContext context = chromium.newPerson()) {
      Page alice = Chromium.signUp(context, baseUrl, "Alice");
      Chromium.createChannel(alice, channel);
      Chromium.send(alice, "written three days ago");
      assertThat(alice.getByTestId("message").filter(new Locator.FilterOptions().setHasText("three days ago")))
          .hasAttribute("data-state", "sent");
      // The server stamps messages with its own clock: move this one back in the database itself.
      backdate("written three days ago", 3);
      Chromium.send(alice, "written today");
      assertThat(alice.getByTestId("message").filter(new Locator.FilterOptions().setHasText("written today")))
          .hasAttribute("data-state", "sent");

      alice.reload();
      Locator days = alice.getByTestId("day-separator");
      assertThat(days).hasCount(2);
      assertThat(days.last()).hasText("Today");
      assertThat(days.first()).not().hasText(Pattern.compile("Today|Yesterday"));
      // Each separator stands right before the first message of its day.
      assertThat(alice.locator("[data-testid=day-separator] + [data-testid=message]").first())
          .containsText("three days ago");
      assertThat(alice.locator("[data-testid=day-separator] + [data-testid=message]").last())
          .containsText("written today");
    }
  }

  @Test
  void longNamesKeepUnreadBadgesInSightAndNewMessagesAreMarked() {
    String longName = "Bartholomew Maximilian Fitzgerald-Worthington, Keeper of Very Long Names"; // 80 at most
    String elsewhere = "elsewhere-" + suffix();
    try (BrowserContext aliceContext = chromium.newPerson(); BrowserContext bobContext = chromium.newPerson()) {
      Page bob = Chromium.signUp(bobContext, baseUrl, "Bob");
      Chromium.saveProfile(bob, "profile-name", longName);
      assertNoHorizontalOverflow(bob.getByTestId("profile-dialog"));
      bob.getByTestId("profile-close").click();

      Page alice = Chromium.signUp(aliceContext, baseUrl, "Alice");
      alice.getByTestId("new-dm").click();
      alice.getByTestId("user-search").fill("Bartholomew");
      alice.getByTestId("user-result").filter(new Locator.FilterOptions().setHasText("Bartholomew")).click();
      alice.getByTestId("dm-start").click();
      assertThat(alice.getByTestId("room-title")).containsText("Bartholomew");
      // The empty composer has no scroll arrows.
      assertEquals(true, alice.getByTestId("composer-input")
          .evaluate("el => el.scrollHeight <= el.clientHeight || getComputedStyle(el).overflowY === 'hidden'"));
      Chromium.createChannel(alice, elsewhere);

      Chromium.roomItem(bob, "Alice").click();
      assertThat(bob.getByTestId("room-title")).hasText("Alice");
      for (String text : new String[] {"first unread", "second unread", "third unread"}) {
        Chromium.send(bob, text);
      }

      Locator dm = Chromium.roomItem(alice, "Bartholomew");
      assertThat(dm.getByTestId("room-unread")).hasText("3");
      assertInside(dm.getByTestId("room-unread"), alice.getByTestId("room-list"));
      assertNoHorizontalOverflow(alice.getByTestId("room-list"));

      dm.click();
      Locator line = alice.getByTestId("new-messages-line");
      assertThat(line).hasText("3 new messages");
      assertThat(alice.locator("[data-testid=new-messages-line] + [data-testid=message]"))
          .containsText("first unread");
      assertThat(dm.getByTestId("room-unread")).hasCount(0);
    }
  }

  // ---- steps --------------------------------------------------------------------------------

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 6);
  }

  private static void assertNoHorizontalOverflow(Locator box) {
    assertThat(box).isVisible();
    // What sticks out past the box's right edge, named, so a failure says where to look.
    Object wider = box.evaluate("el => { const right = el.getBoundingClientRect().right + 1;"
        + " const out = [...el.querySelectorAll('*')].filter(c => c.getBoundingClientRect().right > right)"
        + ".map(c => c.tagName + (c.id ? '#' + c.id : '') + '.' + c.className + ' ' + c.getBoundingClientRect().right);"
        + " return el.scrollWidth <= el.clientWidth ? '' : el.scrollWidth + ' > ' + el.clientWidth + ': ' + out.join(', '); }");
    assertEquals("", wider, "nothing in it is wider than the box");
  }

  private static void assertInside(Locator inner, Locator outer) {
    assertThat(inner).isVisible();
    BoundingBox in = inner.boundingBox();
    BoundingBox out = outer.boundingBox();
    assertTrue(in.x >= out.x && in.x + in.width <= out.x + out.width + 0.5,
        "the badge (x " + in.x + ", width " + in.width + ") lies within the sidebar (x " + out.x + ", width "
            + out.width + ")");
  }

  /** Moves a stored message's time back by some days, straight in the test's database. */
  private static void backdate(String body, int days) throws SQLException {
    String url = nodes.config(false).getJsonObject("db").getString("url");
    String database = url.substring(url.lastIndexOf('/') + 1);
    try (Connection connection = TestServices.postgres().server().getDatabase("postgres", database).getConnection();
         PreparedStatement sql = connection.prepareStatement(
             "UPDATE messages SET created_at = created_at - make_interval(days => ?) WHERE body = ?")) {
      sql.setInt(1, days);
      sql.setString(2, body);
      assertEquals(1, sql.executeUpdate(), "one message backdated");
    }
  }
}
