package dev.parley.shared.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.shared.Addresses;
import dev.parley.shared.ErrorCode;
import dev.parley.shared.rooms.MessageCommands.MessageAck;
import dev.parley.shared.rooms.MessageCommands.PostMessage;
import dev.parley.shared.rooms.RoomCommands.CreateRoom;
import dev.parley.shared.rooms.RoomKind;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A room-verticle that swallows a request, as a node killed between receiving it and answering does: a command that
 * is safe to run twice is sent again and answered by the next attempt; any other command, and an answer that says
 * no, are not sent again.
 */
class RequesterRetryTest {

  private static final long TIMEOUT_MILLIS = 5_000;

  private Vertx vertx;
  private final List<JsonObject> received = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void aSendWhoseFirstAttemptIsSwallowedIsAnsweredByTheSecond() throws Exception {
    answer((attempt, request) -> {
      if (attempt > 0) {
        request.reply(new MessageAck("m1", 7, 1).toJson());
      }
    });
    PostMessage send = new PostMessage("r1", "u1", "Ann", "c-1", "hello", null, false, List.of());

    MessageAck ack = ask(send);

    assertEquals(new MessageAck("m1", 7, 1), ack);
    assertEquals(2, received.size(), "sent twice");
    assertEquals(received.get(0), received.get(1), "the same command, with the same cid, both times");
  }

  @Test
  void aCommandThatIsNotSafeToRunTwiceIsSentOnceAndWaitsTheWholeTimeout() {
    answer((attempt, request) -> { });

    ReplyException failure = assertInstanceOf(ReplyException.class,
        failure(new CreateRoom("u1", "general", RoomKind.CHANNEL, null)));

    assertEquals(ReplyFailure.TIMEOUT, failure.failureType());
    assertEquals(1, received.size(), "never sent twice");
  }

  @Test
  void anAnswerThatSaysUnavailableIsPassedOnAtOnceNotRetried() {
    answer((attempt, request) -> request.fail(ErrorCode.UNAVAILABLE.httpStatus(), "database away"));

    ReplyException failure = assertInstanceOf(ReplyException.class,
        failure(new PostMessage("r1", "u1", "Ann", "c-2", "hello", null, false, List.of())));

    assertEquals(503, failure.failureCode());
    assertEquals(1, received.size(), "a refusal is an answer: not sent again");
  }

  @Test
  void aSendNobodyEverAnswersFailsWhenTheRequestersTimeoutIsSpent() {
    answer((attempt, request) -> { });

    ReplyException failure = assertInstanceOf(ReplyException.class,
        failure(new PostMessage("r1", "u1", "Ann", "c-3", "hello", null, false, List.of())));

    assertEquals(ReplyFailure.TIMEOUT, failure.failureType());
    // 400 + 800 + 1,600 ms, then the 2,200 ms left of the 5 s.
    assertEquals(4, received.size(), "attempts until the timeout was spent");
  }

  @Test
  void whenManyCommandsGoUnansweredRetriesStopAtTheBudget() {
    answer((attempt, request) -> { });
    Requester requester = new Requester(vertx.eventBus(), TIMEOUT_MILLIS, 10);
    List<Future<MessageAck>> sends = new ArrayList<>();
    Promise<Void> sent = Promise.promise();
    vertx.runOnContext(onLoop -> {
      for (int i = 0; i < 20; i++) {
        sends.add(requester.ask(new PostMessage("r1", "u1", "Ann", "c-" + i, "hello", null, false, List.of())));
      }
      sent.complete();
    });
    sent.future().await();
    Future.join(sends).otherwiseEmpty().await();

    // An overloaded cluster gets no storm of copies: 20 first attempts, and only the 10 retries of the budget.
    assertEquals(30, received.size());
    assertTrue(sends.stream().allMatch(Future::failed), "nobody answered");
  }

  private void answer(BiConsumer<Integer, Message<JsonObject>> responder) {
    vertx.eventBus().<JsonObject>consumer(Addresses.ROOMS_CMD, request -> {
      received.add(request.body());
      responder.accept(received.size() - 1, request);
    }).completion().await();
  }

  private <R extends JsonBody> Future<R> request(Command<R> command) {
    Requester requester = new Requester(vertx.eventBus(), TIMEOUT_MILLIS);
    // A requester belongs to an event loop: use it from one.
    Promise<R> answer = Promise.promise();
    vertx.runOnContext(onLoop -> requester.ask(command).onComplete(answer));
    return answer.future();
  }

  private <R extends JsonBody> R ask(Command<R> command) throws Exception {
    return request(command).await(TIMEOUT_MILLIS * 2, TimeUnit.MILLISECONDS);
  }

  private Throwable failure(Command<?> command) {
    try {
      request(command).await(TIMEOUT_MILLIS * 2, TimeUnit.MILLISECONDS);
    } catch (Exception failed) {
      return failed;
    }
    throw new AssertionError("expected a failure");
  }
}
