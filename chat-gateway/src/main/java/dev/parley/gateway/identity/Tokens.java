package dev.parley.gateway.identity;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Access tokens (short-lived JWTs signed with the cluster's shared secret) and opaque random tokens (refresh
 * tokens, WebSocket tickets) that are only ever stored as a SHA-256 hash.
 */
public final class Tokens {

  static final String ISSUER = "parley";
  private static final String ALGORITHM = "HS256";
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

  private final JWTAuth jwt;
  private final int accessTokenSeconds;
  private final SecureRandom random = new SecureRandom();

  /**
   * The shortest signing secret accepted: HS256's key should have at least as many bits as its hash (256), so a
   * short configured secret is refused at start-up rather than making tokens guessable offline.
   */
  public static final int MIN_SECRET_BYTES = 32;

  public Tokens(Vertx vertx, String secret, int accessTokenSeconds) {
    if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException("auth.jwtSecret must be at least " + MIN_SECRET_BYTES + " bytes long "
          + "(for example 43 base64url characters of 32 random bytes); leave it unset to have one generated");
    }
    this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm(ALGORITHM).setBuffer(secret))
        .setJWTOptions(new JWTOptions().setIssuer(ISSUER)));
    this.accessTokenSeconds = accessTokenSeconds;
  }

  int accessTokenSeconds() {
    return accessTokenSeconds;
  }

  /** A signed access token naming the user and the session it belongs to. */
  String accessToken(Identity identity) {
    JsonObject claims = new JsonObject().put("name", identity.name()).put("sid", identity.session());
    return jwt.generateToken(claims, new JWTOptions()
        .setAlgorithm(ALGORITHM)
        .setIssuer(ISSUER)
        .setSubject(identity.user())
        .setExpiresInSeconds(accessTokenSeconds));
  }

  /** The identity in a valid, unexpired access token; fails otherwise. */
  Future<Identity> verify(String accessToken) {
    return jwt.authenticate(new TokenCredentials(accessToken)).map(user -> {
      JsonObject claims = user.principal();
      // Vert.x checks exp only when it is there; Parley never issues a token without one, so none is accepted.
      // (Vert.x keeps the time claims among the user's attributes; get() reads those first, then the principal.)
      if (!(user.get("exp") instanceof Number)) {
        throw new IllegalArgumentException("The token has no expiry");
      }
      return new Identity(claims.getString("sub"), claims.getString("name"), claims.getString("sid"));
    });
  }

  /** A new opaque token of 256 random bits, URL-safe. */
  public String randomToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return B64URL.encodeToString(bytes);
  }

  /** The form an opaque token is stored in. */
  public static String hash(String token) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return B64URL.encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
