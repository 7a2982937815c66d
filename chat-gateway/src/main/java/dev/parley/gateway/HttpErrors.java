package dev.parley.gateway;

import dev.parley.shared.ErrorCode;
import dev.parley.shared.ParleyException;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where failures become HTTP answers: {@code {"error":{"code","message"}}} with the code's status. */
final class HttpErrors {

  private static final Logger LOG = LoggerFactory.getLogger(HttpErrors.class);

  private HttpErrors() {
  }

  /** The router's failure handler. */
  static void handle(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    ErrorCode code;
    String message;
    if (failure == null) {
      code = fromStatus(ctx.statusCode());
      message = switch (code) {
        case NOT_FOUND -> "No such resource";
        case TOO_LARGE -> "The request body is too large";
        case UNAUTHORIZED -> "Sign in first";
        default -> "The request could not be handled";
      };
    } else if (failure instanceof ParleyException || failure instanceof ReplyException) {
      code = ErrorCode.of(failure);
      message = failure.getMessage();
    } else if (failure instanceof io.vertx.core.json.DecodeException) {
      code = ErrorCode.INVALID;
      message = "The body is not valid JSON";
    } else {
      code = ErrorCode.UNAVAILABLE;
      message = "Something went wrong on our side";
      LOG.error("Unexpected failure on {} {}", ctx.request().method(), ctx.request().path(), failure);
    }
    if (failure instanceof ReplyException reply && code == ErrorCode.UNAVAILABLE) {
      LOG.warn("Service call failed on {} {}: {}", ctx.request().method(), ctx.request().path(), reply.getMessage());
      message = "The service is unavailable, try again";
    }
    respond(ctx, code, message);
  }

  static void respond(RoutingContext ctx, ErrorCode code, String message) {
    if (ctx.response().ended()) {
      return;
    }
    ctx.response()
        .setStatusCode(code.httpStatus())
        .putHeader("content-type", "application/json")
        .end(new JsonObject().put("error", new JsonObject().put("code", code.wireName()).put("message", message))
            .encode());
  }

  private static ErrorCode fromStatus(int status) {
    for (ErrorCode code : ErrorCode.values()) {
      if (code.httpStatus() == status) {
        return code;
      }
    }
    return status >= 400 && status < 500 ? ErrorCode.INVALID : ErrorCode.UNAVAILABLE;
  }
}
