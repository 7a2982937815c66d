package dev.parley.shared.notify;

import dev.parley.shared.Addresses;
import dev.parley.shared.contract.Command;
import dev.parley.shared.contract.Done;
import dev.parley.shared.contract.Json;
import dev.parley.shared.contract.JsonBody;
import dev.parley.shared.contract.Route;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * What notification-verticle asks room-verticle about its durable work queue, the outbox in PostgreSQL: deciding who
 * a stored message notifies (and queueing that work), queueing other work (invitation emails), and claiming and
 * finishing work. Any number of notification-verticle instances share the queue: a claim takes rows that nobody holds
 * ({@code FOR UPDATE SKIP LOCKED}) for a lease, and only the holder of that lease may finish them.
 */
public final class OutboxCommands {

  /**
   * The decision to push one person about one message: recorded finished, next to the {@link #WEBPUSH} work for
   * each of the person's devices that the same statement queues. Such work left unfinished (queued by an older
   * version, which fanned out later) is still handled: one {@link #WEBPUSH} per device.
   */
  public static final String PUSH = "push";
  /**
   * The pushes a person in do-not-disturb did not get, as one summary when it ends ({@link PushSummary}): due then,
   * one per person and window.
   */
  public static final String SUMMARY = "summary";
  /** A push notification to one device of a person, over Web Push ({@link PushCommands.Delivery}). */
  public static final String WEBPUSH = "webpush";
  /** An invitation email. */
  public static final String INVITE = "invite";

  /** The email digest of a person ({@link DigestCommands}): one pending at a time, due after the delay. */
  public static final String DIGEST = "digest";
  /** Kind of work: one password-reset email (its payload, which holds the link and so the token, goes once sent). */
  public static final String PASSWORD_RESET = "password-reset";
  /**
   * Kind of work: one email-verification email (its payload, which holds the link and so the token, goes once sent).
   */
  public static final String EMAIL_VERIFICATION = "email-verification";

  /** The delay before an unread DM or mention is emailed, when a caller does not say. */
  public static final long DEFAULT_EMAIL_AFTER_MILLIS = 15 * 60_000L;

  /** The most rows one claim takes. */
  public static final int MAX_CLAIM = 100;

  private OutboxCommands() {
  }

  /**
   * Decides who stored message {@code seq} of {@code room} notifies and queues a push for each of them: its DM or
   * group DM's members, the people it mentions, everyone on {@code @channel} where the room allows it, followers of
   * its thread, members who set the room to "all"; less its sender, people who muted the room or set it to nothing,
   * and {@code looking}: people who have the room open and visible right now. Queueing the same message again changes
   * nothing (several instances may hear it). A DM or mention also queues the person's email digest, due
   * {@code emailAfterMillis} later (unless one is queued already). Answers how many items it queued.
   */
  public record NotifyMessage(String room, long seq, List<String> looking, long emailAfterMillis)
      implements Command<Queued> {
    public static final Route<NotifyMessage, Queued> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "NOTIFY_MESSAGE", NotifyMessage::fromJson, Queued::fromJson);

    public NotifyMessage {
      looking = List.copyOf(looking);
    }

    @Override
    public Route<NotifyMessage, Queued> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("room", room).put("seq", seq).put("looking", new JsonArray(looking))
          .put("emailAfterMillis", emailAfterMillis);
    }

    public static NotifyMessage fromJson(JsonObject json) {
      Long emailAfter = Json.optWhole(json, "emailAfterMillis");
      return new NotifyMessage(Json.text(json, "room"), Json.whole(json, "seq"), Json.texts(json, "looking"),
          emailAfter == null ? DEFAULT_EMAIL_AFTER_MILLIS : emailAfter);
    }
  }

  /**
   * {@link NotifyMessage} for each message of a page of the firehose, decided in one statement (a decision's own
   * work is small, and per message the statement and its commit cost as much again). Answers how many items it
   * queued in all.
   */
  public record NotifyMessages(List<NotifyMessage> messages) implements Command<Queued> {
    public static final Route<NotifyMessages, Queued> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "NOTIFY_MESSAGES", NotifyMessages::fromJson, Queued::fromJson);
    /** The most messages one command decides: a firehose page at most. */
    public static final int MAX_MESSAGES = 500;

    public NotifyMessages {
      messages = List.copyOf(messages);
    }

    @Override
    public Route<NotifyMessages, Queued> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("messages", Json.array(messages));
    }

    public static NotifyMessages fromJson(JsonObject json) {
      List<NotifyMessage> messages = Json.objects(json, "messages", NotifyMessage::fromJson);
      if (messages.isEmpty() || messages.size() > MAX_MESSAGES) {
        throw Json.invalid("messages must hold 1 to " + MAX_MESSAGES + " messages");
      }
      return new NotifyMessages(messages);
    }
  }

  /**
   * Whether every message of a room may notify someone: a DM or group DM, or a room where a member asked for every
   * message. Elsewhere only a mention, an {@code @channel} or a thread reply can, so notification-verticle asks for
   * no decision about the rest (most of a busy channel's traffic).
   */
  public record NotifyProfile(String room) implements Command<RoomNotifyProfile> {
    public static final Route<NotifyProfile, RoomNotifyProfile> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "NOTIFY_PROFILE", NotifyProfile::fromJson, RoomNotifyProfile::fromJson);

    @Override
    public Route<NotifyProfile, RoomNotifyProfile> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("room", room);
    }

    public static NotifyProfile fromJson(JsonObject json) {
      return new NotifyProfile(Json.text(json, "room"));
    }
  }

  /** {@code {"everyMessage"}}: see {@link NotifyProfile}. */
  public record RoomNotifyProfile(boolean everyMessage) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("everyMessage", everyMessage);
    }

    public static RoomNotifyProfile fromJson(JsonObject json) {
      return new RoomNotifyProfile(Json.flag(json, "everyMessage", true));
    }
  }

  /** How many work items a command queued (0 when they were queued before). */
  public record Queued(int count) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("count", count);
    }

    public static Queued fromJson(JsonObject json) {
      return new Queued(Json.integer(json, "count"));
    }
  }

  /**
   * Queues one work item of {@code kind}, once per {@code key} (a second with the same key changes nothing), due
   * now. The payload is whatever the kind's handler needs; it is dropped once the work is done.
   */
  public record QueueWork(String kind, String key, String user, JsonObject payload) implements Command<Queued> {
    public static final Route<QueueWork, Queued> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "QUEUE_WORK", QueueWork::fromJson, Queued::fromJson);

    @Override
    public Route<QueueWork, Queued> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      JsonObject json = new JsonObject().put("kind", kind).put("key", key);
      Json.putIfPresent(json, "user", user);
      return json.put("payload", payload);
    }

    public static QueueWork fromJson(JsonObject json) {
      return new QueueWork(Json.text(json, "kind"), Json.text(json, "key"), Json.optText(json, "user"),
          Json.object(json, "payload"));
    }
  }

  /**
   * Claims up to {@code limit} (at most {@link #MAX_CLAIM}) work items that are due and held by nobody, oldest first,
   * for {@code worker} (an id unique to one notification-verticle instance) during {@code leaseMillis}. A worker that
   * stops before finishing them loses them when the lease runs out, and another instance takes them.
   */
  public record ClaimWork(String worker, int limit, long leaseMillis) implements Command<WorkList> {
    public static final Route<ClaimWork, WorkList> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "CLAIM_WORK", ClaimWork::fromJson, WorkList::fromJson);

    @Override
    public Route<ClaimWork, WorkList> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("worker", worker).put("limit", limit).put("leaseMillis", leaseMillis);
    }

    public static ClaimWork fromJson(JsonObject json) {
      int limit = Json.integer(json, "limit");
      long lease = Json.whole(json, "leaseMillis");
      if (limit < 1 || limit > MAX_CLAIM) {
        throw Json.invalid("limit must be between 1 and " + MAX_CLAIM);
      }
      if (lease < 1) {
        throw Json.invalid("leaseMillis must be positive");
      }
      return new ClaimWork(Json.text(json, "worker"), limit, lease);
    }
  }

  /** One claimed work item: {@code attempts} counts this one. */
  public record Work(long id, String kind, String user, JsonObject payload, int attempts) implements JsonBody {
    @Override
    public JsonObject toJson() {
      JsonObject json = new JsonObject().put("id", id).put("kind", kind);
      Json.putIfPresent(json, "user", user);
      return json.put("payload", payload).put("attempts", attempts);
    }

    public static Work fromJson(JsonObject json) {
      return new Work(Json.whole(json, "id"), Json.text(json, "kind"), Json.optText(json, "user"),
          Json.object(json, "payload"), Json.integer(json, "attempts"));
    }
  }

  /** Work items claimed, possibly none. */
  public record WorkList(List<Work> work) implements JsonBody {
    public WorkList {
      work = List.copyOf(work);
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("work", Json.array(work));
    }

    public static WorkList fromJson(JsonObject json) {
      return new WorkList(Json.objects(json, "work", Work::fromJson));
    }
  }

  /**
   * The holder of a claim says what became of some of its work items, in one statement however many: each is
   * {@code done} (sent, or nothing left to send), {@code failed} (given up on, with the {@code error}), or
   * {@code retry} after {@code retryMillis} (the claim is let go so that any instance may take it then). An item whose
   * lease ran out and was taken over by another worker changes nothing.
   */
  public record FinishWork(String worker, List<Finished> items) implements Command<Done> {
    public static final String DONE = "done";
    public static final String FAILED = "failed";
    public static final String RETRY = "retry";
    /** The most items one command finishes. */
    public static final int MAX_ITEMS = 500;

    public static final Route<FinishWork, Done> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "FINISH_WORK", FinishWork::fromJson, Done::fromJson);

    public FinishWork {
      items = List.copyOf(items);
    }

    @Override
    public Route<FinishWork, Done> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("worker", worker).put("items", Json.array(items));
    }

    public static FinishWork fromJson(JsonObject json) {
      List<Finished> items = Json.objects(json, "items", Finished::fromJson);
      if (items.isEmpty() || items.size() > MAX_ITEMS) {
        throw Json.invalid("items must hold 1 to " + MAX_ITEMS + " work items");
      }
      return new FinishWork(Json.text(json, "worker"), items);
    }
  }

  /** What became of work item {@code id}: see {@link FinishWork}. */
  public record Finished(long id, String outcome, long retryMillis, String error) implements JsonBody {

    public static Finished done(long id) {
      return new Finished(id, FinishWork.DONE, 0, null);
    }

    public static Finished failed(long id, String error) {
      return new Finished(id, FinishWork.FAILED, 0, error);
    }

    public static Finished retry(long id, long retryMillis, String error) {
      return new Finished(id, FinishWork.RETRY, retryMillis, error);
    }

    @Override
    public JsonObject toJson() {
      JsonObject json = new JsonObject().put("id", id).put("outcome", outcome).put("retryMillis", retryMillis);
      return Json.putIfPresent(json, "error", error);
    }

    public static Finished fromJson(JsonObject json) {
      String outcome = Json.text(json, "outcome");
      if (!List.of(FinishWork.DONE, FinishWork.FAILED, FinishWork.RETRY).contains(outcome)) {
        throw Json.invalid("outcome must be done, failed or retry");
      }
      Long retry = Json.optWhole(json, "retryMillis");
      return new Finished(Json.whole(json, "id"), outcome, retry == null ? 0 : Math.max(0, retry),
          Json.optText(json, "error"));
    }
  }
}
