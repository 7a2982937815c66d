package dev.parley.shared;

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
 * config file, then {@code PARLEY_*} environment variables). Every setting has a default here, so a section that
 * is absent means "the defaults".
 */
public record ParleyConfig(Http http, Database db, RedisSettings redis, Auth auth, Limits limits, Cluster cluster,
                           Mail mail, OAuth oauth, String dataDir) {

  public static ParleyConfig fromJson(JsonObject json) {
    return new ParleyConfig(
        Http.fromJson(section(json, "http")),
        Database.fromJson(section(json, "db")),
        RedisSettings.fromJson(section(json, "redis")),
        Auth.fromJson(section(json, "auth")),
        Limits.fromJson(section(json, "limits")),
        Cluster.fromJson(section(json, "cluster")),
        Mail.fromJson(section(json, "mail")),
        OAuth.fromJson(section(json, "oauth")),
        json.getString("dataDir", "data"));
  }

  private static JsonObject section(JsonObject json, String name) {
    JsonObject section = json.getJsonObject(name);
    return section == null ? new JsonObject() : section;
  }

  private static List<String> strings(JsonObject json, String key, List<String> fallback) {
    JsonArray array = json.getJsonArray(key);
    if (array == null) {
      return fallback;
    }
    return array.stream().map(String::valueOf).toList();
  }

  /**
   * The HTTP server. {@code publicUrl} is how browsers reach Parley (used for links and the default allowed
   * Origin; when not set, {@code http://localhost:<the port listened on>}); {@code allowedOrigins} adds more
   * origins that may open WebSockets.
   */
  public record Http(String host, int port, String publicUrl, List<String> allowedOrigins) {
    static Http fromJson(JsonObject json) {
      return new Http(json.getString("host", "0.0.0.0"), json.getInteger("port", 8080), json.getString("publicUrl"),
          strings(json, "allowedOrigins", List.of()));
    }

    /** The public URL, given the port the server actually listens on (which differs when configured as 0). */
    public String publicUrl(int listeningPort) {
      String url = publicUrl == null ? "http://localhost:" + listeningPort : publicUrl;
      return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
  }

  /** PostgreSQL; no {@code url} means the embedded server. */
  public record Database(String url, int poolSize, int pipeliningLimit) {
    static Database fromJson(JsonObject json) {
      return new Database(json.getString("url"), json.getInteger("poolSize", 8),
          json.getInteger("pipeliningLimit", 64));
    }
  }

  /** Redis; no {@code url} means the embedded server. */
  public record RedisSettings(String url, int poolSize) {
    static RedisSettings fromJson(JsonObject json) {
      return new RedisSettings(json.getString("url"), json.getInteger("poolSize", 8));
    }
  }

  /** Tokens. No {@code jwtSecret} means one generated once and kept in the data folder. */
  public record Auth(String jwtSecret, int accessTokenSeconds, int refreshTokenDays) {
    static Auth fromJson(JsonObject json) {
      return new Auth(json.getString("jwtSecret"), json.getInteger("accessTokenSeconds", 900),
          json.getInteger("refreshTokenDays", 30));
    }
  }

  /**
   * Sizes and rates that keep one client from hurting the others. {@code authPerMinute} bounds sign-ups and sign-ins
   * from one IP address, {@code loginPerMinute} sign-in attempts on one account (each with a burst of as many).
   */
  public record Limits(int maxTextLength, int maxFrameBytes, int replayLimit, int historyPageMax,
                       double sendPerSecond, int sendBurst, int socketQueueFrames, int heartbeatSeconds,
                       int authPerMinute, int loginPerMinute) {
    static Limits fromJson(JsonObject json) {
      return new Limits(
          json.getInteger("maxTextLength", 4000),
          json.getInteger("maxFrameBytes", 65536),
          json.getInteger("replayLimit", 500),
          json.getInteger("historyPageMax", 200),
          json.getDouble("sendPerSecond", 10.0),
          json.getInteger("sendBurst", 30),
          json.getInteger("socketQueueFrames", 1024),
          json.getInteger("heartbeatSeconds", 30),
          json.getInteger("authPerMinute", 30),
          json.getInteger("loginPerMinute", 10));
    }
  }

  /** Hazelcast clustering of the event bus. */
  public record Cluster(boolean enabled, String name, String host, int port, List<String> members,
                        String kubernetesService) {
    static Cluster fromJson(JsonObject json) {
      return new Cluster(json.getBoolean("enabled", false), json.getString("name", "parley"),
          json.getString("host", "127.0.0.1"), json.getInteger("port", 5701),
          strings(json, "members", List.of("127.0.0.1")), json.getString("kubernetesService"));
    }
  }

  /**
   * Outgoing email. No {@code host} means no SMTP server: mails are written to {@code outbox} (under the data
   * folder unless absolute) and logged. A failed send is retried {@code maxAttempts} times in all, waiting
   * {@code retryMillis}, then twice that, and so on.
   */
  public record Mail(String host, int port, String username, String password, boolean startTls, String from,
                     String outbox, long retryMillis, int maxAttempts) {
    static Mail fromJson(JsonObject json) {
      return new Mail(json.getString("host"), json.getInteger("port", 25), json.getString("username"),
          json.getString("password"), json.getBoolean("startTls", false),
          json.getString("from", "Parley <parley@localhost>"), json.getString("outbox", "outbox"),
          json.getLong("retryMillis", 2_000L), json.getInteger("maxAttempts", 8));
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

    static OAuth fromJson(JsonObject json) {
      Map<String, JsonObject> merged = new LinkedHashMap<>();
      JsonObject providers = json.getJsonObject("providers", new JsonObject());
      for (String id : providers.fieldNames()) {
        Object value = providers.getValue(id);
        if (value instanceof JsonObject provider) {
          merged.put(id, provider.copy());
        }
      }
      for (String key : json.fieldNames()) {
        Matcher flat = FLAT_KEY.matcher(key);
        if (flat.matches()) {
          String field = Character.toLowerCase(flat.group(2).charAt(0)) + flat.group(2).substring(1);
          merged.computeIfAbsent(flat.group(1), id -> new JsonObject()).put(field, json.getValue(key));
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
