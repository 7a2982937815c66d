package dev.parley.app;

import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Merges the configuration: defaults from {@code conf/parley.json}, then an optional config file, then
 * {@code PARLEY_*} environment variables, each overriding the one before.
 *
 * <p>Environment names map onto the JSON by section: {@code PARLEY_HTTP_PORT} is {@code http.port},
 * {@code PARLEY_HTTP_PUBLIC_URL} is {@code http.publicUrl}, {@code PARLEY_LIMITS_SEND_PER_SECOND} is
 * {@code limits.sendPerSecond}; a name outside the sections is a top-level key ({@code PARLEY_DATA_DIR} is
 * {@code dataDir}); {@code PARLEY_CLUSTER=true} turns clustering on.
 */
final class ConfigLoader {

  static final String DEFAULTS = "conf/parley.json";
  private static final String ENV_PREFIX = "PARLEY_";
  private static final Set<String> SECTIONS = Set.of("http", "db", "redis", "auth", "limits", "cluster", "mail",
      "oauth", "files", "notify", "hooks", "plugins", "bridge", "webhooks", "ops");
  private static final Set<String> LIST_KEYS = Set.of("allowedOrigins", "members", "roles", "trustedProxies",
      "pushServices", "message");

  private ConfigLoader() {
  }

  static Future<JsonObject> load(Vertx vertx, String configFile, Map<String, String> environment) {
    ConfigRetrieverOptions options = new ConfigRetrieverOptions()
        .setScanPeriod(0)
        .addStore(new ConfigStoreOptions().setType("file").setFormat("json")
            .setConfig(new JsonObject().put("path", DEFAULTS)));
    if (configFile != null) {
      options.addStore(new ConfigStoreOptions().setType("file").setFormat("json").setOptional(false)
          .setConfig(new JsonObject().put("path", configFile)));
    }
    options.addStore(new ConfigStoreOptions().setType("json").setConfig(fromEnvironment(environment)));
    ConfigRetriever retriever = ConfigRetriever.create(vertx, options);
    return retriever.getConfig().onComplete(done -> retriever.close());
  }

  /** The {@code PARLEY_*} variables as nested configuration. */
  static JsonObject fromEnvironment(Map<String, String> environment) {
    JsonObject config = new JsonObject();
    environment.forEach((name, value) -> {
      if (!name.startsWith(ENV_PREFIX)) {
        return;
      }
      String[] words = name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).split("_");
      if (words.length == 1 && words[0].equals("cluster")) {
        section(config, "cluster").put("enabled", parse("enabled", value));
      } else if (words.length > 1 && SECTIONS.contains(words[0])) {
        String key = camelCase(Arrays.copyOfRange(words, 1, words.length));
        section(config, words[0]).put(key, parse(key, value));
      } else {
        String key = camelCase(words);
        config.put(key, parse(key, value));
      }
    });
    return config;
  }

  private static JsonObject section(JsonObject config, String name) {
    JsonObject section = config.getJsonObject(name);
    if (section == null) {
      section = new JsonObject();
      config.put(name, section);
    }
    return section;
  }

  private static String camelCase(String[] words) {
    StringBuilder key = new StringBuilder(words[0]);
    for (int i = 1; i < words.length; i++) {
      if (!words[i].isEmpty()) {
        key.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
      }
    }
    return key.toString();
  }

  /** Environment values are text: lists, booleans and numbers are recognised by their key and their shape. */
  private static Object parse(String key, String value) {
    if (LIST_KEYS.contains(key)) {
      JsonArray list = new JsonArray();
      Arrays.stream(value.split(",")).map(String::trim).filter(item -> !item.isEmpty()).forEach(list::add);
      return list;
    }
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(value);
    }
    String lower = key.toLowerCase(Locale.ROOT);
    // Secrets and keys are text even when they look like numbers.
    if (!lower.contains("secret") && !lower.contains("password") && !lower.endsWith("key")) {
      if (value.matches("-?\\d{1,18}")) {
        long number = Long.parseLong(value);
        if (number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE) {
          return (int) number;
        }
        // Byte counts (files.maxBytes, files.quotaBytesPerDay) can pass what an int holds.
        return number;
      }
      if (value.matches("-?\\d+\\.\\d+")) {
        return Double.parseDouble(value);
      }
    }
    return value;
  }
}
