package dev.parley.shared.notify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Only endpoints of allowed push services are ever POSTed to. */
class PushEndpointsTest {

  private static final List<String> KNOWN = PushEndpoints.KNOWN_SERVICES;

  @Test
  void theBrowsersPushServicesAreAllowed() {
    assertTrue(PushEndpoints.allowed(KNOWN, "https://fcm.googleapis.com/fcm/send/dGhpcyBpcyBh:APA91b"));
    assertTrue(PushEndpoints.allowed(KNOWN, "https://updates.push.services.mozilla.com/wpush/v2/gAAAAA"));
    assertTrue(PushEndpoints.allowed(KNOWN, "https://wns2-par02p.notify.windows.com/w/?token=BQYAAA"));
    assertTrue(PushEndpoints.allowed(KNOWN, "https://web.push.apple.com/QGuQyavXutnMH"));
  }

  @Test
  void anythingElseIsNot() {
    for (String endpoint : List.of("http://fcm.googleapis.com/fcm/send/x", "https://fcm.googleapis.com:8443/x",
        "https://fcm.googleapis.com.evil.example/x", "https://evilfcm.googleapis.com/x",
        "https://push.services.mozilla.com/x", "https://evil.example/?https://fcm.googleapis.com/",
        "https://user@fcm.googleapis.com/x", "http://169.254.169.254/latest/meta-data", "file:///etc/passwd",
        "javascript:alert(1)", "not a url", "https://fcm.googleapis.com/" + "x".repeat(1100))) {
      assertFalse(PushEndpoints.allowed(KNOWN, endpoint), endpoint);
    }
    assertFalse(PushEndpoints.allowed(KNOWN, null));
  }

  @Test
  void plainHttpPassesOnlyAnEntryThatNamesItExactly() {
    List<String> local = List.of("http://127.0.0.1:8765");
    assertTrue(PushEndpoints.allowed(local, "http://127.0.0.1:8765/push/abc"));
    assertFalse(PushEndpoints.allowed(local, "http://127.0.0.1:8766/push/abc"));
    assertFalse(PushEndpoints.allowed(local, "https://127.0.0.1:8765/push/abc"));
    assertFalse(PushEndpoints.allowed(List.of("http://*.example.org"), "http://a.example.org/x"),
        "no wildcards over plain http");
  }
}
