package dev.parley.gateway.identity;

import dev.parley.gateway.http.Requests;
import dev.parley.shared.ErrorCode;
import dev.parley.shared.Failures;
import dev.parley.shared.LogSafe;
import dev.parley.shared.ParleyConfig;
import dev.parley.shared.ParleyException;
import dev.parley.shared.accounts.AccountCommands.OAuthSignIn;
import dev.parley.shared.accounts.AccountCommands.OAuthSignedIn;
import dev.parley.shared.accounts.AccountView;
import dev.parley.shared.contract.Requester;
import dev.parley.shared.http.SignInProviders;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.oauth2.OAuth2Auth;
import io.vertx.ext.auth.oauth2.OAuth2AuthorizationURL;
import io.vertx.ext.auth.oauth2.OAuth2FlowType;
import io.vertx.ext.auth.oauth2.OAuth2Options;
import io.vertx.ext.auth.oauth2.Oauth2Credentials;
import io.vertx.ext.auth.oauth2.providers.GithubAuth;
import io.vertx.ext.auth.oauth2.providers.OpenIDConnectAuth;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.redis.client.RedisAPI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in through OAuth2/OIDC providers (GitHub, Google, any OIDC issuer by discovery): the authorization code flow
 * with PKCE (S256), a single-use {@code state} bound to the browser by a cookie, and for OIDC a {@code nonce} and the
 * ID token's signature, {@code iss}, {@code aud} and {@code exp} checked.
 *
 * <p>The browser goes to {@code /auth/oauth/<provider>/start}, on to the provider, back to
 * {@code /auth/oauth/<provider>/callback}, and from there to the web client: {@code <publicUrl>/#/oauth/<code>} on
 * success, where the client trades the single-use code for a session at {@code POST /auth/oauth/exchange}, or
 * {@code <publicUrl>/#/oauth-error/<reason>}. Every URL is built from the configured public URL, never from the
 * request's Host; no token ever goes into a URL or a log.
 */
public final class OAuthApi {

  private static final Logger LOG = LoggerFactory.getLogger(OAuthApi.class);

  static final String COOKIE = "parley_oauth";
  private static final String COOKIE_PATH = "/api/v1/auth/oauth";
  private static final int STATE_TTL_SECONDS = 600;
  private static final int CODE_TTL_SECONDS = 60;
  private static final String STATE_PREFIX = "parley:oauth:state:";
  private static final String CODE_PREFIX = "parley:oauth:code:";
  /** How far the provider's clock may be ahead of or behind ours when checking {@code exp}. */
  private static final long CLOCK_SKEW_SECONDS = 60;
  private static final Pattern PROVIDER_ID = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,31}$");
  /** What {@link Tokens#randomToken()} makes: 256 bits, base64url. */
  private static final Pattern RANDOM_TOKEN = Pattern.compile("^[A-Za-z0-9_-]{43}$");
  private static final String GITHUB_API = "https://api.github.com";
  private static final int MAX_NAME = 80;

  private final Vertx vertx;
  private final Requester services;
  private final AuthApi auth;
  private final Tokens tokens;
  private final RedisAPI redis;
  private final Supplier<String> publicUrl;
  private final Map<String, Provider> providers = new LinkedHashMap<>();
  private HttpClient http;

  /** Why a sign-in was refused: {@code reason} goes into the web client's URL, the message only into the log. */
  private static final class Refusal extends RuntimeException {
    private final String reason;

    Refusal(String reason, String message) {
      super(message, null, false, false);
      this.reason = reason;
    }
  }

  /**
   * {@code publicUrl} is read when a URL is made: it is known only once the server listens. Discovery starts now, in
   * the background; a provider that cannot be reached is logged and tried again when someone picks it.
   */
  public OAuthApi(Vertx vertx, Requester services, AuthApi auth, Tokens tokens, RedisAPI redis, ParleyConfig.OAuth config,
           Supplier<String> publicUrl) {
    this.vertx = vertx;
    this.services = services;
    this.auth = auth;
    this.tokens = tokens;
    this.redis = redis;
    this.publicUrl = publicUrl;
    config.providers().forEach((id, provider) -> {
      String problem = problem(id, provider);
      if (problem != null) {
        LOG.error("Sign-in provider '{}' is not offered: {}", id, problem);
        return;
      }
      providers.put(id, new Provider(id, provider));
    });
    providers.values().forEach(provider -> provider.client().onSuccess(client ->
        LOG.info("Sign-in provider '{}' ({}) ready", provider.id, provider.config.type())));
  }

  public void mountPublic(Router api) {
    api.get("/auth/providers").handler(this::list);
    api.get("/auth/oauth/:provider/start").handler(this::start);
    api.get("/auth/oauth/:provider/callback").handler(this::callback);
    api.post("/auth/oauth/exchange").handler(this::exchange);
  }

  /** The sign-in buttons: {@code {"providers":[{"id","name","type"}]}}. */
  private void list(RoutingContext ctx) {
    Requests.json(ctx, 200, new SignInProviders(providers.values().stream()
        .map(provider -> new SignInProviders.Provider(provider.id, provider.config.name(), provider.config.type()))
        .toList()));
  }

  /** Remembers the flow under a new state, binds it to this browser, and sends the browser to the provider. */
  private void start(RoutingContext ctx) {
    Provider provider = providers.get(ctx.pathParam("provider"));
    if (provider == null) {
      refuse(ctx, ctx.pathParam("provider"), new Refusal("provider", "no such provider is configured"));
      return;
    }
    String state = tokens.randomToken();
    String codeVerifier = tokens.randomToken();
    String nonce = provider.oidc() ? tokens.randomToken() : null;
    // A browser already in a flow keeps its binding, so two tabs signing in at once both work.
    Cookie existing = ctx.request().getCookie(COOKIE);
    String binding = existing != null && RANDOM_TOKEN.matcher(existing.getValue()).matches()
        ? existing.getValue() : tokens.randomToken();
    JsonObject pending = new JsonObject().put("provider", provider.id).put("codeVerifier", codeVerifier)
        .put("nonce", nonce).put("binding", binding);
    // Every start writes to Redis before anyone has signed in: it counts as a sign-in attempt of its address.
    auth.attemptAllowed(ctx)
        .recover(limited -> Future.failedFuture(new Refusal("rate_limited", limited.getMessage())))
        .compose(allowed -> provider.client())
        .compose(client -> redis.set(List.of(STATE_PREFIX + Tokens.hash(state), pending.encode(),
                "EX", Integer.toString(STATE_TTL_SECONDS)))
            .recover(down -> Future.failedFuture(new Refusal("unavailable", "Redis: " + down.getMessage())))
            .map(stored -> client))
        .onSuccess(client -> {
          OAuth2AuthorizationURL request = new OAuth2AuthorizationURL()
              .setRedirectUri(redirectUri(provider))
              .setScopes(provider.scopes())
              .setState(state)
              // S256: the challenge is the SHA-256 of the verifier, base64url, which is what Tokens.hash makes.
              .setCodeChallenge(Tokens.hash(codeVerifier))
              .setCodeChallengeMethod("S256");
          if (nonce != null) {
            request.putAdditionalParameter("nonce", nonce);
          }
          Cookie cookie = Cookie.cookie(COOKIE, binding)
              .setPath(COOKIE_PATH)
              .setHttpOnly(true)
              .setSameSite(CookieSameSite.LAX)
              .setSecure(publicUrl.get().startsWith("https:"))
              .setMaxAge(STATE_TTL_SECONDS);
          ctx.response().addCookie(cookie);
          redirect(ctx, client.authorizeURL(request));
        })
        .onFailure(failure -> refuse(ctx, provider.id, failure));
  }

  /** The provider sends the browser back here: check the state, trade the code, find or make the account. */
  private void callback(RoutingContext ctx) {
    String id = ctx.pathParam("provider");
    String state = ctx.request().getParam("state");
    if (state == null || state.isEmpty() || state.length() > 200) {
      refuse(ctx, id, new Refusal("state", "the callback carries no state"));
      return;
    }
    redis.getdel(STATE_PREFIX + Tokens.hash(state))
        .recover(down -> Future.failedFuture(new Refusal("unavailable", "Redis: " + down.getMessage())))
        .compose(stored -> {
          if (stored == null) {
            throw new Refusal("state", "unknown, expired or already used state");
          }
          JsonObject pending = new JsonObject(stored.toString());
          if (!id.equals(pending.getString("provider"))) {
            throw new Refusal("state", "the state was issued for provider '" + pending.getString("provider") + "'");
          }
          if (!sameBinding(ctx, pending.getString("binding"))) {
            throw new Refusal("state", "the state belongs to another browser (its cookie is missing or differs)");
          }
          String error = ctx.request().getParam("error");
          if (error != null) {
            throw new Refusal("denied", "the provider answered error=" + error.replaceAll("[^A-Za-z0-9_.-]", "?"));
          }
          String code = ctx.request().getParam("code");
          if (code == null || code.isEmpty() || code.length() > 2048) {
            throw new Refusal("code", "the callback carries no code");
          }
          Provider provider = providers.get(id);
          if (provider == null) {
            throw new Refusal("provider", "no such provider is configured");
          }
          return provider.client().compose(client -> profile(provider, client, code, pending))
              .compose(this::account)
              .compose(signedIn -> auth.sessionsEnded(signedIn.user().id(), signedIn.revoked()).map(signedIn))
              .compose(signedIn -> {
                String handoff = tokens.randomToken();
                JsonObject value = new JsonObject().put("user", signedIn.user().toJson())
                    .put("binding", pending.getString("binding"));
                LOG.info("User {} signed in through '{}'{}", signedIn.user().id(), id,
                    signedIn.created() ? " (new account)" : signedIn.linked() ? " (linked by verified email)" : "");
                return redis.set(List.of(CODE_PREFIX + Tokens.hash(handoff), value.encode(), "EX",
                        Integer.toString(CODE_TTL_SECONDS)))
                    .recover(down -> Future.failedFuture(new Refusal("unavailable", "Redis: " + down.getMessage())))
                    .map(ok -> handoff);
              });
        })
        .onSuccess(handoff -> redirect(ctx, publicUrl.get() + "/#/oauth/" + handoff))
        .onFailure(failure -> refuse(ctx, id, failure));
  }

  /**
   * The web client trades the single-use code from {@code #/oauth/<code>} for a session, from the browser that made
   * the flow: {@code {"user","accessToken","refreshToken","expiresIn"}}, as password sign-in answers.
   */
  private void exchange(RoutingContext ctx) {
    String code = Requests.text(Requests.body(ctx), "code", AuthApi.MAX_TOKEN);
    redis.getdel(CODE_PREFIX + Tokens.hash(code))
        .compose(stored -> {
          if (stored == null) {
            throw new ParleyException(ErrorCode.UNAUTHORIZED,
                "This sign-in has expired or was completed already: sign in again");
          }
          JsonObject done = new JsonObject(stored.toString());
          if (!sameBinding(ctx, done.getString("binding"))) {
            throw new ParleyException(ErrorCode.UNAUTHORIZED,
                "This sign-in was started in another browser: sign in again");
          }
          return auth.startSession(ctx, AccountView.fromJson(done.getJsonObject("user")));
        })
        .onSuccess(session -> Requests.json(ctx, 200, session))
        .onFailure(ctx::fail);
  }

  /** Who the provider says this is. */
  private Future<OAuthSignIn> profile(Provider provider, OAuth2Auth client, String code, JsonObject pending) {
    Oauth2Credentials credentials = new Oauth2Credentials()
        .setFlow(OAuth2FlowType.AUTH_CODE)
        .setCode(code)
        .setRedirectUri(redirectUri(provider))
        .setCodeVerifier(pending.getString("codeVerifier"));
    return client.authenticate(credentials)
        .recover(failure -> Future.failedFuture("User token is expired.".equals(failure.getMessage())
            ? new Refusal("expired", "the provider's tokens have expired already")
            : new Refusal("code", "the code exchange failed: " + failure.getMessage())))
        .compose(user -> provider.oidc()
            ? oidcProfile(provider, client, user, pending.getString("nonce"))
            : githubProfile(provider, user));
  }

  /**
   * The ID token's claims, checked: signed by a key of the issuer (Vert.x checks the signature against the JWKS and
   * drops a token whose signature, issuer or audience is wrong), then {@code iss}, {@code aud}, {@code exp} and
   * {@code nonce} checked here, so that each failure has its own reason.
   */
  private Future<OAuthSignIn> oidcProfile(Provider provider, OAuth2Auth client, User user, String nonce) {
    String raw = user.principal().getString("id_token");
    if (raw == null) {
      return Future.failedFuture(new Refusal("token", "the token response has no id_token"));
    }
    // Unverified claims only say WHY Vert.x dropped the token; what counts is checked on the verified ones below.
    JsonObject claimed = unverifiedClaims(raw);
    checkIssuer(provider, claimed);
    checkAudience(provider, claimed);
    JsonObject claims = user.attributes().getJsonObject("idToken");
    if (claims == null) {
      String kid = user.attributes().getString("missing-kid");
      return Future.failedFuture(new Refusal("signature", kid != null
          ? "the id_token is signed with a key the issuer does not publish (kid " + kid + ")"
          : "the id_token's signature is not valid"));
    }
    checkIssuer(provider, claims);
    checkAudience(provider, claims);
    Long expires = claims.getValue("exp") instanceof Number number ? number.longValue() : null;
    if (expires == null || expires + CLOCK_SKEW_SECONDS <= System.currentTimeMillis() / 1000) {
      return Future.failedFuture(new Refusal("expired", "the id_token has expired"));
    }
    if (nonce == null || !(claims.getValue("nonce") instanceof String sent) || !constantTimeEquals(nonce, sent)) {
      return Future.failedFuture(new Refusal("nonce", "the id_token's nonce is not the one this flow sent"));
    }
    String subject = claims.getValue("sub") instanceof String sub && !sub.isEmpty() ? sub : null;
    if (subject == null) {
      return Future.failedFuture(new Refusal("token", "the id_token has no subject"));
    }
    Future<JsonObject> details = claims.getValue("email") instanceof String
        ? Future.succeededFuture(claims)
        // Some issuers keep the email out of the ID token: ask the userinfo endpoint (Vert.x checks its 'sub').
        : client.userInfo(user).map(info -> info.copy().mergeIn(claims)).recover(failure -> {
          LOG.info("No email for a sign-in through '{}': userinfo failed: {}", provider.id, failure.getMessage());
          return Future.succeededFuture(claims);
        });
    return details.map(all -> {
      String email = all.getValue("email") instanceof String text && !text.isBlank() ? text.strip() : null;
      Object flag = all.getValue("email_verified");
      boolean verified = email != null
          && (Boolean.TRUE.equals(flag) || "true".equals(flag) || provider.config.trustEmail());
      return new OAuthSignIn(provider.id, subject, email, verified, name(all, email));
    });
  }

  /** GitHub has no ID token: the user and their verified primary email come from its API. */
  private Future<OAuthSignIn> githubProfile(Provider provider, User user) {
    String accessToken = user.principal().getString("access_token");
    if (accessToken == null) {
      return Future.failedFuture(new Refusal("token", "the token response has no access_token"));
    }
    return githubGet("/user", accessToken).compose(body -> {
      JsonObject account = body.toJsonObject();
      Object id = account.getValue("id");
      if (!(id instanceof Number)) {
        return Future.failedFuture(new Refusal("token", "GitHub's /user answer has no id"));
      }
      return githubGet("/user/emails", accessToken).map(emails -> {
        String email = null;
        for (Object entry : emails.toJsonArray()) {
          if (entry instanceof JsonObject address && address.getBoolean("primary", false)
              && address.getBoolean("verified", false)) {
            email = address.getString("email");
          }
        }
        JsonObject names = new JsonObject().put("name", account.getValue("name"))
            .put("preferred_username", account.getValue("login"));
        return new OAuthSignIn(provider.id, String.valueOf(id), email, email != null, name(names, email));
      });
    });
  }

  private Future<Buffer> githubGet(String path, String accessToken) {
    if (http == null) {
      http = vertx.createHttpClient();
    }
    RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(GITHUB_API + path)
        .putHeader("Authorization", "Bearer " + accessToken)
        .putHeader("Accept", "application/vnd.github+json")
        .putHeader("User-Agent", "Parley")
        .setTimeout(10_000);
    return http.request(request)
        .compose(sent -> sent.send())
        .compose(response -> response.body().compose(body -> response.statusCode() == 200
            ? Future.succeededFuture(body)
            : Future.failedFuture("GitHub answered " + response.statusCode() + " on " + path)))
        .recover(failure -> Future.failedFuture(failure instanceof Refusal ? failure
            : new Refusal("provider", "GitHub API: " + failure.getMessage())));
  }

  /** room-verticle finds, links or creates the account; its refusals become reasons the web client can explain. */
  private Future<OAuthSignedIn> account(OAuthSignIn profile) {
    return services.ask(profile).recover(failure -> {
      ErrorCode code = Failures.code(failure);
      return Future.failedFuture(switch (code) {
        case CONFLICT -> new Refusal("conflict", failure.getMessage());
        case FORBIDDEN -> new Refusal("deactivated", failure.getMessage());
        case INVALID -> new Refusal("email", failure.getMessage());
        default -> new Refusal("unavailable", "room-verticle: " + failure.getMessage());
      });
    });
  }

  private static void checkIssuer(Provider provider, JsonObject claims) {
    if (provider.issuer == null || !provider.issuer.equals(claims.getValue("iss"))) {
      throw new Refusal("issuer", "the id_token was issued by " + claims.getValue("iss") + ", not "
          + provider.issuer);
    }
  }

  /** {@code aud} must name this client; with several audiences, {@code azp} must be this client too. */
  private static void checkAudience(Provider provider, JsonObject claims) {
    Object aud = claims.getValue("aud");
    List<?> audiences = aud instanceof JsonArray array ? array.getList() : aud == null ? List.of() : List.of(aud);
    String clientId = provider.config.clientId();
    boolean ok = audiences.contains(clientId)
        && (audiences.size() == 1 || clientId.equals(claims.getValue("azp")))
        && (claims.getValue("azp") == null || clientId.equals(claims.getValue("azp")));
    if (!ok) {
      throw new Refusal("audience", "the id_token is meant for " + aud + ", not this client");
    }
  }

  /** The payload of a JWT without checking anything: only used to explain a refusal. */
  private static JsonObject unverifiedClaims(String jwt) {
    String[] parts = jwt.split("\\.");
    try {
      return new JsonObject(Buffer.buffer(Base64.getUrlDecoder().decode(parts[1])));
    } catch (RuntimeException malformed) {
      throw new Refusal("token", "the id_token is not a JWT");
    }
  }

  private static String name(JsonObject claims, String email) {
    for (String key : List.of("name", "preferred_username", "given_name")) {
      if (claims.getValue(key) instanceof String text && !text.isBlank()) {
        String clean = text.replaceAll("\\p{Cntrl}", "").strip();
        return clean.length() > MAX_NAME ? clean.substring(0, MAX_NAME) : clean;
      }
    }
    return email == null ? null : email.substring(0, email.indexOf('@'));
  }

  private static boolean sameBinding(RoutingContext ctx, String expected) {
    Cookie cookie = ctx.request().getCookie(COOKIE);
    return cookie != null && expected != null && constantTimeEquals(expected, cookie.getValue());
  }

  private static boolean constantTimeEquals(String expected, String actual) {
    return actual != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
        actual.getBytes(StandardCharsets.UTF_8));
  }

  private String redirectUri(Provider provider) {
    return publicUrl.get() + "/api/v1/auth/oauth/" + provider.id + "/callback";
  }

  /** Logs why, and sends the browser to the web client's error page: no session was made. */
  private void refuse(RoutingContext ctx, String provider, Throwable failure) {
    Refusal refusal = failure instanceof Refusal known ? known : new Refusal("unavailable", String.valueOf(failure));
    if (failure instanceof Refusal) {
      LOG.warn("Sign-in through '{}' refused ({}): {}", LogSafe.text(provider), refusal.reason,
          LogSafe.text(refusal.getMessage()));
    } else {
      LOG.error("Sign-in through '{}' failed", LogSafe.text(provider), failure);
    }
    redirect(ctx, publicUrl.get() + "/#/oauth-error/" + refusal.reason);
  }

  private static void redirect(RoutingContext ctx, String location) {
    ctx.response().setStatusCode(302).putHeader("Location", location).putHeader("Cache-Control", "no-store").end();
  }

  private static String problem(String id, ParleyConfig.OAuth.Provider provider) {
    if (!PROVIDER_ID.matcher(id).matches()) {
      return "its id must be 1 to 32 lower-case letters, digits, '-' or '_'";
    }
    if (!List.of("oidc", "github", "google").contains(provider.type())) {
      return "unknown type '" + provider.type() + "' (oidc, github or google)";
    }
    if (provider.clientId() == null) {
      return "clientId is missing";
    }
    if ("oidc".equals(provider.type()) && provider.issuer() == null) {
      return "issuer (the OIDC discovery base URL) is missing";
    }
    return null;
  }

  /** A configured provider and its client, made (for OIDC: discovered) on first need and again after a failure. */
  private final class Provider {
    private final String id;
    private final ParleyConfig.OAuth.Provider config;
    private OAuth2Auth client;
    private Future<OAuth2Auth> connecting;
    /** The issuer ID tokens must name, from the discovery document. */
    private String issuer;

    Provider(String id, ParleyConfig.OAuth.Provider config) {
      this.id = id;
      this.config = config;
    }

    boolean oidc() {
      return !"github".equals(config.type());
    }

    List<String> scopes() {
      return oidc() ? List.of("openid", "email", "profile") : List.of("read:user", "user:email");
    }

    Future<OAuth2Auth> client() {
      if (client != null) {
        return Future.succeededFuture(client);
      }
      if (connecting != null) {
        return connecting;
      }
      Future<OAuth2Auth> attempt = connect().recover(failure -> Future.failedFuture(
          new Refusal("provider", "the provider is unavailable: " + failure.getMessage())));
      connecting = attempt;
      // Runs at once when the attempt is already complete: then nothing stays pending and a failure is retried.
      attempt.onComplete(done -> {
        if (connecting == attempt) {
          connecting = null;
        }
        if (done.succeeded()) {
          client = done.result();
        } else {
          LOG.warn("Sign-in provider '{}': {} (tried again when next used)", id, done.cause().getMessage());
        }
      });
      return attempt;
    }

    private Future<OAuth2Auth> connect() {
      if (!oidc()) {
        try {
          return Future.succeededFuture(GithubAuth.create(vertx, config.clientId(), config.clientSecret()));
        } catch (RuntimeException invalid) {
          return Future.failedFuture(invalid);
        }
      }
      String site = config.issuer() != null ? config.issuer() : "https://accounts.google.com";
      OAuth2Options options = new OAuth2Options()
          .setClientId(config.clientId())
          .setClientSecret(config.clientSecret())
          .setSite(site)
          .setJWTOptions(new JWTOptions().setLeeway((int) CLOCK_SKEW_SECONDS));
      return OpenIDConnectAuth.discover(vertx, options).map(discovered -> {
        // Discovery checked that the document's issuer is the configured one and set it on the options.
        String discoveredIssuer = options.getJWTOptions().getIssuer();
        issuer = discoveredIssuer != null ? discoveredIssuer : options.getSite();
        // A key the issuer rotated in: fetch the key set again, for the next sign-in.
        discovered.missingKeyHandler(kid -> discovered.jWKSet().onFailure(failure ->
            LOG.warn("Could not refresh the keys of sign-in provider '{}': {}", id, failure.getMessage())));
        return discovered;
      });
    }
  }
}
