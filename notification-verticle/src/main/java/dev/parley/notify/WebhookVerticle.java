package dev.parley.notify;

import dev.parley.shared.Addresses;
import dev.parley.shared.Failures;
import dev.parley.shared.ParleyConfig;
import dev.parley.shared.contract.Requester;
import dev.parley.shared.events.EventType;
import dev.parley.shared.plugins.FirehoseCommands.LoggedEvent;
import dev.parley.shared.plugins.WebhookCommands.Answer;
import dev.parley.shared.plugins.WebhookCommands.Delivery;
import dev.parley.shared.plugins.WebhookCommands.Outgoing;
import dev.parley.shared.plugins.WebhookCommands.OutgoingList;
import dev.parley.shared.plugins.WebhookCommands.OutgoingWebhooks;
import dev.parley.shared.plugins.WebhookCommands.WebhooksChanged;
import dev.parley.shared.rooms.MessageCommands.PostMessage;
import dev.parley.shared.rooms.MessageView;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outgoing webhooks (issue 15): reads the firehose, and for each new message of a room with outgoing hooks (all
 * messages, or those whose first word is the hook's trigger; never the hook's own bot's) POSTs
 * {@code {"webhook","room","seq","message"}} to the hook's URL, signed: {@value #SIGNATURE} is
 * {@code sha256=<hex HMAC-SHA256 of the body under the hook's secret>}. A call that fails or answers other than 2xx is
 * retried with a doubling wait; an answer {@code {"text":..}} is posted back to the room by the hook's bot, once
 * (its client message id is the hook's and the event's).
 *
 * <p>It reads the firehose only once some room has an outgoing hook (at start, or when {@link Addresses#WEBHOOKS}
 * says one was made, from the position just before it): a workspace without outgoing hooks pays nothing per message.
 * One instance reads at a time, with the cursor {@value #CURSOR} ({@link HeldFirehose}): each hook is called once
 * per message however many instances run, and messages stored while none ran call their hooks when one starts.
 */
public final class WebhookVerticle extends VerticleBase {

  /** The header that carries the body's signature. */
  public static final String SIGNATURE = "X-Parley-Signature";
  /** The header that carries the event's id: the same on every retry, for the receiver to drop repeats. */
  public static final String DELIVERY = "X-Parley-Delivery";

  private static final Logger LOG = LoggerFactory.getLogger(WebhookVerticle.class);
  /** The firehose cursor of outgoing webhooks: one instance calls them, and a restart misses no message. */
  static final String CURSOR = "outgoing-webhooks";
  /** How long a room's list of outgoing hooks is kept before it is asked for again. */
  private static final long HOOKS_TTL_MILLIS = 10_000;

  private final Map<String, Cached> hooksByRoom = new HashMap<>();
  private ParleyConfig.Webhooks config;
  private Requester services;
  private WebClient client;
  /** Reads the firehose once an outgoing hook exists (null before): in one instance at a time, from where it got. */
  private HeldFirehose reading;

  private record Cached(long until, Future<List<Outgoing>> hooks) {
  }

  @Override
  public Future<?> start() {
    config = ParleyConfig.fromJson(config()).webhooks();
    services = new Requester(vertx.eventBus(), 10_000);
    client = WebClient.create(vertx, new WebClientOptions().setUserAgent("Parley-Webhooks").setConnectTimeout(5_000)
        .setIdleTimeout(30));
    MessageConsumer<JsonObject> changes = vertx.eventBus().consumer(Addresses.WEBHOOKS, delivery -> {
      WebhooksChanged change = WebhooksChanged.fromJson(delivery.body());
      hooksByRoom.remove(change.room());
      read(change.since());
    });
    return changes.completion()
        .compose(listening -> services.ask(new OutgoingWebhooks(null)))
        .onSuccess(any -> {
          if (!any.hooks().isEmpty()) {
            read(null);
          }
        });
  }

  /**
   * Starts reading the firehose, unless it is read already: from where the last reader of any instance got, or, the
   * first time, after {@code since} (null: from now on).
   */
  private void read(String since) {
    if (reading != null) {
      return;
    }
    reading = new HeldFirehose(vertx, services, CURSOR, this::onPage);
    reading.start(since);
  }

  @Override
  public Future<?> stop() {
    return reading == null ? Future.succeededFuture() : reading.stop();
  }

  /** The events of a page in order, each only once the one before it was handled. */
  private Future<Void> onPage(List<LoggedEvent> events) {
    Future<Void> chain = Future.succeededFuture();
    for (LoggedEvent event : events) {
      chain = chain.compose(previous -> onEvent(event));
    }
    return chain;
  }

  /** Only a room's new messages call hooks; the firehose goes on at once, the calls run on their own. */
  private Future<Void> onEvent(LoggedEvent logged) {
    if (!EventType.MESSAGE.equals(logged.event().type())) {
      return Future.succeededFuture();
    }
    MessageView message = MessageView.fromJson(logged.event().data());
    return hooks(logged.event().room()).map(hooks -> {
      for (Outgoing hook : hooks) {
        if (!hook.bot().equals(message.sender()) && !message.deleted() && hook.triggeredBy(message.text())) {
          call(hook, logged, new Delivery(hook.id(), logged.event().room(), logged.event().seq(),
              logged.event().data()).toJson().toBuffer(), 1);
        }
      }
      return null;
    });
  }

  private Future<List<Outgoing>> hooks(String room) {
    long now = System.currentTimeMillis();
    Cached cached = hooksByRoom.get(room);
    if (cached == null || cached.until() < now) {
      cached = new Cached(now + HOOKS_TTL_MILLIS, services.ask(new OutgoingWebhooks(room)).map(OutgoingList::hooks));
      hooksByRoom.put(room, cached);
    }
    // A failed look-up is not kept: the next message asks again.
    return cached.hooks().onFailure(failed -> hooksByRoom.remove(room));
  }

  private void call(Outgoing hook, LoggedEvent logged, Buffer body, int attempt) {
    client.postAbs(hook.url()).timeout(10_000)
        .putHeader("content-type", "application/json")
        .putHeader(SIGNATURE, "sha256=" + sign(hook.secret(), body))
        .putHeader(DELIVERY, logged.id())
        .sendBuffer(body)
        .compose(response -> response.statusCode() / 100 == 2 ? Future.succeededFuture(response)
            : Future.failedFuture("answered " + response.statusCode()))
        .compose(response -> postAnswer(hook, logged, response))
        .onFailure(failure -> {
          if (attempt >= config.maxAttempts()) {
            LOG.warn("Webhook {} gave up on {} after {} calls: {}", hook.id(), logged.id(), attempt,
                Failures.of(failure).message());
            return;
          }
          LOG.debug("Webhook {} call {} for {} failed: {}", hook.id(), attempt, logged.id(), failure.getMessage());
          vertx.setTimer(Backoff.delay(config.retryMillis(), attempt), fire -> call(hook, logged, body, attempt + 1));
        });
  }

  /** An answer with a text is posted by the hook's bot; posting it again (a retry) finds the same message. */
  private Future<Void> postAnswer(Outgoing hook, LoggedEvent logged, HttpResponse<Buffer> response) {
    Answer answer = Answer.read(response.bodyAsString());
    if (answer == null) {
      return Future.succeededFuture();
    }
    return services.ask(new PostMessage(logged.event().room(), hook.bot(), hook.name(),
            "webhook:" + hook.id() + ":" + logged.id(), answer.text()))
        .onFailure(failure -> LOG.warn("Webhook {} answer to {} not posted: {}", hook.id(), logged.id(),
            Failures.of(failure).message()))
        // A refused answer (too long, the bot removed) is the receiver's problem: calling again would not help.
        .<Void>mapEmpty().otherwiseEmpty();
  }

  /** Hex HMAC-SHA256 of the body under the secret. */
  static String sign(String secret, Buffer body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(body.getBytes()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every JVM", e);
    }
  }
}
