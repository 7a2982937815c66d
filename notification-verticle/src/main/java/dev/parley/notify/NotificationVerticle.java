package dev.parley.notify;

import dev.parley.shared.Addresses;
import dev.parley.shared.accounts.RecoveryCommands;
import dev.parley.shared.accounts.RecoveryCommands.ResetEmail;
import dev.parley.shared.ParleyConfig;
import dev.parley.shared.contract.Done;
import dev.parley.shared.contract.Json;
import dev.parley.shared.contract.Requester;
import dev.parley.shared.contract.Responder;
import dev.parley.shared.notify.InviteEmailWork;
import dev.parley.shared.notify.OutboxCommands;
import dev.parley.shared.notify.OutboxCommands.QueueWork;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notifications and email. Reads the {@code mail}, {@code notify}, {@code redis} sections and {@code dataDir} of the
 * Parley configuration.
 *
 * <ul>
 *   <li>Hears every stored message ({@link MessageNotifier}) and has room-verticle decide who it notifies, queued as
 *       work in the outbox in PostgreSQL.</li>
 *   <li>Takes invitation emails ({@link InviteEmailWork} on {@link Addresses#NOTIFY_EMAIL}) into the same outbox, and
 *       answers once they are queued there.</li>
 *   <li>Works through the outbox ({@link OutboxWorker}) with the other instances: each item is handled by one, and an
 *       instance that stops leaves its work to the others (or to itself, started again).</li>
 * </ul>
 */
public final class NotificationVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationVerticle.class);

  private static final long REQUEST_TIMEOUT_MS = 10_000;
  /** How long stopping waits for the work in hand to finish. */
  private static final long DRAIN_MILLIS = 5_000;
  /** SMTP connections in the pool: mails beyond these wait for one. */
  private static final int SMTP_CONNECTIONS = 4;
  /** Connections to each push service. */
  private static final int PUSH_CONNECTIONS = 16;
  /** Threads that encrypt pushes (ECDH and AES-GCM: CPU only). */
  private static final int CRYPTO_THREADS = 2;
  /** Redis connections: one read per stored message, short. */
  private static final int REDIS_CONNECTIONS = 4;
  private static final int MAX_ADDRESS_LENGTH = 254;
  private static final int MAX_LINK_LENGTH = 2048;
  /** One plain address (no display name, no list), nothing that could break a header. */
  private static final Pattern ADDRESS = Pattern.compile("[^\\s\\p{Cntrl}@<>,;\"]+@[^\\s\\p{Cntrl}@<>,;\"]+");
  private static final Pattern LINK = Pattern.compile("(?i)https?://[^\\s\\p{Cntrl}\"<>]+");

  private Requester rooms;
  private MailTransport transport;
  private Redis redis;
  private MessageNotifier notifier;
  private OutboxWorker worker;
  private WebClient webClient;
  private WorkerExecutor crypto;

  @Override
  public Future<?> start() {
    ParleyConfig config = ParleyConfig.fromJson(config());
    ParleyConfig.Mail mail = config.mail();
    if (mail.host() == null || mail.host().isBlank()) {
      OutboxTransport outbox = new OutboxTransport(vertx, outboxFolder(config), mail.from());
      LOG.info("No SMTP host configured (mail.host): emails are written to {}", outbox.folder());
      transport = outbox;
    } else {
      transport = new SmtpTransport(vertx, mail, SMTP_CONNECTIONS);
      LOG.info("Sending email through {}:{} as {}", mail.host(), mail.port(), mail.from());
    }
    rooms = new Requester(vertx.eventBus(), REQUEST_TIMEOUT_MS);
    ParleyConfig.Notify notify = config.notifications();
    Map<String, WorkHandler> handlers = new HashMap<>();
    handlers.put(OutboxCommands.INVITE, new InviteHandler(transport, new StatusReporter(vertx, mail.retryMillis()),
        mail.from(), mail.retryMillis(), mail.maxAttempts()));
    PushHandler pushes = new PushHandler(rooms, () -> worker.poke());
    handlers.put(OutboxCommands.PUSH, pushes);
    handlers.put(OutboxCommands.SUMMARY, pushes);
    handlers.put(OutboxCommands.WEBPUSH, webPush(config));
    handlers.put(OutboxCommands.DIGEST, new DigestHandler(rooms, transport, mail.from(),
        config.http().publicUrl(config.http().port()), mail.retryMillis(), mail.maxAttempts()));
    handlers.put(OutboxCommands.PASSWORD_RESET, new AccountLinkHandler(OutboxCommands.PASSWORD_RESET, payload -> {
      ResetEmail email = ResetEmail.fromJson(payload);
      return new AccountLinkHandler.Addressed(email.to(), PasswordResetEmail.render(email));
    }, transport, mail.from(), mail.retryMillis(), mail.maxAttempts()));
    handlers.put(OutboxCommands.EMAIL_VERIFICATION, new AccountLinkHandler(OutboxCommands.EMAIL_VERIFICATION,
        payload -> {
          RecoveryCommands.VerificationEmail email = RecoveryCommands.VerificationEmail.fromJson(payload);
          return new AccountLinkHandler.Addressed(email.to(), VerificationEmail.render(email));
        }, transport, mail.from(), mail.retryMillis(), mail.maxAttempts()));
    worker = new OutboxWorker(vertx, rooms, handlers, notify.pollMillis(), notify.leaseSeconds() * 1000L);
    Future<?> listening = new Responder(Addresses.NOTIFY_EMAIL, LOG, failure -> failure)
        .on(InviteEmailWork.ROUTE, this::queue)
        .listen(vertx.eventBus());
    Future<Void> hearing = Future.succeededFuture();
    if (notify.enabled()) {
      RedisAPI redisApi = null;
      if (config.redis().url() == null) {
        LOG.warn("No redis.url: notification-verticle cannot tell who is looking at a room, and notifies them too");
      } else {
        redis = Redis.createClient(vertx, new RedisOptions().setConnectionString(config.redis().url())
            .setMaxPoolSize(REDIS_CONNECTIONS).setMaxPoolWaiting(10_000));
        redisApi = RedisAPI.api(redis);
      }
      notifier = new MessageNotifier(vertx, rooms, new LookingReader(redisApi), worker::poke,
          Math.round(notify.emailAfterMinutes() * 60_000));
      hearing = notifier.start();
    }
    return Future.all(listening, hearing).onSuccess(ready -> worker.start());
  }

  /** The Web Push sender, or, without VAPID keys, a handler that says why nothing can be pushed. */
  private WorkHandler webPush(ParleyConfig config) {
    ParleyConfig.Notify notify = config.notifications();
    if (notify.vapidPublicKey() == null || notify.vapidPrivateKey() == null) {
      LOG.warn("No VAPID keys (notify.vapidPublicKey, notify.vapidPrivateKey): Web Push is off");
      return work -> Future.succeededFuture(Outcome.failed("no VAPID keys configured"));
    }
    Vapid vapid;
    try {
      String subject = notify.vapidSubject() != null ? notify.vapidSubject() : config.http().publicUrl() != null
          ? config.http().publicUrl() : "mailto:" + OutboxTransport.addressOf(config.mail().from());
      vapid = new Vapid(notify.vapidPublicKey(), notify.vapidPrivateKey(), subject);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      LOG.error("The VAPID keys (notify.vapidPublicKey, notify.vapidPrivateKey) are not a P-256 key pair: Web Push is"
          + " off", e);
      return work -> Future.succeededFuture(Outcome.failed("the VAPID keys are not a P-256 key pair"));
    }
    webClient = WebClient.create(vertx, new WebClientOptions().setUserAgent("Parley").setKeepAlive(true)
        .setFollowRedirects(false), new PoolOptions().setHttp1MaxSize(PUSH_CONNECTIONS));
    crypto = vertx.createSharedWorkerExecutor("parley-push-crypto", CRYPTO_THREADS);
    return new WebPushHandler(webClient, crypto, vapid, rooms, notify.pushServices(), notify.pushTtlSeconds());
  }

  @Override
  public Future<?> stop() {
    Future<Void> unheard = notifier == null ? Future.succeededFuture() : notifier.close();
    Future<Void> drained = worker == null ? Future.succeededFuture() : worker.stop(DRAIN_MILLIS);
    return Future.join(unheard, drained).eventually(() -> {
      if (webClient != null) {
        webClient.close();
      }
      if (crypto != null) {
        crypto.close();
      }
      if (redis != null) {
        redis.close();
      }
      return transport == null ? Future.succeededFuture() : transport.close();
    });
  }

  /** Work items this instance has finished (for tests). */
  int handled() {
    return worker.handled();
  }

  /** Into the outbox, once per invite: answered when it is stored there. */
  private Future<Done> queue(InviteEmailWork work) {
    String problem = problemWith(work);
    if (problem != null) {
      throw Json.invalid(problem);
    }
    return rooms.ask(new QueueWork(OutboxCommands.INVITE, "invite:" + work.invite(), null, work.toJson()))
        .map(queued -> {
          if (queued.count() > 0) {
            worker.poke();
          }
          return Done.DONE;
        });
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
