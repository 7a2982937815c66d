package dev.parley.notify;

import dev.parley.shared.contract.Requester;
import dev.parley.shared.notify.OutboxCommands.Work;
import dev.parley.shared.notify.PushCommands.Delivery;
import dev.parley.shared.notify.PushCommands.Unsubscribe;
import dev.parley.shared.notify.PushEndpoints;
import dev.parley.shared.notify.PushWork;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one push to one device (RFC 8030): the message encrypted to the device's keys (RFC 8291, on a worker
 * thread), signed for with VAPID (RFC 8292), POSTed to its push service with a {@code TTL}, an {@code Urgency} (high
 * for DMs and mentions) and a {@code Topic} per room, so that a push service holding pushes for an offline device
 * keeps only the latest of a room: a burst of 50 messages is one buzz, not 50.
 *
 * <p>What the push service answers decides what happens: 2xx delivered; 404 or 410, the subscription is gone and is
 * removed; 413, the push is sent once more without its text; 429 and 5xx are tried again later, after the
 * {@code Retry-After} the service asked for (or an exponential backoff); anything else is given up on and logged.
 */
final class WebPushHandler implements WorkHandler {

  private static final Logger LOG = LoggerFactory.getLogger(WebPushHandler.class);

  /** Attempts in all for one push before it is given up on (its text is stale by then anyway). */
  static final int MAX_ATTEMPTS = 8;
  static final long FIRST_RETRY_MS = 2_000;
  /** A {@code Retry-After} longer than this is cut to it. */
  static final long MAX_RETRY_AFTER_MS = 3_600_000;
  static final long REQUEST_TIMEOUT_MS = 30_000;

  private final WebClient client;
  private final WorkerExecutor crypto;
  private final Vapid vapid;
  private final Requester rooms;
  private final List<String> services;
  private final int ttlSeconds;

  WebPushHandler(WebClient client, WorkerExecutor crypto, Vapid vapid, Requester rooms, List<String> services,
                 int ttlSeconds) {
    this.client = client;
    this.crypto = crypto;
    this.vapid = vapid;
    this.rooms = rooms;
    this.services = List.copyOf(services);
    this.ttlSeconds = ttlSeconds;
  }

  @Override
  public Future<Outcome> handle(Work work) {
    Delivery delivery = Delivery.fromJson(work.payload());
    String endpoint = delivery.subscription().endpoint();
    if (!PushEndpoints.allowed(services, endpoint)) {
      // Allowed when the device subscribed, not any more (notify.pushServices changed): never POST there.
      return forget(endpoint).map(Outcome.failed("the endpoint is not of an allowed push service; removed"));
    }
    return send(delivery, false)
        .compose(response -> response.statusCode() == 413
            ? send(delivery, true).map(shorter -> outcome(work, delivery, shorter))
            : Future.succeededFuture(outcome(work, delivery, response)))
        .compose(outcome -> outcome == GONE ? forget(endpoint).map(Outcome.failed("the subscription is gone; removed"))
            : Future.succeededFuture(outcome))
        .recover(failure -> Future.succeededFuture(work.attempts() >= MAX_ATTEMPTS
            ? Outcome.failed("push service unreachable: " + failure.getMessage())
            : Outcome.retry(Backoff.delay(FIRST_RETRY_MS, work.attempts()), failure.getMessage())));
  }

  /** Marks "the push service says this subscription no longer exists". */
  private static final Outcome GONE = Outcome.failed("gone");

  private Outcome outcome(Work work, Delivery delivery, HttpResponse<Buffer> response) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return Outcome.DONE;
    }
    if (status == 404 || status == 410) {
      LOG.debug("Push service answered {} for a subscription of {}: removing it", status, work.user());
      return GONE;
    }
    String error = status + " from " + Vapid.origin(delivery.subscription().endpoint());
    if (status == 429 || status >= 500) {
      if (work.attempts() >= MAX_ATTEMPTS) {
        return Outcome.failed(error + ", " + work.attempts() + " attempts");
      }
      Long asked = retryAfter(response.getHeader("Retry-After"), System.currentTimeMillis());
      long delay = asked == null ? Backoff.delay(FIRST_RETRY_MS, work.attempts()) : asked;
      return Outcome.retry(delay, error);
    }
    LOG.warn("Push to a device of {} refused with {}: {}", work.user(), error, snippet(response));
    return Outcome.failed(error);
  }

  private Future<HttpResponse<Buffer>> send(Delivery delivery, boolean shortened) {
    PushWork push = delivery.push();
    String endpoint = delivery.subscription().endpoint();
    String authorization;
    try {
      // Signed on the event loop (Vapid belongs to it): once per push service and token, then reused.
      authorization = vapid.authorization(endpoint, System.currentTimeMillis() / 1000);
    } catch (GeneralSecurityException e) {
      return Future.failedFuture(e);
    }
    return crypto.executeBlocking(() -> WebPushEncryption.encrypt(PushMessage.render(push, shortened),
            Vapid.decode(delivery.subscription().p256dh()), Vapid.decode(delivery.subscription().auth())), false)
        .compose(body -> client.postAbs(endpoint)
            .timeout(REQUEST_TIMEOUT_MS)
            .putHeader("Content-Type", "application/octet-stream")
            .putHeader("Content-Encoding", "aes128gcm")
            .putHeader("TTL", Integer.toString(ttlSeconds))
            .putHeader("Urgency", urgency(push))
            .putHeader("Topic", topic(push))
            .putHeader("Authorization", authorization)
            .sendBuffer(Buffer.buffer(body)));
  }

  /** DMs and mentions wake a phone; the rest may wait for a good moment (RFC 8030 §5.3). */
  static String urgency(PushWork push) {
    return PushWork.DM.equals(push.reason()) || PushWork.MENTION.equals(push.reason()) ? "high" : "normal";
  }

  /** One topic per room (at most 32 base64url characters, RFC 8030 §5.4): the room's id without its dashes. */
  static String topic(PushWork push) {
    return push.room().replace("-", "");
  }

  /**
   * The wait a {@code Retry-After} asks for, in ms: seconds, or an HTTP date; null when absent or unreadable.
   * Never negative, never more than {@link #MAX_RETRY_AFTER_MS}.
   */
  static Long retryAfter(String header, long nowMillis) {
    if (header == null || header.isBlank()) {
      return null;
    }
    long millis;
    try {
      millis = Long.parseLong(header.trim()) * 1000;
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        millis = at.toEpochMilli() - nowMillis;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
    return Math.max(0, Math.min(millis, MAX_RETRY_AFTER_MS));
  }

  private Future<Void> forget(String endpoint) {
    return rooms.ask(new Unsubscribe(null, endpoint)).mapEmpty();
  }

  private static String snippet(HttpResponse<Buffer> response) {
    String body = response.bodyAsString();
    if (body == null) {
      return "";
    }
    body = body.replaceAll("\\s+", " ");
    return body.length() > 200 ? body.substring(0, 200) : body;
  }
}
