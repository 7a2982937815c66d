package dev.parley.shared.contract;

import io.vertx.core.json.JsonObject;
import java.util.function.Function;

/**
 * Where a command goes and how both sides read it: the event-bus address, the action name carried in the
 * {@link Contract#ACTION_HEADER} header, the command's parser and the reply's parser. Parsers fail with
 * {@code invalid} on a missing or mistyped field.
 */
public record Route<C extends Command<R>, R extends JsonBody>(String address, String action,
                                                              Function<JsonObject, C> commandReader,
                                                              Function<JsonObject, R> replyReader) {

  public static <C extends Command<R>, R extends JsonBody> Route<C, R> of(
      String address, String action, Function<JsonObject, C> commandReader, Function<JsonObject, R> replyReader) {
    return new Route<>(address, action, commandReader, replyReader);
  }

  public C readCommand(JsonObject json) {
    return commandReader.apply(Json.body(json));
  }

  public R readReply(JsonObject json) {
    return replyReader.apply(Json.body(json));
  }

  @Override
  public String toString() {
    return address + " " + action;
  }
}
