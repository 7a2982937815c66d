package dev.parley.gateway;

import dev.parley.shared.AccountAction;
import dev.parley.shared.ErrorCode;
import dev.parley.shared.ParleyException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/** Sign-up, sign-in, token refresh and sign-out, the caller's account, and WebSocket tickets. */
final class AuthApi {

  private static final int MIN_PASSWORD = 8;
  private static final int MAX_PASSWORD = 256;
  private static final int MAX_NAME = 80;
  private static final String BEARER = "Bearer ";

  private final Services services;
  private final Passwords passwords;
  private final Tokens tokens;
  private final WsTickets tickets;
  private final SessionRevocations revocations;
  private final AuthLimits limits;
  private final long refreshTokenMillis;

  /** Sign-ups and sign-ins per IP address, and sign-in attempts per account. */
  record AuthLimits(RateLimiter perAddress, RateLimiter perAccount) {
  }

  AuthApi(Services services, Passwords passwords, Tokens tokens, WsTickets tickets, SessionRevocations revocations,
          AuthLimits limits, int refreshTokenDays) {
    this.services = services;
    this.passwords = passwords;
    this.tokens = tokens;
    this.tickets = tickets;
    this.revocations = revocations;
    this.limits = limits;
    this.refreshTokenMillis = refreshTokenDays * 86_400_000L;
  }

  /** Routes that need no sign-in. */
  void mountPublic(Router api) {
    api.post("/auth/register").handler(this::register);
    api.post("/auth/login").handler(this::login);
    api.post("/auth/refresh").handler(this::refresh);
    api.post("/auth/logout").handler(this::logout);
  }

  /** Routes for signed-in callers (after {@link #authenticate}). */
  void mountPrivate(Router api) {
    api.get("/me").handler(this::me);
    api.post("/ws-ticket").handler(this::wsTicket);
    api.post("/auth/password").handler(this::changePassword);
    api.get("/sessions").handler(this::sessions);
    api.delete("/sessions/:session").handler(this::endSession);
    api.post("/sessions/revoke-all").handler(this::endAllSessions);
  }

  /** Requires a valid access token and puts the caller's {@link Identity} on the context. */
  void authenticate(RoutingContext ctx) {
    bearerIdentity(ctx.request().getHeader("Authorization"))
        .onSuccess(identity -> {
          ctx.put(Requests.IDENTITY, identity);
          ctx.next();
        })
        .onFailure(ctx::fail);
  }

  /** The identity in an {@code Authorization: Bearer} header; unauthorized when absent or not valid. */
  Future<Identity> bearerIdentity(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Future.failedFuture(new ParleyException(ErrorCode.UNAUTHORIZED, "Sign in first"));
    }
    return tokens.verify(authorization.substring(BEARER.length()).trim())
        .recover(invalid -> Future.failedFuture(
            new ParleyException(ErrorCode.UNAUTHORIZED, "The access token is not valid or has expired")))
        .compose(this::live);
  }

  /** The identity, unless its session was ended (signed out, revoked, or caught reusing a refresh token). */
  Future<Identity> live(Identity identity) {
    return revocations.isRevoked(identity.session()).compose(revoked -> revoked
        ? Future.failedFuture(new ParleyException(ErrorCode.UNAUTHORIZED, "This session has ended: sign in again"))
        : Future.succeededFuture(identity));
  }

  private void register(RoutingContext ctx) {
    JsonObject body = Requests.body(ctx);
    String email = email(body);
    String name = Requests.text(body, "name", MAX_NAME);
    String password = password(body);
    allowed(limits.perAddress(), clientAddress(ctx))
        .compose(ok -> passwords.hash(password))
        .compose(hash -> services.accounts(AccountAction.CREATE_USER,
            new JsonObject().put("email", email).put("name", name).put("passwordHash", hash)))
        .compose(created -> startSession(ctx, created.getJsonObject("user")))
        .onSuccess(session -> Requests.json(ctx, 201, session))
        .onFailure(ctx::fail);
  }

  private void login(RoutingContext ctx) {
    JsonObject body = Requests.body(ctx);
    String email = email(body);
    String password = password(body);
    // Both limits apply whether or not the account exists: the answer must not tell.
    allowed(limits.perAddress(), clientAddress(ctx))
        .compose(ok -> allowed(limits.perAccount(), email.toLowerCase(Locale.ROOT)))
        .compose(ok -> services.accounts(AccountAction.FIND_CREDENTIALS, new JsonObject().put("email", email)))
        // An unknown account is checked against a decoy hash: same answer, same time, nothing learned.
        .recover(failure -> ErrorCode.of(failure) == ErrorCode.NOT_FOUND
            ? Future.succeededFuture(new JsonObject())
            : Future.failedFuture(failure))
        .compose(account -> passwords.verify(password, account.getString("passwordHash")).compose(matches -> matches
            ? startSession(ctx, account.getJsonObject("user"))
            : Future.failedFuture(new ParleyException(ErrorCode.UNAUTHORIZED, "Wrong email or password"))))
        .onSuccess(session -> Requests.json(ctx, 200, session))
        .onFailure(ctx::fail);
  }

  private void refresh(RoutingContext ctx) {
    String refreshToken = Requests.text(Requests.body(ctx), "refreshToken", 200);
    String next = tokens.randomToken();
    services.accounts(AccountAction.ROTATE_SESSION, new JsonObject()
            .put("refreshHash", Tokens.hash(refreshToken))
            .put("newRefreshHash", Tokens.hash(next))
            .put("expiresAt", System.currentTimeMillis() + refreshTokenMillis))
        .compose(rotated -> {
          JsonObject user = rotated.getJsonObject("user");
          if (!rotated.getBoolean("reused", false)) {
            return Future.succeededFuture(sessionJson(user, rotated.getString("session"), next));
          }
          // Someone else holds this session's tokens too: end it for everyone, now.
          return revocations.revoked(user.getString("id"), new JsonArray().add(rotated.getString("session")))
              .transform(marked -> Future.failedFuture(new ParleyException(ErrorCode.UNAUTHORIZED,
                  "This refresh token was used before, so the session has been ended for safety: sign in again")));
        })
        .onSuccess(session -> Requests.json(ctx, 200, session))
        .onFailure(ctx::fail);
  }

  private void logout(RoutingContext ctx) {
    String refreshToken = Requests.text(Requests.body(ctx), "refreshToken", 200);
    services.accounts(AccountAction.REVOKE_SESSION, new JsonObject().put("refreshHash", Tokens.hash(refreshToken)))
        .compose(ended -> ended.getString("user") == null ? Future.succeededFuture()
            : revocations.revoked(ended.getString("user"), ended.getJsonArray("revoked")))
        .onSuccess(done -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private void sessions(RoutingContext ctx) {
    Identity identity = Requests.identity(ctx);
    services.accounts(AccountAction.LIST_SESSIONS, new JsonObject().put("user", identity.user()))
        .onSuccess(list -> {
          list.getJsonArray("sessions").forEach(session -> ((JsonObject) session)
              .put("current", ((JsonObject) session).getString("id").equals(identity.session())));
          Requests.json(ctx, 200, list);
        })
        .onFailure(ctx::fail);
  }

  private void endSession(RoutingContext ctx) {
    Identity identity = Requests.identity(ctx);
    endSessions(identity, new JsonObject().put("session", ctx.pathParam("session")))
        .onSuccess(done -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  /** "Sign out everywhere": every session, or every other one with {@code {"keepCurrent":true}}. */
  private void endAllSessions(RoutingContext ctx) {
    Identity identity = Requests.identity(ctx);
    Object keep = ctx.body().length() > 0 ? Requests.body(ctx).getValue("keepCurrent") : null;
    if (keep != null && !(keep instanceof Boolean)) {
      throw Requests.invalid("'keepCurrent' must be true or false");
    }
    boolean keepCurrent = Boolean.TRUE.equals(keep);
    endSessions(identity, new JsonObject().put("except", keepCurrent ? identity.session() : null))
        .onSuccess(done -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private Future<Void> endSessions(Identity identity, JsonObject which) {
    return services.accounts(AccountAction.REVOKE_SESSIONS, which.put("user", identity.user()))
        .compose(ended -> revocations.revoked(identity.user(), ended.getJsonArray("revoked")));
  }

  /** A new password, given the current one; every other session of the person ends. */
  private void changePassword(RoutingContext ctx) {
    JsonObject body = Requests.body(ctx);
    Object current = body.getValue("currentPassword");
    if (!(current instanceof String currentPassword) || currentPassword.length() > MAX_PASSWORD) {
      throw Requests.invalid("'currentPassword' is required");
    }
    String newPassword = password(body.copy().put("password", body.getValue("newPassword")));
    Identity identity = Requests.identity(ctx);
    services.accounts(AccountAction.GET_USER, new JsonObject().put("user", identity.user()))
        .compose(user -> allowed(limits.perAccount(), user.getJsonObject("user").getString("email")
                .toLowerCase(Locale.ROOT))
            .compose(ok -> services.accounts(AccountAction.FIND_CREDENTIALS,
                new JsonObject().put("email", user.getJsonObject("user").getString("email")))))
        .compose(account -> passwords.verify(currentPassword, account.getString("passwordHash")))
        .compose(matches -> matches ? passwords.hash(newPassword)
            : Future.failedFuture(new ParleyException(ErrorCode.FORBIDDEN, "The current password is wrong")))
        .compose(hash -> services.accounts(AccountAction.SET_PASSWORD, new JsonObject().put("user", identity.user())
            .put("passwordHash", hash).put("except", identity.session())))
        .compose(ended -> revocations.revoked(identity.user(), ended.getJsonArray("revoked")))
        .onSuccess(done -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  /** Sessions ended elsewhere (an account's password dropped when a provider proved who owns its email). */
  Future<Void> sessionsEnded(String user, JsonArray sessions) {
    return sessions.isEmpty() ? Future.succeededFuture() : revocations.revoked(user, sessions);
  }

  private static Future<Void> allowed(RateLimiter limiter, String subject) {
    return limiter.tryAcquire(subject)
        .recover(redisDown -> Future.succeededFuture(true))
        .compose(ok -> ok ? Future.succeededFuture()
            : Future.failedFuture(new ParleyException(ErrorCode.RATE_LIMITED,
                "Too many attempts: wait a minute and try again")));
  }

  /** The caller's address (the proxy's, behind one: Parley does not trust forwarded headers by default). */
  private static String clientAddress(RoutingContext ctx) {
    return ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
  }

  private void me(RoutingContext ctx) {
    services.accounts(AccountAction.GET_USER, new JsonObject().put("user", Requests.identity(ctx).user()))
        .onSuccess(user -> Requests.json(ctx, 200, user))
        .onFailure(ctx::fail);
  }

  private void wsTicket(RoutingContext ctx) {
    tickets.issue(Requests.identity(ctx))
        .onSuccess(ticket -> Requests.json(ctx, 200, new JsonObject().put("ticket", ticket)
            .put("expiresIn", WsTickets.TTL_SECONDS)))
        .onFailure(ctx::fail);
  }

  /** Opens a session for a user who just proved who they are (here, or through a sign-in provider: OAuthApi). */
  Future<JsonObject> startSession(RoutingContext ctx, JsonObject user) {
    String refreshToken = tokens.randomToken();
    String device = ctx.request().getHeader("User-Agent");
    return services.accounts(AccountAction.CREATE_SESSION, new JsonObject()
            .put("user", user.getString("id"))
            .put("refreshHash", Tokens.hash(refreshToken))
            .put("expiresAt", System.currentTimeMillis() + refreshTokenMillis)
            .put("device", device == null ? "" : device.substring(0, Math.min(device.length(), 200))))
        .map(created -> sessionJson(user, created.getString("session"), refreshToken));
  }

  private JsonObject sessionJson(JsonObject user, String session, String refreshToken) {
    Identity identity = new Identity(user.getString("id"), user.getString("name"), session);
    return new JsonObject()
        .put("user", user)
        .put("accessToken", tokens.accessToken(identity))
        .put("refreshToken", refreshToken)
        .put("expiresIn", tokens.accessTokenSeconds());
  }

  private static String email(JsonObject body) {
    String email = Requests.text(body, "email", 254);
    if (!Requests.EMAIL.matcher(email).matches()) {
      throw Requests.invalid("'email' is not an email address");
    }
    return email;
  }

  private static String password(JsonObject body) {
    Object value = body.getValue("password");
    if (!(value instanceof String password) || password.length() < MIN_PASSWORD) {
      throw Requests.invalid("'password' must have at least " + MIN_PASSWORD + " characters");
    }
    if (password.length() > MAX_PASSWORD) {
      throw Requests.invalid("'password' is longer than " + MAX_PASSWORD + " characters");
    }
    return password;
  }
}
