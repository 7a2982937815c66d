package dev.parley.shared.contract;

import io.vertx.core.json.JsonObject;

/** The reply of a command that answers nothing but "done": {@code {}}. */
public record Done() implements JsonBody {

  public static final Done DONE = new Done();

  @Override
  public JsonObject toJson() {
    return new JsonObject();
  }

  public static Done fromJson(JsonObject json) {
    return DONE;
  }
}
