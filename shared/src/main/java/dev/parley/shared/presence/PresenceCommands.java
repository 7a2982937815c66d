package dev.parley.shared.presence;

import dev.parley.shared.Addresses;
import dev.parley.shared.contract.Command;
import dev.parley.shared.contract.Json;
import dev.parley.shared.contract.JsonBody;
import dev.parley.shared.contract.Route;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** What the gateway asks room-verticle about presence: who may learn whose. */
public final class PresenceCommands {

  /** The most people one request may ask about (a watch list, an HTTP look-up). */
  public static final int MAX_PEOPLE = 200;

  private PresenceCommands() {
  }

  /**
   * Of {@code people}, those who share a room with {@code user} (and {@code user} themselves): only they may have
   * their presence told to {@code user}. Anyone else is left out, exactly as an id that does not exist.
   */
  public record SharingRooms(String user, List<String> people) implements Command<People> {
    public static final Route<SharingRooms, People> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "SHARING_ROOMS", SharingRooms::fromJson, People::fromJson);

    @Override
    public Route<SharingRooms, People> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("user", user).put("people", new JsonArray(people));
    }

    public static SharingRooms fromJson(JsonObject json) {
      return new SharingRooms(Json.text(json, "user"), Json.texts(json, "people"));
    }
  }

  /** A list of user ids. */
  public record People(List<String> users) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("users", new JsonArray(users));
    }

    public static People fromJson(JsonObject json) {
      return new People(Json.texts(json, "users"));
    }
  }
}
