package dev.parley.shared.accounts;

import dev.parley.shared.Addresses;
import dev.parley.shared.accounts.AccountCommands.SessionsRevoked;
import dev.parley.shared.accounts.AccountCommands.UserReply;
import dev.parley.shared.contract.Command;
import dev.parley.shared.contract.Done;
import dev.parley.shared.contract.Json;
import dev.parley.shared.contract.Route;
import io.vertx.core.json.JsonObject;

/**
 * Account recovery by email on {@link Addresses#ACCOUNTS_CMD}: a single-use, expiring password-reset token whose hash
 * is kept and whose link is emailed, and the reset itself; and, built the same way, the link that verifies an
 * account's email address.
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
  /**
   * Keeps the token's hash for the account {@code user} and queues the email with {@code link} (which carries the
   * token) to the account's address, in one statement. The account is known (the person is signed in, or has just
   * signed up), so refusals are plain: {@code conflict} when the address is verified already, {@code rate_limited}
   * when the account asked {@code 3} times in the last hour, {@code not_found} for an account that is gone.
   */
  public record RequestEmailVerification(String user, String tokenHash, String link, long expiresInSeconds)
      implements Command<Done> {
    public static final Route<RequestEmailVerification, Done> ROUTE = Route.of(Addresses.ACCOUNTS_CMD,
        "REQUEST_EMAIL_VERIFICATION", RequestEmailVerification::fromJson, Done::fromJson);

    @Override
    public Route<RequestEmailVerification, Done> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("user", user).put("tokenHash", tokenHash).put("link", link)
          .put("expiresInSeconds", expiresInSeconds);
    }

    public static RequestEmailVerification fromJson(JsonObject json) {
      return new RequestEmailVerification(Json.text(json, "user"), Json.text(json, "tokenHash"),
          Json.text(json, "link"), Json.whole(json, "expiresInSeconds"));
    }
  }

  /**
   * Uses the token (once, before it expires, while the account still has the address it was sent to) to mark the
   * account's email verified, and voids its other verification tokens. Answers the account. A token unknown, used or
   * expired: {@code gone}, and nothing changes.
   */
  public record VerifyEmail(String tokenHash) implements Command<UserReply> {
    public static final Route<VerifyEmail, UserReply> ROUTE =
        Route.of(Addresses.ACCOUNTS_CMD, "VERIFY_EMAIL", VerifyEmail::fromJson, UserReply::fromJson);

    @Override
    public Route<VerifyEmail, UserReply> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("tokenHash", tokenHash);
    }

    public static VerifyEmail fromJson(JsonObject json) {
      return new VerifyEmail(Json.text(json, "tokenHash"));
    }
  }

  /** The payload of an {@code email-verification} outbox item: the email notification-verticle sends. */
  public record VerificationEmail(String to, String name, String link, long expiresInSeconds) {
    public JsonObject toJson() {
      return new JsonObject().put("to", to).put("name", name).put("link", link)
          .put("expiresInSeconds", expiresInSeconds);
    }

    public static VerificationEmail fromJson(JsonObject json) {
      return new VerificationEmail(Json.text(json, "to"), Json.optText(json, "name"), Json.text(json, "link"),
          Json.whole(json, "expiresInSeconds"));
    }
  }
}
