package dev.parley.gateway.identity;

import dev.parley.gateway.http.Requests;
import dev.parley.gateway.http.ClientAddresses;
import dev.parley.gateway.limits.RateLimiter;
import dev.parley.gateway.limits.SignInThrottle;
import dev.parley.shared.Bounds;
import dev.parley.shared.ErrorCode;
import dev.parley.shared.Failures;
import dev.parley.shared.ParleyException;
import dev.parley.shared.plugins.BotCommands;
import dev.parley.shared.plugins.BotCommands.BotByToken;
import dev.parley.shared.accounts.AccountCommands.CreateSession;
import dev.parley.shared.accounts.AccountCommands.CreateUser;
import dev.parley.shared.accounts.AccountCommands.Credentials;
import dev.parley.shared.accounts.AccountCommands.FindCredentials;
import dev.parley.shared.accounts.AccountCommands.GetUser;
import dev.parley.shared.accounts.AccountCommands.ListSessions;
import dev.parley.shared.accounts.AccountCommands.RevokeSession;
import dev.parley.shared.accounts.AccountCommands.RevokeSessions;
import dev.parley.shared.accounts.AccountCommands.RotateSession;
import dev.parley.shared.accounts.AccountCommands.SessionList;
import dev.parley.shared.accounts.AccountCommands.SetPassword;
import dev.parley.shared.accounts.AccountView;
import dev.parley.shared.accounts.RecoveryCommands.RequestEmailVerification;
import dev.parley.shared.accounts.RecoveryCommands.RequestPasswordReset;
import dev.parley.shared.accounts.RecoveryCommands.ResetPassword;
import dev.parley.shared.accounts.RecoveryCommands.VerifyEmail;
import dev.parley.shared.contract.Requester;
import dev.parley.shared.http.AuthRequests;
import dev.parley.shared.http.SignedIn;
import dev.parley.shared.http.WsTicket;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sign-up, sign-in, token refresh and sign-out, the caller's account, and WebSocket tickets. */
public final class AuthApi {

  private static final Logger LOG = LoggerFactory.getLogger(AuthApi.class);

  private static final String BEARER = "Bearer ";
  /** The longest opaque token a client may present (refresh tokens, OAuth codes). */
  static final int MAX_TOKEN = 200;

  private final Requester services;
  private final Passwords passwords;
  private final Tokens tokens;
  private final WsTickets tickets;
  private final SessionRevocations revocations;
  private final AuthLimits limits;
  private final DeviceTokens devices;
  private final long refreshTokenMillis;
  private final EmailLinks links;

  /**
   * What slows attackers down: sign-ups and sign-ins per client address, the password-guessing throttle per
   * account, and how a request's client address is told (behind trusted proxies).
   */
  public record AuthLimits(RateLimiter perAddress, SignInThrottle guesses, ClientAddresses addresses) {
  }

  /**
   * Where emailed password-reset and email-verification links lead (the public URL, known once the server listens)
   * and how long each works; whether signing up with a password sends a verification link at once.
   */
  public record EmailLinks(Supplier<String> publicUrl, int resetMinutes, int verificationHours,
                           boolean verifyOnSignUp) {
  }

  public AuthApi(Requester services, Passwords passwords, Tokens tokens, WsTickets tickets,
                 SessionRevocations revocations, AuthLimits limits, int refreshTokenDays, String tokenSecret,
                 EmailLinks links) {
    this.links = links;
    this.services = services;
    this.passwords = passwords;
    this.tokens = tokens;
    this.tickets = tickets;
    this.revocations = revocations;
    this.limits = limits;
    this.devices = new DeviceTokens(tokenSecret);
    this.refreshTokenMillis = refreshTokenDays * 86_400_000L;
  }

  /** Routes that need no sign-in. */
  public void mountPublic(Router api) {
    api.post("/auth/register").handler(this::register);
    api.post("/auth/login").handler(this::login);
    api.post("/auth/refresh").handler(this::refresh);
    api.post("/auth/logout").handler(this::logout);
    api.post("/auth/password-reset").handler(this::forgotPassword);
    api.post("/auth/password-reset/confirm").handler(this::resetPassword);
    api.post("/auth/verify-email").handler(this::verifyEmail);
  }

  /** Routes for signed-in callers (after {@link #authenticate}). */
  public void mountPrivate(Router api) {
    api.get("/me").handler(this::me);
    api.post("/ws-ticket").handler(this::wsTicket);
    api.post("/auth/password").handler(this::changePassword);
    api.post("/auth/verify-email/request").handler(this::requestVerification);
    api.get("/sessions").handler(this::sessions);
    api.delete("/sessions/:session").handler(this::endSession);
    api.post("/sessions/revoke-all").handler(this::endAllSessions);
  }

  /** Requires a valid access token and puts the caller's {@link Identity} on the context. */
  public void authenticate(RoutingContext ctx) {
    bearerIdentity(ctx.request().getHeader("Authorization"))
        .onSuccess(identity -> {
          ctx.put(Identity.CONTEXT_KEY, identity);
          ctx.next();
        })
        .onFailure(ctx::fail);
  }

  /** The identity in an {@code Authorization: Bearer} header; unauthorized when absent or not valid. */
  public Future<Identity> bearerIdentity(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Future.failedFuture(new ParleyException(ErrorCode.UNAUTHORIZED, "Sign in first"));
    }
    String token = authorization.substring(BEARER.length()).trim();
    if (token.startsWith(BotCommands.TOKEN_PREFIX)) {
      // A bot's API token: its account, with the token's id as its session. A token is ended by deleting it, and it is
      // looked up in PostgreSQL on every use, so there is no session to ask the revocations about (they would find
      // none among the account's sign-ins, and take the token for ended).
      return services.ask(new BotByToken(Tokens.hash(token)))
          .map(bot -> new Identity(bot.bot(), bot.name(), bot.token()));
    }
    return tokens.verify(token)
        .recover(invalid -> Future.failedFuture(
            new ParleyException(ErrorCode.UNAUTHORIZED, "The access token is not valid or has expired")))
        .compose(this::live);
  }

  /** The identity, unless its session was ended (signed out, revoked, or caught reusing a refresh token). */
  public Future<Identity> live(Identity identity) {
    return revocations.isRevoked(identity).compose(revoked -> revoked
        ? Future.failedFuture(new ParleyException(ErrorCode.UNAUTHORIZED, "This session has ended: sign in again"))
        : Future.succeededFuture(identity));
  }

  private void register(RoutingContext ctx) {
    JsonObject body = Requests.body(ctx);
    String email = email(body);
    String name = Requests.text(body, AuthRequests.NAME, Bounds.PERSON_NAME);
    String password = password(body, AuthRequests.PASSWORD);
    allowed(limits.perAddress(), clientAddress(ctx))
        .compose(ok -> passwords.hash(password))
        .compose(hash -> services.ask(new CreateUser(email, name, hash)))
        .compose(created -> verificationOnSignUp(created.user()).compose(asked -> startSession(ctx, created.user())))
        .onSuccess(session -> Requests.json(ctx, 201, session))
        .onFailure(ctx::fail);
  }

  /**
   * Password sign-in. Guessing is slowed down, never turned into a lock-out (see {@link SignInThrottle}): the limits
   * apply the same whether or not the account exists, so the answer tells nothing about it.
   */
  private void login(RoutingContext ctx) {
    JsonObject body = Requests.body(ctx);
    String email = email(body);
    String password = password(body, AuthRequests.PASSWORD);
    String deviceToken = Requests.optionalText(body, AuthRequests.DEVICE_TOKEN, AuthApi.MAX_TOKEN);
    String source = clientAddress(ctx);
    // Counted under a hash: addresses people typed do not sit in Redis in the clear.
    String account = Tokens.hash(email.toLowerCase(Locale.ROOT));
    allowed(limits.perAddress(), source)
        .compose(ok -> waitBeforeGuessing(account, source, devices.valid(deviceToken, email)))
        .compose(ok -> services.ask(new FindCredentials(email)))
        // An unknown account is checked against a decoy hash: same answer, same time, nothing learned.
        .recover(failure -> Failures.code(failure) == ErrorCode.NOT_FOUND
            ? Future.succeededFuture((Credentials) null)
            : Future.failedFuture(failure))
        .compose(found -> passwords.verify(password, found == null ? null : found.passwordHash())
            .compose(matches -> {
              if (!matches) {
                return noteGuess(limits.guesses().failed(account, source)).transform(noted -> Future.failedFuture(
                    new ParleyException(ErrorCode.UNAUTHORIZED, "Wrong email or password")));
              }
              return noteGuess(limits.guesses().succeeded(account, source))
                  .compose(noted -> startSession(ctx, found.user()))
                  .map(session -> session.withDeviceToken(devices.issue(email)));
            }))
        .onSuccess(session -> Requests.json(ctx, 200, session))
        .onFailure(ctx::fail);
  }

  /** Refuses, with when to come back, a sign-in that comes before its wait is over. */
  private Future<Void> waitBeforeGuessing(String account, String source, boolean knownDevice) {
    return limits.guesses().waitMillis(account, source, knownDevice)
        .recover(redisDown -> {
          LOG.warn("Sign-in throttle not checked: {}", redisDown.getMessage());
          return Future.succeededFuture(0L);
        })
        .compose(wait -> wait <= 0 ? Future.succeededFuture()
            : Future.failedFuture(new ParleyException(ErrorCode.RATE_LIMITED,
                "Too many failed sign-ins: wait a little and try again", (int) Math.ceil(wait / 1000.0))));
  }

  /** The throttle's bookkeeping is best effort: a Redis outage must not turn a right password away. */
  private static Future<Void> noteGuess(Future<Void> noted) {
    return noted.recover(redisDown -> {
      LOG.warn("Sign-in attempt not counted: {}", redisDown.getMessage());
      return Future.succeededFuture();
    });
  }

  private void refresh(RoutingContext ctx) {
    String refreshToken = Requests.text(Requests.body(ctx), "refreshToken", MAX_TOKEN);
    String next = tokens.randomToken();
    services.ask(new RotateSession(Tokens.hash(refreshToken), Tokens.hash(next),
            System.currentTimeMillis() + refreshTokenMillis))
        .compose(rotated -> {
          if (!rotated.reused()) {
            return Future.succeededFuture(signedIn(rotated.user(), rotated.session(), next));
          }
          // Someone else holds this session's tokens too: end it for everyone, now.
          return revocations.revoked(rotated.user().id(), List.of(rotated.session()))
              .transform(marked -> Future.<SignedIn>failedFuture(new ParleyException(ErrorCode.UNAUTHORIZED,
                  "This refresh token was used before, so the session has been ended for safety: sign in again")));
        })
        .onSuccess(session -> Requests.json(ctx, 200, session))
        .onFailure(ctx::fail);
  }

  private void logout(RoutingContext ctx) {
    String refreshToken = Requests.text(Requests.body(ctx), "refreshToken", MAX_TOKEN);
    services.ask(new RevokeSession(Tokens.hash(refreshToken)))
        .compose(ended -> ended.user() == null ? Future.succeededFuture()
            : revocations.revoked(ended.user(), ended.revoked()))
        .onSuccess(done -> Requests.noContent(ctx))
        .onFailure(ctx::fail);
  }

  private void sessions(RoutingContext ctx) {
    Identity identity = Identity.of(ctx);
    services.ask(new ListSessions(identity.user()))
        .map(list -> new SessionList(list.sessions().stream()
            .map(session -> session.asCurrent(session.id().equals(identity.session()))).toList()))
        .onSuccess(list -> Requests.json(ctx, 200, list))
        .onFailure(ctx::fail);
  }

  private void endSession(RoutingContext ctx) {
    Identity identity = Identity.of(ctx);
    endSessions(identity, ctx.pathParam("session"), null)
        .onSuccess(done -> Requests.noContent(ctx))
        .onFailure(ctx::fail);
  }

  /** "Sign out everywhere": every session, or every other one with {@code {"keepCurrent":true}}. */
  private void endAllSessions(RoutingContext ctx) {
    Identity identity = Identity.of(ctx);
    boolean keepCurrent = Boolean.TRUE.equals(Requests.optionalFlag(Requests.optionalBody(ctx), "keepCurrent"));
    endSessions(identity, null, keepCurrent ? identity.session() : null)
        .onSuccess(done -> Requests.noContent(ctx))
        .onFailure(ctx::fail);
  }

  private Future<Void> endSessions(Identity identity, String session, String except) {
    return services.ask(new RevokeSessions(identity.user(), session, except))
        .compose(ended -> revocations.revoked(identity.user(), ended.revoked()));
  }

  /** A new password, given the current one; every other session of the person ends. */
  private void changePassword(RoutingContext ctx) {
    JsonObject body = Requests.body(ctx);
    String currentPassword = Requests.rawText(body, "currentPassword", Bounds.PASSWORD_MAX);
    String newPassword = password(body, "newPassword");
    Identity identity = Identity.of(ctx);
    String source = clientAddress(ctx);
    services.ask(new GetUser(identity.user()))
        .compose(user -> {
          String account = Tokens.hash(user.user().email().toLowerCase(Locale.ROOT));
          // A stolen session must not become a way to guess the password faster: the same throttle as sign-in.
          return waitBeforeGuessing(account, source, false)
              .compose(ok -> services.ask(new FindCredentials(user.user().email())))
              .compose(found -> passwords.verify(currentPassword, found.passwordHash()))
              .compose(matches -> matches ? passwords.hash(newPassword)
                  : noteGuess(limits.guesses().failed(account, source)).transform(noted -> Future.failedFuture(
                      new ParleyException(ErrorCode.FORBIDDEN, "The current password is wrong"))));
        })
        .compose(hash -> services.ask(new SetPassword(identity.user(), hash, identity.session())))
        .compose(ended -> revocations.revoked(identity.user(), ended.revoked()))
        .onSuccess(done -> Requests.noContent(ctx))
        .onFailure(ctx::fail);
  }

  /**
   * Mails a single-use reset link to the address, if it has an account. The answer (204) and the work behind it are
   * the same for an unknown address: a token is made and hashed and one statement runs either way, and the email is
   * sent later by notification-verticle, so neither the answer nor its timing tells whether the address is known.
   * Limited per client address like sign-ins, and per account (a few an hour) in that statement.
   */
  private void forgotPassword(RoutingContext ctx) {
    String email = email(Requests.body(ctx));
    String token = tokens.randomToken();
    // A fragment, not a path or a query: browsers never send it, so no proxy or access log keeps the token.
    String link = links.publicUrl().get() + "/#reset-password=" + token;
    allowed(limits.perAddress(), clientAddress(ctx))
        .compose(ok -> services.ask(new RequestPasswordReset(email, Tokens.hash(token), link,
            links.resetMinutes() * 60L)))
        .onSuccess(done -> Requests.noContent(ctx))
        .onFailure(ctx::fail);
  }

  /** Sets a new password with the token of a reset link (once, before it expires); every session of the account ends. */
  private void resetPassword(RoutingContext ctx) {
    JsonObject body = Requests.body(ctx);
    String token = Requests.rawText(body, AuthRequests.TOKEN, MAX_TOKEN);
    String password = password(body, AuthRequests.PASSWORD);
    allowed(limits.perAddress(), clientAddress(ctx))
        .compose(ok -> passwords.hash(password))
        .compose(hash -> services.ask(new ResetPassword(Tokens.hash(token), hash)))
        .compose(ended -> revocations.revoked(ended.user(), ended.revoked()))
        .onSuccess(done -> Requests.noContent(ctx))
        .onFailure(ctx::fail);
  }

  /**
   * Mails the signed-in person a new link that verifies their address. Limited per client address like sign-ins, and
   * per account (a few an hour, the link sent on signing up included): past that, {@code rate_limited}; an address
   * verified already: {@code conflict}; a bot (its address is made up): {@code forbidden}.
   */
  private void requestVerification(RoutingContext ctx) {
    String user = Identity.of(ctx).user();
    allowed(limits.perAddress(), clientAddress(ctx))
        .compose(ok -> askVerification(user))
        .onSuccess(done -> Requests.noContent(ctx))
        .onFailure(ctx::fail);
  }

  /**
   * A new password account gets its verification link at once. Its sign-up stands even when the link cannot be queued
   * now (the person can ask for another, {@link #requestVerification}), so a failure here is only logged.
   */
  private Future<Void> verificationOnSignUp(AccountView user) {
    if (!links.verifyOnSignUp()) {
      return Future.succeededFuture();
    }
    return askVerification(user.id()).recover(failure -> {
      LOG.warn("No verification email queued for new user {}: {}", user.id(), failure.getMessage());
      return Future.succeededFuture();
    });
  }

  private Future<Void> askVerification(String user) {
    String token = tokens.randomToken();
    // In the fragment, as for reset links: never sent to a server, so no access log keeps the token.
    String link = links.publicUrl().get() + "/#verify-email=" + token;
    return services.ask(new RequestEmailVerification(user, Tokens.hash(token), link, links.verificationHours() * 3600L))
        .mapEmpty();
  }

  /**
   * Marks the address of the account a verification link was sent for as verified (once per token, before it
   * expires). No sign-in needed: the link may be opened on another device; the token alone says whose address it is.
   * Answers 204 and nothing more, since the caller may be anyone holding the link.
   */
  private void verifyEmail(RoutingContext ctx) {
    String token = Requests.rawText(Requests.body(ctx), AuthRequests.TOKEN, MAX_TOKEN);
    allowed(limits.perAddress(), clientAddress(ctx))
        .compose(ok -> services.ask(new VerifyEmail(Tokens.hash(token))))
        .onSuccess(verified -> {
          LOG.info("Email address of user {} verified", verified.user().id());
          Requests.noContent(ctx);
        })
        .onFailure(ctx::fail);
  }

  /** Sessions ended elsewhere (an account's password dropped when a provider proved who owns its email). */
  Future<Void> sessionsEnded(String user, List<String> sessions) {
    return sessions.isEmpty() ? Future.succeededFuture() : revocations.revoked(user, sessions);
  }

  /** Whether this client address may make another sign-in attempt now (OAuth flows count as ones). */
  Future<Void> attemptAllowed(RoutingContext ctx) {
    return allowed(limits.perAddress(), clientAddress(ctx));
  }

  private static Future<Void> allowed(RateLimiter limiter, String subject) {
    return limiter.require(subject, "Too many attempts: wait a minute and try again");
  }

  /** The caller's address: the peer's, or the client's as a trusted proxy names it. */
  String clientAddress(RoutingContext ctx) {
    return limits.addresses().of(ctx.request());
  }

  private void me(RoutingContext ctx) {
    services.ask(new GetUser(Identity.of(ctx).user()))
        .onSuccess(user -> Requests.json(ctx, 200, user))
        .onFailure(ctx::fail);
  }

  private void wsTicket(RoutingContext ctx) {
    tickets.issue(Identity.of(ctx))
        .onSuccess(ticket -> Requests.json(ctx, 200, new WsTicket(ticket, WsTickets.TTL_SECONDS)))
        .onFailure(ctx::fail);
  }

  /** Opens a session for a user who just proved who they are (here, or through a sign-in provider: OAuthApi). */
  Future<SignedIn> startSession(RoutingContext ctx, AccountView user) {
    String refreshToken = tokens.randomToken();
    String device = ctx.request().getHeader("User-Agent");
    return services.ask(new CreateSession(user.id(), Tokens.hash(refreshToken),
            System.currentTimeMillis() + refreshTokenMillis,
            device == null ? "" : device.substring(0, Math.min(device.length(), 200))))
        .map(created -> signedIn(user, created.session(), refreshToken));
  }

  private SignedIn signedIn(AccountView user, String session, String refreshToken) {
    Identity identity = new Identity(user.id(), user.name(), session);
    return new SignedIn(user, tokens.accessToken(identity), refreshToken, tokens.accessTokenSeconds(), null);
  }

  private static String email(JsonObject body) {
    String email = Requests.text(body, AuthRequests.EMAIL, Bounds.EMAIL);
    if (!Requests.EMAIL.matcher(email).matches()) {
      throw Requests.invalid("'email' is not an email address");
    }
    return email;
  }

  private static String password(JsonObject body, String field) {
    if (!(body.getValue(field) instanceof String password) || password.length() < Bounds.PASSWORD_MIN) {
      throw Requests.invalid("'" + field + "' must have at least " + Bounds.PASSWORD_MIN + " characters");
    }
    if (password.length() > Bounds.PASSWORD_MAX) {
      throw Requests.invalid("'" + field + "' is longer than " + Bounds.PASSWORD_MAX + " characters");
    }
    return password;
  }
}
