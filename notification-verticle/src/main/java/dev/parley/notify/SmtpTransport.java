package dev.parley.notify;

import dev.parley.shared.ParleyConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.SMTPException;
import io.vertx.ext.mail.StartTLSOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends over SMTP with the Vert.x Mail Client (pooled connections, STARTTLS and login as configured). */
final class SmtpTransport implements MailTransport {

  private static final Logger LOG = LoggerFactory.getLogger(SmtpTransport.class);

  /** The SMTPS port: a connection that starts with TLS instead of upgrading with STARTTLS. */
  private static final int IMPLICIT_TLS_PORT = 465;
  private static final int CONNECT_TIMEOUT_MS = 10_000;
  /** The Mail Client prefixes the server's reply with this when RCPT TO is refused. */
  private static final String RECIPIENT_REFUSED = "recipient address not accepted";

  private final MailClient client;

  SmtpTransport(Vertx vertx, ParleyConfig.Mail mail, int maxConnections) {
    MailConfig config = new MailConfig()
        .setHostname(mail.host())
        .setPort(mail.port())
        .setSsl(mail.port() == IMPLICIT_TLS_PORT)
        .setStarttls(mail.startTls() ? StartTLSOptions.REQUIRED : StartTLSOptions.DISABLED)
        .setMaxPoolSize(maxConnections)
        .setConnectTimeout(CONNECT_TIMEOUT_MS);
    if (mail.username() != null && !mail.username().isEmpty()) {
      config.setLogin(LoginOption.REQUIRED).setUsername(mail.username()).setPassword(mail.password());
    } else {
      config.setLogin(LoginOption.DISABLED);
    }
    client = MailClient.create(vertx, config);
  }

  @Override
  public Future<Void> deliver(String invite, MailMessage message) {
    return client.sendMail(message).mapEmpty();
  }

  /** A 5xx answer to RCPT TO (550 no such user, 553 bad address): the address itself is refused. */
  @Override
  public boolean isPermanent(Throwable failure) {
    return failure instanceof SMTPException smtp && smtp.isPermanent()
        && smtp.getMessage() != null && smtp.getMessage().startsWith(RECIPIENT_REFUSED);
  }

  /** Closing says QUIT on pooled connections; one the server has dropped already is no reason to fail a stop. */
  @Override
  public Future<Void> close() {
    return client.close().recover(failure -> {
      LOG.debug("Closing the SMTP connections: {}", failure.toString());
      return Future.succeededFuture();
    });
  }
}
