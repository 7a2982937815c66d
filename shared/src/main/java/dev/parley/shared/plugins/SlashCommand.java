package dev.parley.shared.plugins;

import dev.parley.shared.Addresses;
import dev.parley.shared.contract.Json;
import dev.parley.shared.contract.JsonBody;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Slash commands served by plugins ({@code /poll}, {@code /remind}, ...). A plugin answers a command on
 * {@link Addresses#slashCommand(String)} with a {@link Reply}, and announces it on {@link Addresses#COMMANDS} (a
 * {@link Announcement}, at start and every {@link #ANNOUNCE_EVERY_MILLIS}) so that every gateway can offer it in the
 * web client's autocomplete; a command not announced for {@link #FORGET_AFTER_MILLIS} is forgotten.
 */
public final class SlashCommand {

  public static final long ANNOUNCE_EVERY_MILLIS = 30_000;
  public static final long FORGET_AFTER_MILLIS = 3 * ANNOUNCE_EVERY_MILLIS;

  private SlashCommand() {
  }

  /** A command as the autocomplete shows it: {@code name} (without the slash), its usage and what it does. */
  public record Spec(String name, String usage, String description) implements JsonBody {
    public Spec {
      if (name == null || !name.matches("[a-z][a-z0-9-]{0,31}")) {
        throw Json.invalid("A command's name is 1 to 32 lower-case letters, digits and '-': " + name);
      }
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("name", name).put("usage", usage).put("description", description);
    }

    public static Spec fromJson(JsonObject json) {
      return new Spec(Json.text(json, "name"), Json.text(json, "usage"), Json.text(json, "description"));
    }
  }

  /** {@code {"commands":[..]}}: what one plugin serves, published on {@link Addresses#COMMANDS}. */
  public record Announcement(List<Spec> commands) implements JsonBody {
    public Announcement {
      commands = List.copyOf(commands);
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("commands", Json.array(commands));
    }

    public static Announcement fromJson(JsonObject json) {
      return new Announcement(Json.objects(json, "commands", Spec::fromJson));
    }
  }

  /**
   * Someone typed {@code /command} in a room: the room, who (one who may read it: the gateway checked), their name,
   * and the text after the command.
   */
  public record Invocation(String command, String room, String user, String userName, String args)
      implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("command", command).put("room", room).put("user", user).put("userName", userName)
          .put("args", args);
    }

    public static Invocation fromJson(JsonObject json) {
      return new Invocation(Json.text(json, "command"), Json.text(json, "room"), Json.text(json, "user"),
          Json.optText(json, "userName"), Json.text(json, "args"));
    }
  }

  /** {@code {"note":..}}: a short answer shown to the person who typed the command (null: nothing to show). */
  public record Reply(String note) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return Json.putIfPresent(new JsonObject(), "note", note);
    }

    public static Reply fromJson(JsonObject json) {
      return new Reply(Json.optText(json, "note"));
    }
  }

  /** {@code {"commands":[..]}}: every command the gateway heard of, for the web client. */
  public record Listing(List<Spec> commands) implements JsonBody {
    public Listing {
      commands = List.copyOf(commands);
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("commands", Json.array(commands));
    }
  }
}
