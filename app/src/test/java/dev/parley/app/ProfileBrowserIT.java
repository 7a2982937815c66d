package dev.parley.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Profile pictures in real Chromium: one person uploads a picture, another sees it next to their message. */
class ProfileBrowserIT extends BrowserTest {


  @Test
  void aPictureUploadedInOnePageShowsNextToTheirMessageInAnother() throws IOException {
    String channel = "pics-" + UUID.randomUUID().toString().substring(0, 6);
    try (BrowserContext aliceContext = chromium.newPerson(); BrowserContext bobContext = chromium.newPerson()) {
      Page alice = Chromium.signUp(aliceContext, baseUrl, "Alice");
      alice.getByTestId("create-channel-name").fill(channel);
      alice.getByTestId("create-channel-submit").click();
      assertThat(alice.getByTestId("room-title")).hasText(channel);

      alice.getByTestId("profile-open").click();
      alice.getByTestId("avatar-input").setInputFiles(new FilePayload("me.png", "image/png", picture()));
      assertThat(alice.getByTestId("profile-avatar")).hasAttribute("src", Pattern.compile(".*[?&]v=1\\b.*"));
      alice.getByTestId("profile-close").click();

      Page bob = Chromium.signUp(bobContext, baseUrl, "Bob");
      bob.getByTestId("browse-channels").click();
      bob.getByTestId("channel-item").filter(new Locator.FilterOptions().setHasText(channel))
          .getByTestId("channel-join").click();
      assertThat(bob.getByTestId("room-title")).hasText(channel);

      Chromium.send(alice, "Look at my new picture");
      Locator message = bob.getByTestId("message").filter(new Locator.FilterOptions()
          .setHasText("Look at my new picture"));
      assertThat(message.getByTestId("message-sender")).hasText("Alice");
      Locator avatar = message.getByTestId("message-avatar");
      assertThat(avatar).hasAttribute("src", Pattern.compile(".*/api/v1/users/[0-9a-f-]+/avatar\\?size=64&v=1$"));
      avatar.evaluate("img => img.decode()");
      assertEquals(64, avatar.evaluate("img => img.naturalWidth"), "the uploaded picture, resized to 64 px");
    }
  }

  /** A 300x200 picture, two colours, so a resize is visible. */
  private static byte[] picture() throws IOException {
    BufferedImage image = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(0x2a6fdb));
    g.fillRect(0, 0, 300, 200);
    g.setColor(Color.ORANGE);
    g.fillOval(100, 50, 100, 100);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
