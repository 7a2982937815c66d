package dev.parley.shared.plugins;

import dev.parley.shared.Addresses;
import dev.parley.shared.Failures;
import dev.parley.shared.contract.Json;
import dev.parley.shared.contract.JsonBody;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A message hook: a plugin's say on a message before it is stored. room-verticle asks the hooks configured in
 * {@code hooks.message}, in that order, each on {@link Addresses#messageHook(String)} with a {@link Request}; each
 * answers a {@link Verdict}: let it through, refuse it (nothing is stored, the sender gets {@code forbidden} with the
 * reason), or rewrite its text (the next hook, the store and every reader see the new text). A hook that does not
 * answer within its deadline, fails or is not deployed is treated by its policy ({@code hooks.onLate}): let through
 * or refuse.
 */
public final class MessageHook {

  private static final Logger LOG = LoggerFactory.getLogger(MessageHook.class);

  private MessageHook() {
  }

  /**
   * A message about to be stored: a new one ({@code message} null) or an edit of message {@code message}.
   * {@code thread} is the root of the thread it replies in, if any; {@code senderName} may be null on an edit.
   */
  public record Request(String room, String sender, String senderName, String text, String thread, String message)
      implements JsonBody {
    @Override
    public JsonObject toJson() {
      JsonObject json = new JsonObject().put("room", room).put("sender", sender).put("text", text);
      Json.putIfPresent(json, "senderName", senderName);
      Json.putIfPresent(json, "thread", thread);
      return Json.putIfPresent(json, "message", message);
    }

    public static Request fromJson(JsonObject json) {
      return new Request(Json.text(json, "room"), Json.text(json, "sender"), Json.optText(json, "senderName"),
          Json.text(json, "text"), Json.optText(json, "thread"), Json.optText(json, "message"));
    }

    /** Whether this is an edit of a stored message rather than a new one. */
    public boolean isEdit() {
      return message != null;
    }
  }

  /** What a hook decided. */
  public enum Decision {
    ALLOW("allow"), REFUSE("refuse"), REWRITE("rewrite");

    private final String wire;

    Decision(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }

    static Decision of(String wire) {
      for (Decision decision : values()) {
        if (decision.wire.equals(wire)) {
          return decision;
        }
      }
      throw Json.invalid("Unknown hook decision '" + wire + "': allow, refuse or rewrite");
    }
  }

  /**
   * {@code {"decision":"allow"}}, {@code {"decision":"refuse","reason":..}} (the reason is shown to the sender) or
   * {@code {"decision":"rewrite","text":..}}.
   */
  public record Verdict(Decision decision, String text, String reason) implements JsonBody {
    private static final Verdict ALLOWED = new Verdict(Decision.ALLOW, null, null);

    public Verdict {
      if (decision == Decision.REWRITE && (text == null || text.isBlank())) {
        throw Json.invalid("A rewrite needs a text that is not blank");
      }
    }

    public static Verdict allow() {
      return ALLOWED;
    }

    public static Verdict refuse(String reason) {
      return new Verdict(Decision.REFUSE, null, reason);
    }

    public static Verdict rewrite(String text) {
      return new Verdict(Decision.REWRITE, text, null);
    }

    @Override
    public JsonObject toJson() {
      JsonObject json = new JsonObject().put("decision", decision.wire());
      Json.putIfPresent(json, "text", text);
      return Json.putIfPresent(json, "reason", reason);
    }

    public static Verdict fromJson(JsonObject json) {
      return new Verdict(Decision.of(Json.text(json, "decision")), Json.optText(json, "text"),
          Json.optText(json, "reason"));
    }
  }

  /**
   * Answers the hook {@code name} on this event bus with {@code hook}: requests are read into {@link Request}, the
   * verdict is replied, and a hook that throws or fails is answered as a failure (which room-verticle treats by the
   * hook's policy). Completes once the consumer is registered (on a cluster: once every node can reach it).
   */
  public static Future<MessageConsumer<JsonObject>> serve(EventBus bus, String name,
                                                          Function<Request, Future<Verdict>> hook) {
    MessageConsumer<JsonObject> consumer = bus.consumer(Addresses.messageHook(name),
        delivery -> answer(delivery, hook));
    return consumer.completion().map(consumer);
  }

  private static void answer(Message<JsonObject> delivery, Function<Request, Future<Verdict>> hook) {
    Future<Verdict> verdict;
    try {
      verdict = hook.apply(Request.fromJson(delivery.body()));
    } catch (RuntimeException e) {
      verdict = Future.failedFuture(e);
    }
    verdict.onComplete(done -> {
      if (done.succeeded() && done.result() != null) {
        delivery.reply(done.result().toJson());
      } else {
        Failures.Failure failure = Failures.of(done.cause() == null
            ? new IllegalStateException("The hook answered no verdict") : done.cause());
        failure.log(LOG, "Message hook on " + delivery.address());
        delivery.fail(failure.code().failureCode(), failure.message());
      }
    });
  }
}
