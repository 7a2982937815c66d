package dev.parley.shared.contract;

import dev.parley.shared.ErrorCode;
import dev.parley.shared.ParleyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reading the fields of a contract body. A missing or mistyped required field, or a mistyped optional one, fails
 * with {@code invalid} naming the field: the records' parsers never let a {@link NullPointerException} or
 * {@link ClassCastException} stand for a client's mistake.
 */
public final class Json {

  private Json() {
  }

  /** The body itself; a missing one is invalid. */
  public static JsonObject body(JsonObject json) {
    if (json == null) {
      throw invalid("A JSON object body is required");
    }
    return json;
  }

  public static String text(JsonObject json, String key) {
    String value = optText(json, key);
    if (value == null) {
      throw invalid("'" + key + "' is required");
    }
    return value;
  }

  public static String optText(JsonObject json, String key) {
    Object value = json.getValue(key);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw invalid("'" + key + "' must be a string");
  }

  public static long whole(JsonObject json, String key) {
    Long value = optWhole(json, key);
    if (value == null) {
      throw invalid("'" + key + "' is required");
    }
    return value;
  }

  public static Long optWhole(JsonObject json, String key) {
    Object value = json.getValue(key);
    if (value == null) {
      return null;
    }
    if (value instanceof Number number && number.doubleValue() % 1 == 0) {
      return number.longValue();
    }
    throw invalid("'" + key + "' must be a whole number");
  }

  public static int integer(JsonObject json, String key) {
    Integer value = optInteger(json, key);
    if (value == null) {
      throw invalid("'" + key + "' is required");
    }
    return value;
  }

  public static Integer optInteger(JsonObject json, String key) {
    Long value = optWhole(json, key);
    if (value == null) {
      return null;
    }
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw invalid("'" + key + "' is out of range");
    }
    return value.intValue();
  }

  public static boolean flag(JsonObject json, String key, boolean fallback) {
    Object value = json.getValue(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Boolean bool) {
      return bool;
    }
    throw invalid("'" + key + "' must be true or false");
  }

  public static Boolean optFlag(JsonObject json, String key) {
    Object value = json.getValue(key);
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    throw invalid("'" + key + "' must be true or false");
  }

  public static JsonObject object(JsonObject json, String key) {
    JsonObject value = optObject(json, key);
    if (value == null) {
      throw invalid("'" + key + "' is required");
    }
    return value;
  }

  public static JsonObject optObject(JsonObject json, String key) {
    Object value = json.getValue(key);
    if (value == null || value instanceof JsonObject) {
      return (JsonObject) value;
    }
    throw invalid("'" + key + "' must be an object");
  }

  /** A list of objects, each read by {@code reader}; a missing list is empty. */
  public static <T> List<T> objects(JsonObject json, String key, Function<JsonObject, T> reader) {
    List<T> items = new ArrayList<>();
    for (Object item : array(json, key)) {
      if (!(item instanceof JsonObject object)) {
        throw invalid("'" + key + "' must be a list of objects");
      }
      items.add(reader.apply(object));
    }
    return List.copyOf(items);
  }

  /** A list of strings; a missing list is empty. */
  public static List<String> texts(JsonObject json, String key) {
    List<String> items = new ArrayList<>();
    for (Object item : array(json, key)) {
      if (!(item instanceof String text)) {
        throw invalid("'" + key + "' must be a list of strings");
      }
      items.add(text);
    }
    return List.copyOf(items);
  }

  private static JsonArray array(JsonObject json, String key) {
    Object value = json.getValue(key);
    if (value == null) {
      return new JsonArray();
    }
    if (value instanceof JsonArray array) {
      return array;
    }
    throw invalid("'" + key + "' must be a list");
  }

  /** Puts the value unless it is null, so optional fields are left out of the JSON rather than sent as null. */
  public static JsonObject putIfPresent(JsonObject json, String key, Object value) {
    return value == null ? json : json.put(key, value);
  }

  /** A JSON array of the bodies' JSON forms. */
  public static JsonArray array(List<? extends JsonBody> bodies) {
    JsonArray array = new JsonArray();
    for (JsonBody body : bodies) {
      array.add(body.toJson());
    }
    return array;
  }

  public static ParleyException invalid(String message) {
    return new ParleyException(ErrorCode.INVALID, message);
  }
}
