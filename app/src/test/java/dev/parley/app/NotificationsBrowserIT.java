package dev.parley.app;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.gson.JsonObject;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Notifications in real Chromium: the service worker registers on its own (asking nothing), a push delivered to it
 * shows a notification with the sender, room and preview (Chromium's DevTools protocol plays the push service, which
 * a test cannot reach), and the settings dialog keeps what the person chose.
 */
class NotificationsBrowserIT extends BrowserTest {

  @Test
  void theServiceWorkerRegistersAndAPushShowsANotification() throws Exception {
    String origin = URI.create(baseUrl).resolve("/").toString().replaceAll("/$", "");
    try (BrowserContext person = chromium.newPerson()) {
      person.grantPermissions(List.of("notifications"), new BrowserContext.GrantPermissionsOptions().setOrigin(origin));
      Page page = Chromium.signUp(person, baseUrl, "Nora" + UUID.randomUUID().toString().substring(0, 6));
      assertEquals("activated", page.evaluate("async () => (await navigator.serviceWorker.ready).active.state"));
      assertThat(page.locator("link[rel=manifest]")).hasAttribute("href", "/manifest.json");

      CDPSession devtools = person.newCDPSession(page);
      CompletableFuture<String> registration = new CompletableFuture<>();
      devtools.on("ServiceWorker.workerRegistrationUpdated", event -> {
        for (var item : event.getAsJsonArray("registrations")) {
          JsonObject found = item.getAsJsonObject();
          if (found.get("scopeURL").getAsString().startsWith(origin) && !found.get("isDeleted").getAsBoolean()) {
            registration.complete(found.get("registrationId").getAsString());
          }
        }
      });
      devtools.send("ServiceWorker.enable");
      // Playwright hands DevTools events over while it is waiting on the page, not while this thread blocks.
      page.waitForCondition(registration::isDone, new Page.WaitForConditionOptions().setTimeout(30_000));
      String registrationId = registration.get();

      JsonObject push = new JsonObject();
      push.addProperty("origin", origin);
      push.addProperty("registrationId", registrationId);
      push.addProperty("data", new io.vertx.core.json.JsonObject().put("title", "#general")
          .put("body", "Alice: lunch at noon?").put("room", "r1").put("message", "m1").put("seq", 7)
          .put("reason", "mention").put("ts", System.currentTimeMillis()).put("tag", "room-r1")
          .put("url", "/#/room/r1").encode());
      devtools.send("ServiceWorker.deliverPushMessage", push);

      // The page watches for the notification itself; the test waits on a plain (not async) condition.
      page.evaluate("""
          () => {
            window.shownNotifications = null;
            const look = async () => {
              const shown = await (await navigator.serviceWorker.ready).getNotifications();
              if (shown.length) {
                window.shownNotifications = shown.map(n => ({ title: n.title, body: n.body, tag: n.tag,
                                                             url: n.data && n.data.url }));
              } else {
                setTimeout(look, 50);
              }
            };
            look();
          }""");
      page.waitForFunction("() => window.shownNotifications !== null", null,
          new Page.WaitForFunctionOptions().setTimeout(30_000));
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> shown = (List<Map<String, Object>>) page.evaluate("() => window.shownNotifications");
      assertEquals(1, shown.size(), shown.toString());
      assertEquals("#general", shown.get(0).get("title"));
      assertEquals("Alice: lunch at noon?", shown.get(0).get("body"));
      assertEquals("room-r1", shown.get(0).get("tag"));
      assertEquals("/#/room/r1", shown.get(0).get("url"));
    }
  }

  @Test
  void theSettingsDialogKeepsEmailAndDoNotDisturb() {
    try (BrowserContext person = chromium.newPerson()) {
      Page page = Chromium.signUp(person, baseUrl, "Otto" + UUID.randomUUID().toString().substring(0, 6));
      Chromium.createChannel(page, "notify-" + UUID.randomUUID().toString().substring(0, 6));
      page.getByTestId("notify-open").click();
      assertThat(page.getByTestId("notify-dialog")).isVisible();
      assertThat(page.getByTestId("notify-device-state")).hasText("This device shows no notifications.");
      assertThat(page.getByTestId("notify-email")).isChecked();
      page.getByTestId("notify-email").uncheck();
      page.getByTestId("notify-dnd").check();
      page.getByTestId("notify-dnd-start").fill("21:30");
      page.getByTestId("notify-dnd-end").fill("07:15");
      page.getByTestId("notify-level").selectOption("all");
      page.getByTestId("notify-mute").selectOption("3600000");
      page.getByTestId("notify-save").click();
      assertThat(page.getByTestId("notify-dialog")).isHidden();

      page.reload();
      assertThat(page.getByTestId("connection-status")).hasAttribute("data-state", "online");
      page.getByTestId("notify-open").click();
      assertThat(page.getByTestId("notify-email")).not().isChecked();
      assertThat(page.getByTestId("notify-dnd")).isChecked();
      assertThat(page.getByTestId("notify-dnd-start")).hasValue("21:30");
      assertThat(page.getByTestId("notify-dnd-end")).hasValue("07:15");
      assertThat(page.getByTestId("notify-level")).hasValue("all");
      assertNotNull(page.getByTestId("notify-muted").textContent());
      assertThat(page.getByTestId("notify-muted")).containsText("Muted until");
    }
  }
}
