package dev.parley.shared.notify;

import dev.parley.shared.contract.Json;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The payload of a {@link OutboxCommands#SUMMARY} work item: the latest message held back during someone's
 * do-not-disturb window (a {@link PushWork}), and every message held (ids), each once. room-verticle writes this
 * shape in SQL (OutboxStore.NOTIFY).
 */
public record PushSummary(PushWork latest, List<String> messages) {

  public PushSummary {
    messages = List.copyOf(messages);
  }

  /** The push a summary becomes: the latest message itself when it is the only one, otherwise a count. */
  public PushWork push() {
    if (messages.size() <= 1) {
      return latest;
    }
    return new PushWork(latest.room(), latest.roomName(), latest.roomKind(), latest.seq(), latest.id(),
        latest.sender(), latest.senderName(), messages.size() + " new messages while you were in do not disturb",
        null, PushWork.SUMMARY, latest.ts());
  }

  public static PushSummary fromJson(JsonObject json) {
    return new PushSummary(PushWork.fromJson(json), Json.texts(json, "messages"));
  }
}
