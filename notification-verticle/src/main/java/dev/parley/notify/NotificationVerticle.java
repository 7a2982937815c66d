package dev.parley.notify;

import dev.parley.shared.Addresses;
import dev.parley.shared.ErrorCode;
import dev.parley.shared.ParleyConfig;
import dev.parley.shared.ParleyException;
import dev.parley.shared.contract.Done;
import dev.parley.shared.contract.Json;
import dev.parley.shared.contract.Responder;
import dev.parley.shared.notify.InviteEmailWork;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Invitation email: takes {@link InviteEmailWork} on {@link Addresses#NOTIFY_EMAIL}, answers as soon as the mail is queued,
 * sends it over SMTP (or writes it to the outbox folder when no SMTP host is configured), tries failed sends again
 * with backoff, and reports each outcome to room-verticle. Reads the {@code mail} section and {@code dataDir} of the
 * Parley configuration.
 */
public final class NotificationVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationVerticle.class);

  /** More mails than this waiting, and new work is refused as unavailable. */
  static final int DEFAULT_MAX_QUEUED = 10_000;
  private static final int MAX_ADDRESS_LENGTH = 254;
  private static final int MAX_LINK_LENGTH = 2048;
  /** One plain address (no display name, no list), nothing that could break a header. */
  private static final Pattern ADDRESS = Pattern.compile("[^\\s\\p{Cntrl}@<>,;\"]+@[^\\s\\p{Cntrl}@<>,;\"]+");
  private static final Pattern LINK = Pattern.compile("(?i)https?://[^\\s\\p{Cntrl}\"<>]+");

  private final int maxQueued;
  private InviteMailer mailer;

  public NotificationVerticle() {
    this(DEFAULT_MAX_QUEUED);
  }

  /** For tests: a smaller queue. */
  NotificationVerticle(int maxQueued) {
    this.maxQueued = maxQueued;
  }

  @Override
  public Future<?> start() {
    ParleyConfig config = ParleyConfig.fromJson(config());
    ParleyConfig.Mail mail = config.mail();
    MailTransport transport;
    if (mail.host() == null || mail.host().isBlank()) {
      OutboxTransport outbox = new OutboxTransport(vertx, outboxFolder(config), mail.from());
      LOG.info("No SMTP host configured (mail.host): emails are written to {}", outbox.folder());
      transport = outbox;
    } else {
      transport = new SmtpTransport(vertx, mail, InviteMailer.MAX_CONCURRENT);
      LOG.info("Sending email through {}:{} as {}", mail.host(), mail.port(), mail.from());
    }
    mailer = new InviteMailer(vertx, transport, new StatusReporter(vertx, mail.retryMillis()), mail.from(),
        mail.retryMillis(), mail.maxAttempts(), maxQueued);
    return new Responder(Addresses.NOTIFY_EMAIL, LOG, failure -> failure)
        .on(InviteEmailWork.ROUTE, this::queue)
        .listen(vertx.eventBus());
  }

  @Override
  public Future<?> stop() {
    return mailer == null ? Future.succeededFuture() : mailer.close();
  }

  /** Delivery attempts started so far (for tests). */
  int attempts() {
    return mailer.attempts();
  }

  /** Delivery attempts failed so far (for tests). */
  int failures() {
    return mailer.failures();
  }

  private Future<Done> queue(InviteEmailWork work) {
    String problem = problemWith(work);
    if (problem != null) {
      throw Json.invalid(problem);
    }
    return switch (mailer.submit(work)) {
      case QUEUED, DUPLICATE -> Future.succeededFuture(Done.DONE);
      case FULL -> {
        LOG.warn("Email queue full ({} waiting): refused the invitation email for invite {}", maxQueued,
            work.invite());
        yield Future.failedFuture(new ParleyException(ErrorCode.UNAVAILABLE, "Too many emails waiting, try again later"));
      }
    };
  }

  /** What is wrong with the work, or null when it can be mailed. */
  static String problemWith(InviteEmailWork work) {
    if (work.invite() == null || work.invite().isBlank()) {
      return "invite is missing";
    }
    String to = work.to();
    if (to == null || to.length() > MAX_ADDRESS_LENGTH || !ADDRESS.matcher(to).matches()) {
      return "to is not an email address";
    }
    String link = work.link();
    if (link == null || link.length() > MAX_LINK_LENGTH || !LINK.matcher(link).matches()) {
      return "link is not an absolute http(s) URL";
    }
    return null;
  }

  /** {@code mail.outbox}, under {@code dataDir} unless absolute. */
  private static Path outboxFolder(ParleyConfig config) {
    Path outbox = Path.of(config.mail().outbox());
    return outbox.isAbsolute() ? outbox : Path.of(config.dataDir()).resolve(outbox);
  }
}
