package dev.parley.shared;

/**
 * A domain failure with a contract {@link ErrorCode}, raised inside a module before it becomes an HTTP status,
 * an {@code err} frame or an event-bus reply failure.
 */
public final class ParleyException extends RuntimeException {

  private final ErrorCode code;
  private final int retryAfterSeconds;

  public ParleyException(ErrorCode code, String message) {
    this(code, message, 0);
  }

  /** A refusal that says when to try again ({@code Retry-After} on HTTP). */
  public ParleyException(ErrorCode code, String message, int retryAfterSeconds) {
    super(message, null, false, false);
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public ErrorCode code() {
    return code;
  }

  /** Seconds to wait before trying again; 0 when the refusal does not say. */
  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
