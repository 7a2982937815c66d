package dev.parley.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Password reset in real Chromium: someone who forgot their password asks for a link on the sign-in view, opens the
 * link from the email (GreenMail), chooses a new password, and signs in with it. And email verification: the link
 * emailed on signing up, opened in the browser, verifies the address and says so.
 */
class PasswordResetBrowserIT {

  private static final Pattern LINK = Pattern.compile("http://\\S+/#reset-password=[A-Za-z0-9_-]+");
  private static final Pattern VERIFY_LINK = Pattern.compile("http://\\S+/#verify-email=[A-Za-z0-9_-]+");

  @Test
  void someoneWhoForgotTheirPasswordChoosesANewOneThroughTheEmailedLink() throws Exception {
    try (Chromium chromium = Chromium.launch(); TestMail mail = TestMail.start(); TestNodes nodes = new TestNodes()) {
      ParleyNode node = nodes.start(false, mail::sendingHere);
      String baseUrl = "http://127.0.0.1:" + node.gateway().port() + "/";
      String email = "dora-" + UUID.randomUUID() + "@example.com";
      TestApi.expect(201, new TestApi(node.vertx(), node.gateway().port()).call(HttpMethod.POST,
          "/api/v1/auth/register", null, new JsonObject().put("email", email).put("password", "correct horse battery")
              .put("name", "Dora")));

      try (BrowserContext person = chromium.newPerson()) {
        Page page = person.newPage();
        page.navigate(baseUrl);
        page.getByTestId("forgot-open").click();
        page.getByTestId("forgot-email").fill(email);
        page.getByTestId("forgot-submit").click();
        assertThat(page.getByTestId("forgot-sent")).containsText("on its way");

        assertTrue(mail.smtp().waitForIncomingEmail(20_000, 1), "the email arrives");
        Matcher link = LINK.matcher(GreenMailUtil.getBody(mail.smtp().getReceivedMessages()[0]));
        assertTrue(link.find(), "the email carries the link");
        page.navigate(link.group());
        assertThat(page.getByTestId("reset-form")).isVisible();
        assertFalse(page.url().contains("reset-password"), "the token left the address bar");
        page.getByTestId("reset-password").fill("a brand new passphrase");
        page.getByTestId("reset-password-again").fill("a brand new passphrase");
        page.getByTestId("reset-submit").click();
        assertThat(page.getByTestId("auth-error")).containsText("password is changed");

        page.getByTestId("signin-email").fill(email);
        page.getByTestId("signin-password").fill("a brand new passphrase");
        page.getByTestId("signin-submit").click();
        assertThat(page.getByTestId("connection-status")).hasAttribute("data-state", "online");
      }
    }
  }

  @Test
  void aNewcomerOpensTheLinkEmailedOnSigningUpAndIsToldTheAddressIsVerified() throws Exception {
    try (Chromium chromium = Chromium.launch(); TestMail mail = TestMail.start(); TestNodes nodes = new TestNodes()) {
      ParleyNode node = verifyingOnSignUp(nodes, mail);
      TestApi api = new TestApi(node.vertx(), node.gateway().port());
      JsonObject session = TestApi.expect(201, api.call(HttpMethod.POST, "/api/v1/auth/register", null,
          new JsonObject().put("email", "eli-" + UUID.randomUUID() + "@example.com")
              .put("password", "correct horse battery").put("name", "Eli")));
      TestApi.User eli = new TestApi.User(session.getJsonObject("user").getString("id"), "Eli",
          session.getString("accessToken"));

      assertTrue(mail.smtp().waitForIncomingEmail(20_000, 1), "the email arrives");
      Matcher link = VERIFY_LINK.matcher(GreenMailUtil.getBody(mail.smtp().getReceivedMessages()[0]));
      assertTrue(link.find(), "the email carries the link");

      try (BrowserContext person = chromium.newPerson()) {
        Page page = person.newPage();
        page.navigate(link.group());
        assertThat(page.getByTestId("auth-error")).containsText("is verified");
        assertFalse(page.url().contains("verify-email"), "the token left the address bar");
        assertTrue(TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/me", eli, null))
            .getJsonObject("user").getBoolean("emailVerified"));

        page.navigate("about:blank"); // else only the fragment changes, and nothing loads again
        page.navigate(link.group());
        assertThat(page.getByTestId("auth-error")).containsText("used up");
      }
    }
  }

  @Test
  void aSignedInPersonAsksForAnotherLinkInTheProfileAndOpensItWhileSignedIn() throws Exception {
    try (Chromium chromium = Chromium.launch(); TestMail mail = TestMail.start(); TestNodes nodes = new TestNodes()) {
      ParleyNode node = verifyingOnSignUp(nodes, mail);
      // The links lead to the public URL (http://localhost:<port> by default): sign up there, so that opening one
      // finds the session.
      String publicUrl = "http://localhost:" + node.gateway().port() + "/";
      try (BrowserContext person = chromium.newPerson()) {
        Page page = Chromium.signUp(person, publicUrl, "Fay");
        page.getByTestId("profile-open").click();
        assertThat(page.getByTestId("email-status")).containsText("not verified");
        page.getByTestId("email-verify-send").click();
        assertThat(page.getByTestId("email-status")).containsText("on its way");
        page.getByTestId("profile-close").click();

        assertTrue(mail.smtp().waitForIncomingEmail(20_000, 2), "the sign-up's link and the one asked for");
        Matcher link = VERIFY_LINK.matcher(GreenMailUtil.getBody(mail.smtp().getReceivedMessages()[1]));
        assertTrue(link.find(), "the email carries the link");
        page.navigate("about:blank"); // else only the fragment changes, and nothing loads again
        page.navigate(link.group());
        assertThat(page.getByTestId("toast")).containsText("is verified");
        assertThat(page.getByTestId("connection-status")).hasAttribute("data-state", "online");
        assertFalse(page.url().contains("verify-email"), "the token left the address bar");

        page.getByTestId("profile-open").click();
        assertThat(page.getByTestId("email-status")).containsText("is verified");
        assertThat(page.getByTestId("email-verify-send")).isHidden();
      }
    }
  }

  /** A node that mails here, and mails a verification link on every sign-up (tests turn that off by default). */
  private static ParleyNode verifyingOnSignUp(TestNodes nodes, TestMail mail) {
    return nodes.start(false, config -> {
      config.getJsonObject("auth").put("verifyEmailOnSignUp", true);
      return mail.sendingHere(config);
    });
  }
}
