package dev.parley.shared.contract;

import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;

/**
 * Sends commands and reads their replies through their routes: the one way to ask another verticle. One requester
 * belongs to one verticle and is used from its event loop.
 *
 * <p>A command that is safe to run twice ({@link Retries}) is sent again when an attempt is not answered within a
 * short time, until the requester's timeout is spent: a node that died without a goodbye costs its callers a fraction
 * of a second, not the whole timeout. After an unanswered attempt, the instances that stayed silent are avoided until
 * they answer a ping ({@link Peers}): a node that hangs stops receiving this requester's commands within one attempt.
 * Any other command is sent once, to the shared address, and waits the whole timeout.
 */
public final class Requester {

  private final EventBus bus;
  private final long timeoutMillis;
  /** Each route's first attempt and whether it is retried, worked out once: one requester belongs to one event loop. */
  private final Map<Route<?, ?>, FirstAttempt> attempts = new HashMap<>();
  /** What this requester knows of the instances answering each address of its retried commands. */
  private final Map<String, Peers> peers = new HashMap<>();

  private record FirstAttempt(DeliveryOptions delivery, boolean retried) {
  }

  /** Retries this requester may still make (see {@link Retries#BUDGET_RESERVE}). */
  private double retryBudget;
  private final double budgetReserve;

  public Requester(EventBus bus, long timeoutMillis) {
    this(bus, timeoutMillis, Retries.BUDGET_RESERVE);
  }

  Requester(EventBus bus, long timeoutMillis, double budgetReserve) {
    this.bus = bus;
    this.timeoutMillis = timeoutMillis;
    this.budgetReserve = budgetReserve;
    this.retryBudget = budgetReserve;
  }

  /** Sends the command; fails as the answering verticle said, or as unavailable when nobody answers in time. */
  public <R extends JsonBody> Future<R> ask(Command<R> command) {
    Route<?, R> route = command.route();
    FirstAttempt first = attempts.computeIfAbsent(route, key -> Retries.idempotent(key)
        ? new FirstAttempt(delivery(key, Math.min(Retries.attemptMillis(0), timeoutMillis)), true)
        : new FirstAttempt(delivery(key, timeoutMillis), false));
    JsonObject body = command.toJson();
    if (!first.retried()) {
      return bus.<JsonObject>request(route.address(), body, first.delivery()).map(answer -> read(route, answer));
    }
    Peers instances = peers.computeIfAbsent(route.address(), address -> new Peers(bus, address));
    return attempt(route, instances, body, first.delivery(), 0, 0).map(answer -> {
      retryBudget = Math.min(budgetReserve, retryBudget + Retries.BUDGET_PER_ANSWER);
      return read(route, answer);
    });
  }

  /**
   * One attempt, to the instance {@link Peers} picks; sent again after an unanswered attempt while time and budget
   * are left, else the last failure stands.
   */
  private Future<Message<JsonObject>> attempt(Route<?, ?> route, Peers instances, JsonObject body,
                                              DeliveryOptions delivery, int attempt, long spentMillis) {
    String target = instances.target();
    long sentAt = System.nanoTime();
    return bus.<JsonObject>request(target, body, delivery)
        .onSuccess(instances::answered)
        .recover(failure -> {
          if (!Retries.unanswered(failure)) {
            return Future.failedFuture(failure);
          }
          instances.unanswered(target, sentAt, failure);
          long spent = spentMillis + delivery.getSendTimeout();
          long left = timeoutMillis - spent;
          if (left <= 0 || retryBudget < 1) {
            return Future.failedFuture(failure);
          }
          retryBudget--;
          long wait = Math.min(Retries.attemptMillis(attempt + 1), left);
          return attempt(route, instances, body, delivery(route, wait), attempt + 1, spent);
        });
  }

  private static DeliveryOptions delivery(Route<?, ?> route, long timeoutMillis) {
    return new DeliveryOptions()
        .addHeader(Contract.ACTION_HEADER, route.action())
        .addHeader(Contract.VERSION_HEADER, String.valueOf(Contract.VERSION))
        .setSendTimeout(timeoutMillis);
  }

  private static <R extends JsonBody> R read(Route<?, R> route, Message<JsonObject> reply) {
    try {
      return route.readReply(reply.body());
    } catch (RuntimeException malformed) {
      // The answering side broke the contract: a bug there, not the caller's mistake.
      throw new IllegalStateException("Malformed reply to " + route + ": " + malformed.getMessage(), malformed);
    }
  }
}
