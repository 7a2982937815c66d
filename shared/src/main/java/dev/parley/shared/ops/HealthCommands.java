package dev.parley.shared.ops;

import dev.parley.shared.Addresses;
import dev.parley.shared.contract.Command;
import dev.parley.shared.contract.Done;
import dev.parley.shared.contract.Route;
import io.vertx.core.json.JsonObject;

/**
 * Commands a node's readiness asks of the others. A gateway has no database pool of its own: it learns whether
 * PostgreSQL can be reached by asking any room-verticle, which also proves the event bus reaches one.
 */
public final class HealthCommands {

  private HealthCommands() {
  }

  /** Runs the cheapest query there is on room-verticle's pool; fails when PostgreSQL does not answer. */
  public record PingDatabase() implements Command<Done> {
    public static final Route<PingDatabase, Done> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "PING_DATABASE", PingDatabase::fromJson, Done::fromJson);

    @Override
    public Route<PingDatabase, Done> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject();
    }

    public static PingDatabase fromJson(JsonObject json) {
      return new PingDatabase();
    }
  }
}
