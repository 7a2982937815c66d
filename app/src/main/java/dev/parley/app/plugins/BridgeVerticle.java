package dev.parley.app.plugins;

import dev.parley.shared.Addresses;
import dev.parley.shared.ParleyConfig;
import dev.parley.shared.ParleyConfig.Bridge.BridgePlugin;
import dev.parley.shared.contract.Contract;
import dev.parley.shared.plugins.BridgeFrames;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.ext.bridge.BridgeEventType;
import io.vertx.ext.bridge.BridgeOptions;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.eventbus.bridge.tcp.BridgeEvent;
import io.vertx.ext.eventbus.bridge.tcp.TcpEventBusBridge;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TCP event-bus bridge for out-of-process plugins (any language that can write length-prefixed JSON frames).
 * A connection's first frame carries its plugin's token in the header {@link BridgeFrames#TOKEN_HEADER}; from then
 * on every frame is held to that plugin's allow-list (a {@link dev.parley.shared.plugins.PluginManifest} in
 * {@code bridge.plugins}): the addresses it may send to, publish on or listen on, the command actions it may send,
 * and, for a bot, the one account its commands may act for. A frame outside it gets an error frame and goes
 * nowhere; a connection without a valid token is closed after its first frame.
 */
public final class BridgeVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(BridgeVerticle.class);
  /** Replies travel to addresses the bus makes up; the bridge itself lets a socket answer only what it was asked. */
  private static final String REPLY_PREFIX = "__vertx.reply.";
  /** The fields by which a command names the person it acts for (see docs/contract.md). */
  private static final List<String> ACTING_FIELDS = List.of("sender", "user", "actor", "owner");

  private final Map<NetSocket, BridgePlugin> sessions = new HashMap<>();
  private ParleyConfig.Bridge config;
  private TcpEventBusBridge bridge;

  @Override
  public Future<?> start() {
    config = ParleyConfig.fromJson(config()).bridge();
    // Everything but the bus's own reply addresses is permitted here; each plugin's allow-list is applied per frame.
    PermittedOptions any = new PermittedOptions().setAddressRegex("(?!__vertx\\.).*");
    BridgeOptions options = new BridgeOptions().addInboundPermitted(any).addOutboundPermitted(any);
    bridge = TcpEventBusBridge.create(vertx, options, new NetServerOptions(), this::check);
    return bridge.listen(config.port(), config.host()).onSuccess(listening ->
        LOG.info("Plugin bridge listening on {}:{} for {}", config.host(), config.port(), config.plugins().keySet()));
  }

  private void check(BridgeEvent event) {
    NetSocket socket = event.socket();
    BridgeEventType type = event.type();
    if (type == BridgeEventType.SOCKET_CREATED || type == BridgeEventType.SOCKET_CLOSED
        || type == BridgeEventType.REGISTERED) {
      event.complete(true);
      return;
    }
    JsonObject frame = event.getRawMessage();
    BridgePlugin plugin = sessions.get(socket);
    String token = takeToken(frame);
    if (plugin == null) {
      plugin = token == null ? null : byToken(token);
      if (plugin == null) {
        LOG.warn("Plugin bridge: a connection from {} without a valid token, closed", socket.remoteAddress());
        event.complete(false);
        // After the refusal's error frame, which completing the event has queued.
        vertx.runOnContext(next -> socket.close());
        return;
      }
      sessions.put(socket, plugin);
      socket.closeHandler(closed -> sessions.remove(socket));
      LOG.info("Plugin {} connected over the bridge from {}", plugin.manifest().name(), socket.remoteAddress());
    }
    String refusal = refusal(plugin, type, frame);
    if (refusal != null) {
      LOG.warn("Plugin {} refused: {}", plugin.manifest().name(), refusal);
    }
    event.complete(refusal == null);
  }

  /** Why the plugin may not send this frame, or null when it may. */
  private static String refusal(BridgePlugin plugin, BridgeEventType type, JsonObject frame) {
    String address = frame.getString(BridgeFrames.ADDRESS);
    if (type == BridgeEventType.SOCKET_PING) {
      return null;
    }
    if (address == null) {
      return "a frame without an address";
    }
    if (type == BridgeEventType.SEND && address.startsWith(REPLY_PREFIX) && frame.getString(BridgeFrames.REPLY_ADDRESS) == null) {
      return null;
    }
    if (!plugin.manifest().allowsAddress(address)) {
      return address + " is not on its allow-list";
    }
    if (type != BridgeEventType.SEND) {
      return null;
    }
    JsonObject headers = frame.getJsonObject(BridgeFrames.HEADERS, new JsonObject());
    String action = headers.getString(Contract.ACTION_HEADER);
    boolean command = Addresses.ROOMS_CMD.equals(address) || Addresses.ACCOUNTS_CMD.equals(address);
    if (command && !plugin.manifest().allowsCommand(address, action)) {
      return "command " + action + " on " + address + " is not on its allow-list";
    }
    if (command && plugin.bot() != null && frame.getValue(BridgeFrames.BODY) instanceof JsonObject body) {
      for (String field : ACTING_FIELDS) {
        if (body.containsKey(field) && !plugin.bot().equals(body.getValue(field))) {
          return "command " + action + " acts for " + field + " " + body.getValue(field) + ", not for its bot";
        }
      }
    }
    return null;
  }

  /** Removes the token header from the frame (it goes no further) and returns it. */
  private static String takeToken(JsonObject frame) {
    JsonObject headers = frame.getJsonObject(BridgeFrames.HEADERS);
    Object token = headers == null ? null : headers.remove(BridgeFrames.TOKEN_HEADER);
    return token == null ? null : token.toString();
  }

  private BridgePlugin byToken(String token) {
    byte[] offered = token.getBytes(StandardCharsets.UTF_8);
    BridgePlugin found = null;
    // Every token compared in constant time, all of them: the answer's timing says nothing about which came close.
    for (BridgePlugin plugin : config.plugins().values()) {
      if (MessageDigest.isEqual(offered, plugin.token().getBytes(StandardCharsets.UTF_8))) {
        found = plugin;
      }
    }
    return found;
  }

  @Override
  public Future<?> stop() {
    return bridge == null ? Future.succeededFuture() : bridge.close();
  }
}
