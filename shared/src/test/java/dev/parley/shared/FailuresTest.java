package dev.parley.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.shared.Failures.Failure;
import dev.parley.shared.Failures.Severity;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.DecodeException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The one failure map, row by row: what each failure tells the client, and how loud it is in the log. */
class FailuresTest {

  @Test
  void decisionsKeepTheirCodeAndMessage() {
    Failure failure = Failures.of(new ParleyException(ErrorCode.FORBIDDEN, "You are muted in this room"));
    assertEquals(ErrorCode.FORBIDDEN, failure.code());
    assertEquals("You are muted in this room", failure.message());
    assertEquals(Severity.EXPECTED, failure.severity());
  }

  @Test
  void anotherVerticlesAnswerKeepsItsCodeAndMessage() {
    Failure failure = Failures.of(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 404, "No such room"));
    assertEquals(ErrorCode.NOT_FOUND, failure.code());
    assertEquals("No such room", failure.message());
    Failure internal = Failures.of(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 500,
        "Something went wrong on our side (incident 1a2b3c4d)"));
    assertEquals(ErrorCode.INTERNAL, internal.code(), "a bug elsewhere stays a bug, never 'try again'");
    assertEquals(Severity.DEGRADED, internal.severity(), "logged where it happened, with its stack");
  }

  @Test
  void noAnswerOrNoConnectionIsUnavailable() {
    for (Throwable away : new Throwable[] {new ReplyException(ReplyFailure.TIMEOUT, "Timed out"),
        new ReplyException(ReplyFailure.NO_HANDLERS, "No handlers"), new TimeoutException("pool"),
        new ConnectException("Connection refused")}) {
      Failure failure = Failures.of(away);
      assertEquals(ErrorCode.UNAVAILABLE, failure.code(), away.toString());
      assertEquals(Severity.DEGRADED, failure.severity(), away.toString());
    }
  }

  @Test
  void aBugIsInternalWithAnIncidentAndNeverItsRawMessage() {
    Failure failure = Failures.of(new NullPointerException("Cannot invoke \"String.length()\" because \"sql\" is null"));
    assertEquals(ErrorCode.INTERNAL, failure.code());
    assertEquals(Severity.BUG, failure.severity());
    assertTrue(failure.message().matches("Something went wrong on our side \\(incident [0-9a-f]{8}\\)"),
        failure.message());
    assertFalse(failure.message().contains("sql"));
    Failure unknownCode = Failures.of(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, -1, "boom"));
    assertEquals(ErrorCode.INTERNAL, unknownCode.code(), "a code outside the contract is a bug, not 'try again'");
  }

  @Test
  void malformedJsonIsInvalid() {
    assertEquals(ErrorCode.INVALID, Failures.of(new DecodeException("Unexpected end")).code());
  }
}
