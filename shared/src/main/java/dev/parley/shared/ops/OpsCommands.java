package dev.parley.shared.ops;

import dev.parley.shared.Addresses;
import dev.parley.shared.contract.Command;
import dev.parley.shared.contract.Done;
import dev.parley.shared.contract.Json;
import dev.parley.shared.contract.JsonBody;
import dev.parley.shared.contract.Route;
import io.vertx.core.json.JsonObject;

/**
 * Commands that serve operations: health and the figures a node's metrics read from PostgreSQL. A gateway has no
 * database pool of its own: it learns whether PostgreSQL can be reached by asking any room-verticle, which also proves
 * the event bus reaches one.
 */
public final class OpsCommands {

  private OpsCommands() {
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

  /** How much notification work waits in the outbox (for the notification queue's gauges). */
  public record NotificationBacklog() implements Command<Backlog> {
    public static final Route<NotificationBacklog, Backlog> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "NOTIFICATION_BACKLOG", NotificationBacklog::fromJson, Backlog::fromJson);

    @Override
    public Route<NotificationBacklog, Backlog> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject();
    }

    public static NotificationBacklog fromJson(JsonObject json) {
      return new NotificationBacklog();
    }
  }

  /** Unfinished work items: {@code due} may be taken now, {@code pending} counts those waiting for later too. */
  public record Backlog(long due, long pending) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("due", due).put("pending", pending);
    }

    public static Backlog fromJson(JsonObject json) {
      return new Backlog(Json.whole(json, "due"), Json.whole(json, "pending"));
    }
  }
}
