package dev.parley.gateway;

import dev.parley.shared.AccountAction;
import dev.parley.shared.ErrorCode;
import dev.parley.shared.ParleyException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;

/** Sign-up, sign-in, token refresh and sign-out, the caller's account, and WebSocket tickets. */
final class AuthApi {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");
  private static final int MIN_PASSWORD = 8;
  private static final int MAX_PASSWORD = 256;
  private static final int MAX_NAME = 80;
  private static final String BEARER = "Bearer ";

  private final Services services;
  private final Passwords passwords;
  private final Tokens tokens;
  private final WsTickets tickets;
  private final long refreshTokenMillis;

  AuthApi(Services services, Passwords passwords, Tokens tokens, WsTickets tickets, int refreshTokenDays) {
    this.services = services;
    this.passwords = passwords;
    this.tokens = tokens;
    this.tickets = tickets;
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
            new ParleyException(ErrorCode.UNAUTHORIZED, "The access token is not valid or has expired")));
  }

  private void register(RoutingContext ctx) {
    JsonObject body = Requests.body(ctx);
    String email = email(body);
    String name = Requests.text(body, "name", MAX_NAME);
    String password = password(body);
    passwords.hash(password)
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
    services.accounts(AccountAction.FIND_CREDENTIALS, new JsonObject().put("email", email))
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
        .map(rotated -> sessionJson(rotated.getJsonObject("user"), rotated.getString("session"), next))
        .onSuccess(session -> Requests.json(ctx, 200, session))
        .onFailure(ctx::fail);
  }

  private void logout(RoutingContext ctx) {
    String refreshToken = Requests.text(Requests.body(ctx), "refreshToken", 200);
    services.accounts(AccountAction.REVOKE_SESSION, new JsonObject().put("refreshHash", Tokens.hash(refreshToken)))
        .onSuccess(done -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
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

  /** Opens a session for a user who just proved who they are. */
  private Future<JsonObject> startSession(RoutingContext ctx, JsonObject user) {
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
    if (!EMAIL.matcher(email).matches()) {
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
