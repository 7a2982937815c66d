package dev.parley.shared;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.DecodeException;
import java.io.IOException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;

/**
 * The one failure map: what any failure means to a client (its {@link ErrorCode} and a message safe to show) and
 * how loud it is in the log. The HTTP API, WebSocket {@code err} frames and event-bus replies all answer through
 * it, so the same failure reads the same everywhere.
 *
 * <ul>
 *   <li>A {@link ParleyException} is a decision (refused, not found, invalid input): its own code and message, logged
 *       at debug.</li>
 *   <li>A failure reported by another verticle keeps the code and message it was given.</li>
 *   <li>No answer from a service (timeout, nobody listening) or a broken connection is {@code unavailable}: try
 *       again. Logged as a warning, without a stack.</li>
 *   <li>Anything else is a bug: {@code internal}, never its raw message (it may carry SQL or internals), logged as an
 *       error with its stack under an incident id that the client's message names.</li>
 * </ul>
 */
public final class Failures {

  /** How loud a failure is in the log. */
  public enum Severity {
    /** The client's doing, answered as such: debug. */
    EXPECTED,
    /** Something we depend on is away: warning, no stack. */
    DEGRADED,
    /** A bug: error with the stack and an incident id. */
    BUG
  }

  /** What a failure means: its code, the message a client may see, and how to log it. */
  public record Failure(ErrorCode code, String message, Severity severity, Throwable cause) {

    /** Logs it as its severity says; {@code what} names the request or command, for the log only. */
    public void log(Logger log, String what) {
      switch (severity) {
        case EXPECTED -> log.debug("{} refused ({}): {}", what, code.wireName(), message);
        case DEGRADED -> log.warn("{} failed, {}: {}", what, code.wireName(), describe(cause));
        case BUG -> log.error("{} failed: {}", what, message, cause);
        default -> throw new IllegalStateException("Unknown severity " + severity);
      }
    }
  }

  static final String UNAVAILABLE_MESSAGE = "The service is unavailable, try again";

  private Failures() {
  }

  /** Maps a failure; an unexpected one gets a new incident id. */
  public static Failure of(Throwable failure) {
    if (failure instanceof ParleyException parley) {
      Severity severity = parley.code() == ErrorCode.UNAVAILABLE ? Severity.DEGRADED : Severity.EXPECTED;
      return new Failure(parley.code(), parley.getMessage(), severity, failure);
    }
    if (failure instanceof ReplyException reply) {
      return switch (reply.failureType()) {
        case TIMEOUT, NO_HANDLERS -> new Failure(ErrorCode.UNAVAILABLE, UNAVAILABLE_MESSAGE, Severity.DEGRADED, failure);
        case RECIPIENT_FAILURE, ERROR -> remote(reply);
      };
    }
    if (failure instanceof DecodeException) {
      return new Failure(ErrorCode.INVALID, "The body is not valid JSON", Severity.EXPECTED, failure);
    }
    if (failure instanceof TimeoutException || failure instanceof IOException) {
      return new Failure(ErrorCode.UNAVAILABLE, UNAVAILABLE_MESSAGE, Severity.DEGRADED, failure);
    }
    return bug(failure);
  }

  /** The code a failure maps to. */
  public static ErrorCode code(Throwable failure) {
    return of(failure).code();
  }

  /** A failure another verticle answered with: its code and message stand (that verticle logged any bug). */
  private static Failure remote(ReplyException reply) {
    ErrorCode code = ErrorCode.ofFailureCode(reply.failureCode());
    if (code == null) {
      return bug(reply);
    }
    Severity severity = switch (code) {
      case INTERNAL, UNAVAILABLE -> Severity.DEGRADED;
      default -> Severity.EXPECTED;
    };
    return new Failure(code, reply.getMessage(), severity, reply);
  }

  private static Failure bug(Throwable failure) {
    String incident = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    return new Failure(ErrorCode.INTERNAL, "Something went wrong on our side (incident " + incident + ")",
        Severity.BUG, failure);
  }

  private static String describe(Throwable failure) {
    if (failure == null) {
      return "no cause";
    }
    String message = failure.getMessage();
    return message == null ? failure.getClass().getSimpleName() : message;
  }
}
