package dev.parley.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.vertx.core.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real SMTP server for one test (GreenMail on a free loopback port) and the mail settings that send through it. */
final class TestMail implements AutoCloseable {

  private final GreenMail smtp;

  private TestMail(GreenMail smtp) {
    this.smtp = smtp;
  }

  static TestMail start() {
    try {
      GreenMail smtp = new GreenMail(new ServerSetup(EmbeddedServices.freePort(), "127.0.0.1",
          ServerSetup.PROTOCOL_SMTP));
      smtp.start();
      return new TestMail(smtp);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  GreenMail smtp() {
    return smtp;
  }

  /** A node's configuration with its mail sent here, retried quickly. */
  JsonObject sendingHere(JsonObject config) {
    return config.put("mail", new JsonObject().put("host", "127.0.0.1").put("port", smtp.getSmtp().getPort())
        .put("retryMillis", 100));
  }

  /** The token of the link {@code /#<fragment>=<token>} in an email (asserting the email carries one). */
  static String linkToken(MimeMessage mail, String fragment) {
    Matcher link = Pattern.compile("http://\\S+/#" + fragment + "=([A-Za-z0-9_-]+)")
        .matcher(GreenMailUtil.getBody(mail));
    assertTrue(link.find(), "the email carries a " + fragment + " link");
    return link.group(1);
  }

  /** An address nobody else in the test database has. */
  static String newAddress(String name) {
    return name + "-" + UUID.randomUUID() + "@example.com";
  }

  @Override
  public void close() {
    smtp.stop();
  }
}
