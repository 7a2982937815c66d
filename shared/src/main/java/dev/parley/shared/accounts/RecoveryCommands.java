package dev.parley.shared.accounts;

import dev.parley.shared.Addresses;
import dev.parley.shared.accounts.AccountCommands.SessionsRevoked;
import dev.parley.shared.contract.Command;
import dev.parley.shared.contract.Done;
import dev.parley.shared.contract.Json;
import dev.parley.shared.contract.Route;
import io.vertx.core.json.JsonObject;

/**
 * Account recovery by email on {@link Addresses#ACCOUNTS_CMD}: a single-use, expiring password-reset token whose hash
 * is kept and whose link is emailed, and the reset itself.
 */
public final class RecoveryCommands {

  private RecoveryCommands() {
  }

  /**
   * Keeps the token's hash for the account of {@code email} and queues the email with {@code link} (which carries the
   * token) for notification-verticle, in one statement. Answers the same whether or not the address has an account,
   * or the account asked too often lately (then nothing is kept or sent): the caller must not learn which.
   */
  public record RequestPasswordReset(String email, String tokenHash, String link, long expiresInSeconds)
      implements Command<Done> {
    public static final Route<RequestPasswordReset, Done> ROUTE =
        Route.of(Addresses.ACCOUNTS_CMD, "REQUEST_PASSWORD_RESET", RequestPasswordReset::fromJson, Done::fromJson);

    @Override
    public Route<RequestPasswordReset, Done> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("email", email).put("tokenHash", tokenHash).put("link", link)
          .put("expiresInSeconds", expiresInSeconds);
    }

    public static RequestPasswordReset fromJson(JsonObject json) {
      return new RequestPasswordReset(Json.text(json, "email"), Json.text(json, "tokenHash"), Json.text(json, "link"),
          Json.whole(json, "expiresInSeconds"));
    }
  }

  /**
   * Uses the token (once, before it expires) to set the password, ends every session of the account and voids its
   * other reset tokens. A token unknown, used or expired: {@code gone}.
   */
  public record ResetPassword(String tokenHash, String passwordHash) implements Command<SessionsRevoked> {
    public static final Route<ResetPassword, SessionsRevoked> ROUTE =
        Route.of(Addresses.ACCOUNTS_CMD, "RESET_PASSWORD", ResetPassword::fromJson, SessionsRevoked::fromJson);

    @Override
    public Route<ResetPassword, SessionsRevoked> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("tokenHash", tokenHash).put("passwordHash", passwordHash);
    }

    public static ResetPassword fromJson(JsonObject json) {
      return new ResetPassword(Json.text(json, "tokenHash"), Json.text(json, "passwordHash"));
    }
  }

  /** The payload of a {@code password-reset} outbox item: the email notification-verticle sends. */
  public record ResetEmail(String to, String name, String link, long expiresInSeconds) {
    public JsonObject toJson() {
      return new JsonObject().put("to", to).put("name", name).put("link", link)
          .put("expiresInSeconds", expiresInSeconds);
    }

    public static ResetEmail fromJson(JsonObject json) {
      return new ResetEmail(Json.text(json, "to"), Json.optText(json, "name"), Json.text(json, "link"),
          Json.whole(json, "expiresInSeconds"));
    }
  }
}
