package dev.parley.shared.contract;

import dev.parley.shared.accounts.AccountCommands;
import dev.parley.shared.accounts.ProfileCommands;
import dev.parley.shared.files.FileCommands;
import dev.parley.shared.notify.OutboxCommands;
import dev.parley.shared.notify.PreferenceCommands;
import dev.parley.shared.plugins.FirehoseCommands;
import dev.parley.shared.presence.PresenceCommands;
import dev.parley.shared.rooms.InviteCommands;
import dev.parley.shared.rooms.MessageCommands;
import dev.parley.shared.rooms.RoomCommands;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.util.Set;

/**
 * Which commands a {@link Requester} sends again when an attempt gets no answer, and how long it waits for each.
 *
 * <p>Why: in a cluster the event bus sends each request to one of the instances registered on the address, round
 * robin. When a node dies without a goodbye (SIGKILL, a machine lost), the others keep its registrations until
 * Hazelcast declares it dead, and a request sent to it is neither answered nor failed: the event bus fails only the
 * write, not the request, so the caller waits out its whole timeout. An attempt that is not answered within a short
 * time is therefore sent again, to an instance that answers ({@link Peers}: the silent one is avoided until it
 * answers a ping), or round robin when the requester cannot tell which one was silent.
 *
 * <p>Only commands that are harmless to run twice are retried: reads, and writes that are idempotent on a key the
 * command carries (a message's {@code cid}, a read marker that only moves forward, a reaction that is added or taken
 * off, a work item queued once per key: a second run says it queued none, and the worker finds it at its next poll).
 * The first attempt may well have been carried out by a node that died before
 * answering, or may still be under way on a slow one: a second run must give the same result and store nothing
 * twice. Creating a room, an invite or a session, rotating a refresh token, accepting an invite or moderating are
 * not retried: the caller gets {@code unavailable} and decides. Nor is a sign-out: run again, it would answer that it
 * ended no session, and the gateway would not mark the one the first run ended as signed out in Redis. Nor are reads that may legitimately take seconds
 * (message search, mentions, audit logs): a second copy would only double the load that made them slow.
 *
 * <p>Only "no answer" is retried: no answer in time, or nobody registered on the address where the request arrived
 * (a node that drains has unregistered, and the others have not heard yet). A refusal, or a database outage
 * ({@code unavailable} from room-verticle itself), is an answer: it is passed on at once, so that sends fail fast
 * while PostgreSQL is away instead of piling up. Each retry counts as its attempt's whole wait against the caller's
 * timeout, so even when nobody at all is registered a command is tried a handful of times, not forever.
 */
public final class Retries {

  /**
   * How long each attempt waits for its answer, in order; the last one is repeated until the caller's timeout runs
   * out. The first is short because a command of the message path normally answers in milliseconds (ack p99.9 at
   * 3,000 msg/s on two cores: about 115 ms, docs/bench.md): 400 ms of silence means a dead or badly stuck node far
   * more often than a slow one. Later attempts wait longer, so that a node that is merely overloaded is not sent
   * ever more copies of the same work. After a SIGKILL, a command first sent to the dead node is answered by a
   * living one after 0.4 s, or after 1.2 s when its second attempt went there too; by then Hazelcast has removed the
   * dead node's registrations (ClusterSetup), so the third goes elsewhere.
   */
  static final long[] ATTEMPT_MILLIS = {400, 800, 1_600, 3_200};

  /**
   * The retry budget of one requester: retries it may make at once (a dead node's share of the commands in flight,
   * and of those sent in the second before Hazelcast removes it), refilled by {@link #BUDGET_PER_ANSWER} per answered
   * command. Why a budget: when the cluster is overloaded rather than a node dead, commands time out because they are
   * slow, and copies of them would only add to the load that made them slow (a retry storm). Once the reserve is
   * spent, at most one retry per five answers is made; a command that would need more fails {@code unavailable} at
   * once and its client resends later, which sheds load instead of piling it up.
   */
  static final double BUDGET_RESERVE = 1_000;
  static final double BUDGET_PER_ANSWER = 0.2;

  /** Commands that give the same result and store nothing twice when run again. */
  static final Set<Route<?, ?>> IDEMPOTENT = Set.of(
      // writes idempotent on a key they carry
      MessageCommands.PostMessage.ROUTE,
      MessageCommands.MarkRead.ROUTE,
      MessageCommands.React.ROUTE,
      MessageCommands.FollowThread.ROUTE,
      RoomCommands.JoinRoom.ROUTE,
      OutboxCommands.QueueWork.ROUTE,
      OutboxCommands.NotifyMessage.ROUTE,
      OutboxCommands.NotifyMessages.ROUTE,
      // the same holder asking again holds the same cursor at the same position
      FirehoseCommands.HoldCursor.ROUTE,
      // reads
      MessageCommands.History.ROUTE,
      MessageCommands.Replay.ROUTE,
      MessageCommands.ThreadReplies.ROUTE,
      MessageCommands.ListReceipts.ROUTE,
      RoomCommands.ListRooms.ROUTE,
      RoomCommands.ListChannels.ROUTE,
      RoomCommands.FindUsers.ROUTE,
      RoomCommands.ListMembers.ROUTE,
      FileCommands.OpenFile.ROUTE,
      InviteCommands.ListInvites.ROUTE,
      InviteCommands.InviteInfo.ROUTE,
      AccountCommands.GetUser.ROUTE,
      AccountCommands.FindCredentials.ROUTE,
      AccountCommands.ListSessions.ROUTE,
      ProfileCommands.GetProfile.ROUTE,
      ProfileCommands.GetAvatar.ROUTE,
      PresenceCommands.SharingRooms.ROUTE,
      OutboxCommands.NotifyProfile.ROUTE,
      PreferenceCommands.GetPersonSettings.ROUTE,
      PreferenceCommands.GetRoomSettings.ROUTE);

  private Retries() {
  }

  /** Whether a command of this route may be sent again when an attempt gets no answer. */
  public static boolean idempotent(Route<?, ?> route) {
    return IDEMPOTENT.contains(route);
  }

  /** How long attempt number {@code attempt} (from 0) waits for its answer. */
  static long attemptMillis(int attempt) {
    return ATTEMPT_MILLIS[Math.min(attempt, ATTEMPT_MILLIS.length - 1)];
  }

  /** Whether a failed attempt got no answer at all (as opposed to an answer that says no). */
  static boolean unanswered(Throwable failure) {
    return failure instanceof ReplyException reply
        && (reply.failureType() == ReplyFailure.TIMEOUT || reply.failureType() == ReplyFailure.NO_HANDLERS);
  }
}
