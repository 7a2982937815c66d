package dev.parley.shared.contract;

import dev.parley.shared.Addresses;
import dev.parley.shared.events.RoomEvent;
import dev.parley.shared.events.UserNotice;
import dev.parley.shared.plugins.WebhookCommands.WebhooksChanged;
import dev.parley.shared.presence.Presence;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;

/** Publishes events to their addresses, stamped with the contract version like every command. */
public final class Publisher {

  private final EventBus bus;
  /** One per publisher, which lives on one verticle's event loop: delivery options are not thread-safe. */
  private final DeliveryOptions versioned =
      new DeliveryOptions().addHeader(Contract.VERSION_HEADER, String.valueOf(Contract.VERSION));

  public Publisher(EventBus bus) {
    this.bus = bus;
  }

  /** A stored event: to the room's followers, and to the firehose for plugins. */
  public void stored(RoomEvent event) {
    JsonObject json = event.toJson();
    bus.publish(Addresses.room(event.room()), json, versioned);
    bus.publish(Addresses.EVENTS, json, versioned);
  }

  /** An ephemeral event (typing, profile changes): to the room's followers only, never stored. */
  public void ephemeral(RoomEvent event) {
    bus.publish(Addresses.room(event.room()), event.toJson(), versioned);
  }

  /** A change of someone's presence: once to every gateway, which tells the connections watching them. */
  public void presence(Presence presence) {
    bus.publish(Addresses.PRESENCE, presence.toJson(), versioned);
  }

  /** A room's webhooks changed: the caller of outgoing hooks looks again. */
  public void webhooksChanged(WebhooksChanged change) {
    bus.publish(Addresses.WEBHOOKS, change.toJson(), versioned);
  }

  /** A notice for one person, on all their connections on every node. */
  public void notice(String user, UserNotice notice) {
    bus.publish(Addresses.user(user), notice.toJson(), versioned);
  }
}
