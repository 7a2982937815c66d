package dev.parley.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.parley.plugins.poll.PollBotPlugin;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Slash commands a plugin registers, in real Chromium (issue 15): the sample poll-bot jar in the node's plugin
 * folder serves /poll and /remind; the composer offers them as soon as "/" is typed, Tab completes, and running them
 * posts a poll to vote on with reactions, and a reminder later.
 */
class SlashCommandsBrowserIT {

  private static Chromium chromium;
  private static TestNodes nodes;
  private static String baseUrl;

  @BeforeAll
  static void startBrowserAndNodeWithThePollBot() throws Exception {
    chromium = Chromium.launch();
    Path plugins = Files.createTempDirectory("parley-plugins");
    TestNodes.installPlugin(PollBotPlugin.class, plugins, "poll-bot");
    nodes = new TestNodes();
    baseUrl = "http://127.0.0.1:" + nodes.start(false, config -> config.put("plugins",
        new JsonObject().put("dir", plugins.toString()))).gateway().port() + "/";
  }

  @AfterAll
  static void stop() {
    if (chromium != null) {
      chromium.close();
    }
    if (nodes != null) {
      nodes.close();
    }
  }

  @Test
  void pluginCommandsAreOfferedCompletedAndRun() {
    String channel = "team-" + UUID.randomUUID().toString().substring(0, 8);
    try (BrowserContext context = chromium.newPerson()) {
      Page alice = Chromium.signUp(context, baseUrl, "Alice");
      Chromium.createChannel(alice, channel);

      Locator input = alice.getByTestId("composer-input");
      input.pressSequentially("/po");
      Locator hints = alice.getByTestId("command-hint");
      assertThat(hints).hasCount(1);
      assertThat(hints.first()).containsText("/poll Question? | option | option");
      input.press("Tab");
      assertThat(input).hasValue("/poll ");
      input.fill("/");
      input.press("End");
      input.pressSequentially("re");
      assertThat(hints.first()).containsText("/remind");

      Chromium.send(alice, "/poll Lunch? | Pizza | Sushi");
      Locator poll = alice.getByTestId("message").filter(new Locator.FilterOptions().setHasText("Lunch?"));
      assertThat(poll.getByTestId("message-text").locator("strong")).hasText("Lunch?");
      assertThat(poll.getByTestId("reaction")).hasCount(2);
      assertThat(poll.getByTestId("reaction-count").first()).hasText("1");

      Chromium.send(alice, "/remind 1s tea time");
      assertThat(alice.getByTestId("toast").filter(new Locator.FilterOptions().setHasText("reminder here in 1s")))
          .isVisible();
      assertThat(Chromium.message(alice, "Reminder: tea time")).isVisible();

      Chromium.send(alice, "/poll only a question");
      assertThat(alice.getByTestId("toast").filter(new Locator.FilterOptions().setHasText("Usage: /poll")))
          .isVisible();
    }
  }
}
