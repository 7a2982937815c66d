package dev.parley.gateway.ws;

import dev.parley.shared.Addresses;
import dev.parley.shared.ParleyException;
import dev.parley.shared.events.EventType;
import dev.parley.shared.events.UserNotice.RoomRemoved;
import dev.parley.shared.events.UserNotice.SessionRevoked;
import dev.parley.shared.events.UserNotice;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events for one person on all their connections ({@link Addresses#user(String)}): like rooms, ONE consumer per
 * (node, user) with local connections, reference counted. Runs on the gateway verticle's event loop.
 */
public final class UserFanout {

  private static final Logger LOG = LoggerFactory.getLogger(UserFanout.class);

  private final Vertx vertx;
  private final Map<String, UserChannel> channels = new ConcurrentHashMap<>();

  public UserFanout(Vertx vertx) {
    this.vertx = vertx;
  }

  private final class UserChannel {
    private final Set<Connection> connections = new LinkedHashSet<>();
    private final MessageConsumer<JsonObject> consumer;

    UserChannel(String user) {
      consumer = vertx.eventBus().consumer(Addresses.user(user), message -> deliver(message.body()));
    }

    private void deliver(JsonObject json) {
      UserNotice notice;
      String removedFrom;
      try {
        notice = UserNotice.fromJson(json);
        if (EventType.SESSION_REVOKED.equals(notice.type())) {
          String session = notice.data(SessionRevoked::fromJson).session();
          for (Connection connection : List.copyOf(connections)) {
            connection.sessionEnded(session);
          }
          return;
        }
        removedFrom = EventType.ROOM_REMOVED.equals(notice.type()) ? notice.data(RoomRemoved::fromJson).room() : null;
      } catch (ParleyException malformed) {
        LOG.warn("Dropped a malformed notice: {}", malformed.getMessage());
        return;
      }
      EncodedFrame frame = EncodedFrame.of(notice.toFrame());
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
