package dev.parley.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.shared.plugins.MessageHook;
import dev.parley.shared.plugins.MessageHook.Verdict;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Message hooks on a real node: a rewriting hook's text is what everyone receives, a refusing hook's message is not
 * stored and its sender hears why, and a hook that is late, throws or is not deployed holds no message beyond its
 * deadline: its policy decides.
 */
class MessageHooksTest {

  private static final int DEADLINE_MS = 200;

  private TestNodes nodes;
  private Vertx vertx;
  private TestApi api;
  private TestApi.User alice;
  private TestApi.User bob;
  private String room;

  /** A node with these hooks configured, in this order ({@code perHook}: overrides by name), Alice and Bob in a room. */
  private void start(List<String> hooks, JsonObject perHook) {
    nodes = new TestNodes();
    TestNodes.WithMembers started = nodes.startWithTwoMembers(config -> config.put("hooks", new JsonObject()
        .put("message", new JsonArray(hooks)).put("deadlineMs", DEADLINE_MS).put("perHook", perHook)));
    vertx = started.vertx();
    api = started.api();
    alice = started.members().alice();
    bob = started.members().bob();
    room = started.members().room();
  }

  @AfterEach
  void stop() {
    nodes.close();
  }

  private void serve(String name, java.util.function.Function<MessageHook.Request, Future<Verdict>> hook) {
    TestNodes.await(MessageHook.serve(vertx.eventBus(), name, hook));
  }

  private static JsonObject send(TestSocket socket, String room, String text) {
    return socket.nextOpAfterSend(new JsonObject().put("op", "send").put("room", room)
        .put("cid", UUID.randomUUID().toString()).put("text", text));
  }

  private List<String> storedTexts() {
    JsonArray messages = api.history(alice, room, "after=0").getJsonArray("messages");
    return messages.stream().map(message -> ((JsonObject) message).getString("text")).toList();
  }

  @Test
  void hooksAreAskedInOrderAndTheRewrittenTextIsWhatEveryoneReceives() {
    start(List.of("shout", "sign"), new JsonObject());
    List<String> seenBySign = new CopyOnWriteArrayList<>();
    serve("shout", request -> Future.succeededFuture(Verdict.rewrite(request.text().toUpperCase())));
    serve("sign", request -> {
      seenBySign.add(request.text() + " from " + request.senderName());
      return Future.succeededFuture(Verdict.rewrite(request.text() + " -- checked"));
    });
    try (TestSocket aliceSocket = TestSocket.connect(vertx, api.port(), alice);
         TestSocket bobSocket = TestSocket.connect(vertx, api.port(), bob)) {
      bobSocket.subscribeLive(room);

      JsonObject ack = send(aliceSocket, room, "hello bob");

      assertEquals("ack", ack.getString("op"), ack.encode());
      assertEquals(List.of("HELLO BOB from Alice"), seenBySign, "the second hook sees the first one's text");
      JsonObject atBob = bobSocket.nextEvent("message");
      assertEquals("HELLO BOB -- checked", atBob.getJsonObject("data").getString("text"));
      assertEquals(List.of("HELLO BOB -- checked"), storedTexts(), "the rewritten text is the stored one");

      // An edit goes through the same hooks.
      JsonObject edited = TestApi.expect(200, api.call(HttpMethod.PATCH,
          "/api/v1/rooms/" + room + "/messages/" + ack.getString("id"), alice,
          new JsonObject().put("text", "edited")));
      assertEquals("EDITED -- checked", edited.getJsonObject("message").getString("text"), edited.encode());
    }
  }

  @Test
  void aRefusedMessageIsNotStoredAndItsSenderHearsWhy() {
    start(List.of("filter"), new JsonObject());
    serve("filter", request -> Future.succeededFuture(request.text().contains("spam")
        ? Verdict.refuse("no spam here") : Verdict.allow()));
    try (TestSocket aliceSocket = TestSocket.connect(vertx, api.port(), alice)) {
      JsonObject refused = send(aliceSocket, room, "buy spam now");
      assertEquals("err", refused.getString("op"), refused.encode());
      assertEquals("forbidden", refused.getString("code"));
      assertTrue(refused.getString("msg").contains("no spam here"), refused.encode());

      assertEquals("ack", send(aliceSocket, room, "a fine message").getString("op"));
      assertEquals(List.of("a fine message"), storedTexts(), "only the allowed message is stored");
    }
  }

  @Test
  void aLateAThrowingOrAMissingHookHoldsNoMessageBeyondItsDeadlineAndItsPolicyDecides() {
    // "late" never answers, "broken" throws, "absent" is not deployed; all let through, except "strict", which
    // refuses when it does not answer.
    start(List.of("late", "broken", "absent"), new JsonObject());
    List<Promise<Verdict>> neverAnswered = new CopyOnWriteArrayList<>();
    serve("late", request -> {
      Promise<Verdict> never = Promise.promise();
      neverAnswered.add(never);
      return never.future();
    });
    serve("broken", request -> {
      throw new IllegalStateException("a bug in the hook");
    });
    try (TestSocket aliceSocket = TestSocket.connect(vertx, api.port(), alice)) {
      long started = System.nanoTime();
      JsonObject ack = send(aliceSocket, room, "still gets through");
      long tookMs = (System.nanoTime() - started) / 1_000_000;

      assertEquals("ack", ack.getString("op"), ack.encode());
      assertEquals(1, neverAnswered.size(), "the late hook was asked");
      // One deadline for the late hook; the broken and absent ones answer at once. Generous margin for a busy CI.
      assertTrue(tookMs < DEADLINE_MS + 1_500, "held " + tookMs + " ms");
      assertTrue(tookMs >= DEADLINE_MS, "the late hook was given its deadline (" + tookMs + " ms)");
      assertEquals(List.of("still gets through"), storedTexts());
    }
  }

  @Test
  void aHookWhoseSilenceRefusesMakesTheSenderTryAgain() {
    start(List.of("strict"), new JsonObject().put("strict",
        new JsonObject().put("onLate", "refuse").put("deadlineMs", 100)));
    try (TestSocket aliceSocket = TestSocket.connect(vertx, api.port(), alice)) {
      JsonObject refused = send(aliceSocket, room, "nobody checks this");
      assertEquals("err", refused.getString("op"), refused.encode());
      assertEquals("unavailable", refused.getString("code"));
      assertEquals(List.of(), storedTexts());

      serve("strict", request -> Future.succeededFuture(Verdict.allow()));
      assertEquals("ack", send(aliceSocket, room, "checked now").getString("op"));
      assertEquals(List.of("checked now"), storedTexts());
    }
  }

  @Test
  void aRewriteLongerThanAnyoneMaySendIsNotStored() {
    start(List.of("bloat"), new JsonObject());
    serve("bloat", request -> Future.succeededFuture(Verdict.rewrite("x".repeat(5_000))));
    try (TestSocket aliceSocket = TestSocket.connect(vertx, api.port(), alice)) {
      assertEquals("ack", send(aliceSocket, room, "short").getString("op"));
      assertEquals(List.of("short"), storedTexts(), "the hook's policy (let through) keeps the original text");
    }
  }
}
