package dev.parley.rooms;

import dev.parley.shared.AccountAction;
import dev.parley.shared.Addresses;
import dev.parley.shared.Commands.CreateRoom;
import dev.parley.shared.Commands.History;
import dev.parley.shared.Commands.PostMessage;
import dev.parley.shared.Commands.Replay;
import dev.parley.shared.ErrorCode;
import dev.parley.shared.ModerationAction;
import dev.parley.shared.EventType;
import dev.parley.shared.ParleyConfig;
import dev.parley.shared.ParleyException;
import dev.parley.shared.RoomAction;
import dev.parley.shared.RoomEvent;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The persistence service: answers {@link Addresses#ROOMS_CMD} and {@link Addresses#ACCOUNTS_CMD}, and publishes
 * every stored room event on the room's address and on the firehose. Any number of instances, on any nodes, can run
 * side by side: PostgreSQL orders the writes.
 */
public final class RoomVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(RoomVerticle.class);

  private Pool pool;
  private RoomStore rooms;
  private ConversationStore conversations;
  private InviteStore invites;
  private AccountStore accounts;
  private IdentityStore identities;
  private ProfileStore profiles;

  @Override
  public Future<?> start() {
    ParleyConfig config = ParleyConfig.fromJson(config());
    if (config.db().url() == null) {
      return Future.failedFuture("room-verticle needs db.url (the launcher fills it in for the embedded database)");
    }
    PgConnectOptions connect = PgConnectOptions.fromUri(config.db().url())
        .setPipeliningLimit(config.db().pipeliningLimit())
        .setCachePreparedStatements(true);
    pool = PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(config.db().poolSize()))
        .connectingTo(connect)
        .using(vertx)
        .build();
    rooms = new RoomStore(pool);
    conversations = new ConversationStore(pool);
    invites = new InviteStore(pool);
    accounts = new AccountStore(pool);
    identities = new IdentityStore(pool, accounts);
    profiles = new ProfileStore(pool);

    return Migrations.run(vertx, pool).compose(migrated -> {
      MessageConsumer<JsonObject> roomCommands =
          vertx.eventBus().consumer(Addresses.ROOMS_CMD, message -> answer(message, this::handleRoomCommand));
      MessageConsumer<JsonObject> accountCommands =
          vertx.eventBus().consumer(Addresses.ACCOUNTS_CMD, message -> answer(message, this::handleAccountCommand));
      return Future.all(roomCommands.completion(), accountCommands.completion());
    });
  }

  @Override
  public Future<?> stop() {
    return pool == null ? Future.succeededFuture() : pool.close();
  }

  private Future<JsonObject> handleRoomCommand(Message<JsonObject> message) {
    JsonObject body = message.body();
    RoomAction action = RoomAction.parse(message.headers().get(Addresses.ACTION_HEADER));
    return switch (action) {
      case CREATE_ROOM -> rooms.createRoom(CreateRoom.fromJson(body)).map(room -> {
        notify(new ConversationStore.Notice(body.getString("owner"), EventType.ROOM_ADDED,
            new JsonObject().put("room", room)));
        return new JsonObject().put("room", room);
      });
      case LIST_ROOMS -> rooms.listRooms(body.getString("user")).map(list -> new JsonObject().put("rooms", list));
      case LIST_CHANNELS ->
          rooms.listChannels(body.getString("user")).map(list -> new JsonObject().put("channels", list));
      case JOIN_ROOM -> rooms.joinChannel(body.getString("room"), body.getString("user")).map(joined -> {
        if (joined.event() != null) {
          publish(joined.event());
          notify(new ConversationStore.Notice(body.getString("user"), EventType.ROOM_ADDED,
              new JsonObject().put("room", joined.room())));
        }
        return new JsonObject().put("room", joined.room());
      });
      case HISTORY -> rooms.history(History.fromJson(body));
      case POST_MESSAGE -> postMessage(PostMessage.fromJson(body));
      case REPLAY -> rooms.replay(Replay.fromJson(body)).map(result -> result.toJson());
      case MARK_READ -> rooms.markRead(body.getString("room"), body.getString("user"), body.getLong("seq"))
          .map(done -> new JsonObject());
      case OPEN_DM -> conversations.openDm(body.getString("user"), strings(body.getJsonArray("with")))
          .map(outcome -> {
            JsonObject room = published(outcome);
            return new JsonObject().put("created", room.remove("created")).put("room", room);
          });
      case FIND_USERS -> conversations.findUsers(body.getString("user"), body.getString("query"))
          .map(users -> new JsonObject().put("users", users));
      case LIST_MEMBERS -> conversations.listMembers(body.getString("room"), body.getString("user"))
          .map(members -> new JsonObject().put("members", members));
      case MODERATE -> moderate(body);
      case AUDIT_LOG -> conversations.auditLog(body.getString("room"), body.getString("user"))
          .map(entries -> new JsonObject().put("entries", entries));
      case CREATE_INVITE -> invites.create(body.getString("room"), body.getString("actor"),
          body.getString("tokenHash"), body.getInteger("maxUses"), body.getLong("expiresAt"), body.getString("email"));
      case LIST_INVITES -> invites.list(body.getString("room"), body.getString("user"))
          .map(list -> new JsonObject().put("invites", list));
      case REVOKE_INVITE -> invites.revoke(body.getString("room"), body.getString("actor"), body.getString("invite"))
          .map(done -> new JsonObject());
      case INVITE_INFO -> invites.info(body.getString("tokenHash"));
      case ACCEPT_INVITE -> invites.accept(body.getString("tokenHash"), body.getString("user")).map(accepted -> {
        if (accepted.event() != null) {
          publish(accepted.event());
          notify(new ConversationStore.Notice(body.getString("user"), EventType.ROOM_ADDED,
              new JsonObject().put("room", accepted.room())));
        }
        return new JsonObject().put("room", accepted.room());
      });
      case EMAIL_INVITE_STATUS -> invites.emailStatus(body.getString("invite"), body.getString("status"),
          body.getString("error")).map(done -> new JsonObject());
    };
  }

  private Future<JsonObject> moderate(JsonObject body) {
    ModerationAction action = ModerationAction.parse(body.getString("action"));
    if (action == null) {
      return Future.failedFuture(new ParleyException(ErrorCode.INVALID, "Unknown moderation action"));
    }
    return conversations.moderate(body.getString("room"), body.getString("actor"), action, body)
        .map(outcome -> new JsonObject().put("room", published(outcome)));
  }

  /** Publishes what a change produced and returns the actor's view of the room. */
  private JsonObject published(ConversationStore.Outcome outcome) {
    outcome.events().forEach(this::publish);
    outcome.notices().forEach(this::notify);
    return outcome.room();
  }

  /** Tells one person's connections, on every node, about a change in their rooms. */
  private void notify(ConversationStore.Notice notice) {
    vertx.eventBus().publish(Addresses.user(notice.user()),
        new JsonObject().put("type", notice.type()).put("data", notice.data()));
  }

  private static List<String> strings(JsonArray array) {
    if (array == null) {
      throw new ParleyException(ErrorCode.INVALID, "A list of user ids is required");
    }
    return array.stream().map(item -> item instanceof String text ? text : "").toList();
  }

  private Future<JsonObject> postMessage(PostMessage command) {
    return rooms.postMessage(command).map(posted -> {
      // A resend publishes again too: if the first publish was lost (a crash between commit and publish), this
      // heals it, and gateways drop what they have already delivered by seq.
      publish(new RoomEvent(command.room(), posted.ack().seq(), EventType.MESSAGE, new JsonObject()
          .put("id", posted.ack().id())
          .put("sender", command.sender())
          .put("senderName", command.senderName())
          .put("text", posted.text())
          .put("ts", posted.ack().ts())));
      return posted.ack().toJson();
    });
  }

  private Future<JsonObject> handleAccountCommand(Message<JsonObject> message) {
    JsonObject body = message.body();
    AccountAction action = AccountAction.parse(message.headers().get(Addresses.ACTION_HEADER));
    return switch (action) {
      case CREATE_USER -> accounts.createUser(body.getString("email"), body.getString("name"),
          body.getString("passwordHash")).map(user -> new JsonObject().put("user", user));
      case FIND_CREDENTIALS -> accounts.findCredentials(body.getString("email"));
      case GET_USER -> accounts.getUser(body.getString("user")).map(user -> new JsonObject().put("user", user));
      case CREATE_SESSION -> accounts.createSession(body.getString("user"), body.getString("refreshHash"),
          body.getLong("expiresAt"), body.getString("device")).map(id -> new JsonObject().put("session", id));
      case ROTATE_SESSION -> accounts.rotateSession(body.getString("refreshHash"), body.getString("newRefreshHash"),
          body.getLong("expiresAt"));
      case REVOKE_SESSION -> accounts.revokeSession(body.getString("refreshHash"));
      case LIST_SESSIONS -> accounts.listSessions(body.getString("user"))
          .map(sessions -> new JsonObject().put("sessions", sessions));
      case REVOKE_SESSIONS -> accounts.revokeSessions(body.getString("user"), body.getString("session"),
          body.getString("except"));
      case SET_PASSWORD -> accounts.setPassword(body.getString("user"), body.getString("passwordHash"),
          body.getString("except"));
      case SET_WORKSPACE_ROLE -> accounts.setWorkspaceRole(body.getString("actor"), body.getString("user"),
          body.getString("role")).map(user -> new JsonObject().put("user", user));
      case OAUTH_SIGN_IN -> identities.signIn(body);
      case GET_PROFILE -> profiles.publicProfile(body.getString("user")).map(user -> new JsonObject().put("user", user));
      case UPDATE_PROFILE -> profiles.updateProfile(body.getString("user"), body.getString("name"),
          body.getString("handle")).map(this::announced);
      case SET_AVATAR -> profiles.setAvatar(body.getString("user"), body.getString("png256"), body.getString("png64"))
          .map(this::announced);
      case CLEAR_AVATAR -> profiles.clearAvatar(body.getString("user")).map(this::announced);
      case GET_AVATAR -> profiles.avatar(body.getString("user"), body.getInteger("size"));
    };
  }

  /** Tells everyone who shares a room with the person, and their own devices, that their profile changed. */
  private JsonObject announced(ProfileStore.Change change) {
    change.events().forEach((address, event) -> vertx.eventBus().publish(address, event));
    return new JsonObject().put("user", change.user());
  }

  private void publish(RoomEvent event) {
    JsonObject json = event.toJson();
    vertx.eventBus().publish(Addresses.room(event.room()), json);
    vertx.eventBus().publish(Addresses.EVENTS, json);
  }

  /** Runs a command handler and turns its outcome into a reply; domain failures keep their contract code. */
  private static void answer(Message<JsonObject> message, Function<Message<JsonObject>, Future<JsonObject>> handler) {
    Future<JsonObject> result;
    try {
      result = handler.apply(message);
    } catch (IllegalArgumentException | NullPointerException | ParleyException | ClassCastException e) {
      // Unknown action, missing or mistyped fields: the caller sent a malformed command.
      result = Future.failedFuture(e instanceof ParleyException ? e
          : new ParleyException(ErrorCode.INVALID, "Malformed command: " + e.getMessage()));
    }
    result.onSuccess(message::reply).onFailure(failure -> {
      ErrorCode code = ErrorCode.of(failure);
      if (code == ErrorCode.UNAVAILABLE) {
        LOG.error("Command {} failed", message.headers().get(Addresses.ACTION_HEADER), failure);
        message.fail(code.failureCode(), "The service is unavailable, try again");
      } else {
        message.fail(code.failureCode(), failure.getMessage());
      }
    });
  }
}
