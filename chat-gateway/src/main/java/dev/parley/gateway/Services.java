package dev.parley.gateway;

import dev.parley.shared.AccountAction;
import dev.parley.shared.Addresses;
import dev.parley.shared.RoomAction;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

/** The gateway's only way to the persistence service: event-bus requests with the action header set. */
final class Services {

  private static final long TIMEOUT_MS = 10_000;

  private final EventBus bus;

  Services(EventBus bus) {
    this.bus = bus;
  }

  Future<JsonObject> rooms(RoomAction action, JsonObject body) {
    return request(Addresses.ROOMS_CMD, action.name(), body);
  }

  Future<JsonObject> accounts(AccountAction action, JsonObject body) {
    return request(Addresses.ACCOUNTS_CMD, action.name(), body);
  }

  private Future<JsonObject> request(String address, String action, JsonObject body) {
    DeliveryOptions options = new DeliveryOptions().addHeader(Addresses.ACTION_HEADER, action).setSendTimeout(TIMEOUT_MS);
    return bus.<JsonObject>request(address, body, options).map(Message::body);
  }
}
