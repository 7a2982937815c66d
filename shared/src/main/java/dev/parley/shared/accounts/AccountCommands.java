package dev.parley.shared.accounts;

import dev.parley.shared.Addresses;
import dev.parley.shared.contract.Command;
import dev.parley.shared.contract.Json;
import dev.parley.shared.contract.JsonBody;
import dev.parley.shared.contract.Route;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Commands on {@link Addresses#ACCOUNTS_CMD} about accounts, credentials, sessions and sign-in providers. Passwords
 * are hashed by the gateway and tokens travel as hashes: room-verticle stores what it is given.
 */
public final class AccountCommands {

  private AccountCommands() {
  }

  /** A new account; an email taken already (in any letter case) is a conflict. */
  public record CreateUser(String email, String name, String passwordHash) implements Command<UserReply> {
    public static final Route<CreateUser, UserReply> ROUTE =
        Route.of(Addresses.ACCOUNTS_CMD, "CREATE_USER", CreateUser::fromJson, UserReply::fromJson);

    @Override
    public Route<CreateUser, UserReply> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("email", email).put("name", name).put("passwordHash", passwordHash);
    }

    public static CreateUser fromJson(JsonObject json) {
      return new CreateUser(Json.text(json, "email"), Json.text(json, "name"), Json.text(json, "passwordHash"));
    }
  }

  /** {@code {"user":{..}}}. */
  public record UserReply(AccountView user) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("user", user.toJson());
    }

    public static UserReply fromJson(JsonObject json) {
      return new UserReply(AccountView.fromJson(Json.object(json, "user")));
    }
  }

  /** The account and password hash for an email; an unknown email is not found. */
  public record FindCredentials(String email) implements Command<Credentials> {
    public static final Route<FindCredentials, Credentials> ROUTE =
        Route.of(Addresses.ACCOUNTS_CMD, "FIND_CREDENTIALS", FindCredentials::fromJson, Credentials::fromJson);

    @Override
    public Route<FindCredentials, Credentials> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("email", email);
    }

    public static FindCredentials fromJson(JsonObject json) {
      return new FindCredentials(Json.text(json, "email"));
    }
  }

  /** {@code {"user":{..},"passwordHash"}}; no hash for an account that signs in only through a provider. */
  public record Credentials(AccountView user, String passwordHash) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("user", user.toJson()).put("passwordHash", passwordHash);
    }

    public static Credentials fromJson(JsonObject json) {
      return new Credentials(AccountView.fromJson(Json.object(json, "user")), Json.optText(json, "passwordHash"));
    }
  }

  /** One account by id. */
  public record GetUser(String user) implements Command<UserReply> {
    public static final Route<GetUser, UserReply> ROUTE =
        Route.of(Addresses.ACCOUNTS_CMD, "GET_USER", GetUser::fromJson, UserReply::fromJson);

    @Override
    public Route<GetUser, UserReply> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("user", user);
    }

    public static GetUser fromJson(JsonObject json) {
      return new GetUser(Json.text(json, "user"));
    }
  }

  /** A new session (a signed-in device), known by the hash of its refresh token. */
  public record CreateSession(String user, String refreshHash, long expiresAt, String device)
      implements Command<SessionCreated> {
    public static final Route<CreateSession, SessionCreated> ROUTE =
        Route.of(Addresses.ACCOUNTS_CMD, "CREATE_SESSION", CreateSession::fromJson, SessionCreated::fromJson);

    @Override
    public Route<CreateSession, SessionCreated> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("user", user).put("refreshHash", refreshHash).put("expiresAt", expiresAt)
          .put("device", device);
    }

    public static CreateSession fromJson(JsonObject json) {
      return new CreateSession(Json.text(json, "user"), Json.text(json, "refreshHash"), Json.whole(json, "expiresAt"),
          Json.optText(json, "device"));
    }
  }

  /** {@code {"session"}}. */
  public record SessionCreated(String session) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("session", session);
    }

    public static SessionCreated fromJson(JsonObject json) {
      return new SessionCreated(Json.text(json, "session"));
    }
  }

  /**
   * Swaps a session's refresh token for a new one. A token the session already rotated away ends the whole session
   * (it was stolen) and answers {@code reused: true}; an unknown, expired or revoked token is unauthorized.
   */
  public record RotateSession(String refreshHash, String newRefreshHash, long expiresAt)
      implements Command<SessionRotated> {
    public static final Route<RotateSession, SessionRotated> ROUTE =
        Route.of(Addresses.ACCOUNTS_CMD, "ROTATE_SESSION", RotateSession::fromJson, SessionRotated::fromJson);

    @Override
    public Route<RotateSession, SessionRotated> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("refreshHash", refreshHash).put("newRefreshHash", newRefreshHash)
          .put("expiresAt", expiresAt);
    }

    public static RotateSession fromJson(JsonObject json) {
      return new RotateSession(Json.text(json, "refreshHash"), Json.text(json, "newRefreshHash"),
          Json.whole(json, "expiresAt"));
    }
  }

  /** {@code {"session","user":{..},"reused":bool}}. */
  public record SessionRotated(String session, AccountView user, boolean reused) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("session", session).put("user", user.toJson()).put("reused", reused);
    }

    public static SessionRotated fromJson(JsonObject json) {
      return new SessionRotated(Json.text(json, "session"), AccountView.fromJson(Json.object(json, "user")),
          Json.flag(json, "reused", false));
    }
  }

  /** Ends the session a refresh token belongs to (signing out), be it its current token or one rotated away. */
  public record RevokeSession(String refreshHash) implements Command<SessionsRevoked> {
    public static final Route<RevokeSession, SessionsRevoked> ROUTE =
        Route.of(Addresses.ACCOUNTS_CMD, "REVOKE_SESSION", RevokeSession::fromJson, SessionsRevoked::fromJson);

    @Override
    public Route<RevokeSession, SessionsRevoked> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("refreshHash", refreshHash);
    }

    public static RevokeSession fromJson(JsonObject json) {
      return new RevokeSession(Json.text(json, "refreshHash"));
    }
  }

  /** {@code {"revoked":[ids],"user"?}}: the sessions that ended, and whose they were when that is not known. */
  public record SessionsRevoked(List<String> revoked, String user) implements JsonBody {
    public SessionsRevoked {
      revoked = List.copyOf(revoked);
    }

    @Override
    public JsonObject toJson() {
      return Json.putIfPresent(new JsonObject().put("revoked", revoked), "user", user);
    }

    public static SessionsRevoked fromJson(JsonObject json) {
      return new SessionsRevoked(Json.texts(json, "revoked"), Json.optText(json, "user"));
    }
  }

  /** The user's live sessions, most recently used first. */
  public record ListSessions(String user) implements Command<SessionList> {
    public static final Route<ListSessions, SessionList> ROUTE =
        Route.of(Addresses.ACCOUNTS_CMD, "LIST_SESSIONS", ListSessions::fromJson, SessionList::fromJson);

    @Override
    public Route<ListSessions, SessionList> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("user", user);
    }

    public static ListSessions fromJson(JsonObject json) {
      return new ListSessions(Json.text(json, "user"));
    }
  }

  /** {@code {"sessions":[..]}}. */
  public record SessionList(List<SessionView> sessions) implements JsonBody {
    public SessionList {
      sessions = List.copyOf(sessions);
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("sessions", Json.array(sessions));
    }

    public static SessionList fromJson(JsonObject json) {
      return new SessionList(Json.objects(json, "sessions", SessionView::fromJson));
    }
  }

  /** Ends one of the user's sessions ({@code session}), or all of them but {@code except}. */
  public record RevokeSessions(String user, String session, String except) implements Command<SessionsRevoked> {
    public static final Route<RevokeSessions, SessionsRevoked> ROUTE =
        Route.of(Addresses.ACCOUNTS_CMD, "REVOKE_SESSIONS", RevokeSessions::fromJson, SessionsRevoked::fromJson);

    @Override
    public Route<RevokeSessions, SessionsRevoked> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("user", user).put("session", session).put("except", except);
    }

    public static RevokeSessions fromJson(JsonObject json) {
      return new RevokeSessions(Json.text(json, "user"), Json.optText(json, "session"), Json.optText(json, "except"));
    }
  }

  /** A new password hash; every session but {@code except} ends. */
  public record SetPassword(String user, String passwordHash, String except) implements Command<SessionsRevoked> {
    public static final Route<SetPassword, SessionsRevoked> ROUTE =
        Route.of(Addresses.ACCOUNTS_CMD, "SET_PASSWORD", SetPassword::fromJson, SessionsRevoked::fromJson);

    @Override
    public Route<SetPassword, SessionsRevoked> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("user", user).put("passwordHash", passwordHash).put("except", except);
    }

    public static SetPassword fromJson(JsonObject json) {
      return new SetPassword(Json.text(json, "user"), Json.text(json, "passwordHash"), Json.optText(json, "except"));
    }
  }

  /** The workspace owner appoints ({@code admin}) or removes ({@code member}) a workspace admin. */
  public record SetWorkspaceRole(String actor, String user, String role) implements Command<UserReply> {
    public static final Route<SetWorkspaceRole, UserReply> ROUTE =
        Route.of(Addresses.ACCOUNTS_CMD, "SET_WORKSPACE_ROLE", SetWorkspaceRole::fromJson, UserReply::fromJson);

    @Override
    public Route<SetWorkspaceRole, UserReply> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("actor", actor).put("user", user).put("role", role);
    }

    public static SetWorkspaceRole fromJson(JsonObject json) {
      return new SetWorkspaceRole(Json.text(json, "actor"), Json.text(json, "user"), Json.text(json, "role"));
    }
  }

  /**
   * The account of someone a sign-in provider vouched for. A known identity signs in its user; otherwise a verified
   * email links to the account with that email, or creates one. An unverified email of an existing account is a
   * conflict, and a new account needs a verified email (invalid without one).
   */
  public record OAuthSignIn(String provider, String subject, String email, boolean emailVerified, String name)
      implements Command<OAuthSignedIn> {
    public static final Route<OAuthSignIn, OAuthSignedIn> ROUTE =
        Route.of(Addresses.ACCOUNTS_CMD, "OAUTH_SIGN_IN", OAuthSignIn::fromJson, OAuthSignedIn::fromJson);

    @Override
    public Route<OAuthSignIn, OAuthSignedIn> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("provider", provider).put("subject", subject).put("email", email)
          .put("emailVerified", emailVerified).put("name", name);
    }

    public static OAuthSignIn fromJson(JsonObject json) {
      return new OAuthSignIn(Json.text(json, "provider"), Json.text(json, "subject"), Json.optText(json, "email"),
          Json.flag(json, "emailVerified", false), Json.optText(json, "name"));
    }
  }

  /**
   * {@code {"user":{..},"created":bool,"linked":bool,"revoked":[ids]}}: {@code linked} when a verified email joined
   * the identity to an existing account, whose password and sessions ({@code revoked}) then ended.
   */
  public record OAuthSignedIn(AccountView user, boolean created, boolean linked, List<String> revoked)
      implements JsonBody {
    public OAuthSignedIn {
      revoked = List.copyOf(revoked);
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("user", user.toJson()).put("created", created).put("linked", linked)
          .put("revoked", revoked);
    }

    public static OAuthSignedIn fromJson(JsonObject json) {
      return new OAuthSignedIn(AccountView.fromJson(Json.object(json, "user")), Json.flag(json, "created", false),
          Json.flag(json, "linked", false), Json.texts(json, "revoked"));
    }
  }
}
