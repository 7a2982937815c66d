package dev.parley.notify;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.mailencoder.MailEncoder;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * No SMTP server configured: each mail becomes an {@code .eml} file (RFC 822, both parts) in the outbox folder, and
 * one log line says to whom and where, so a newcomer can open the invitation without setting up mail.
 */
final class OutboxTransport implements MailTransport {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxTransport.class);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'");

  private final Vertx vertx;
  private final Path folder;
  /** The host named in Message-IDs; given, so the encoder does not look up the local host name (blocking). */
  private final String messageIdHost;

  OutboxTransport(Vertx vertx, Path folder, String from) {
    this.vertx = vertx;
    this.folder = folder.toAbsolutePath().normalize();
    this.messageIdHost = domainOf(from);
  }

  Path folder() {
    return folder;
  }

  @Override
  public Future<Void> deliver(String invite, MailMessage message) {
    Path file = folder.resolve(STAMP.format(ZonedDateTime.now(ZoneOffset.UTC)) + "-invite-" + safe(invite) + ".eml");
    String eml;
    try {
      // RFC 5322 lines end with CRLF; the encoder writes LF.
      eml = new MailEncoder(message, messageIdHost).encode().replaceAll("\r?\n", "\r\n");
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    return vertx.fileSystem().mkdirs(folder.toString())
        .compose(made -> vertx.fileSystem().writeFile(file.toString(), Buffer.buffer(eml)))
        .onSuccess(written -> LOG.info("Email to {} written to {} (no SMTP host configured)",
            String.join(", ", message.getTo()), file));
  }

  @Override
  public boolean isPermanent(Throwable failure) {
    return false;
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }

  /** Keeps file names tame whatever the id looks like. */
  private static String safe(String id) {
    String cleaned = id.replaceAll("[^A-Za-z0-9_-]", "_");
    return cleaned.length() > 64 ? cleaned.substring(0, 64) : cleaned;
  }

  /** {@code "Parley <parley@example.org>"} → {@code parley@example.org}; the text as it is when it has no brackets. */
  static String addressOf(String from) {
    if (from == null) {
      return "parley@localhost";
    }
    int open = from.lastIndexOf('<');
    int close = from.lastIndexOf('>');
    return open >= 0 && close > open ? from.substring(open + 1, close).trim() : from.trim();
  }

  /** {@code "Parley <parley@example.org>"} → {@code example.org}; {@code localhost} when there is none. */
  static String domainOf(String address) {
    if (address == null) {
      return "localhost";
    }
    int at = address.lastIndexOf('@');
    if (at < 0) {
      return "localhost";
    }
    String domain = address.substring(at + 1).replaceAll("[>\\s].*$", "");
    return domain.isEmpty() ? "localhost" : domain;
  }
}
