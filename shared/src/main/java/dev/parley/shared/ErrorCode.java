package dev.parley.shared;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;

/**
 * The error codes of the contract, shared by the HTTP API ({@code {"error":{"code":..}}}), WebSocket
 * {@code err} frames and event-bus replies (as the {@link ReplyException#failureCode()}).
 */
public enum ErrorCode {
  INVALID("invalid", 400),
  UNAUTHORIZED("unauthorized", 401),
  FORBIDDEN("forbidden", 403),
  NOT_FOUND("not_found", 404),
  CONFLICT("conflict", 409),
  GONE("gone", 410),
  TOO_LARGE("too_large", 413),
  RATE_LIMITED("rate_limited", 429),
  UNAVAILABLE("unavailable", 503);

  private final String wireName;
  private final int httpStatus;

  ErrorCode(String wireName, int httpStatus) {
    this.wireName = wireName;
    this.httpStatus = httpStatus;
  }

  /** The code as clients see it. */
  public String wireName() {
    return wireName;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** The failure code carried by a {@link ReplyException}: the HTTP status, so it reads naturally in logs. */
  public int failureCode() {
    return httpStatus;
  }

  /** A failure to reply with on the event bus. */
  public ReplyException exception(String message) {
    return new ReplyException(ReplyFailure.RECIPIENT_FAILURE, failureCode(), message);
  }

  /**
   * The code a failure maps to. A {@link ReplyException} from a Parley handler keeps its code; timeouts and
   * missing handlers mean the service is unavailable; anything else is a bug reported as unavailable too.
   */
  public static ErrorCode of(Throwable failure) {
    if (failure instanceof ParleyException parley) {
      return parley.code();
    }
    if (failure instanceof ReplyException reply && reply.failureType() == ReplyFailure.RECIPIENT_FAILURE) {
      for (ErrorCode code : values()) {
        if (code.failureCode() == reply.failureCode()) {
          return code;
        }
      }
    }
    return UNAVAILABLE;
  }
}
