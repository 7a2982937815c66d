package dev.parley.shared;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;

/**
 * The error codes of the contract, shared by the HTTP API ({@code {"error":{"code":..}}}), WebSocket
 * {@code err} frames and event-bus replies (as the {@link ReplyException#failureCode()}). Which failure becomes
 * which code is decided in one place, {@link Failures}.
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
  /** A bug on the server's side: retrying will not help; the message names an incident to report. */
  INTERNAL("internal", 500),
  /** Something the server needs is away for now (a service, the database): try again. */
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

  /** The code with that failure code (HTTP status), or null. */
  public static ErrorCode ofFailureCode(int failureCode) {
    for (ErrorCode code : values()) {
      if (code.failureCode() == failureCode) {
        return code;
      }
    }
    return null;
  }
}
