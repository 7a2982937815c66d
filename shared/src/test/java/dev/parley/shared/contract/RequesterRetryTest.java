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
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
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

  /**
   * Two instances on the address, one of which hangs (it answers nothing, not even pings, as a stopped process): after
   * the first command it swallows, the requester sends it nothing but pings, and once it answers a ping again it is
   * sent commands again.
   */
  @Test
  void anInstanceThatHangsIsSentNoMoreCommandsAfterItsFirstSilenceUntilItAnswersAPing() throws Exception {
    AtomicBoolean hung = new AtomicBoolean(false);
    List<JsonObject> toLiving = instance("living", request -> true);
    List<JsonObject> toHung = instance("hung", request -> !hung.get());
    Requester requester = new Requester(vertx.eventBus(), TIMEOUT_MILLIS);
    onLoop(() -> requester.ask(post("before-1")));
    onLoop(() -> requester.ask(post("before-2")));
    assertEquals(1, toHung.size(), "round robin while both answer");

    hung.set(true);
    for (int i = 0; i < 10; i++) {
      PostMessage send = post("c-" + i);
      assertEquals(7, onLoop(() -> requester.ask(send)).seq());
    }

    assertEquals(2, toHung.size(), "the hung instance got one command, then only pings: " + toHung);
    assertEquals(11, toLiving.size(), "the living one answered every command, the swallowed one's retry too");
    hung.set(false);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (toHung.size() < 3 && System.nanoTime() < deadline) {
      onLoop(() -> requester.ask(post("after")));
    }
    assertEquals(3, toHung.size(), "back from its pause, it is sent commands again");
  }

  /**
   * An instance that answers on the shared address and on its own, naming itself in each answer as a Responder
   * does, when {@code answers} says so; the commands it got (pings aside).
   */
  private List<JsonObject> instance(String name, Predicate<Message<JsonObject>> answers) {
    List<JsonObject> commands = new CopyOnWriteArrayList<>();
    String own = Addresses.instance(Addresses.ROOMS_CMD, name);
    DeliveryOptions answered = new DeliveryOptions().addHeader(Contract.ANSWERED_BY_HEADER, own);
    Handler<Message<JsonObject>> handler = request -> {
      if (!Contract.PING_ACTION.equals(request.headers().get(Contract.ACTION_HEADER))) {
        commands.add(request.body());
      }
      if (answers.test(request)) {
        request.reply(new MessageAck("m1", 7, 1).toJson(), answered);
      }
    };
    vertx.eventBus().consumer(Addresses.ROOMS_CMD, handler).completion().await();
    vertx.eventBus().consumer(own, handler).completion().await();
    return commands;
  }

  private static PostMessage post(String cid) {
    return new PostMessage("r1", "u1", "Ann", cid, "hello", null, false, List.of());
  }

  private <T> T onLoop(Supplier<Future<T>> action) throws Exception {
    Promise<T> result = Promise.promise();
    vertx.runOnContext(go -> action.get().onComplete(result));
    return result.future().await(TIMEOUT_MILLIS * 2, TimeUnit.MILLISECONDS);
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
