package dev.parley.rooms;

import dev.parley.shared.Addresses;
import dev.parley.shared.ErrorCode;
import dev.parley.shared.ParleyConfig;
import dev.parley.shared.ParleyException;
import dev.parley.shared.contract.Contract;
import dev.parley.shared.plugins.MessageHook.Request;
import dev.parley.shared.plugins.MessageHook.Verdict;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured message hooks ({@code hooks.message}), asked one after the other before a message is stored or
 * edited: each sees the text as the hooks before it left it. A hook's refusal stops the chain (nothing is stored); a
 * hook that is late, fails or is not deployed counts as its policy says (let through, or refuse as unavailable), so
 * no hook can hold a message longer than its deadline.
 *
 * <p>With no hook configured, {@link #none()} is true and the message path never comes here: no event-bus request,
 * no allocation. Belongs to one verticle and its event loop (delivery options are not thread-safe).
 */
final class MessageHooks {

  private static final Logger LOG = LoggerFactory.getLogger(MessageHooks.class);

  private final EventBus bus;
  private final List<Hook> hooks;
  private final int maxTextLength;

  MessageHooks(EventBus bus, ParleyConfig.Hooks config, int maxTextLength) {
    this.bus = bus;
    this.hooks = config.message().stream().map(Hook::new).toList();
    this.maxTextLength = maxTextLength;
  }

  /** Whether no hook is configured: then the caller skips the chain altogether. */
  boolean none() {
    return hooks.isEmpty();
  }

  /** The text to store, as the hooks leave it; fails {@code forbidden} when a hook refuses the message. */
  Future<String> apply(Request request) {
    Future<String> text = Future.succeededFuture(request.text());
    for (Hook hook : hooks) {
      text = text.compose(current -> hook.ask(withText(request, current)));
    }
    return text;
  }

  private static Request withText(Request request, String text) {
    return new Request(request.room(), request.sender(), request.senderName(), text, request.thread(),
        request.message());
  }

  /** One hook: where it answers, how long it may take, and whether its silence refuses. */
  private final class Hook {
    private final ParleyConfig.Hooks.Hook config;
    private final String address;
    private final DeliveryOptions delivery;
    /** Whether the last request was answered: a hook going away is logged once, not once per message. */
    private boolean answering = true;

    Hook(ParleyConfig.Hooks.Hook config) {
      this.config = config;
      this.address = Addresses.messageHook(config.name());
      this.delivery = new DeliveryOptions().setSendTimeout(config.deadlineMs())
          .addHeader(Contract.VERSION_HEADER, String.valueOf(Contract.VERSION));
    }

    Future<String> ask(Request request) {
      return bus.<JsonObject>request(address, request.toJson(), delivery)
          .map(this::read)
          .recover(this::silent)
          .compose(verdict -> decide(verdict, request.text()));
    }

    private Verdict read(Message<JsonObject> reply) {
      if (!answering) {
        LOG.info("Message hook {} answers again", config.name());
        answering = true;
      }
      return Verdict.fromJson(reply.body());
    }

    /** No verdict in time (late, failed, not deployed, or a verdict that does not read): the hook's policy. */
    private Future<Verdict> silent(Throwable cause) {
      if (answering) {
        LOG.warn("Message hook {} gave no verdict ({}); {} messages until it answers again", config.name(),
            cause.getMessage(), config.refuseWhenLate() ? "refusing" : "letting through");
        answering = false;
      }
      if (config.refuseWhenLate()) {
        return Future.failedFuture(new ParleyException(ErrorCode.UNAVAILABLE,
            "The message could not be checked, try again"));
      }
      return Future.succeededFuture(Verdict.allow());
    }

    private Future<String> decide(Verdict verdict, String text) {
      return switch (verdict.decision()) {
        case ALLOW -> Future.succeededFuture(text);
        case REWRITE -> verdict.text().codePointCount(0, verdict.text().length()) > maxTextLength
            // A hook's mistake must not store what no sender could: the hook's policy, as for no verdict.
            ? silent(new IllegalArgumentException("a rewrite longer than limits.maxTextLength"))
                .compose(allowed -> Future.succeededFuture(text))
            : Future.succeededFuture(verdict.text());
        case REFUSE -> Future.failedFuture(new ParleyException(ErrorCode.FORBIDDEN,
            verdict.reason() == null || verdict.reason().isBlank()
                ? "The message was refused by moderation" : "The message was refused: " + verdict.reason()));
      };
    }
  }
}
