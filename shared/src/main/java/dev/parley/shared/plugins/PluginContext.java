package dev.parley.shared.plugins;

import dev.parley.shared.Addresses;
import dev.parley.shared.Failures;
import dev.parley.shared.contract.Command;
import dev.parley.shared.contract.JsonBody;
import dev.parley.shared.contract.Requester;
import dev.parley.shared.plugins.FirehoseCommands.LoggedEvent;
import dev.parley.shared.plugins.FirehoseCommands.ReadEvents;
import dev.parley.shared.plugins.MessageHook.Request;
import dev.parley.shared.plugins.MessageHook.Verdict;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What a started plugin gets: its manifest, its configuration section ({@code plugins.config.<name>}), Vert.x (timers,
 * HTTP clients), and the event bus through methods that refuse any address its manifest does not name.
 *
 * <p>The manifest is checked here, at the API the plugin is given; an in-process plugin runs in Parley's JVM and is
 * trusted code all the same (it could reach {@code vertx.eventBus()} itself). Code that is not trusted runs out of
 * process, over the TCP bridge, where the allow-list is enforced by the server ({@code docs/plugins.md}).
 */
public final class PluginContext {

  private final Vertx vertx;
  private final PluginManifest manifest;
  private final JsonObject config;
  private final Requester requester;

  public PluginContext(Vertx vertx, PluginManifest manifest, JsonObject config) {
    this.vertx = vertx;
    this.manifest = manifest;
    this.config = config.copy();
    this.requester = new Requester(vertx.eventBus(), 10_000);
  }

  public Vertx vertx() {
    return vertx;
  }

  public PluginManifest manifest() {
    return manifest;
  }

  /** The plugin's own configuration section (empty when there is none). */
  public JsonObject config() {
    return config.copy();
  }

  /** Sends a command of the contract and reads its reply; refused unless the manifest allows that command. */
  public <R extends JsonBody> Future<R> ask(Command<R> command) {
    if (!manifest.allowsCommand(command.route().address(), command.route().action())) {
      return Future.failedFuture(refused(command.route().toString()));
    }
    return requester.ask(command);
  }

  /** Listens on an address of the manifest (a room's events, the raw firehose, a per-user address ...). */
  public MessageConsumer<JsonObject> consumer(String address, Handler<Message<JsonObject>> handler) {
    if (!manifest.allowsAddress(address)) {
      throw refused(address);
    }
    return vertx.eventBus().consumer(address, handler);
  }

  /** Serves one of the manifest's message hooks; completes once it is registered. */
  public Future<MessageConsumer<JsonObject>> serveHook(String hook, Function<Request, Future<Verdict>> decide) {
    if (!manifest.hooks().contains(hook)) {
      return Future.failedFuture(refused("hook " + hook));
    }
    return MessageHook.serve(vertx.eventBus(), hook, decide);
  }

  /**
   * Serves slash commands: each {@link SlashCommand.Spec} answered by {@code run}, and announced to every gateway
   * now and every {@link SlashCommand#ANNOUNCE_EVERY_MILLIS}. Completes once the commands can be called. The manifest
   * names each command's address ({@code parley.commands.<name>}) and {@code parley.commands} and
   * {@code parley.commands-wanted}: no plugin answers a command it did not declare.
   */
  public Future<Void> serveCommands(List<SlashCommand.Spec> commands,
                                    Function<SlashCommand.Invocation, Future<SlashCommand.Reply>> run) {
    List<String> needed = new ArrayList<>(List.of(Addresses.COMMANDS, Addresses.COMMANDS_WANTED));
    commands.forEach(spec -> needed.add(Addresses.slashCommand(spec.name())));
    String missing = needed.stream().filter(address -> !manifest.allowsAddress(address)).findFirst().orElse(null);
    if (missing != null) {
      return Future.failedFuture(refused(missing));
    }
    List<Future<Void>> registered = commands.stream().map(spec -> vertx.eventBus().<JsonObject>consumer(
        Addresses.slashCommand(spec.name()), delivery -> answerCommand(delivery, run)).completion()).toList();
    JsonObject announcement = new SlashCommand.Announcement(commands).toJson();
    Runnable announce = () -> vertx.eventBus().publish(Addresses.COMMANDS, announcement.copy());
    MessageConsumer<Object> asked = vertx.eventBus().consumer(Addresses.COMMANDS_WANTED, wanted -> announce.run());
    return Future.all(registered).compose(all -> asked.completion()).onSuccess(all -> {
      announce.run();
      vertx.setPeriodic(SlashCommand.ANNOUNCE_EVERY_MILLIS, tick -> announce.run());
    }).mapEmpty();
  }

  private static void answerCommand(Message<JsonObject> delivery,
                                    Function<SlashCommand.Invocation, Future<SlashCommand.Reply>> run) {
    Future<SlashCommand.Reply> reply;
    try {
      reply = run.apply(SlashCommand.Invocation.fromJson(delivery.body()));
    } catch (RuntimeException e) {
      reply = Future.failedFuture(e);
    }
    reply.onSuccess(done -> delivery.reply(done.toJson())).onFailure(failure -> {
      Failures.Failure mapped = Failures.of(failure);
      delivery.fail(mapped.code().failureCode(), mapped.message());
    });
  }

  /** Reads the firehose after {@code position} (null: from now on); needs {@code parley.events} and READ_EVENTS. */
  public Future<FirehoseReader> firehose(String position, Function<LoggedEvent, Future<Void>> handler) {
    if (!manifest.allowsAddress(Addresses.EVENTS)
        || !manifest.allowsCommand(ReadEvents.ROUTE.address(), ReadEvents.ROUTE.action())) {
      return Future.failedFuture(refused("the firehose"));
    }
    return FirehoseReader.start(vertx, position, handler);
  }

  private IllegalArgumentException refused(String what) {
    return new IllegalArgumentException("Plugin " + manifest.name() + " may not use " + what
        + ": its manifest does not name it");
  }
}
