package dev.parley.gateway.rooms;

import dev.parley.gateway.http.Requests;
import dev.parley.gateway.identity.Identity;
import dev.parley.shared.Addresses;
import dev.parley.shared.ErrorCode;
import dev.parley.shared.Ids;
import dev.parley.shared.ParleyException;
import dev.parley.shared.contract.Contract;
import dev.parley.shared.contract.Requester;
import dev.parley.shared.plugins.SlashCommand;
import dev.parley.shared.plugins.SlashCommand.Announcement;
import dev.parley.shared.plugins.SlashCommand.Invocation;
import dev.parley.shared.plugins.SlashCommand.Listing;
import dev.parley.shared.plugins.SlashCommand.Reply;
import dev.parley.shared.plugins.SlashCommand.Spec;
import dev.parley.shared.rooms.RoomCommands.ListMembers;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * Slash commands that plugins serve (issue 15): {@code GET /commands} lists those announced on
 * {@link Addresses#COMMANDS} (for the web client's autocomplete), {@code POST /rooms/{id}/commands/{name}} with
 * {@code {"args"}} runs one for a member of the room and answers the plugin's note. Belongs to the gateway's event
 * loop.
 */
public final class CommandsApi {

  /** How long a plugin has to answer a command. */
  private static final long DEADLINE_MILLIS = 5_000;
  private static final int MAX_ARGS = 2_000;

  private final Vertx vertx;
  private final Requester services;
  private final Map<String, Heard> commands = new HashMap<>();
  private final DeliveryOptions delivery = new DeliveryOptions().setSendTimeout(DEADLINE_MILLIS)
      .addHeader(Contract.VERSION_HEADER, String.valueOf(Contract.VERSION));

  private record Heard(Spec spec, long until) {
  }

  public CommandsApi(Vertx vertx, Requester services) {
    this.vertx = vertx;
    this.services = services;
  }

  /** Listens for announcements, then asks every plugin to announce; completes once it listens. */
  public Future<Void> listen() {
    MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(Addresses.COMMANDS, announced -> {
      long until = System.currentTimeMillis() + SlashCommand.FORGET_AFTER_MILLIS;
      Announcement.fromJson(announced.body()).commands()
          .forEach(spec -> commands.put(spec.name(), new Heard(spec, until)));
    });
    return consumer.completion()
        .onSuccess(listening -> vertx.eventBus().publish(Addresses.COMMANDS_WANTED, new JsonObject()));
  }

  public void mount(Router api) {
    api.get("/commands").handler(this::list);
    api.post("/rooms/:room/commands/:name").handler(this::run);
  }

  private void list(RoutingContext ctx) {
    long now = System.currentTimeMillis();
    commands.values().removeIf(heard -> heard.until() < now);
    Requests.json(ctx, 200, new Listing(commands.values().stream().map(Heard::spec)
        .sorted(Comparator.comparing(Spec::name)).toList()));
  }

  private void run(RoutingContext ctx) {
    String name = ctx.pathParam("name");
    String room = ctx.pathParam("room");
    Heard heard = commands.get(name);
    if (heard == null || heard.until() < System.currentTimeMillis() || !Ids.isId(room)) {
      throw new ParleyException(ErrorCode.NOT_FOUND, "Unknown command /" + name);
    }
    String args = Requests.optionalMaybeEmpty(Requests.optionalBody(ctx), "args", MAX_ARGS);
    Identity who = Identity.of(ctx);
    // Only a reader of the room may run a command in it (the same answer as for a room that does not exist).
    services.ask(new ListMembers(room, who.user()))
        .compose(members -> vertx.eventBus().<JsonObject>request(Addresses.slashCommand(name),
            new Invocation(name, room, who.user(), who.name(), args == null ? "" : args).toJson(), delivery))
        .map(answer -> Reply.fromJson(answer.body()))
        .onSuccess(reply -> Requests.json(ctx, 200, reply))
        .onFailure(ctx::fail);
  }
}
