package dev.parley.shared.rooms;

import io.vertx.core.json.JsonObject;

/** The {@code data} of audit-log entries, by action; the entry's {@code action} says which shape it has. */
public final class AuditDetails {

  private AuditDetails() {
  }

  /** {@code invite_link} and {@code invite_email}: the invite made, its address and its use limit. */
  public static JsonObject inviteCreated(String invite, String email, Integer maxUses) {
    return new JsonObject().put("invite", invite).put("email", email).put("maxUses", maxUses);
  }

  /** {@code revoke_invite}. */
  public static JsonObject inviteRevoked(String invite) {
    return new JsonObject().put("invite", invite);
  }

  /** {@code webhook_created}: the webhook, its kind and its name (its bot is the entry's target). */
  public static JsonObject webhookCreated(String webhook, String kind, String name) {
    return new JsonObject().put("webhook", webhook).put("kind", kind).put("name", name);
  }

  /** {@code delete_message}: someone else's message, deleted by a moderator. */
  public static JsonObject messageDeleted(String message) {
    return new JsonObject().put("message", message);
  }
}
