package dev.parley.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web client in real headless Chromium (Debian's package, driven by Playwright; no browser download): two
 * people sign up in two separate browser contexts, one creates a channel, the other joins it, and they talk.
 */
class BrowserIT {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  private static TestNodes nodes;
  private static Playwright playwright;
  private static Browser browser;
  private static String baseUrl;

  @BeforeAll
  static void start() {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
        "Browser test skipped: no Chromium at " + CHROMIUM + " (apt-get install chromium; .ci/run does)");
    nodes = new TestNodes();
    ParleyNode node = nodes.start(false);
    baseUrl = "http://127.0.0.1:" + node.gateway().port();
    playwright = Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(CHROMIUM)
        .setHeadless(true)
        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync")));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
    if (nodes != null) {
      nodes.close();
    }
  }

  @Test
  void twoPeopleSignUpJoinAChannelAndTalk() {
    String channel = "lobby-" + UUID.randomUUID().toString().substring(0, 8);
    try (BrowserContext aliceContext = browser.newContext(); BrowserContext bobContext = browser.newContext()) {
      Page alice = signUp(aliceContext, "Alice");
      alice.getByTestId("create-channel-name").fill(channel);
      alice.getByTestId("create-channel-submit").click();
      assertThat(alice.getByTestId("room-title")).hasText(channel);

      Page bob = signUp(bobContext, "Bob");
      bob.getByTestId("browse-channels").click();
      Locator listed = bob.getByTestId("channel-item").filter(new Locator.FilterOptions().setHasText(channel));
      listed.getByTestId("channel-join").click();
      assertThat(bob.getByTestId("room-title")).hasText(channel);

      send(alice, "Hello Bob, <script>alert(1)</script>");
      Locator atBob = bob.getByTestId("message-text").filter(new Locator.FilterOptions().setHasText("Hello Bob"));
      assertThat(atBob).hasText("Hello Bob, <script>alert(1)</script>");
      assertThat(bob.getByTestId("message").filter(new Locator.FilterOptions().setHasText("Hello Bob"))
          .getByTestId("message-sender")).hasText("Alice");

      send(bob, "Hi Alice!");
      assertThat(alice.getByTestId("message-text").filter(new Locator.FilterOptions().setHasText("Hi Alice!")))
          .hasCount(1);
      assertThat(alice.getByTestId("message").filter(new Locator.FilterOptions().setHasText("Hi Alice!")))
          .hasAttribute("data-state", "sent");
    }
  }

  private static Page signUp(BrowserContext context, String name) {
    Page page = context.newPage();
    page.navigate(baseUrl + "/");
    Locator view = page.getByTestId("auth-view");
    if (!"signup".equals(view.getAttribute("data-mode"))) {
      page.getByTestId("auth-toggle").click();
    }
    page.getByTestId("signup-name").fill(name);
    page.getByTestId("signup-email").fill(name.toLowerCase() + "-" + UUID.randomUUID() + "@example.com");
    page.getByTestId("signup-password").fill("correct horse battery");
    page.getByTestId("signup-submit").click();
    assertThat(page.getByTestId("connection-status")).hasAttribute("data-state", "online");
    return page;
  }

  private static void send(Page page, String text) {
    page.getByTestId("composer-input").fill(text);
    page.getByTestId("composer-send").click();
  }
}
