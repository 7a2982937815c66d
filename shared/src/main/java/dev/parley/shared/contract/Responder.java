package dev.parley.shared.contract;

import dev.parley.shared.Addresses;
import dev.parley.shared.Failures;
import dev.parley.shared.Failures.Failure;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;

/**
 * Answers the commands of one address: each route has one typed handler, and every request is read by its route's
 * parser before the handler sees it. Failures are answered through the one failure map ({@link Failures}); a
 * responder that misses a handler for a route of its address refuses to start.
 *
 * <p>Each responder also answers on an address of its own ({@link Addresses#instance}) and names it in every answer
 * ({@link Contract#ANSWERED_BY_HEADER}): a {@link Requester} that found an instance silent sends the next attempts to
 * the instances it knows to be alive, and pings the silent one there ({@link Contract#PING_ACTION}).
 */
public final class Responder {

  private final String address;
  private final Logger log;
  private final UnaryOperator<Throwable> translate;
  private final Map<String, Function<JsonObject, Future<? extends JsonBody>>> handlers = new HashMap<>();
  private final String own;
  private final DeliveryOptions answered;
  private MessageConsumer<Object> consumer;
  private MessageConsumer<Object> ownConsumer;
  /** Commands taken and not answered yet: a drain waits for them. */
  private int inFlight;
  private Promise<Void> drained;

  /**
   * @param translate turns failures of the responder's own making into domain ones before they are mapped (for
   *     example database errors at the persistence edge); identity when there is nothing to translate
   */
  public Responder(String address, Logger log, UnaryOperator<Throwable> translate) {
    this.address = address;
    this.log = log;
    this.translate = translate;
    this.own = Addresses.instance(address, UUID.randomUUID().toString());
    this.answered = new DeliveryOptions().addHeader(Contract.ANSWERED_BY_HEADER, own);
  }

  public <C extends Command<R>, R extends JsonBody> Responder on(Route<C, R> route, Function<C, Future<R>> handler) {
    if (!route.address().equals(address)) {
      throw new IllegalArgumentException(route + " is not answered on " + address);
    }
    handlers.put(route.action(), json -> handler.apply(route.readCommand(json)));
    return this;
  }

  /** Registers the consumer; completes once the registration has reached the cluster. */
  public Future<Void> listen(EventBus bus) {
    List<String> missing = Contract.routesOn(address).stream().map(Route::action)
        .filter(action -> !handlers.containsKey(action)).toList();
    if (!missing.isEmpty()) {
      return Future.failedFuture(new IllegalStateException("No handler on " + address + " for " + missing));
    }
    consumer = bus.consumer(address, this::answer);
    ownConsumer = bus.consumer(own, this::answer);
    return Future.all(consumer.completion(), ownConsumer.completion()).mapEmpty();
  }

  /**
   * Takes no more commands and completes once those taken are answered: a node that leaves finishes its work in
   * hand, and the requests other nodes still send it before they hear it unregistered are answered by another
   * instance (a {@link Requester} sends them again). Used from the verticle's event loop, like {@link #listen}.
   */
  public Future<Void> drain() {
    if (consumer == null) {
      return Future.succeededFuture();
    }
    drained = Promise.promise();
    if (inFlight == 0) {
      drained.tryComplete();
    }
    return Future.all(consumer.unregister(), ownConsumer.unregister()).compose(unregistered -> drained.future());
  }

  private void answer(Message<Object> message) {
    String action = message.headers().get(Contract.ACTION_HEADER);
    if (Contract.PING_ACTION.equals(action)) {
      message.reply(Done.DONE.toJson(), answered);
      return;
    }
    inFlight++;
    Future<? extends JsonBody> result;
    try {
      result = dispatch(action, message);
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    result.onComplete(done -> {
      if (--inFlight == 0 && drained != null) {
        drained.tryComplete();
      }
      if (done.succeeded()) {
        message.reply(done.result().toJson(), answered);
      } else {
        Failure failure = Failures.of(translate.apply(done.cause()));
        failure.log(log, "Command " + action + " on " + address);
        message.fail(failure.code().failureCode(), failure.message());
      }
    });
  }

  private Future<? extends JsonBody> dispatch(String action, Message<Object> message) {
    String version = message.headers().get(Contract.VERSION_HEADER);
    if (version != null && !version.equals(String.valueOf(Contract.VERSION))) {
      throw Json.invalid("Contract version " + version + " is not supported here (this is version "
          + Contract.VERSION + ")");
    }
    Function<JsonObject, Future<? extends JsonBody>> handler = action == null ? null : handlers.get(action);
    if (handler == null) {
      throw Json.invalid("Unknown action '" + action + "' on " + address);
    }
    if (!(message.body() instanceof JsonObject body)) {
      throw Json.invalid("A command's body must be a JSON object");
    }
    return handler.apply(body);
  }
}
