package dev.parley.gateway;

import dev.parley.gateway.e2ee.E2eeApi;
import dev.parley.gateway.files.FileStorage;
import dev.parley.gateway.files.FilesApi;
import dev.parley.gateway.files.LocalStorage;
import dev.parley.gateway.files.S3Storage;
import dev.parley.gateway.health.NodeHealth;
import dev.parley.gateway.http.ClientAddresses;
import dev.parley.gateway.http.HttpErrors;
import dev.parley.gateway.http.Requests;
import dev.parley.gateway.identity.AuthApi;
import dev.parley.gateway.identity.Identity;
import dev.parley.gateway.identity.OAuthApi;
import dev.parley.gateway.identity.Passwords;
import dev.parley.gateway.identity.SessionRevocations;
import dev.parley.gateway.identity.Tokens;
import dev.parley.gateway.identity.WsTickets;
import dev.parley.gateway.limits.RateLimiter;
import dev.parley.gateway.limits.SignInThrottle;
import dev.parley.gateway.metrics.ParleyMeters;
import dev.parley.gateway.notify.NotificationSettingsApi;
import dev.parley.gateway.notify.PushApi;
import dev.parley.gateway.presence.PresenceApi;
import dev.parley.gateway.presence.PresenceService;
import dev.parley.gateway.presence.PresenceStore;
import dev.parley.gateway.profiles.ProfileApi;
import dev.parley.gateway.rooms.ConversationsApi;
import dev.parley.gateway.rooms.CommandsApi;
import dev.parley.gateway.rooms.InvitesApi;
import dev.parley.gateway.rooms.WebhooksApi;
import dev.parley.gateway.rooms.MessagesApi;
import dev.parley.gateway.rooms.RoomsApi;
import dev.parley.gateway.rooms.SearchApi;
import dev.parley.gateway.ws.Connection;
import dev.parley.gateway.ws.PresenceHub;
import dev.parley.gateway.ws.RoomFanout;
import dev.parley.gateway.ws.UpgradeGate;
import dev.parley.gateway.ws.UserFanout;
import dev.parley.shared.ParleyConfig;
import dev.parley.shared.contract.Publisher;
import dev.parley.shared.contract.Requester;
import dev.parley.shared.ops.MetricNames;
import dev.parley.shared.ws.Protocol;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocketHandshake;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The edge of Parley: HTTP API, the WebSocket endpoint and the web client. Holds the connections; everything
 * durable is asked of room-verticle over the event bus.
 */
public final class GatewayVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(GatewayVerticle.class);
  private static final int API_BODY_LIMIT = 64 * 1024;
  private static final int SOCKET_WRITE_QUEUE_BYTES = 256 * 1024;
  /** How long an early event waits for the ones before it before they are fetched from PostgreSQL. */
  private static final long HOLD_MILLIS = 150;
  /** How long a command to another verticle may take before the caller is told the service is unavailable. */
  private static final long SERVICE_TIMEOUT_MS = 10_000;

  private final Set<Connection> connections = new HashSet<>();
  private HttpServer server;
  private Router router;
  private Redis redis;
  private RedisAPI redisApi;
  private WorkerExecutor passwordWorkers;
  private RoomFanout fanout;
  private AuthApi auth;
  private SessionRevocations revocations;
  private InvitesApi invites;
  private WebhooksApi webhooks;
  private CommandsApi commands;
  private OAuthApi oauth;
  private WsTickets tickets;
  private FileStorage storage;
  private FilesApi files;
  private Connection.Shared connectionShared;
  private PresenceService presence;
  private boolean draining;
  private final UpgradeGate upgrades = new UpgradeGate();
  private volatile Set<String> allowedOrigins = Set.of();
  private volatile String publicUrl;

  @Override
  public Future<?> start() {
    ParleyConfig config = ParleyConfig.fromJson(config());
    if (config.redis().url() == null || config.auth().jwtSecret() == null) {
      return Future.failedFuture("the gateway needs redis.url and auth.jwtSecret (the launcher fills them in)");
    }
    redis = Redis.createClient(vertx, new RedisOptions()
        .setConnectionString(config.redis().url())
        .setMaxPoolSize(config.redis().poolSize())
        .setMaxPoolWaiting(10_000));
    redisApi = RedisAPI.api(redis);
    passwordWorkers = vertx.createSharedWorkerExecutor("parley-passwords",
        Math.max(2, Runtime.getRuntime().availableProcessors()));
    Requester services = new Requester(vertx.eventBus(), SERVICE_TIMEOUT_MS);
    Publisher publisher = new Publisher(vertx.eventBus());
    Tokens tokens = new Tokens(vertx, config.auth().jwtSecret(), config.auth().accessTokenSeconds());
    tickets = new WsTickets(redisApi, tokens);
    revocations = new SessionRevocations(redisApi, services, publisher, config.auth().accessTokenSeconds());
    AuthApi.AuthLimits authLimits = new AuthApi.AuthLimits(
        RateLimiter.perMinute(redisApi, "auth-address", config.limits().authPerMinute()),
        new SignInThrottle(redisApi),
        new ClientAddresses(config.http().trustedProxies()));
    auth = new AuthApi(services, new Passwords(passwordWorkers), tokens, tickets, revocations, authLimits,
        config.auth().refreshTokenDays(), config.auth().jwtSecret(),
        new AuthApi.EmailLinks(() -> publicUrl, config.auth().passwordResetMinutes(),
            config.auth().emailVerificationHours(), config.auth().verifyEmailOnSignUp()));
    fanout = new RoomFanout(vertx, services::ask, HOLD_MILLIS, config.limits().replayLimit());
    RateLimiter sendLimiter = RateLimiter.leased(redisApi, "send", config.limits().sendPerSecond(),
        config.limits().sendBurst());
    presence = new PresenceService(new PresenceStore(redisApi), services, publisher);
    PresenceHub presenceHub = new PresenceHub(vertx, presence, config.presence());
    ParleyMeters meters = ParleyMeters.of(vertx);
    connectionShared = new Connection.Shared(fanout, new UserFanout(vertx), presenceHub, services, sendLimiter,
        config.limits(), publisher, meters);
    meters.gauge(MetricNames.CONNECTIONS, "open WebSocket connections of this gateway", connections::size);
    meters.gauge(MetricNames.SUBSCRIPTIONS, "rooms followed by this gateway's sockets, summed over its sockets",
        fanout::subscriptions);
    meters.gauge(MetricNames.ROOMS_FOLLOWED, "rooms this gateway holds an event-bus consumer for", fanout::roomCount);
    invites = new InvitesApi(services, tokens, () -> publicUrl,
        RateLimiter.perDay(redisApi, "invite-emails", config.limits().inviteEmailsPerDay()));
    oauth = new OAuthApi(vertx, services, auth, tokens, redisApi, config.oauth(), () -> publicUrl);
    // The same send bucket as a person's: a webhook's bot posts at the rate anyone may.
    webhooks = new WebhooksApi(services, tokens, () -> publicUrl, config.limits(), sendLimiter);
    commands = new CommandsApi(vertx, services);

    storage = storage(config);
    router = router(services, config);
    files.startSweeping();
    // Vert.x drops a connection whose frame exceeds its own maximum without a close frame, so its maximum sits above
    // Parley's limit: the connection checks the limit and closes with 1009, as the protocol says.
    int hardFrameLimit = Math.max(config.limits().maxFrameBytes() * 4, 1 << 20);
    server = vertx.createHttpServer(new HttpServerOptions()
            .setMaxWebSocketFrameSize(hardFrameLimit)
            .setMaxWebSocketMessageSize(hardFrameLimit)
            // Chat frames are small: compressing them saves little, and a deflate context per connection costs
            // hundreds of KiB of memory (browsers ask for permessage-deflate whenever the server offers it).
            .setPerMessageWebSocketCompressionSupported(false)
            .setPerFrameWebSocketCompressionSupported(false)
            // Every request and response of this server is handled on the verticle's event loop, so a connection
            // needs no queue for writes from other threads: that queue is 4 KiB allocated up front, per connection.
            .setStrictThreadMode(true))
        .requestHandler(router)
        .webSocketHandshakeHandler(this::handshake)
        // Connections are set up when their handshake is accepted (see handshake()).
        .webSocketHandler(ws -> { });
    long sweepMillis = config.limits().heartbeatSeconds() * 500L;
    vertx.setPeriodic(sweepMillis, id -> sweepConnections());
    // Ready once presence changes from the whole cluster reach this node, the temporary folder for uploads exists,
    // and the port is open.
    return presenceHub.ready()
        .compose(heard -> commands.listen())
        .compose(heard -> vertx.fileSystem().mkdirs(filesTemp(config).toString()))
        .compose(made -> server.listen(config.http().port(), config.http().host()))
        .onSuccess(listening -> {
          publicUrl = config.http().publicUrl(listening.actualPort());
          allowedOrigins = allowedOrigins(publicUrl, config.http().allowedOrigins());
          LOG.info("Gateway listening on {}:{}, public URL {}", config.http().host(), listening.actualPort(),
              publicUrl);
        });
  }

  /**
   * The node is leaving (SIGTERM, a rolling restart): refuses new WebSocket connections (503: the client tries
   * another node) and closes the open ones with 1012, each once its sends in hand are acked, spread evenly over
   * {@code spreadMillis} so that their clients do not all reconnect to the other nodes in the same instant.
   * Completes when every connection is closed. HTTP requests are still served meanwhile (readiness, which reads
   * {@link dev.parley.shared.NodeLifecycle}, has already told the load balancer to send no more).
   */
  public Future<Void> drain(long spreadMillis) {
    Promise<Void> done = Promise.promise();
    context.runOnContext(onLoop -> {
      draining = true;
      List<Connection> open = new ArrayList<>(connections);
      LOG.info("Draining: closing {} connections over {} ms", open.size(), spreadMillis);
      List<Future<Void>> closed = new ArrayList<>();
      for (int i = 0; i < open.size(); i++) {
        Connection connection = open.get(i);
        long at = Math.max(1, spreadMillis * i / open.size());
        closed.add(vertx.timer(at).compose(due ->
            connection.closeAfterSends(Protocol.CLOSE_SERVICE_RESTART, "Server restarting")));
      }
      Future.join(closed).<Void>mapEmpty().onComplete(done);
    });
    return done.future();
  }

  @Override
  public Future<?> stop() {
    // Clients reconnect (to another node, behind a load balancer) and resume with 'since'.
    for (Connection connection : new ArrayList<>(connections)) {
      connection.close(Protocol.CLOSE_SERVICE_RESTART, "Server restarting");
    }
    passwordWorkers.close();
    redis.close();
    return storage == null ? Future.succeededFuture() : storage.close();
  }

  /** The port the server listens on (useful when configured with port 0). */
  public int port() {
    return server.actualPort();
  }

  /** The routes this gateway serves, for the test that holds them and the OpenAPI document to each other. */
  Router router() {
    return router;
  }

  /** Uploads and downloads of files (for tests and operations: its sweep). */
  public FilesApi files() {
    return files;
  }

  /** The rooms this node holds an event-bus consumer for. */
  public Set<String> subscribedRooms() {
    return fanout.rooms();
  }

  /** The open WebSocket connections of this gateway. */
  public int connectionCount() {
    return connections.size();
  }

  private Router router(Requester services, ParleyConfig config) {
    Router router = Router.router(vertx);
    router.route().handler(GatewayVerticle::securityHeaders);
    ProfileApi profiles = new ProfileApi(vertx, services, auth::bearerIdentity);
    profiles.mountPictures(router);
    files = new FilesApi(vertx, services, storage, filesTemp(config), config.files(),
        RateLimiter.perMinute(redisApi, "uploads", config.files().uploadsPerMinute()), auth::bearerIdentity);
    files.mountUpload(router);

    Router api = Router.router(vertx);
    api.route().handler(BodyHandler.create(false).setBodyLimit(API_BODY_LIMIT));
    auth.mountPublic(api);
    invites.mountPublic(api);
    webhooks.mountPublic(api);
    oauth.mountPublic(api);
    NotificationSettingsApi notificationSettings = new NotificationSettingsApi(services);
    notificationSettings.mountPublic(api);
    api.get("/openapi.yaml").handler(ctx -> ctx.response().putHeader("content-type", "application/yaml")
        .sendFile("openapi/parley-v1.yaml").onFailure(ctx::fail));
    api.route().handler(auth::authenticate);
    auth.mountPrivate(api);
    new RoomsApi(services, config.limits(), RateLimiter.perHour(redisApi, "rooms", config.limits().roomsPerHour()))
        .mount(api);
    new ConversationsApi(services, RateLimiter.perMinute(redisApi, "searches", config.limits().searchesPerMinute()))
        .mount(api);
    new SearchApi(services, RateLimiter.perMinute(redisApi, "message-searches",
        config.limits().messageSearchesPerMinute())).mount(api);
    // Same bucket as sends over the WebSocket: edits and reactions are writes to a room's log too.
    new MessagesApi(services, config.limits(), RateLimiter.leased(redisApi, "send", config.limits().sendPerSecond(),
        config.limits().sendBurst())).mount(api);
    profiles.mount(api);
    new PresenceApi(presence).mount(api);
    files.mount(api);
    new PushApi(services, config.notifications()).mount(api);
    new E2eeApi(services).mount(api);
    notificationSettings.mount(api);
    invites.mountPrivate(api);
    webhooks.mountPrivate(api);
    commands.mount(api);
    api.route().handler(ctx -> ctx.fail(404));
    api.route().failureHandler(HttpErrors::handle);
    router.route("/api/v1/*").subRouter(api);

    new NodeHealth(vertx, redisApi, connections::size).mount(router);
    // Invite links open the web client, which reads the token from the path.
    router.get("/invite/:token").handler(ctx -> ctx.reroute("/index.html"));
    router.route().handler(StaticHandler.create("webroot").setCachingEnabled(true).setMaxAgeSeconds(300));
    router.route().failureHandler(HttpErrors::handle);
    return router;
  }

  /** An S3-compatible bucket when one is configured, else the local folder. */
  private FileStorage storage(ParleyConfig config) {
    if (config.files().s3().enabled()) {
      return new S3Storage(vertx, config.files().s3());
    }
    return new LocalStorage(vertx, filesFolder(config));
  }

  private static Path filesFolder(ParleyConfig config) {
    return Path.of(config.dataDir()).resolve(config.files().dir());
  }

  /** Uploads under way, next to the local folder so that storing one there is a rename. */
  private static Path filesTemp(ParleyConfig config) {
    return filesFolder(config).resolve("tmp");
  }

  /** Browsers must not sniff content types or frame the client; scripts come only from Parley itself. */
  private static void securityHeaders(RoutingContext ctx) {
    ctx.response()
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("X-Frame-Options", "DENY")
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader("Content-Security-Policy", "default-src 'self'; connect-src 'self' ws: wss:; "
            + "img-src 'self' data: blob:; object-src 'none'; frame-ancestors 'none'");
    ctx.next();
  }

  /** Refuses before any frame: 403 for a foreign Origin, 401 without valid credentials. */
  private void handshake(ServerWebSocketHandshake handshake) {
    if (draining) {
      handshake.reject(503);
      return;
    }
    if (!"/ws".equals(handshake.path())) {
      handshake.reject(404);
      return;
    }
    if (!originAllowed(handshake)) {
      handshake.reject(403);
      return;
    }
    if (!upgrades.tryEnter()) {
      // More than this node takes on at once (UpgradeGate): the client backs off and comes back.
      handshake.reject(429);
      return;
    }
    upgradeIdentity(handshake).onComplete(identified -> {
      upgrades.leave();
      try {
        answer(handshake, identified.failed() ? null : identified.result());
      } catch (IllegalStateException clientLeft) {
        // The client gave up while it was being authenticated (a reconnection storm, a client's own timeout): its
        // connection is gone, there is nobody to answer.
        LOG.debug("WebSocket client left during its handshake: {}", clientLeft.getMessage());
      }
    });
  }

  private void answer(ServerWebSocketHandshake handshake, Identity identity) {
    if (identity == null) {
      handshake.reject(401);
      return;
    }
    handshake.accept().onSuccess(ws -> {
      Connection connection = new Connection(ws, identity, connectionShared);
      ws.setWriteQueueMaxSize(SOCKET_WRITE_QUEUE_BYTES);
      connections.add(connection);
      connection.start(() -> connections.remove(connection));
    });
  }

  /** A Bearer access token, or a single-use ticket for browsers; null when neither is valid. */
  private Future<Identity> upgradeIdentity(ServerWebSocketHandshake handshake) {
    String authorization = handshake.headers().get("Authorization");
    if (authorization != null) {
      return auth.bearerIdentity(authorization);
    }
    String ticket = queryParam(handshake.query(), "ticket");
    return ticket == null ? Future.succeededFuture()
        : tickets.redeem(ticket).compose(identity -> identity == null ? Future.succeededFuture() : auth.live(identity));
  }

  /** Non-browser clients send no Origin; a browser's must be Parley's own (same origin or configured). */
  private boolean originAllowed(ServerWebSocketHandshake handshake) {
    String origin = handshake.headers().get("Origin");
    if (origin == null || allowedOrigins.contains(origin)) {
      return true;
    }
    HostAndPort authority = handshake.authority();
    try {
      URI uri = URI.create(origin);
      return authority != null && uri.getHost() != null
          && uri.getHost().equalsIgnoreCase(authority.host())
          && portOf(uri.getScheme(), uri.getPort()) == portOf(handshake.scheme(), authority.port());
    } catch (IllegalArgumentException malformed) {
      return false;
    }
  }

  private void sweepConnections() {
    long now = System.currentTimeMillis();
    for (Connection connection : new LinkedHashSet<>(connections)) {
      connection.heartbeat(now);
    }
  }

  private static Set<String> allowedOrigins(String publicUrl, List<String> configured) {
    Set<String> origins = new HashSet<>(configured);
    URI url = URI.create(publicUrl);
    int port = url.getPort();
    origins.add(url.getScheme() + "://" + url.getHost() + (port == -1 ? "" : ":" + port));
    return origins;
  }

  private static int portOf(String scheme, int port) {
    if (port > 0) {
      return port;
    }
    return "https".equalsIgnoreCase(scheme) || "wss".equalsIgnoreCase(scheme) ? 443 : 80;
  }

  private static String queryParam(String query, String name) {
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
