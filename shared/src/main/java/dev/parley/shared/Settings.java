package dev.parley.shared;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import dev.parley.shared.notify.PushEndpoints;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every setting Parley reads, declared once: its path in the configuration, its default, and what it means. The
 * sections of {@link ParleyConfig} read their values through these declarations and nothing else, so a setting
 * cannot be read without being declared here. The README's configuration table is rendered from this list
 * ({@link #table()}); {@code ConfigDocumentationTest} holds the README and {@code conf/parley.json} to it.
 *
 * <p>A setting without a default says instead what happens when it is not set ("embedded", "none: ...").
 */
public final class Settings {

  /**
   * The declared settings, in the README's order. It comes before the declarations because each of them adds itself
   * to it: declaring a setting is listing it.
   */
  private static final List<Setting<?>> DECLARED = new ArrayList<>();

  static final Setting<String> HTTP_HOST = text("http.host", "0.0.0.0", "the interface the gateway listens on");
  static final Setting<Integer> HTTP_PORT = whole("http.port", 8080,
      "the port the gateway listens on (0: any free port)");
  static final Setting<String> HTTP_PUBLIC_URL = optionalText("http.publicUrl", "`http://localhost:<port>`",
      "how browsers reach Parley: links and OAuth callbacks are built from it, and its origin may open WebSockets");
  static final Setting<List<String>> HTTP_ALLOWED_ORIGINS = texts("http.allowedOrigins", List.of(),
      "more browser origins allowed to open WebSockets (a comma list in the environment)");
  static final Setting<List<String>> HTTP_TRUSTED_PROXIES = texts("http.trustedProxies", List.of(),
      "reverse proxies (addresses or CIDR ranges) whose `X-Forwarded-For` names the client for per-address limits;"
          + " from anyone else the header is ignored");

  static final Setting<String> DB_URL = optionalText("db.url", "embedded",
      "PostgreSQL, e.g. `postgresql://parley:secret@db:5432/parley`; the embedded one keeps its files in `dataDir`");
  static final Setting<Integer> DB_POOL_SIZE = whole("db.poolSize", 8,
      "database connections per room-verticle for its commands (it opens two more: one for message writes, one for"
          + " search indexing)");
  static final Setting<Integer> DB_PIPELINING_LIMIT = whole("db.pipeliningLimit", 64,
      "queries one database connection sends ahead before waiting for their answers");
  static final Setting<Integer> DB_BATCH_INTERVAL_MS = whole("db.batchIntervalMs", 3,
      "least time between two message batches of one room-verticle: under load, messages arriving meanwhile share"
          + " the next batch's transaction; a message arriving after a quiet spell is written at once (0: never wait)");

  static final Setting<String> REDIS_URL = optionalText("redis.url", "embedded",
      "Redis, e.g. `redis://redis:6379`; the embedded one keeps nothing across restarts");
  static final Setting<Integer> REDIS_POOL_SIZE = whole("redis.poolSize", 8, "Redis connections per gateway");

  static final Setting<String> AUTH_JWT_SECRET = optionalText("auth.jwtSecret", "generated into `data/jwt.secret`",
      "the access-token signing key; give every gateway of a cluster the same one");
  static final Setting<Integer> AUTH_ACCESS_TOKEN_SECONDS = whole("auth.accessTokenSeconds", 900,
      "how long an access token lasts (an open WebSocket outlives it)");
  static final Setting<Integer> AUTH_REFRESH_TOKEN_DAYS = whole("auth.refreshTokenDays", 30,
      "how long a refresh token lasts (refresh tokens rotate on every use)");

  static final Setting<Integer> AUTH_PASSWORD_RESET_MINUTES = whole("auth.passwordResetMinutes", 30,
      "how long an emailed password-reset link works (once)");
  static final Setting<Integer> AUTH_EMAIL_VERIFICATION_HOURS = whole("auth.emailVerificationHours", 24,
      "how long an emailed email-verification link works (once)");
  static final Setting<Boolean> AUTH_VERIFY_EMAIL_ON_SIGN_UP = flag("auth.verifyEmailOnSignUp", true,
      "email everyone who signs up with a password a link that verifies their address (people can always ask for one"
          + " later; off for a load test that signs up thousands)");

  static final Setting<Integer> LIMITS_MAX_TEXT_LENGTH = whole("limits.maxTextLength", 4000,
      "characters (Unicode code points) in one message");
  static final Setting<Integer> LIMITS_MAX_FRAME_BYTES = whole("limits.maxFrameBytes", 65536,
      "largest WebSocket frame (bigger closes with 1009)");
  static final Setting<Integer> LIMITS_REPLAY_LIMIT = whole("limits.replayLimit", 500,
      "events replayed on resume before a `gap` is sent instead");
  static final Setting<Integer> LIMITS_HISTORY_PAGE_MAX = whole("limits.historyPageMax", 200,
      "the largest `limit` of one page of HTTP history");
  static final Setting<Double> LIMITS_SEND_PER_SECOND = decimal("limits.sendPerSecond", 10.0,
      "each person's send rate over all their connections (token bucket in Redis)");
  static final Setting<Integer> LIMITS_SEND_BURST = whole("limits.sendBurst", 30,
      "sends a person may make at once before `limits.sendPerSecond` holds them back");
  static final Setting<Integer> LIMITS_SOCKET_QUEUE_FRAMES = whole("limits.socketQueueFrames", 1024,
      "frames a slow socket may fall behind before it is closed with 1013");
  static final Setting<Integer> LIMITS_SUBSCRIPTIONS_PER_SOCKET = whole("limits.subscriptionsPerSocket", 1000,
      "rooms one WebSocket connection may follow at once");
  static final Setting<Integer> LIMITS_HEARTBEAT_SECONDS = whole("limits.heartbeatSeconds", 30,
      "clients speak at least this often; silent for twice that, they are closed with 1001");
  static final Setting<Integer> LIMITS_AUTH_PER_MINUTE = whole("limits.authPerMinute", 30,
      "sign-ups and sign-ins from one IP address per minute (in bursts of as many)");
  static final Setting<Integer> LIMITS_ROOMS_PER_HOUR = whole("limits.roomsPerHour", 30,
      "channels and private rooms one person may create per hour (in bursts of as many)");
  static final Setting<Integer> LIMITS_INVITE_EMAILS_PER_DAY = whole("limits.inviteEmailsPerDay", 100,
      "invitation emails one person may have sent per day, over all rooms (in bursts of as many)");
  static final Setting<Integer> LIMITS_SEARCHES_PER_MINUTE = whole("limits.searchesPerMinute", 60,
      "people searches one person may make per minute (in bursts of as many)");
  static final Setting<Integer> LIMITS_MESSAGE_SEARCHES_PER_MINUTE = whole("limits.messageSearchesPerMinute", 30,
      "message searches (and their further pages) one person may make per minute (in bursts of as many)");

  static final Setting<Boolean> CLUSTER_ENABLED = flag("cluster.enabled", false,
      "join a Hazelcast cluster (also `--cluster` or `PARLEY_CLUSTER=true`)");
  static final Setting<String> CLUSTER_NAME = text("cluster.name", "parley",
      "the Hazelcast cluster's name: a node joins only members of the same name");
  static final Setting<String> CLUSTER_HOST = text("cluster.host", "127.0.0.1",
      "the interface Hazelcast binds to and announces to the other members");
  static final Setting<Integer> CLUSTER_PORT = whole("cluster.port", 5701,
      "the Hazelcast port (the next free one when it is taken)");
  static final Setting<List<String>> CLUSTER_MEMBERS = texts("cluster.members", List.of("127.0.0.1"),
      "TCP-IP discovery: where to find the other members (a comma list in the environment)");
  static final Setting<Integer> CLUSTER_EVENT_BUS_PORT = whole("cluster.eventBusPort", 0,
      "the port of the event bus's own TCP connections between members (0: any free port; fix it where a firewall"
          + " or a NetworkPolicy names the port)");
  static final Setting<String> CLUSTER_KUBERNETES_SERVICE = optionalText("cluster.kubernetesService",
      "none: TCP-IP `members`",
      "DNS name of a headless Service for Hazelcast discovery in Kubernetes (then `members` is not used)");
  static final Setting<String> CLUSTER_SECRET = optionalText("cluster.secret", "none: `name` as it is",
      "a secret all members share: the Hazelcast cluster name is derived from it, so a node that does not know it"
          + " cannot join (keep it in the environment: `PARLEY_CLUSTER_SECRET`)");
  static final Setting<String> CLUSTER_TLS_CERT = optionalText("cluster.tlsCert", "none: the event bus in plain TCP",
      "PEM certificate of this member for the event bus's TLS with mutual authentication ([docs/security.md]"
          + "(docs/security.md))");
  static final Setting<String> CLUSTER_TLS_KEY = optionalText("cluster.tlsKey", "none",
      "PEM private key of `cluster.tlsCert`");
  static final Setting<String> CLUSTER_TLS_CA = optionalText("cluster.tlsCa", "none",
      "PEM certificate(s) of the authority that signs members' certificates: only its members are talked to");

  static final Setting<String> MAIL_HOST = optionalText("mail.host", "none: emails go to `mail.outbox`",
      "the SMTP server for invitation email");
  static final Setting<Integer> MAIL_PORT = whole("mail.port", 25, "the SMTP server's port");
  static final Setting<String> MAIL_USERNAME = optionalText("mail.username", "none: no login",
      "the SMTP login name");
  static final Setting<String> MAIL_PASSWORD = optionalText("mail.password", "none",
      "the SMTP password (keep it in the environment: `PARLEY_MAIL_PASSWORD`)");
  static final Setting<Boolean> MAIL_START_TLS = flag("mail.startTls", false,
      "require STARTTLS on the SMTP connection");
  static final Setting<String> MAIL_FROM = text("mail.from", "Parley <parley@localhost>",
      "the sender of Parley's emails");
  static final Setting<String> MAIL_OUTBOX = text("mail.outbox", "outbox",
      "where emails are written (and logged) when there is no SMTP server; under `dataDir` unless absolute");
  static final Setting<Long> MAIL_RETRY_MILLIS = wholeLong("mail.retryMillis", 2_000L,
      "the wait before a failed email is tried again; each further wait doubles");
  static final Setting<Integer> MAIL_MAX_ATTEMPTS = whole("mail.maxAttempts", 8,
      "attempts in all to send one email before it is reported failed");

  static final Setting<JsonObject> OAUTH_PROVIDERS = object("oauth.providers", "none",
      "sign-in providers by id: `{\"type\":\"oidc\",\"issuer\":..,\"clientId\":..,\"clientSecret\":..,\"name\":..}`,"
          + " or ids `github` / `google` with a client id and secret; from the environment"
          + " `PARLEY_OAUTH_<ID>_CLIENT_SECRET` and the like ([docs/identity.md](docs/identity.md))");

  static final Setting<Integer> PRESENCE_LEASE_SECONDS = whole("presence.leaseSeconds", 30,
      "how long a gateway's word that a device is connected holds unless renewed (it renews every third of it): a"
          + " node that dies takes its people offline within this plus `presence.sweepSeconds`");
  static final Setting<Integer> PRESENCE_SWEEP_SECONDS = whole("presence.sweepSeconds", 5,
      "how often each gateway looks for leases that ran out (a dead node's devices) and tells their watchers");

  static final Setting<Boolean> NOTIFY_ENABLED = flag("notify.enabled", true,
      "whether notification-verticle decides who stored messages notify (invitation emails are sent either way)");
  static final Setting<Long> NOTIFY_POLL_MILLIS = wholeLong("notify.pollMillis", 1_000L,
      "how often each notification-verticle looks for due work in the outbox when it has none (work queued by the"
          + " same instance is taken at once)");
  static final Setting<Integer> NOTIFY_LEASE_SECONDS = whole("notify.leaseSeconds", 120,
      "how long a notification-verticle holds work it claimed: work of an instance that stopped is taken over by"
          + " another (or by itself, restarted) after this. Keep it above the longest attempt (an email's is 60 s at"
          + " most, a push's 30 s): an attempt still running when its lease ends may be made again elsewhere");

  static final Setting<Double> NOTIFY_EMAIL_AFTER_MINUTES = decimal("notify.emailAfterMinutes", 15.0,
      "how long a DM or mention may stay unread before it is emailed, gathered with everything else unread since the"
          + " person's last such email (fractions allowed)");
  static final Setting<List<String>> NOTIFY_PUSH_SERVICES = texts("notify.pushServices",
      PushEndpoints.KNOWN_SERVICES, "the push services a device's Web Push subscription may point at (origins, `*.` for"
          + " their subdomains; `https` only, unless an entry names an `http` origin exactly): nothing else is ever"
          + " POSTed to");
  static final Setting<String> NOTIFY_VAPID_PUBLIC_KEY = optionalText("notify.vapidPublicKey",
      "generated into `data/vapid.json`", "the VAPID public key (base64url, 65 bytes uncompressed P-256) that"
          + " browsers subscribe with; every node of a cluster needs the same pair");
  static final Setting<String> NOTIFY_VAPID_PRIVATE_KEY = optionalText("notify.vapidPrivateKey",
      "generated into `data/vapid.json`", "the VAPID private key (base64url, 32 bytes) that signs pushes; keep it in"
          + " the environment: `PARLEY_NOTIFY_VAPID_PRIVATE_KEY`");
  static final Setting<String> NOTIFY_VAPID_SUBJECT = optionalText("notify.vapidSubject", "`http.publicUrl`",
      "how a push service can reach whoever runs this server: a `mailto:` address or an `https` URL");
  static final Setting<Integer> NOTIFY_PUSH_TTL_SECONDS = whole("notify.pushTtlSeconds", 14_400,
      "how long a push service keeps a push for a device that is offline before dropping it");

  static final Setting<List<String>> WORKSPACE_DEFAULT_CHANNELS = texts("workspace.defaultChannels",
      List.of("general"), "public channels everyone joins on signing up, so nobody starts with an empty sidebar; those"
          + " that do not exist yet are made with the workspace's first owner (a comma list in the environment)");

  static final Setting<String> FILES_DIR = text("files.dir", "files",
      "where uploaded files are kept when no S3 bucket is configured; under `dataDir` unless absolute");
  static final Setting<Long> FILES_MAX_BYTES = wholeLong("files.maxBytes", 100L * 1024 * 1024,
      "the largest upload, in bytes: a bigger one is cut off at this size with 413");
  static final Setting<Long> FILES_QUOTA_BYTES_PER_DAY = wholeLong("files.quotaBytesPerDay", 1024L * 1024 * 1024,
      "bytes one person may upload in 24 hours, over all rooms");
  static final Setting<Integer> FILES_UPLOADS_PER_MINUTE = whole("files.uploadsPerMinute", 30,
      "uploads one person may start per minute (in bursts of as many)");
  static final Setting<Integer> FILES_UNSENT_HOURS = whole("files.unsentHours", 24,
      "uploads never sent in a message are removed after this many hours");
  static final Setting<String> FILES_S3_BUCKET = optionalText("files.s3Bucket", "none: files in `files.dir`",
      "keep files in this S3-compatible bucket instead of a folder ([docs/files.md](docs/files.md));"
          + " `PARLEY_FILES_S3_BUCKET`");
  static final Setting<String> FILES_S3_ENDPOINT = optionalText("files.s3Endpoint", "none: AWS S3 of the region",
      "the S3-compatible endpoint URL (MinIO, Ceph, R2, ...), e.g. `https://minio:9000`");
  static final Setting<String> FILES_S3_REGION = text("files.s3Region", "us-east-1", "the bucket's region");
  static final Setting<String> FILES_S3_ACCESS_KEY = optionalText("files.s3AccessKey",
      "none: the AWS default credentials chain", "the S3 access key id");
  static final Setting<String> FILES_S3_SECRET_KEY = optionalText("files.s3SecretKey", "none",
      "the S3 secret key (keep it in the environment: `PARLEY_FILES_S3_SECRET_KEY`)");
  static final Setting<Boolean> FILES_S3_PATH_STYLE = flag("files.s3PathStyle", false,
      "address the bucket in the path (`endpoint/bucket/key`) rather than as a host name: most S3-compatible servers"
          + " want this");

  static final Setting<List<String>> HOOKS_MESSAGE = texts("hooks.message", List.of(),
      "message hooks by name, asked in this order before a message is stored or edited (none: the message path asks"
          + " nothing) ([docs/plugins.md](docs/plugins.md))");
  static final Setting<Integer> HOOKS_DEADLINE_MS = whole("hooks.deadlineMs", 200,
      "how long a message hook may take to answer before its `onLate` policy decides instead");
  static final Setting<String> HOOKS_ON_LATE = text("hooks.onLate", "allow",
      "what a hook that is late, fails or is not deployed means: `allow` lets the message through, `refuse` refuses"
          + " it with `unavailable`");
  static final Setting<JsonObject> HOOKS_PER_HOOK = object("hooks.perHook", "none",
      "per hook name, `{\"deadlineMs\",\"onLate\"}` overriding the two settings above for that hook");
  static final Setting<String> PLUGINS_DIR = text("plugins.dir", "plugins",
      "the folder of in-process plugin jars, found with `ServiceLoader` at start ([docs/plugins.md](docs/plugins.md));"
          + " a folder that does not exist means no plugins");
  static final Setting<JsonObject> PLUGINS_CONFIG = object("plugins.config", "none",
      "each plugin's own configuration section, by plugin name (`{\"word-filter\":{\"words\":[..]}}`)");

  static final Setting<Boolean> BRIDGE_ENABLED = flag("bridge.enabled", false,
      "open the TCP event-bus bridge for out-of-process plugins ([docs/plugins.md](docs/plugins.md))");
  static final Setting<String> BRIDGE_HOST = text("bridge.host", "127.0.0.1",
      "the interface the bridge listens on: keep it private (loopback, or the cluster's network)");
  static final Setting<Integer> BRIDGE_PORT = whole("bridge.port", 7001, "the bridge's port (the bridge does not report a port picked for 0: give one)");
  static final Setting<JsonObject> BRIDGE_PLUGINS = object("bridge.plugins", "none: nobody may connect",
      "out-of-process plugins by name: `{\"token\",\"addresses\",\"actions\",\"hooks\",\"bot\"}`, the token it"
          + " connects with and what it may use; `bot` is the account every command it sends must act for");

  static final Setting<Integer> WEBHOOKS_RETRY_MILLIS = whole("webhooks.retryMillis", 1000,
      "the wait before an outgoing webhook that failed (no answer, or not 2xx) is called again; each further wait"
          + " doubles");
  static final Setting<Integer> WEBHOOKS_MAX_ATTEMPTS = whole("webhooks.maxAttempts", 5,
      "calls in all of an outgoing webhook for one message before it is given up (and logged)");

  static final Setting<String> OPS_HOST = text("ops.host", "0.0.0.0",
      "the interface of the management port (`ops.port`)");
  static final Setting<Integer> OPS_PORT = declare(new Setting<>("ops.port", null, "none: no management port",
      "a port of its own, on every node whatever its roles, for `/health/live`, `/health/ready` and Prometheus"
          + " `/metrics` (metrics are collected only when it is set; 0: any free port)", JsonObject::getInteger));

  static final Setting<String> DATA_DIR = text("dataDir", "data",
      "where the embedded PostgreSQL, the generated token secret and the outbox live");

  private Settings() {
  }

  /** Every declared setting, in the README's order. */
  public static List<Setting<?>> all() {
    return Collections.unmodifiableList(DECLARED);
  }

  /** The README's configuration table, one row per setting, as markdown. */
  public static String table() {
    String rows = DECLARED.stream()
        .map(setting -> "| `" + setting.path() + "` | " + setting.defaultText() + " | " + setting.meaning() + " |")
        .collect(Collectors.joining("\n"));
    return "| setting | default | meaning |\n|---|---|---|\n" + rows + "\n";
  }

  /**
   * One setting. {@code path} is {@code section.key}, or just {@code key} outside the sections; {@code unset} says
   * what happens without a value, for a setting whose default is null.
   */
  public static final class Setting<T> {

    private final String path;
    private final String section;
    private final String key;
    private final T fallback;
    private final String unset;
    private final String meaning;
    private final Reader<T> reader;

    private Setting(String path, T fallback, String unset, String meaning, Reader<T> reader) {
      int dot = path.indexOf('.');
      this.path = path;
      this.section = dot < 0 ? null : path.substring(0, dot);
      this.key = path.substring(dot + 1);
      this.fallback = fallback;
      this.unset = unset;
      this.meaning = meaning;
      this.reader = reader;
    }

    public String path() {
      return path;
    }

    public String meaning() {
      return meaning;
    }

    /** The default, as the README shows it. */
    public String defaultText() {
      if (fallback == null) {
        return unset;
      }
      if (fallback instanceof String text) {
        return "`" + text + "`";
      }
      if (fallback instanceof List<?> list) {
        return list.isEmpty() ? "none" : list.stream().map(item -> "`" + item + "`").collect(Collectors.joining(", "));
      }
      if (fallback instanceof Double number && number == Math.rint(number)) {
        return String.valueOf(number.longValue());
      }
      return String.valueOf(fallback);
    }

    /** The default value; null when the setting has none. */
    T fallback() {
      return fallback;
    }

    /** The value in a whole configuration: the default when its section or its key is absent. */
    T read(JsonObject config) {
      JsonObject owner = section == null ? config : config.getJsonObject(section);
      return owner == null ? fallback : reader.read(owner, key, fallback);
    }
  }

  /** How one kind of value is read from its section: a JsonObject getter, given the default for an absent key. */
  @FunctionalInterface
  private interface Reader<T> {
    T read(JsonObject section, String key, T fallback);
  }

  private static Setting<String> text(String path, String fallback, String meaning) {
    return declare(new Setting<>(path, fallback, null, meaning, JsonObject::getString));
  }

  private static Setting<String> optionalText(String path, String unset, String meaning) {
    return declare(new Setting<>(path, null, unset, meaning, JsonObject::getString));
  }

  private static Setting<Integer> whole(String path, int fallback, String meaning) {
    return declare(new Setting<>(path, fallback, null, meaning, JsonObject::getInteger));
  }

  private static Setting<Long> wholeLong(String path, long fallback, String meaning) {
    return declare(new Setting<>(path, fallback, null, meaning, JsonObject::getLong));
  }

  private static Setting<Double> decimal(String path, double fallback, String meaning) {
    return declare(new Setting<>(path, fallback, null, meaning, JsonObject::getDouble));
  }

  private static Setting<Boolean> flag(String path, boolean fallback, String meaning) {
    return declare(new Setting<>(path, fallback, null, meaning, JsonObject::getBoolean));
  }

  private static Setting<List<String>> texts(String path, List<String> fallback, String meaning) {
    return declare(new Setting<>(path, fallback, null, meaning, Settings::strings));
  }

  private static Setting<JsonObject> object(String path, String unset, String meaning) {
    return declare(new Setting<>(path, null, unset, meaning, JsonObject::getJsonObject));
  }

  private static <T> Setting<T> declare(Setting<T> setting) {
    // A pipe or a line break would break the README's table.
    String shown = setting.defaultText() + setting.meaning();
    if (shown.contains("|") || shown.contains("\n")) {
      throw new IllegalArgumentException(setting.path() + ": no '|' or line break in a setting's text");
    }
    DECLARED.add(setting);
    return setting;
  }

  private static List<String> strings(JsonObject json, String key, List<String> fallback) {
    JsonArray array = json.getJsonArray(key);
    if (array == null) {
      return fallback;
    }
    return array.stream().map(String::valueOf).toList();
  }
}
