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

    assertEquals("You are invited to a room on chat.example.org (Parley)", email.subject());
    assertTrue(email.text().startsWith("Alice invited you to join #general on Parley."), email.text());
    assertTrue(email.text().contains("https://chat.example.org/invite/abc?ref=mail&x=1\n"), email.text());
    assertTrue(email.html().contains("href=\"https://chat.example.org/invite/abc?ref=mail&amp;x=1\""), email.html());
    assertFalse(email.html().contains("<img"), "no images");
    assertFalse(email.html().contains("@import") || email.html().contains("<link"), "no external fonts or styles");
  }

  @Test
  void everyValueFromAPersonIsEscapedInHtmlAndKeptOnOneLine() {
    InviteEmail email = InviteEmail.render(new InviteEmailWork("i1", "o'neil@example.org",
        "https://chat.example.org/invite/abc", "<script>alert(1)</script>", "Eve\r\nBcc: victim@example.org \"&\""));

    assertEquals("You are invited to a room on chat.example.org (Parley)", email.subject(), "nothing typed by a person");
    assertFalse(email.html().contains("<script>"), email.html());
    assertTrue(email.html().contains("#&lt;script&gt;alert(1)&lt;/script&gt;"), email.html());
    assertTrue(email.html().contains("Eve  Bcc: victim[@]example[.]org &quot;&amp;&quot;"), email.html());
    assertTrue(email.html().contains("o&#39;neil@example.org"), email.html());
  }

  @Test
  void missingNamesReadNaturally() {
    InviteEmail email = InviteEmail.render(new InviteEmailWork("i1", "bob@example.org",
        "https://chat.example.org/invite/abc", null, " "));

    assertTrue(email.text().startsWith("Someone invited you to join a room on Parley."), email.text());
  }

  @Test
  void linksAndDomainsInNamesAreNotMadeClickable() {
    InviteEmail email = InviteEmail.render(new InviteEmailWork("i1", "bob@example.org",
        "https://chat.example.org/invite/abc", "Free prizes at https://evil.example/win", "support@evil.example"));

    assertFalse(email.text().contains("evil.example"), email.text());
    assertFalse(email.html().contains("https://evil"), email.html());
    assertTrue(email.text().contains("#Free prizes at https[:]//evil[.]example/win"), email.text());
    assertTrue(email.text().contains("support[@]evil[.]example invited you"), email.text());
    assertEquals("v1.2 release", InviteEmail.defang("v1.2 release").replace("[.]", "."), "readable still");
  }
}
