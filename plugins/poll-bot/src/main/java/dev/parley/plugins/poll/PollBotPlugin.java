package dev.parley.plugins.poll;

import dev.parley.shared.Addresses;
import dev.parley.shared.ErrorCode;
import dev.parley.shared.ParleyException;
import dev.parley.shared.plugins.ParleyPlugin;
import dev.parley.shared.plugins.PluginContext;
import dev.parley.shared.plugins.PluginManifest;
import dev.parley.shared.plugins.SlashCommand.Invocation;
import dev.parley.shared.plugins.SlashCommand.Reply;
import dev.parley.shared.plugins.SlashCommand.Spec;
import dev.parley.shared.rooms.MessageCommands.MessageAck;
import dev.parley.shared.rooms.MessageCommands.PostMessage;
import dev.parley.shared.rooms.MessageCommands.React;
import io.vertx.core.Future;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two slash commands, in process: {@code /poll} posts a poll (as the person who typed it) with one reaction per
 * option to vote with, and {@code /remind} posts a reminder in the room later, as its author. Reminders are kept in
 * memory: a restart forgets those not yet due.
 */
public final class PollBotPlugin implements ParleyPlugin {

  static final Spec POLL = new Spec("poll", Poll.USAGE, "a poll to vote on with reactions");
  static final Spec REMIND = new Spec("remind", Reminder.USAGE, "a reminder posted in this room later");

  private static final Logger LOG = LoggerFactory.getLogger(PollBotPlugin.class);

  private PluginContext context;

  @Override
  public PluginManifest manifest() {
    return new PluginManifest("poll-bot", "/poll and /remind", List.of(Addresses.ROOMS_CMD, Addresses.COMMANDS,
        Addresses.COMMANDS_WANTED, Addresses.slashCommand(POLL.name()), Addresses.slashCommand(REMIND.name())),
        List.of(PostMessage.ROUTE.action(), React.ROUTE.action()), List.of());
  }

  @Override
  public Future<Void> start(PluginContext pluginContext) {
    this.context = pluginContext;
    return context.serveCommands(List.of(POLL, REMIND), this::run);
  }

  private Future<Reply> run(Invocation invocation) {
    try {
      return POLL.name().equals(invocation.command()) ? poll(invocation, Poll.parse(invocation.args()))
          : remind(invocation, Reminder.parse(invocation.args()));
    } catch (IllegalArgumentException usage) {
      return Future.failedFuture(new ParleyException(ErrorCode.INVALID, usage.getMessage()));
    }
  }

  /** The poll's message, then its reactions one after the other (so they show in the options' order). */
  private Future<Reply> poll(Invocation invocation, Poll poll) {
    return post(invocation, poll.text()).compose(ack -> {
      Future<Void> reactions = Future.succeededFuture();
      for (String emoji : poll.emoji()) {
        reactions = reactions.compose(previous -> context.ask(new React(invocation.room(), invocation.user(),
            ack.id(), emoji, true)).mapEmpty());
      }
      return reactions;
    }).map(done -> new Reply(null));
  }

  private Future<Reply> remind(Invocation invocation, Reminder reminder) {
    context.vertx().setTimer(reminder.delayMillis(), due -> post(invocation, "\u23F0 Reminder: " + reminder.text())
        .onFailure(failure -> LOG.warn("A reminder in room {} could not be posted: {}", invocation.room(),
            failure.getMessage())));
    return Future.succeededFuture(new Reply("I will post the reminder here in "
        + invocation.args().strip().split("\\s+")[0]));
  }

  private Future<MessageAck> post(Invocation invocation, String text) {
    return context.ask(new PostMessage(invocation.room(), invocation.user(), invocation.userName(),
        UUID.randomUUID().toString(), text));
  }
}
