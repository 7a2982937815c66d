package dev.parley.notify;

import dev.parley.shared.notify.InviteEmailWork;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rendering alone: what a person reads, and what a hostile name cannot do. */
class InviteEmailTest {

  @Test
  void subjectTextAndHtmlNameTheInviterTheRoomAndCarryTheLink() {
    InviteEmail email = InviteEmail.render(new InviteEmailWork("i1", "bob@example.org",
        "https://chat.example.org/invite/abc?ref=mail&x=1", "general", "Alice"));

    assertEquals("Alice invited you to #general on Parley", email.subject());
    assertTrue(email.text().contains("https://chat.example.org/invite/abc?ref=mail&x=1\n"), email.text());
    assertTrue(email.html().contains("href=\"https://chat.example.org/invite/abc?ref=mail&amp;x=1\""), email.html());
    assertFalse(email.html().contains("<img"), "no images");
    assertFalse(email.html().contains("@import") || email.html().contains("<link"), "no external fonts or styles");
  }

  @Test
  void everyValueFromAPersonIsEscapedInHtmlAndKeptOnOneLine() {
    InviteEmail email = InviteEmail.render(new InviteEmailWork("i1", "o'neil@example.org",
        "https://chat.example.org/invite/abc", "<script>alert(1)</script>", "Eve\r\nBcc: victim@example.org \"&\""));

    assertEquals("Eve  Bcc: victim@example.org \"&\" invited you to #<script>alert(1)</script> on Parley",
        email.subject());
    assertFalse(email.subject().contains("\n") || email.subject().contains("\r"));
    assertFalse(email.html().contains("<script>"), email.html());
    assertTrue(email.html().contains("#&lt;script&gt;alert(1)&lt;/script&gt;"), email.html());
    assertTrue(email.html().contains("Eve  Bcc: victim@example.org &quot;&amp;&quot;"), email.html());
    assertTrue(email.html().contains("o&#39;neil@example.org"), email.html());
  }

  @Test
  void missingNamesReadNaturally() {
    InviteEmail email = InviteEmail.render(new InviteEmailWork("i1", "bob@example.org",
        "https://chat.example.org/invite/abc", null, " "));

    assertEquals("Someone invited you to a room on Parley", email.subject());
  }
}
