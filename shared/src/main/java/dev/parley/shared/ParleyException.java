package dev.parley.shared;

/**
 * A domain failure with a contract {@link ErrorCode}, raised inside a module before it becomes an HTTP status,
 * an {@code err} frame or an event-bus reply failure.
 */
public final class ParleyException extends RuntimeException {

  private final ErrorCode code;

  public ParleyException(ErrorCode code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }
}
