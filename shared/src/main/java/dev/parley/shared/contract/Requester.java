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
 * of a second, not the whole timeout. Any other command is sent once and waits the whole timeout.
 */
public final class Requester {

  private final EventBus bus;
  private final long timeoutMillis;
  /** Each route's first attempt and whether it is retried, worked out once: one requester belongs to one event loop. */
  private final Map<Route<?, ?>, FirstAttempt> attempts = new HashMap<>();

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
    Future<Message<JsonObject>> reply = bus.request(route.address(), body, first.delivery());
    if (first.retried()) {
      long spent = first.delivery().getSendTimeout();
      reply = reply.recover(failure -> retry(route, body, failure, 1, spent));
      return reply.map(answer -> {
        retryBudget = Math.min(budgetReserve, retryBudget + Retries.BUDGET_PER_ANSWER);
        return read(route, answer);
      });
    }
    return reply.map(answer -> read(route, answer));
  }

  /** Sends the same command again after an unanswered attempt, while time is left; else the last failure stands. */
  private Future<Message<JsonObject>> retry(Route<?, ?> route, JsonObject body, Throwable failure, int attempt,
                                            long spentMillis) {
    long left = timeoutMillis - spentMillis;
    if (left <= 0 || !Retries.unanswered(failure) || retryBudget < 1) {
      return Future.failedFuture(failure);
    }
    retryBudget--;
    long wait = Math.min(Retries.attemptMillis(attempt), left);
    return bus.<JsonObject>request(route.address(), body, delivery(route, wait))
        .recover(again -> retry(route, body, again, attempt + 1, spentMillis + wait));
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
