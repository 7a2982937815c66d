package dev.parley.gateway.ws;

import dev.parley.gateway.presence.PresenceService;
import dev.parley.gateway.presence.PresenceStore;
import dev.parley.gateway.presence.PresenceStore.Device;
import dev.parley.shared.Addresses;
import dev.parley.shared.ParleyConfig;
import dev.parley.shared.ParleyException;
import dev.parley.shared.events.UserNotice;
import dev.parley.shared.presence.Presence;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Presence on one gateway: the leases of its connections in Redis (taken on connect, renewed every third of a
 * lease, released on close), the sweep of leases that ran out on a dead node, and who watches whom among its
 * connections. Runs on the gateway verticle's event loop.
 *
 * <p>How far a change travels is bounded twice: a change is published once to every gateway
 * ({@link Addresses#PRESENCE}), and each gateway passes it on only to its connections that watch that person. A
 * connection watches the people on its screen ({@code watch}, at most
 * {@link dev.parley.shared.presence.PresenceCommands#MAX_PEOPLE}), and only people it shares a room with. So someone
 * in 500 rooms who comes online costs one event-bus message per gateway and one frame per device looking at them,
 * not one per member of their rooms.
 */
public final class PresenceHub {

  private static final Logger LOG = LoggerFactory.getLogger(PresenceHub.class);

  private final PresenceService presence;
  private final PresenceStore store;
  private final long leaseMillis;
  /** Devices of this gateway: one per connection. */
  private final Map<Connection, DeviceState> devices = new LinkedHashMap<>();
  /** Watched person to the connections of this gateway watching them. */
  private final Map<String, Set<Connection>> watchers = new HashMap<>();
  /** Connection to the people it watches. */
  private final Map<Connection, Set<String>> watching = new HashMap<>();
  private final MessageConsumer<JsonObject> consumer;

  public PresenceHub(Vertx vertx, PresenceService presence, ParleyConfig.PresenceSettings settings) {
    this.presence = presence;
    this.store = presence.store();
    this.leaseMillis = settings.leaseSeconds() * 1000L;
    this.consumer = vertx.eventBus().consumer(Addresses.PRESENCE, message -> deliver(message.body()));
    vertx.setPeriodic(Math.max(1, leaseMillis / 3), id -> renew());
    vertx.setPeriodic(settings.sweepSeconds() * 1000L, id -> sweep());
  }

  /** Completes once this gateway hears presence changes from the whole cluster. */
  public Future<Void> ready() {
    return consumer.completion();
  }

  /** A connection opened: its device is online. */
  void connected(Connection connection) {
    DeviceState state = new DeviceState();
    devices.put(connection, state);
    state.then(() -> store.hold(List.of(device(connection, false)), leaseMillis), "connect of " + connection.user());
  }

  /** A connection closed: its device is gone, and it watches nobody any more. */
  void disconnected(Connection connection) {
    unwatch(connection);
    DeviceState state = devices.remove(connection);
    if (state != null) {
      state.then(() -> store.release(device(connection, false)), "disconnect of " + connection.user());
    }
  }

  /** The device went idle or came back. */
  void activity(Connection connection, boolean idle) {
    DeviceState state = devices.get(connection);
    if (state != null && state.idle != idle) {
      state.idle = idle;
      state.then(() -> store.hold(List.of(device(connection, idle)), leaseMillis), "activity of " + connection.user());
      show(connection, state);
    }
  }

  /** The device shows this room now (null: none, or hidden). */
  void looking(Connection connection, String room) {
    DeviceState state = devices.get(connection);
    if (state != null) {
      state.looking = room;
      show(connection, state);
    }
  }

  /**
   * Tells Redis what the device shows, for notification-verticle: the room it looks at, unless the device is idle
   * (someone who left the screen on and walked away should still be notified).
   */
  private void show(Connection connection, DeviceState state) {
    String shown = state.idle ? null : state.looking;
    if (!Objects.equals(shown, state.shown)) {
      state.shown = shown;
      state.then(() -> store.look(device(connection, state.idle), shown), "looking of " + connection.user());
    }
  }

  /**
   * The connection now watches these people (replacing whom it watched), as far as it may: the people who share a
   * room with it. Their current presence is the answer.
   */
  Future<List<Presence>> watch(Connection connection, List<String> people) {
    return presence.visibleTo(connection.user(), people).compose(visible -> {
      unwatch(connection);
      watching.put(connection, new HashSet<>(visible));
      for (String person : visible) {
        watchers.computeIfAbsent(person, key -> new HashSet<>()).add(connection);
      }
      return store.read(visible);
    });
  }

  private void unwatch(Connection connection) {
    Set<String> people = watching.remove(connection);
    if (people == null) {
      return;
    }
    for (String person : people) {
      Set<Connection> those = watchers.get(person);
      if (those != null && those.remove(connection) && those.isEmpty()) {
        watchers.remove(person);
      }
    }
  }

  private void renew() {
    if (devices.isEmpty()) {
      return;
    }
    Map<Connection, Device> held = new LinkedHashMap<>();
    devices.forEach((connection, state) -> held.put(connection, device(connection, state.idle)));
    tell(store.hold(List.copyOf(held.values()), leaseMillis).onSuccess(renewed -> held.forEach((connection, device) -> {
      // Closed while the renewal was on its way: the renewal may have put the device back after its release.
      if (!devices.containsKey(connection)) {
        tell(store.release(device), "disconnect of " + device.user());
      }
    })), "lease renewal");
  }

  private void sweep() {
    tell(store.sweep(), "sweep of expired leases");
  }

  private void tell(Future<List<Presence>> changes, String what) {
    changes
        .onSuccess(presence::publish)
        // Presence is best effort: the next renewal or sweep puts Redis right, and nobody's chat waits for it.
        .onFailure(failure -> LOG.warn("Presence not updated after {}: {}", what, failure.getMessage()));
  }

  private void deliver(JsonObject json) {
    Set<Connection> those;
    Presence change;
    try {
      change = Presence.fromJson(json);
      those = watchers.get(change.user());
    } catch (ParleyException malformed) {
      LOG.warn("Dropped a malformed presence change: {}", malformed.getMessage());
      return;
    }
    if (those == null) {
      return;
    }
    EncodedFrame frame = EncodedFrame.of(UserNotice.of(change).toFrame());
    for (Connection connection : List.copyOf(those)) {
      connection.sendEphemeral(frame);
    }
  }

  /**
   * One connection's device. Its own changes reach Redis one after the other (a connect, then a quick close, must
   * not arrive the other way round and leave a device behind).
   */
  private final class DeviceState {
    private boolean idle;
    /** The room the device says it shows, and the one Redis was told (none while idle). */
    private String looking;
    private String shown;
    private Future<?> last = Future.succeededFuture();

    void then(Supplier<Future<List<Presence>>> change, String what) {
      last = last.eventually(() -> {
        Future<List<Presence>> changed = change.get();
        tell(changed, what);
        return changed;
      });
    }
  }

  private static Device device(Connection connection, boolean idle) {
    return new Device(connection.user(), connection.id(), idle);
  }
}
