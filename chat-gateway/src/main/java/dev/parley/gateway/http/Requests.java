package dev.parley.gateway.http;

import dev.parley.shared.ErrorCode;
import dev.parley.shared.ParleyException;
import dev.parley.shared.contract.JsonBody;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reading and checking what clients send over HTTP, and answering them: every failure here is an {@code invalid}
 * error with a clear message naming the field. The fields themselves are the HTTP API's, described by the OpenAPI
 * document.
 */
public final class Requests {

  /** One plain email address: no display name, list separators or quoting (which the mailer would refuse). */
  public static final Pattern EMAIL =
      Pattern.compile("^[^@\\s,;<>\"()\\[\\]]{1,64}@[^@\\s,;<>\"()\\[\\]]+\\.[^@\\s,;<>\"()\\[\\]]+$");

  private Requests() {
  }

  /** The JSON object body of a request. */
  public static JsonObject body(RoutingContext ctx) {
    Object json;
    try {
      json = ctx.body().asJsonObject();
    } catch (RuntimeException e) {
      throw invalid("The body must be a JSON object");
    }
    if (json == null) {
      throw invalid("The body must be a JSON object");
    }
    return (JsonObject) json;
  }

  /** The JSON object body, or an empty one when the request has no body at all. */
  public static JsonObject optionalBody(RoutingContext ctx) {
    return ctx.body() == null || ctx.body().length() <= 0 ? new JsonObject() : body(ctx);
  }

  /** A string field, trimmed, of 1 to {@code maxLength} characters. */
  public static String text(JsonObject json, String field, int maxLength) {
    Object value = json.getValue(field);
    if (!(value instanceof String text) || text.isBlank()) {
      throw invalid("'" + field + "' is required");
    }
    String trimmed = text.strip();
    if (trimmed.length() > maxLength) {
      throw invalid("'" + field + "' is longer than " + maxLength + " characters");
    }
    return trimmed;
  }

  /** An optional string field: null when absent. */
  public static String optionalText(JsonObject json, String field, int maxLength) {
    return json.getValue(field) == null ? null : text(json, field, maxLength);
  }

  /** An optional string field, trimmed, which may be empty (to clear a value): null when absent. */
  public static String optionalMaybeEmpty(JsonObject json, String field, int maxLength) {
    Object value = json.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      throw invalid("'" + field + "' must be a string");
    }
    String trimmed = text.strip();
    if (trimmed.length() > maxLength) {
      throw invalid("'" + field + "' is longer than " + maxLength + " characters");
    }
    return trimmed;
  }

  /** A string field as sent, untrimmed (passwords): required, at most {@code maxLength} characters. */
  public static String rawText(JsonObject json, String field, int maxLength) {
    if (!(json.getValue(field) instanceof String text) || text.length() > maxLength) {
      throw invalid("'" + field + "' is required");
    }
    return text;
  }

  /**
   * A message's text: present, not blank ({@code blank} says what to do instead), at most {@code maxLength} Unicode
   * code points ({@code too_large} otherwise).
   */
  public static String messageText(JsonObject json, String field, int maxLength, String blank) {
    String text = rawText(json, field, Integer.MAX_VALUE);
    if (text.isBlank()) {
      throw invalid("'" + field + "' is required (" + blank + ")");
    }
    if (text.codePointCount(0, text.length()) > maxLength) {
      throw new ParleyException(ErrorCode.TOO_LARGE, "'" + field + "' is longer than " + maxLength + " characters");
    }
    return text;
  }

  /** A required true or false. */
  public static boolean flag(JsonObject json, String field) {
    Boolean value = optionalFlag(json, field);
    if (value == null) {
      throw invalid("'" + field + "' is required: true or false");
    }
    return value;
  }

  /** An optional true or false; null when absent. */
  public static Boolean optionalFlag(JsonObject json, String field) {
    Object value = json.getValue(field);
    if (value != null && !(value instanceof Boolean)) {
      throw invalid("'" + field + "' must be true or false");
    }
    return (Boolean) value;
  }

  /** A non-negative whole number. */
  public static long whole(JsonObject json, String field) {
    Object value = json.getValue(field);
    if (!(value instanceof Number number) || number.longValue() < 0 || number.doubleValue() % 1 != 0) {
      throw invalid("'" + field + "' must be a non-negative whole number");
    }
    return number.longValue();
  }

  /** An optional whole number from 1 to {@code max}; null when absent. */
  public static Integer optionalPositive(JsonObject json, String field, int max) {
    Object value = json.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Number number) || number.doubleValue() % 1 != 0 || number.longValue() < 1
        || number.longValue() > max) {
      throw invalid("'" + field + "' must be a whole number from 1 to " + max);
    }
    return number.intValue();
  }

  /** A list of strings with 1 to {@code max} entries. */
  public static List<String> texts(JsonObject json, String field, String what, int max) {
    if (!(json.getValue(field) instanceof JsonArray array) || array.isEmpty()) {
      throw invalid("'" + field + "' must be a list of " + what);
    }
    if (array.size() > max) {
      throw invalid("At most " + max + " " + what + " at a time");
    }
    List<String> items = new ArrayList<>();
    for (Object item : array) {
      if (!(item instanceof String text)) {
        throw invalid("'" + field + "' must be a list of " + what);
      }
      items.add(text);
    }
    return items;
  }

  /** A non-negative whole-number query parameter, or null when absent. */
  public static Long seqParam(RoutingContext ctx, String name) {
    String value = ctx.request().getParam(name);
    if (value == null) {
      return null;
    }
    try {
      long parsed = Long.parseLong(value);
      if (parsed < 0) {
        throw invalid("'" + name + "' must not be negative");
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw invalid("'" + name + "' must be a whole number");
    }
  }

  /** A page size from {@code ?limit=}, 1 to {@code max}; {@code fallback} when absent. */
  public static int pageLimit(RoutingContext ctx, int max, int fallback) {
    Long limit = seqParam(ctx, "limit");
    if (limit != null && (limit < 1 || limit > max)) {
      throw invalid("'limit' must be between 1 and " + max);
    }
    return limit == null ? fallback : limit.intValue();
  }

  public static ParleyException invalid(String message) {
    return new ParleyException(ErrorCode.INVALID, message);
  }

  /** Answers with a contract body as JSON. */
  public static void json(RoutingContext ctx, int status, JsonBody body) {
    ctx.response().setStatusCode(status).putHeader("content-type", "application/json").end(body.toJson().encode());
  }

  /** Answers 204 No Content. */
  public static void noContent(RoutingContext ctx) {
    ctx.response().setStatusCode(204).end();
  }

  /** Whether an If-None-Match header names this ETag (weak or strong, in a list, or "*"). */
  public static boolean etagMatches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.strip();
      if (tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(etag)) {
        return true;
      }
    }
    return false;
  }

  /** The body length a request declares in Content-Length; -1 when it declares none (or nonsense). */
  public static long declaredLength(HttpServerRequest request) {
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    try {
      return length == null ? -1 : Long.parseLong(length.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
