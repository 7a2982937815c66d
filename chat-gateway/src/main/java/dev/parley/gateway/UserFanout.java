package dev.parley.gateway;

import dev.parley.shared.Addresses;
import dev.parley.shared.EventType;
import dev.parley.shared.Protocol;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Events for one person on all their connections ({@link Addresses#user(String)}): like rooms, ONE consumer per
 * (node, user) with local connections, reference counted. Runs on the gateway verticle's event loop.
 */
final class UserFanout {

  private final Vertx vertx;
  private final Map<String, UserChannel> channels = new ConcurrentHashMap<>();

  UserFanout(Vertx vertx) {
    this.vertx = vertx;
  }

  private final class UserChannel {
    private final Set<Connection> connections = new LinkedHashSet<>();
    private final MessageConsumer<JsonObject> consumer;

    UserChannel(String user) {
      consumer = vertx.eventBus().consumer(Addresses.user(user), message -> deliver(message.body()));
    }

    private void deliver(JsonObject notice) {
      JsonObject data = notice.getValue("data") instanceof JsonObject object ? object : new JsonObject();
      if (EventType.SESSION_REVOKED.equals(notice.getValue("type"))) {
        for (Connection connection : List.copyOf(connections)) {
          connection.sessionEnded(data.getString("session"));
        }
        return;
      }
      String removedFrom = EventType.ROOM_REMOVED.equals(notice.getValue("type")) ? data.getString("room") : null;
      String frame = notice.put(Protocol.OP, Protocol.EVT).encode();
      for (Connection connection : List.copyOf(connections)) {
        connection.sendNotice(frame, removedFrom);
      }
    }
  }

  /** Adds a connection; completes once its person's consumer is registered across the cluster. */
  Future<Void> attach(Connection connection) {
    UserChannel channel = channels.computeIfAbsent(connection.user(), UserChannel::new);
    channel.connections.add(connection);
    return channel.consumer.completion();
  }

  void detach(Connection connection) {
    UserChannel channel = channels.get(connection.user());
    if (channel != null && channel.connections.remove(connection) && channel.connections.isEmpty()) {
      channels.remove(connection.user());
      channel.consumer.unregister();
    }
  }
}
