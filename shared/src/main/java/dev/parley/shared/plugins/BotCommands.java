package dev.parley.shared.plugins;

import dev.parley.shared.Addresses;
import dev.parley.shared.contract.Command;
import dev.parley.shared.contract.Json;
import dev.parley.shared.contract.JsonBody;
import dev.parley.shared.contract.Route;
import io.vertx.core.json.JsonObject;

/**
 * Bot accounts with API tokens (issue 15). A workspace admin makes a bot; its token (shown once, stored hashed) is a
 * Bearer token for the HTTP API and the WebSocket, so the bot is added to rooms and posts like a person. A bot can
 * never sign in with a password.
 */
public final class BotCommands {

  /** What every bot token starts with, so the gateway knows it from an access token at a glance. */
  public static final String TOKEN_PREFIX = "pbot_";

  private BotCommands() {
  }

  /** A new bot account named {@code name}, made by {@code actor} (a workspace owner or admin). */
  public record CreateBot(String actor, String name, String tokenHash) implements Command<BotCreated> {
    public static final Route<CreateBot, BotCreated> ROUTE =
        Route.of(Addresses.ACCOUNTS_CMD, "CREATE_BOT", CreateBot::fromJson, BotCreated::fromJson);

    @Override
    public Route<CreateBot, BotCreated> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("actor", actor).put("name", name).put("tokenHash", tokenHash);
    }

    public static CreateBot fromJson(JsonObject json) {
      return new CreateBot(Json.text(json, "actor"), Json.text(json, "name"), Json.text(json, "tokenHash"));
    }
  }

  /** {@code {"bot","name","handle"}}: the bot's account. */
  public record BotCreated(String bot, String name, String handle) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("bot", bot).put("name", name).put("handle", handle);
    }

    public static BotCreated fromJson(JsonObject json) {
      return new BotCreated(Json.text(json, "bot"), Json.text(json, "name"), Json.text(json, "handle"));
    }
  }

  /** The bot a token belongs to; {@code unauthorized} for a token nobody has. */
  public record BotByToken(String tokenHash) implements Command<BotIdentity> {
    public static final Route<BotByToken, BotIdentity> ROUTE =
        Route.of(Addresses.ACCOUNTS_CMD, "BOT_BY_TOKEN", BotByToken::fromJson, BotIdentity::fromJson);

    @Override
    public Route<BotByToken, BotIdentity> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("tokenHash", tokenHash);
    }

    public static BotByToken fromJson(JsonObject json) {
      return new BotByToken(Json.text(json, "tokenHash"));
    }
  }

  /** {@code {"bot","name","token"}}: the bot, its name, and the id of its token (its "session"). */
  public record BotIdentity(String bot, String name, String token) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("bot", bot).put("name", name).put("token", token);
    }

    public static BotIdentity fromJson(JsonObject json) {
      return new BotIdentity(Json.text(json, "bot"), Json.text(json, "name"), Json.text(json, "token"));
    }
  }

  /** The gateway's answer to making a bot: {@code {"bot":{..},"token":..}}, the token shown this once. */
  public record Made(BotCreated bot, String token) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("bot", bot.toJson()).put("token", token);
    }
  }
}
