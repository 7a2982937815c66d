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
 */
public final class Requester {

  private final EventBus bus;
  private final long timeoutMillis;
  /** The delivery options of each route, made once: a requester belongs to one verticle and its event loop. */
  private final Map<Route<?, ?>, DeliveryOptions> options = new HashMap<>();

  public Requester(EventBus bus, long timeoutMillis) {
    this.bus = bus;
    this.timeoutMillis = timeoutMillis;
  }

  /** Sends the command; fails as the answering verticle said, or as unavailable when nobody answers in time. */
  public <R extends JsonBody> Future<R> ask(Command<R> command) {
    Route<?, R> route = command.route();
    DeliveryOptions delivery = options.computeIfAbsent(route, key -> new DeliveryOptions()
        .addHeader(Contract.ACTION_HEADER, key.action())
        .addHeader(Contract.VERSION_HEADER, String.valueOf(Contract.VERSION))
        .setSendTimeout(timeoutMillis));
    return bus.<JsonObject>request(route.address(), command.toJson(), delivery).map(reply -> read(route, reply));
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
