package dev.parley.shared;

import dev.parley.shared.plugins.PluginManifest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration model: one record per section of the merged configuration (defaults in {@code conf/}, a
 * config file, then {@code PARLEY_*} environment variables). Each section reads its values through their
 * declarations in {@link Settings}, where every setting's path, default and meaning is written once; an absent
 * section or key means the declared default.
 */
public record ParleyConfig(Http http, Database db, RedisSettings redis, Auth auth, Limits limits, Cluster cluster,
                           Mail mail, OAuth oauth, Workspace workspace, PresenceSettings presence, Files files,
                           Notify notifications, Ops ops, String dataDir, Hooks hooks, Plugins plugins,
                           Bridge bridge, Webhooks webhooks) {

  public static ParleyConfig fromJson(JsonObject json) {
    return new ParleyConfig(Http.fromJson(json), Database.fromJson(json), RedisSettings.fromJson(json),
        Auth.fromJson(json), Limits.fromJson(json), Cluster.fromJson(json), Mail.fromJson(json), OAuth.fromJson(json),
        Workspace.fromJson(json), PresenceSettings.fromJson(json), Files.fromJson(json), Notify.fromJson(json),
        Ops.fromJson(json), Settings.DATA_DIR.read(json), Hooks.fromJson(json), Plugins.fromJson(json),
        Bridge.fromJson(json), Webhooks.fromJson(json));
  }

  /**
   * Message hooks ({@link dev.parley.shared.plugins.MessageHook}): their names in the order they are asked, and for
   * each its deadline and what it means when it is late, fails or is not there.
   */
  public record Hooks(List<Hook> message) {
    static Hooks fromJson(JsonObject config) {
      int deadline = Settings.HOOKS_DEADLINE_MS.read(config);
      boolean refuse = refuses(Settings.HOOKS_ON_LATE.read(config), "hooks.onLate");
      JsonObject perHook = Settings.HOOKS_PER_HOOK.read(config);
      List<Hook> hooks = Settings.HOOKS_MESSAGE.read(config).stream().map(name -> {
        JsonObject own = perHook == null ? null : perHook.getJsonObject(name);
        if (own == null) {
          return new Hook(name, deadline, refuse);
        }
        return new Hook(name, own.getInteger("deadlineMs", deadline),
            own.containsKey("onLate") ? refuses(own.getString("onLate"), "hooks.perHook." + name) : refuse);
      }).toList();
      return new Hooks(hooks);
    }

    private static boolean refuses(String policy, String where) {
      return switch (policy) {
        case "allow" -> false;
        case "refuse" -> true;
        default -> throw new IllegalArgumentException(where + " must be allow or refuse, not " + policy);
      };
    }

    /** One hook: its name, its deadline, and whether a late or missing answer refuses the message. */
    public record Hook(String name, int deadlineMs, boolean refuseWhenLate) {
    }
  }

  /**
   * The TCP event-bus bridge for out-of-process plugins: where it listens, and each plugin allowed to connect: its
   * token, its allow-list (as a manifest), and the account it acts for when it is a bot (null: any).
   */
  public record Bridge(boolean enabled, String host, int port, Map<String, BridgePlugin> plugins) {
    static Bridge fromJson(JsonObject config) {
      JsonObject declared = Settings.BRIDGE_PLUGINS.read(config);
      Map<String, BridgePlugin> plugins = new LinkedHashMap<>();
      if (declared != null) {
        for (String name : declared.fieldNames()) {
          JsonObject plugin = declared.getJsonObject(name);
          String token = plugin.getString("token");
          if (token == null || token.length() < 32) {
            throw new IllegalArgumentException("bridge.plugins." + name + ".token must be at least 32 characters");
          }
          plugins.put(name, new BridgePlugin(token, new PluginManifest(name, plugin.getString("description", name),
              strings(plugin, "addresses"), strings(plugin, "actions"), strings(plugin, "hooks")),
              plugin.getString("bot")));
        }
      }
      return new Bridge(Settings.BRIDGE_ENABLED.read(config), Settings.BRIDGE_HOST.read(config),
          Settings.BRIDGE_PORT.read(config), Collections.unmodifiableMap(plugins));
    }

    private static List<String> strings(JsonObject json, String key) {
      return json.getJsonArray(key, new JsonArray()).stream().map(String::valueOf).toList();
    }

    /** One out-of-process plugin: the token it connects with, what it may use, and the bot account it acts for. */
    public record BridgePlugin(String token, PluginManifest manifest, String bot) {
      @Override
      public String toString() {
        return "BridgePlugin[" + manifest.name() + "]";
      }
    }
  }

  /** Outgoing webhooks: how a failed call is retried. */
  public record Webhooks(int retryMillis, int maxAttempts) {
    static Webhooks fromJson(JsonObject config) {
      return new Webhooks(Settings.WEBHOOKS_RETRY_MILLIS.read(config), Settings.WEBHOOKS_MAX_ATTEMPTS.read(config));
    }
  }

  /** In-process plugins: the folder of their jars, and each one's own configuration section by plugin name. */
  public record Plugins(String dir, JsonObject config) {
    static Plugins fromJson(JsonObject config) {
      JsonObject sections = Settings.PLUGINS_CONFIG.read(config);
      return new Plugins(Settings.PLUGINS_DIR.read(config), sections == null ? new JsonObject() : sections.copy());
    }

    /** The configuration section of one plugin (empty when it has none). */
    public JsonObject of(String plugin) {
      JsonObject section = config.getJsonObject(plugin);
      return section == null ? new JsonObject() : section.copy();
    }
  }

  /**
   * Notifications: whether notification-verticle decides them, how it works through its outbox, when unread DMs and
   * mentions are emailed, and Web Push (the push services subscriptions may point at, the VAPID key pair and subject,
   * how long a push may wait).
   */
  public record Notify(boolean enabled, long pollMillis, int leaseSeconds, double emailAfterMinutes,
                       List<String> pushServices, String vapidPublicKey, String vapidPrivateKey, String vapidSubject,
                       int pushTtlSeconds) {
    static Notify fromJson(JsonObject config) {
      return new Notify(Settings.NOTIFY_ENABLED.read(config), Settings.NOTIFY_POLL_MILLIS.read(config),
          Settings.NOTIFY_LEASE_SECONDS.read(config), Settings.NOTIFY_EMAIL_AFTER_MINUTES.read(config),
          Settings.NOTIFY_PUSH_SERVICES.read(config),
          Settings.NOTIFY_VAPID_PUBLIC_KEY.read(config), Settings.NOTIFY_VAPID_PRIVATE_KEY.read(config),
          Settings.NOTIFY_VAPID_SUBJECT.read(config), Settings.NOTIFY_PUSH_TTL_SECONDS.read(config));
    }
  }

  /** Presence leases in Redis: how long a gateway's word holds, and how often expired ones are looked for. */
  public record PresenceSettings(int leaseSeconds, int sweepSeconds) {
    static PresenceSettings fromJson(JsonObject config) {
      return new PresenceSettings(Settings.PRESENCE_LEASE_SECONDS.read(config),
          Settings.PRESENCE_SWEEP_SECONDS.read(config));
    }
  }

  /**
   * Uploaded files: where they are kept (a folder, {@code dir} under the data folder unless absolute, or an S3 bucket
   * when {@code s3Bucket} is set), how large one may be, and how much one person may upload.
   */
  public record Files(String dir, long maxBytes, long quotaBytesPerDay, int uploadsPerMinute, int unsentHours,
                      S3 s3) {
    static Files fromJson(JsonObject config) {
      return new Files(
          Settings.FILES_DIR.read(config),
          Settings.FILES_MAX_BYTES.read(config),
          Settings.FILES_QUOTA_BYTES_PER_DAY.read(config),
          Settings.FILES_UPLOADS_PER_MINUTE.read(config),
          Settings.FILES_UNSENT_HOURS.read(config),
          new S3(Settings.FILES_S3_BUCKET.read(config), Settings.FILES_S3_ENDPOINT.read(config),
              Settings.FILES_S3_REGION.read(config), Settings.FILES_S3_ACCESS_KEY.read(config),
              Settings.FILES_S3_SECRET_KEY.read(config), Settings.FILES_S3_PATH_STYLE.read(config)));
    }
  }

  /** An S3-compatible bucket; no {@code bucket} means files are kept in a folder. */
  public record S3(String bucket, String endpoint, String region, String accessKey, String secretKey,
                   boolean pathStyle) {
    public boolean enabled() {
      return bucket != null && !bucket.isBlank();
    }
  }

  /** What every newcomer finds: the public channels they join on signing up (names as written, normalised later). */
  public record Workspace(List<String> defaultChannels) {
    static Workspace fromJson(JsonObject config) {
      return new Workspace(Settings.WORKSPACE_DEFAULT_CHANNELS.read(config));
    }
  }

  /**
   * The HTTP server. {@code publicUrl} is how browsers reach Parley (used for links and the default allowed
   * Origin; when not set, {@code http://localhost:<the port listened on>}); {@code allowedOrigins} adds more
   * origins that may open WebSockets.
   */
  public record Http(String host, int port, String publicUrl, List<String> allowedOrigins,
                     List<String> trustedProxies) {
    static Http fromJson(JsonObject config) {
      return new Http(
          Settings.HTTP_HOST.read(config),
          Settings.HTTP_PORT.read(config),
          Settings.HTTP_PUBLIC_URL.read(config),
          Settings.HTTP_ALLOWED_ORIGINS.read(config),
          Settings.HTTP_TRUSTED_PROXIES.read(config));
    }

    /** The public URL, given the port the server actually listens on (which differs when configured as 0). */
    public String publicUrl(int listeningPort) {
      String url = publicUrl == null ? "http://localhost:" + listeningPort : publicUrl;
      return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
  }

  /** PostgreSQL; no {@code url} means the embedded server. */
  public record Database(String url, int poolSize, int pipeliningLimit, int batchIntervalMs) {
    static Database fromJson(JsonObject config) {
      return new Database(
          Settings.DB_URL.read(config),
          Settings.DB_POOL_SIZE.read(config),
          Settings.DB_PIPELINING_LIMIT.read(config),
          Settings.DB_BATCH_INTERVAL_MS.read(config));
    }
  }

  /** Redis; no {@code url} means the embedded server. */
  public record RedisSettings(String url, int poolSize) {
    static RedisSettings fromJson(JsonObject config) {
      return new RedisSettings(
          Settings.REDIS_URL.read(config),
          Settings.REDIS_POOL_SIZE.read(config));
    }
  }

  /** Tokens. No {@code jwtSecret} means one generated once and kept in the data folder. */
  public record Auth(String jwtSecret, int accessTokenSeconds, int refreshTokenDays, int passwordResetMinutes,
                     int emailVerificationHours, boolean verifyEmailOnSignUp) {
    static Auth fromJson(JsonObject config) {
      return new Auth(
          Settings.AUTH_JWT_SECRET.read(config),
          Settings.AUTH_ACCESS_TOKEN_SECONDS.read(config),
          Settings.AUTH_REFRESH_TOKEN_DAYS.read(config),
          Settings.AUTH_PASSWORD_RESET_MINUTES.read(config),
          Settings.AUTH_EMAIL_VERIFICATION_HOURS.read(config),
          Settings.AUTH_VERIFY_EMAIL_ON_SIGN_UP.read(config));
    }
  }

  /**
   * Sizes and rates that keep one client from hurting the others. {@code authPerMinute} bounds sign-ups and sign-ins
   * from one IP address, {@code loginPerMinute} sign-in attempts on one account (each with a burst of as many).
   */
  public record Limits(int maxTextLength, int maxFrameBytes, int replayLimit, int historyPageMax,
                       double sendPerSecond, int sendBurst, int socketQueueFrames, int subscriptionsPerSocket,
                       int heartbeatSeconds,
                       int authPerMinute, int roomsPerHour, int inviteEmailsPerDay, int searchesPerMinute,
                       int messageSearchesPerMinute) {
    static Limits fromJson(JsonObject config) {
      return new Limits(
          Settings.LIMITS_MAX_TEXT_LENGTH.read(config),
          Settings.LIMITS_MAX_FRAME_BYTES.read(config),
          Settings.LIMITS_REPLAY_LIMIT.read(config),
          Settings.LIMITS_HISTORY_PAGE_MAX.read(config),
          Settings.LIMITS_SEND_PER_SECOND.read(config),
          Settings.LIMITS_SEND_BURST.read(config),
          Settings.LIMITS_SOCKET_QUEUE_FRAMES.read(config),
          Settings.LIMITS_SUBSCRIPTIONS_PER_SOCKET.read(config),
          Settings.LIMITS_HEARTBEAT_SECONDS.read(config),
          Settings.LIMITS_AUTH_PER_MINUTE.read(config),
          Settings.LIMITS_ROOMS_PER_HOUR.read(config),
          Settings.LIMITS_INVITE_EMAILS_PER_DAY.read(config),
          Settings.LIMITS_SEARCHES_PER_MINUTE.read(config),
          Settings.LIMITS_MESSAGE_SEARCHES_PER_MINUTE.read(config));
    }
  }

  /**
   * The management port every node may open for probes and Prometheus, apart from the public one: metrics and
   * health are not for the internet, and a node without the gateway role has no HTTP server otherwise.
   */
  public record Ops(String host, Integer port) {
    static Ops fromJson(JsonObject config) {
      return new Ops(Settings.OPS_HOST.read(config), Settings.OPS_PORT.read(config));
    }

    /** Whether the node opens the management port (and so collects metrics). */
    public boolean enabled() {
      return port != null && port >= 0;
    }
  }

  /**
   * Hazelcast clustering of the event bus: TCP-IP {@code members}, or Kubernetes DNS discovery when
   * {@code kubernetesService} is set.
   */
  public record Cluster(boolean enabled, String name, String host, int port, int eventBusPort,
                        List<String> members, String kubernetesService, String secret, String tlsCert, String tlsKey, String tlsCa) {
    static Cluster fromJson(JsonObject config) {
      return new Cluster(
          Settings.CLUSTER_ENABLED.read(config),
          Settings.CLUSTER_NAME.read(config),
          Settings.CLUSTER_HOST.read(config),
          Settings.CLUSTER_PORT.read(config),
          Settings.CLUSTER_EVENT_BUS_PORT.read(config),
          Settings.CLUSTER_MEMBERS.read(config),
          Settings.CLUSTER_KUBERNETES_SERVICE.read(config),
          Settings.CLUSTER_SECRET.read(config),
          Settings.CLUSTER_TLS_CERT.read(config),
          Settings.CLUSTER_TLS_KEY.read(config),
          Settings.CLUSTER_TLS_CA.read(config));
    }

    /** Whether the event bus runs over TLS with mutual authentication. */
    public boolean tls() {
      return tlsCert != null;
    }
  }

  /**
   * Outgoing email. No {@code host} means no SMTP server: mails are written to {@code outbox} (under the data
   * folder unless absolute) and logged. A failed send is retried {@code maxAttempts} times in all, waiting
   * {@code retryMillis}, then twice that, and so on.
   */
  public record Mail(String host, int port, String username, String password, boolean startTls, String from,
                     String outbox, long retryMillis, int maxAttempts) {
    static Mail fromJson(JsonObject config) {
      return new Mail(
          Settings.MAIL_HOST.read(config),
          Settings.MAIL_PORT.read(config),
          Settings.MAIL_USERNAME.read(config),
          Settings.MAIL_PASSWORD.read(config),
          Settings.MAIL_START_TLS.read(config),
          Settings.MAIL_FROM.read(config),
          Settings.MAIL_OUTBOX.read(config),
          Settings.MAIL_RETRY_MILLIS.read(config),
          Settings.MAIL_MAX_ATTEMPTS.read(config));
    }
  }

  /**
   * Sign-in through OAuth2/OIDC providers, by id (the id is part of the callback URL:
   * {@code <publicUrl>/api/v1/auth/oauth/<id>/callback}). Only configured providers are offered. Each is
   * {@code {"type":"oidc"|"github"|"google","clientId","clientSecret","issuer","name","trustEmail"}}:
   * {@code issuer} is the OIDC discovery base URL (required for "oidc"), {@code name} the button label, and
   * {@code trustEmail} counts the provider's email addresses as verified even without an {@code email_verified}
   * claim (only for a provider whose addresses the workspace controls, such as a single-tenant Entra ID).
   *
   * <p>Environment variables reach a provider through flat keys: {@code PARLEY_OAUTH_GITHUB_CLIENT_SECRET} is
   * {@code oauth.githubClientSecret}, which sets {@code clientSecret} of provider {@code github}; a provider named
   * "github" or "google" has that type unless told otherwise, any other is "oidc".
   */
  public record OAuth(Map<String, Provider> providers) {
    private static final Pattern FLAT_KEY =
        Pattern.compile("^([a-z0-9]+)(Type|ClientId|ClientSecret|Issuer|Name|TrustEmail)$");

    static OAuth fromJson(JsonObject config) {
      Map<String, JsonObject> merged = new LinkedHashMap<>();
      JsonObject providers = Settings.OAUTH_PROVIDERS.read(config);
      if (providers != null) {
        for (String id : providers.fieldNames()) {
          if (providers.getValue(id) instanceof JsonObject provider) {
            merged.put(id, provider.copy());
          }
        }
      }
      // The same providers as the environment spells them: flat keys of the section, declared with OAUTH_PROVIDERS
      // (one README row), since the environment cannot name a key inside a key inside a section.
      JsonObject section = config.getJsonObject("oauth", new JsonObject());
      for (String key : section.fieldNames()) {
        Matcher flat = FLAT_KEY.matcher(key);
        if (flat.matches()) {
          String field = Character.toLowerCase(flat.group(2).charAt(0)) + flat.group(2).substring(1);
          merged.computeIfAbsent(flat.group(1), id -> new JsonObject()).put(field, section.getValue(key));
        }
      }
      Map<String, Provider> parsed = new LinkedHashMap<>();
      merged.forEach((id, provider) -> parsed.put(id, Provider.fromJson(id, provider)));
      return new OAuth(Collections.unmodifiableMap(parsed));
    }

    /** One OAuth2/OIDC provider. */
    public record Provider(String type, String clientId, String clientSecret, String issuer, String name,
                           boolean trustEmail) {
      static Provider fromJson(String id, JsonObject json) {
        String defaultType = "github".equals(id) || "google".equals(id) ? id : "oidc";
        String type = text(json, "type") == null ? defaultType : text(json, "type");
        String defaultName = switch (type) {
          case "github" -> "GitHub";
          case "google" -> "Google";
          default -> id;
        };
        String name = text(json, "name");
        return new Provider(type, text(json, "clientId"), text(json, "clientSecret"), text(json, "issuer"),
            name == null ? defaultName : name, Boolean.parseBoolean(text(json, "trustEmail")));
      }

      /** Values from the environment arrive parsed (a numeric client id as a number): read them back as text. */
      private static String text(JsonObject json, String key) {
        Object value = json.getValue(key);
        return value == null ? null : String.valueOf(value);
      }
    }
  }
}
