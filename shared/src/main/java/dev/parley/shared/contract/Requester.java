package dev.parley.shared.contract;

import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

/** Sends commands and reads their replies through their routes: the one way to ask another verticle. */
public final class Requester {

  private final EventBus bus;
  private final long timeoutMillis;

  public Requester(EventBus bus, long timeoutMillis) {
    this.bus = bus;
    this.timeoutMillis = timeoutMillis;
  }

  /** Sends the command; fails as the answering verticle said, or as unavailable when nobody answers in time. */
  public <R extends JsonBody> Future<R> ask(Command<R> command) {
    Route<?, R> route = command.route();
    DeliveryOptions options = new DeliveryOptions()
        .addHeader(Contract.ACTION_HEADER, route.action())
        .addHeader(Contract.VERSION_HEADER, String.valueOf(Contract.VERSION))
        .setSendTimeout(timeoutMillis);
    return bus.<JsonObject>request(route.address(), command.toJson(), options).map(reply -> read(route, reply));
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
