package dev.parley.gateway.http;

import dev.parley.gateway.metrics.ParleyMeters;
import dev.parley.shared.ErrorCode;
import dev.parley.shared.Failures.Failure;
import dev.parley.shared.ParleyException;
import dev.parley.shared.Failures;
import dev.parley.shared.http.ApiError;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where failures become HTTP answers: {@code {"error":{"code","message"}}} with the code's status. What a failure
 * means is the one failure map's call ({@link Failures}), the same one WebSocket errors use.
 */
public final class HttpErrors {

  private static final Logger LOG = LoggerFactory.getLogger(HttpErrors.class);
  private static final Pattern SECRET_IN_PATH = Pattern.compile("(/api/v1/(?:hooks|invites)/)[^/]+");

  private HttpErrors() {
  }

  /** The routers' failure handler. */
  public static void handle(RoutingContext ctx) {
    Throwable cause = ctx.failure();
    if (cause == null) {
      // A status set by Vert.x Web itself (no route, a body over the limit, ...).
      ErrorCode code = fromStatus(ctx.statusCode());
      respond(ctx, code, switch (code) {
        case NOT_FOUND -> "No such resource";
        case TOO_LARGE -> "The request body is too large";
        case UNAUTHORIZED -> "Sign in first";
        default -> "The request could not be handled";
      });
      return;
    }
    Failure failure = Failures.of(cause);
    failure.log(LOG, ctx.request().method() + " " + loggedPath(ctx.request().path()));
    ParleyMeters.of(ctx.vertx()).refusedRequest(failure.code());
    if (cause instanceof ParleyException refusal && refusal.retryAfterSeconds() > 0 && !ctx.response().ended()) {
      ctx.response().putHeader("Retry-After", Integer.toString(refusal.retryAfterSeconds()));
    }
    respond(ctx, failure.code(), failure.message());
  }

  /**
   * The path as the log may show it: the secret of an incoming webhook's URL or of an invite link replaced, since a
   * log line must never hand out what the path grants.
   */
  static String loggedPath(String path) {
    return SECRET_IN_PATH.matcher(path).replaceFirst("$1<secret>");
  }

  public static void respond(RoutingContext ctx, ErrorCode code, String message) {
    if (ctx.response().ended()) {
      return;
    }
    Requests.json(ctx, code.httpStatus(), ApiError.of(code, message));
  }

  private static ErrorCode fromStatus(int status) {
    ErrorCode code = ErrorCode.ofFailureCode(status);
    if (code != null) {
      return code;
    }
    return status >= 400 && status < 500 ? ErrorCode.INVALID : ErrorCode.INTERNAL;
  }
}
