package dev.parley.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.parley.rooms.RoomVerticle;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A bug inside a store (simulated by breaking the schema under a running node) is an {@code internal} error on
 * HTTP and on the socket, with an incident id the operator finds in the log next to the stack; never its raw
 * message, never "unavailable" (which tells clients to retry) or "invalid".
 */
class UnexpectedFailureTest {

  private static final Pattern INCIDENT = Pattern.compile("incident ([0-9a-f]{8})");

  private TestNodes nodes;
  private TestApi api;
  private ParleyNode node;
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger roomLogger = (Logger) LoggerFactory.getLogger(RoomVerticle.class);

  @BeforeEach
  void start() {
    nodes = new TestNodes();
    node = nodes.start(false);
    api = new TestApi(node.vertx(), node.gateway().port());
    log.start();
    roomLogger.addAppender(log);
  }

  @AfterEach
  void stop() {
    roomLogger.detachAppender(log);
    nodes.close();
  }

  @Test
  void aBrokenQueryIsInternalOnHttpWithItsStackInTheLog() throws SQLException {
    TestApi.User ana = api.register("Ana");
    String room = api.createChannel(ana, "general");
    breakSchema("ALTER TABLE audit_log RENAME COLUMN action TO action_renamed_by_a_bug");

    JsonObject error = TestApi.expect(500, api.call(HttpMethod.GET, "/api/v1/rooms/" + room + "/audit", ana, null))
        .getJsonObject("error");
    assertEquals("internal", error.getString("code"));
    assertFalse(error.getString("message").contains("action"), "no SQL or column name reaches the client");
    assertLoggedWithStack(incidentOf(error.getString("message")));
  }

  @Test
  void aBrokenQueryIsInternalOnTheSocketAndTheSocketStaysUp() throws SQLException {
    TestApi.User ana = api.register("Ana");
    String room = api.createChannel(ana, "general");
    breakSchema("ALTER TABLE messages RENAME COLUMN body TO body_renamed_by_a_bug");

    try (TestSocket socket = TestSocket.connect(node.vertx(), api.port(), ana)) {
      JsonObject err = socket.nextAfterSend(new JsonObject().put("op", "send").put("room", room).put("cid", "c-1")
          .put("text", "hello"));
      assertEquals("err", err.getString("op"));
      assertEquals("internal", err.getString("code"));
      assertEquals("c-1", err.getString("cid"), "the client knows which message failed");
      assertLoggedWithStack(incidentOf(err.getString("msg")));
      assertEquals("pong", socket.nextAfterSend(new JsonObject().put("op", "ping")).getString("op"));
    }
  }

  private void breakSchema(String statement) throws SQLException {
    String url = nodes.config(false).getJsonObject("db").getString("url");
    String database = url.substring(url.lastIndexOf('/') + 1);
    try (Connection connection = TestServices.postgres().server().getDatabase("postgres", database).getConnection();
         Statement sql = connection.createStatement()) {
      sql.execute(statement);
    }
  }

  private static String incidentOf(String message) {
    Matcher incident = INCIDENT.matcher(message);
    assertTrue(incident.find(), "the message names an incident: " + message);
    return incident.group(1);
  }

  private void assertLoggedWithStack(String incident) {
    List<ILoggingEvent> errors = List.copyOf(log.list).stream()
        .filter(event -> event.getLevel() == Level.ERROR && event.getFormattedMessage().contains(incident)).toList();
    assertEquals(1, errors.size(), "one error names incident " + incident + ": " + log.list);
    assertNotNull(errors.get(0).getThrowableProxy(), "logged with its stack");
  }
}
