package dev.parley.gateway;

import dev.parley.shared.ErrorCode;
import dev.parley.shared.ParleyException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;

/** Reading and checking what clients send: every failure here is an {@code invalid} error with a clear message. */
final class Requests {

  static final String IDENTITY = "parley.identity";

  /** One plain email address: no display name, list separators or quoting (which the mailer would refuse). */
  static final Pattern EMAIL =
      Pattern.compile("^[^@\\s,;<>\"()\\[\\]]{1,64}@[^@\\s,;<>\"()\\[\\]]+\\.[^@\\s,;<>\"()\\[\\]]+$");

  private Requests() {
  }

  /** The JSON object body of a request. */
  static JsonObject body(RoutingContext ctx) {
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

  /** A string field, trimmed, of 1 to {@code maxLength} characters. */
  static String text(JsonObject json, String field, int maxLength) {
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
  static String optionalText(JsonObject json, String field, int maxLength) {
    return json.getValue(field) == null ? null : text(json, field, maxLength);
  }

  /** A non-negative whole-number query parameter, or null when absent. */
  static Long seqParam(RoutingContext ctx, String name) {
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

  /** The signed-in caller; the authentication handler put it there. */
  static Identity identity(RoutingContext ctx) {
    return ctx.get(IDENTITY);
  }

  static ParleyException invalid(String message) {
    return new ParleyException(ErrorCode.INVALID, message);
  }

  static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("content-type", "application/json").end(body.encode());
  }
}
