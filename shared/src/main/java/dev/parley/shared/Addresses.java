package dev.parley.shared;

/**
 * Every event-bus address Parley uses. Plugins depend on these names: they are part of the contract. A command's
 * name on its address travels in the {@link dev.parley.shared.contract.Contract#ACTION_HEADER} header.
 */
public final class Addresses {

  /** Request-reply commands to room-verticle about rooms and messages (records in {@code shared.rooms}). */
  public static final String ROOMS_CMD = "parley.rooms.cmd";

  /** Request-reply commands to room-verticle about accounts and profiles (records in {@code shared.accounts}). */
  public static final String ACCOUNTS_CMD = "parley.accounts.cmd";

  /** Work for notification-verticle: email to send. */
  public static final String NOTIFY_EMAIL = "parley.notify.email";

  /** Work for notification-verticle: Web Push to send. */
  public static final String NOTIFY_PUSH = "parley.notify.push";

  /** Every stored room event, published once more for plugins. */
  public static final String EVENTS = "parley.events";

  /**
   * Optional moderation hooks: may reject or rewrite a message before it is stored. Each configured hook answers on
   * its own address under this one, {@link #messageHook(String)}, so that room-verticle can ask them one by one, in
   * order, each within its own deadline.
   */
  public static final String HOOKS_MESSAGE = "parley.hooks.message";

  /**
   * A room got a webhook ({@link dev.parley.shared.plugins.WebhookCommands.WebhooksChanged}): the verticle that calls
   * outgoing hooks reads the firehose only once there is one to call.
   */
  public static final String WEBHOOKS = "parley.webhooks";

  /**
   * Plugins announce the slash commands they serve here ({@link dev.parley.shared.plugins.SlashCommand.Announcement},
   * published); each gateway keeps what it heard for the web client's autocomplete.
   */
  public static final String COMMANDS = "parley.commands";

  /** A gateway that starts asks here (publish, empty body) for every plugin to announce its commands again. */
  public static final String COMMANDS_WANTED = "parley.commands-wanted";

  /**
   * Every change of someone's presence ({@link dev.parley.shared.presence.Presence}), published once by the gateway
   * that saw it; each gateway passes it on only to its connections that watch that person.
   */
  public static final String PRESENCE = "parley.presence";

  private static final String ROOM_PREFIX = "parley.room.";
  private static final String USER_PREFIX = "parley.user.";

  private Addresses() {
  }

  /** Where the events of one room are published (with {@code seq}, except typing). */
  public static String room(String roomId) {
    return ROOM_PREFIX + roomId;
  }

  /** Where the message hook of this name answers ({@link dev.parley.shared.plugins.MessageHook}). */
  public static String messageHook(String name) {
    return HOOKS_MESSAGE + "." + name;
  }

  /** Where the plugin that serves slash command {@code name} answers it. */
  public static String slashCommand(String name) {
    return COMMANDS + "." + name;
  }

  /**
   * Where one instance of a command responder answers besides its shared address ({@code address}): a requester that
   * found one instance silent sends there to reach a living one for sure ({@link dev.parley.shared.contract.Peers}).
   */
  public static String instance(String address, String instanceId) {
    return address + "@" + instanceId;
  }

  /** Where events for one person, on all their connections, are published. */
  public static String user(String userId) {
    return USER_PREFIX + userId;
  }
}
