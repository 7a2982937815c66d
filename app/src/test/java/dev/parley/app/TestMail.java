package dev.parley.app;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;

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

  @Override
  public void close() {
    smtp.stop();
  }
}
