package dev.parley.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A stored XSS attempt through a webhook's bot, seen in real Chromium: what a bot posts is text like anyone's, so
 * markup in it is shown as typed and runs nothing (issue 15).
 */
class BotMessagesBrowserIT extends BrowserTest {

  @Test
  void hostileTextPostedThroughAnIncomingWebhookStaysInertText() {
    String channel = "alerts-" + UUID.randomUUID().toString().substring(0, 8);
    int port = URI.create(baseUrl).getPort();
    Vertx vertx = Vertx.vertx();
    try (BrowserContext bobContext = chromium.newPerson()) {
      // Carol, over the API, makes the channel and its incoming webhook; Bob reads the channel in the browser.
      TestApi api = new TestApi(vertx, port);
      TestApi.User carol = api.register("Carol");
      String room = api.createChannel(carol, channel);
      String url = TestApi.expect(201, api.call(HttpMethod.POST, "/api/v1/rooms/" + room + "/webhooks", carol,
          new JsonObject().put("kind", "incoming").put("name", "<b>Monitor</b>"))).getString("url");
      Page bob = Chromium.signUp(bobContext, baseUrl, "Bob");
      Chromium.joinChannel(bob, channel);

      String hostile = "disk full <img src=x onerror=\"window.pwned=1\"><script>window.pwned=2</script> "
          + "[click](javascript:window.pwned=3)";
      assertEquals(200, TestNodes.await(WebClient.create(vertx).post(port, "127.0.0.1", URI.create(url).getPath())
          .sendJsonObject(new JsonObject().put("text", hostile))).statusCode());

      Locator message = Chromium.message(bob, "disk full");
      assertThat(message).containsText("<img src=x onerror=\"window.pwned=1\">");
      assertThat(message).containsText("<script>window.pwned=2</script>");
      assertThat(message).containsText("[click](javascript:window.pwned=3)");
      assertThat(message.locator("img")).hasCount(0);
      assertThat(message.locator("script")).hasCount(0);
      assertThat(message.locator("a")).hasCount(0);
      assertThat(bob.getByTestId("message").filter(new Locator.FilterOptions().setHasText("disk full")))
          .containsText("<b>Monitor</b>");
      assertEquals(true, bob.evaluate("() => window.pwned === undefined"), "nothing the bot sent ran");
    } finally {
      TestNodes.await(vertx.close());
    }
  }
}
