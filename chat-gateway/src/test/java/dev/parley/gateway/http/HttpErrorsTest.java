package dev.parley.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HttpErrorsTest {

  @Test
  void theSecretOfAWebhookOrInvitePathNeverReachesTheLog() {
    assertEquals("/api/v1/hooks/<secret>", HttpErrors.loggedPath("/api/v1/hooks/PliCSm-6tGLLRMtjbc7GRHJgaHk"));
    assertEquals("/api/v1/invites/<secret>/accept", HttpErrors.loggedPath("/api/v1/invites/abc_DEF-1/accept"));
    assertEquals("/api/v1/rooms/r1/messages", HttpErrors.loggedPath("/api/v1/rooms/r1/messages"));
  }
}
