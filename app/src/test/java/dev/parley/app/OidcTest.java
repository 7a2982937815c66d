package dev.parley.app;

import static dev.parley.app.TestNodes.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sign-in through OIDC against a real OIDC provider (mock-oauth2-server) running in the test: the browser is played
 * by a web client that follows each redirect by hand and keeps the binding cookie, as a browser does.
 */
class OidcTest {

  private static final String ISSUER_ID = "parley";
  private static final String CLIENT_ID = "parley-web";
  private static final String PROVIDER = "corp";
  private static final String PASSWORD = "correct horse battery";

  private MockOAuth2Server idp;
  private TestNodes nodes;
  private Vertx vertx;
  private WebClient web;
  private TestApi api;
  private Pool db;
  private String publicUrl;

  @BeforeEach
  void start() throws Exception {
    idp = new MockOAuth2Server();
    idp.start();
    int downPort;
    try (ServerSocket closed = new ServerSocket(0)) {
      downPort = closed.getLocalPort();
    }
    nodes = new TestNodes();
    ParleyNode node = nodes.start(false, config -> config.put("oauth", new JsonObject().put("providers",
        new JsonObject()
            .put(PROVIDER, new JsonObject().put("type", "oidc").put("name", "Corp SSO").put("clientId", CLIENT_ID)
                .put("clientSecret", "test-client-secret").put("issuer", idp.issuerUrl(ISSUER_ID).toString()))
            // An issuer that is down: the node starts all the same, and the button fails cleanly.
            .put("down", new JsonObject().put("type", "oidc").put("clientId", CLIENT_ID)
                .put("issuer", "http://127.0.0.1:" + downPort + "/realms/gone")))));
    vertx = node.vertx();
    int port = node.gateway().port();
    publicUrl = "http://localhost:" + port;
    api = new TestApi(vertx, port);
    web = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false));
    db = PgBuilder.pool().connectingTo(PgConnectOptions.fromUri(nodes.config(false).getJsonObject("db")
        .getString("url"))).using(vertx).build();
  }

  @AfterEach
  void stop() {
    await(db.close());
    web.close();
    nodes.close();
    idp.shutdown();
  }

  @Test
  void theFirstSignInCreatesTheUserAndASessionAndTheNextOneFindsTheSameUser() {
    JsonObject providers = TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/auth/providers", null, null));
    assertEquals(new JsonArray()
            .add(new JsonObject().put("id", PROVIDER).put("name", "Corp SSO").put("type", "oidc"))
            .add(new JsonObject().put("id", "down").put("name", "down").put("type", "oidc")),
        providers.getJsonArray("providers"));

    Browser browser = new Browser();
    String authorize = browser.start();
    Map<String, String> query = query(authorize);
    assertTrue(authorize.startsWith(idp.authorizationEndpointUrl(ISSUER_ID).toString()), authorize);
    assertEquals("code", query.get("response_type"));
    assertEquals(CLIENT_ID, query.get("client_id"));
    assertEquals(publicUrl + "/api/v1/auth/oauth/" + PROVIDER + "/callback", query.get("redirect_uri"));
    assertEquals("openid email profile", query.get("scope"));
    assertEquals("S256", query.get("code_challenge_method"));
    assertEquals(43, query.get("code_challenge").length());
    assertTrue(query.get("state").length() >= 22, "128+ random bits");
    assertNotNull(query.get("nonce"));
    assertTrue(browser.setCookie.toLowerCase(Locale.ROOT).contains("; httponly"), browser.setCookie);
    assertTrue(browser.setCookie.contains("SameSite=Lax"), browser.setCookie);
    assertTrue(browser.setCookie.contains("Path=/api/v1/auth/oauth"), browser.setCookie);

    idp.enqueueCallback(person("ada-at-corp", "ada@example.com", true, "Ada Lovelace"));
    JsonObject session = browser.exchange(browser.callback(browser.authorize(authorize)));
    JsonObject user = session.getJsonObject("user");
    assertEquals("Ada Lovelace", user.getString("name"));
    assertEquals("ada@example.com", user.getString("email"));
    assertNotNull(session.getString("refreshToken"));
    assertEquals(900, session.getInteger("expiresIn"));
    JsonObject me = TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/me", asUser(session), null));
    assertEquals(user.getString("id"), me.getJsonObject("user").getString("id"));
    assertTrue(me.getJsonObject("user").getBoolean("emailVerified"), "the provider verified the address: so is it here");
    assertEquals(counts(1, 1, 1), counts());

    idp.enqueueCallback(person("ada-at-corp", "ada@example.com", true, "Ada Lovelace"));
    JsonObject again = new Browser().signIn();
    assertEquals(user.getString("id"), again.getJsonObject("user").getString("id"), "the same person, the same user");
    assertNotEquals(session.getString("refreshToken"), again.getString("refreshToken"));
    assertEquals(counts(1, 2, 1), counts());
  }

  @Test
  void theHandOffCodeWorksOnceAndOnlyInTheBrowserThatSignedIn() {
    Browser browser = new Browser();
    idp.enqueueCallback(person("grace", "grace@example.com", true, "Grace Hopper"));
    String landing = browser.callback(browser.authorize(browser.start()));
    String code = landing.substring((publicUrl + "/#/oauth/").length());

    JsonObject stranger = TestApi.expect(401, new Browser().post(code));
    assertTrue(stranger.getJsonObject("error").getString("message").contains("another browser"));
    // The stranger's attempt used the code up: a leaked code is worth nothing to anyone.
    JsonObject used = TestApi.expect(401, browser.post(code));
    assertEquals("unauthorized", used.getJsonObject("error").getString("code"));
    assertTrue(used.getJsonObject("error").getString("message").contains("expired or was completed"));
    assertEquals(counts(1, 0, 1), counts(), "the account exists, no session does");
  }

  @Test
  void aVerifiedEmailLinksToTheExistingPasswordAccountAndAnUnverifiedOneIsRefused() {
    JsonObject registered = TestApi.expect(201, api.call(HttpMethod.POST, "/api/v1/auth/register", null,
        new JsonObject().put("email", "Linus@Example.com").put("password", PASSWORD).put("name", "Linus")));
    String id = registered.getJsonObject("user").getString("id");
    assertFalse(registered.getJsonObject("user").getBoolean("emailVerified"), "a password sign-up is not verified");

    idp.enqueueCallback(person("linus-unverified", "linus@example.com", false, "Linus T"));
    refused("conflict", new Browser());
    assertEquals(counts(1, 1, 0), counts(), "no identity, no session");

    idp.enqueueCallback(person("linus-at-corp", "linus@example.com", true, "Linus T"));
    JsonObject session = new Browser().signIn();
    assertEquals(id, session.getJsonObject("user").getString("id"));
    assertEquals("Linus", session.getJsonObject("user").getString("name"), "linking keeps the profile");
    assertEquals(counts(1, 2, 1), counts());
    // Parley never checked who registered the address; the provider proved who owns it. Whatever the registrant
    // held (the password, the session it opened) ends, so someone who squatted an address keeps no way in.
    TestApi.expect(401, api.call(HttpMethod.POST, "/api/v1/auth/login", null,
        new JsonObject().put("email", "linus@example.com").put("password", PASSWORD)));
    TestApi.User registrant = new TestApi.User(id, "Linus", registered.getString("accessToken"));
    TestApi.expect(401, api.call(HttpMethod.GET, "/api/v1/me", registrant, null));
    TestApi.User linked = new TestApi.User(id, "Linus", session.getString("accessToken"));
    assertTrue(TestApi.expect(200, api.call(HttpMethod.GET, "/api/v1/me", linked, null)).getJsonObject("user")
        .getBoolean("emailVerified"), "linked through the provider's verified address: verified");
  }

  @Test
  void aDeactivatedAccountCannotSignInThroughAProviderEither() {
    idp.enqueueCallback(person("dee-at-corp", "dee@example.com", true, "Dee"));
    new Browser().signIn();
    java.io.PrintStream quiet = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
    assertEquals(0, AdminCommands.run(new String[] {"deactivate", "dee@example.com"}, nodes.config(false), quiet,
        quiet));

    idp.enqueueCallback(person("dee-at-corp", "dee@example.com", true, "Dee"));
    refused("deactivated", new Browser());
  }

  @Test
  void aNewAccountNeedsAVerifiedEmail() {
    idp.enqueueCallback(person("no-proof", "maybe@example.com", false, "Maybe"));
    refused("email", new Browser());
    assertEquals(counts(0, 0, 0), counts());
  }

  @Test
  void aTamperedStateIsRefused() {
    Browser browser = new Browser();
    String callback = browser.authorize(browser.start());
    String state = query(callback).get("state");
    String tampered = withParam(callback, "state", state.substring(0, state.length() - 2) + "xy");
    assertEquals(publicUrl + "/#/oauth-error/state", browser.location(browser.get(tampered)));
    assertEquals(counts(0, 0, 0), counts());
  }

  @Test
  void aProviderThatAnswersWithAnErrorEndsInDenied() {
    Browser browser = new Browser();
    String callback = browser.authorize(browser.start());
    String cancelled = withParam(callback, "error", "access_denied");
    assertEquals(publicUrl + "/#/oauth-error/denied", browser.location(browser.get(cancelled)));
    assertEquals(counts(0, 0, 0), counts());
  }

  @Test
  void aStateWorksOnce() {
    Browser browser = new Browser();
    idp.enqueueCallback(person("once", "once@example.com", true, "Once"));
    String callback = browser.authorize(browser.start());
    assertTrue(browser.callback(callback).startsWith(publicUrl + "/#/oauth/"));
    assertEquals(publicUrl + "/#/oauth-error/state", browser.location(browser.get(callback)));
    assertEquals(counts(1, 0, 1), counts(), "the first use signed in; the replay made nothing");
  }

  @Test
  void aCallbackWithoutTheBrowsersCookieOrWithAnotherOneIsRefused() {
    Browser victim = new Browser();
    String callback = victim.authorize(victim.start());
    // The same callback arriving in another browser (say, a link an attacker sends) is refused...
    Browser other = new Browser();
    other.start();
    assertEquals(publicUrl + "/#/oauth-error/state", other.location(other.get(callback)));

    Browser noCookie = new Browser();
    String second = noCookie.authorize(noCookie.start());
    noCookie.cookie = null;
    assertEquals(publicUrl + "/#/oauth-error/state", noCookie.location(noCookie.get(second)));
    // ...and the state is spent: it does not work in the right browser afterwards either.
    assertEquals(publicUrl + "/#/oauth-error/state", victim.location(victim.get(callback)));
    assertEquals(counts(0, 0, 0), counts());
  }

  @Test
  void anIdTokenWithAnotherNonceIsRefused() {
    idp.enqueueCallback(person("nonce", "nonce@example.com", true, "Nonce",
        Map.of("nonce", "a-nonce-from-another-flow")));
    refused("nonce", new Browser());
    assertEquals(counts(0, 0, 0), counts());
  }

  @Test
  void anIdTokenFromAnotherIssuerIsRefused() {
    idp.enqueueCallback(person("iss", "iss@example.com", true, "Iss",
        Map.of("iss", idp.issuerUrl("another-issuer").toString())));
    refused("issuer", new Browser());
    assertEquals(counts(0, 0, 0), counts());
  }

  @Test
  void anIdTokenForAnotherAudienceIsRefused() {
    idp.enqueueCallback(person("aud", "aud@example.com", true, "Aud", Map.of("aud", List.of("another-client"))));
    refused("audience", new Browser());
    assertEquals(counts(0, 0, 0), counts());
  }

  @Test
  void anExpiredIdTokenIsRefused() {
    idp.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, "late", "JWT", null,
        claims("late@example.com", true, "Late", Map.of()), -300));
    refused("expired", new Browser());
    assertEquals(counts(0, 0, 0), counts());
  }

  @Test
  void aCodeThatWasUsedOrBelongsToAnotherFlowIsRefused() {
    // A used code: signed in once, then the same code again with a fresh state.
    Browser browser = new Browser();
    idp.enqueueCallback(person("replay", "replay@example.com", true, "Replay"));
    String first = browser.authorize(browser.start());
    assertTrue(browser.callback(first).startsWith(publicUrl + "/#/oauth/"));
    String fresh = browser.authorize(browser.start());
    String replayed = withParam(fresh, "code", query(first).get("code"));
    assertEquals(publicUrl + "/#/oauth-error/code", browser.location(browser.get(replayed)));

    // A code issued to another flow: PKCE ties a code to the verifier of the flow that asked for it.
    String other = browser.authorize(browser.start());
    String mine = browser.authorize(browser.start());
    String swapped = withParam(mine, "code", query(other).get("code"));
    assertEquals(publicUrl + "/#/oauth-error/code", browser.location(browser.get(swapped)));
    assertEquals(counts(1, 0, 1), counts(), "only the first sign-in made anything");
  }

  @Test
  void anUnknownProviderOrOneThatIsDownIsRefusedAndTheRestStillWorks() {
    Browser browser = new Browser();
    assertEquals(publicUrl + "/#/oauth-error/provider",
        browser.location(browser.get(publicUrl + "/api/v1/auth/oauth/nobody/start")));
    assertEquals(publicUrl + "/#/oauth-error/provider",
        browser.location(browser.get(publicUrl + "/api/v1/auth/oauth/down/start")));
    idp.enqueueCallback(person("fine", "fine@example.com", true, "Fine"));
    browser.signIn();
    assertEquals(counts(1, 1, 1), counts());
  }

  /** A browser: follows redirects by hand and keeps the one cookie Parley sets. */
  private final class Browser {
    private String cookie;
    private String setCookie;

    String start() {
      HttpResponse<Buffer> response = get(publicUrl + "/api/v1/auth/oauth/" + PROVIDER + "/start");
      String location = location(response);
      assertTrue(location.startsWith(idp.baseUrl().toString()), "to the provider: " + location);
      return location;
    }

    /** The provider signs the person in at once (the mock does) and sends the browser back with a code. */
    String authorize(String authorizeUrl) {
      String location = location(get(authorizeUrl));
      assertTrue(location.startsWith(publicUrl + "/api/v1/auth/oauth/" + PROVIDER + "/callback?"), location);
      return location;
    }

    String callback(String callbackUrl) {
      return location(get(callbackUrl));
    }

    JsonObject exchange(String landing) {
      assertTrue(landing.startsWith(publicUrl + "/#/oauth/"), "signed in: " + landing);
      return TestApi.expect(200, post(landing.substring((publicUrl + "/#/oauth/").length())));
    }

    JsonObject signIn() {
      return exchange(callback(authorize(start())));
    }

    HttpResponse<Buffer> post(String code) {
      HttpRequest<Buffer> request = web.postAbs(publicUrl + "/api/v1/auth/oauth/exchange");
      if (cookie != null) {
        request.putHeader("Cookie", cookie);
      }
      return await(request.sendJsonObject(new JsonObject().put("code", code)));
    }

    HttpResponse<Buffer> get(String url) {
      HttpRequest<Buffer> request = web.getAbs(url);
      boolean parley = url.startsWith(publicUrl);
      if (parley && cookie != null) {
        request.putHeader("Cookie", cookie);
      }
      HttpResponse<Buffer> response = await(request.send());
      for (String header : response.cookies()) {
        if (parley && header.startsWith("parley_oauth=")) {
          setCookie = header;
          cookie = header.substring(0, header.indexOf(';'));
        }
      }
      return response;
    }

    String location(HttpResponse<Buffer> response) {
      assertEquals(302, response.statusCode(), () -> "a redirect, not " + response.bodyAsString());
      return response.getHeader("Location");
    }
  }

  private void refused(String reason, Browser browser) {
    String landing = browser.callback(browser.authorize(browser.start()));
    assertEquals(publicUrl + "/#/oauth-error/" + reason, landing);
  }

  private static DefaultOAuth2TokenCallback person(String subject, String email, boolean verified, String name) {
    return person(subject, email, verified, name, Map.of());
  }

  private static DefaultOAuth2TokenCallback person(String subject, String email, boolean verified, String name,
                                                   Map<String, Object> extra) {
    return new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", null, claims(email, verified, name, extra), 3600);
  }

  private static Map<String, Object> claims(String email, boolean verified, String name, Map<String, Object> extra) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("email", email);
    claims.put("email_verified", verified);
    claims.put("name", name);
    claims.putAll(extra);
    return claims;
  }

  private static TestApi.User asUser(JsonObject session) {
    JsonObject user = session.getJsonObject("user");
    return new TestApi.User(user.getString("id"), user.getString("name"), session.getString("accessToken"));
  }

  private JsonObject counts() {
    Row row = await(db.query("""
        SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM sessions) AS sessions,
               (SELECT count(*) FROM identities) AS identities""").execute()).iterator().next();
    return counts(row.getLong("users"), row.getLong("sessions"), row.getLong("identities"));
  }

  private static JsonObject counts(long users, long sessions, long identities) {
    return new JsonObject().put("users", users).put("sessions", sessions).put("identities", identities);
  }

  private static Map<String, String> query(String url) {
    Map<String, String> params = new LinkedHashMap<>();
    String raw = URI.create(url).getRawQuery();
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return params;
  }

  private static String withParam(String url, String name, String value) {
    Map<String, String> params = query(url);
    params.put(name, value);
    StringBuilder rebuilt = new StringBuilder(url.substring(0, url.indexOf('?') + 1));
    params.forEach((key, val) -> rebuilt.append(rebuilt.charAt(rebuilt.length() - 1) == '?' ? "" : "&")
        .append(URLEncoder.encode(key, StandardCharsets.UTF_8)).append('=')
        .append(URLEncoder.encode(val, StandardCharsets.UTF_8)));
    return rebuilt.toString();
  }
}
