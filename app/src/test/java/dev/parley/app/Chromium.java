package dev.parley.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium driven by Playwright (no browser download), and the steps of the web client that several
 * browser tests share. Without Chromium the calling test is skipped with a message, never failed or faked.
 */
final class Chromium implements AutoCloseable {

  private static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
  /**
   * How long an assertion waits for the page to get there. Playwright's 5 s is short for a 2-core CI machine that
   * runs the server, the browser and the test at once; a right page gets there sooner and the wait ends then.
   */
  private static final double ASSERTION_TIMEOUT_MS = 15_000;

  private final Playwright playwright;
  private final Browser browser;

  private Chromium(Playwright playwright, Browser browser) {
    this.playwright = playwright;
    this.browser = browser;
  }

  static Chromium launch() {
    PlaywrightAssertions.setDefaultAssertionTimeout(ASSERTION_TIMEOUT_MS);
    Assumptions.assumeTrue(Files.isExecutable(EXECUTABLE),
        "Browser test skipped: no Chromium at " + EXECUTABLE + " (apt-get install chromium; .ci/run does)");
    Playwright playwright = Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(EXECUTABLE)
        .setHeadless(true)
        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    return new Chromium(playwright, browser);
  }

  /** A separate browser profile: its own storage, so its own signed-in person. */
  BrowserContext newPerson() {
    return browser.newContext();
  }

  /** Signs a new person up on the page at {@code url} and waits until the client is online. */
  static Page signUp(BrowserContext person, String url, String name) {
    Page page = person.newPage();
    page.navigate(url);
    return signUp(page, name);
  }

  /** Signs up on a page already showing the sign-in/sign-up view. */
  static Page signUp(Page page, String name) {
    Locator view = page.getByTestId("auth-view");
    assertThat(view).isVisible();
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

  static void send(Page page, String text) {
    page.getByTestId("composer-input").fill(text);
    page.getByTestId("composer-send").click();
  }

  static Locator message(Page page, String text) {
    return page.getByTestId("message-text").filter(new Locator.FilterOptions().setHasText(text));
  }

  /** Creates a channel from the sidebar and waits until it is open. */
  static void createChannel(Page page, String name) {
    page.getByTestId("create-channel-name").fill(name);
    page.getByTestId("create-channel-submit").click();
    try {
      assertThat(page.getByTestId("room-title")).hasText(name);
    } catch (AssertionError e) {
      throw new AssertionError("Channel " + name + " not opened; toasts: " + page.getByTestId("toast").allTextContents()
          + ", name field: '" + page.getByTestId("create-channel-name").inputValue() + "'", e);
    }
  }

  /** Joins a public channel from the channel browser and waits until it is open. */
  static void joinChannel(Page page, String name) {
    page.getByTestId("browse-channels").click();
    page.getByTestId("channel-item").filter(new Locator.FilterOptions().setHasText(name))
        .getByTestId("channel-join").click();
    assertThat(page.getByTestId("room-title")).hasText(name);
  }

  /**
   * Changes one field of my profile ({@code profile-name} or {@code profile-handle}) in the profile dialog and
   * saves; the dialog stays open (profile-close closes it).
   */
  static void saveProfile(Page page, String field, String value) {
    page.getByTestId("profile-open").click();
    page.getByTestId(field).fill(value);
    page.getByTestId("profile-save").click();
    assertThat(page.getByTestId("profile-note")).hasText("Profile saved.");
  }

  /** A room in the sidebar, by (part of) its name. */
  static Locator roomItem(Page page, String name) {
    return page.getByTestId("room-item").filter(new Locator.FilterOptions().setHasText(name));
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
