package dev.parley.notify;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * RFC 8292 VAPID: the application server's identity towards push services. Each push carries
 * {@code Authorization: vapid t=<JWT>, k=<public key>}, the JWT (ES256) naming the push service's origin
 * ({@code aud}), an expiry ({@code exp}, at most 24 h ahead) and who runs this server ({@code sub}). A browser
 * subscribed with the same public key, so the push service accepts pushes from this server alone.
 *
 * <p>A token is signed once per push service origin and used until an hour before it runs out: signing is the one
 * expensive step, and every push to the same service carries the same token. Belongs to one event loop.
 */
public final class Vapid {

  /** How long a token is good for (RFC 8292 allows up to 24 hours). */
  static final long TOKEN_SECONDS = 12 * 3600;
  /** A token is replaced this long before it runs out. */
  private static final long RENEW_BEFORE_SECONDS = 3600;
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();

  private final KeyPair keys;
  private final String publicKey;
  private final String subject;
  private final Map<String, Token> tokens = new HashMap<>();

  private record Token(String header, long expires) {
  }

  /** From the base64url key pair (as in the settings) and the subject ({@code mailto:} or {@code https:}). */
  Vapid(String publicKey, String privateKey, String subject) throws GeneralSecurityException {
    this.keys = WebPushEncryption.keyPair(decode(publicKey), decode(privateKey));
    this.publicKey = publicKey;
    this.subject = subject;
  }

  /** A new key pair, base64url: {@code publicKey} (65 bytes uncompressed) and {@code privateKey} (32 bytes). */
  public static JsonObject generateKeys() throws GeneralSecurityException {
    KeyPair pair = WebPushEncryption.generateKeyPair();
    return new JsonObject()
        .put("publicKey", BASE64URL.encodeToString(
            WebPushEncryption.uncompressed((ECPublicKey) pair.getPublic())))
        .put("privateKey", BASE64URL.encodeToString(
            WebPushEncryption.scalar((ECPrivateKey) pair.getPrivate())));
  }

  /** The {@code Authorization} header for a push to this endpoint, at this time (epoch seconds). */
  String authorization(String endpoint, long nowSeconds) throws GeneralSecurityException {
    String audience = origin(endpoint);
    Token token = tokens.get(audience);
    if (token == null || token.expires - RENEW_BEFORE_SECONDS <= nowSeconds) {
      long expires = nowSeconds + TOKEN_SECONDS;
      token = new Token("vapid t=" + jwt(audience, expires) + ", k=" + publicKey, expires);
      tokens.put(audience, token);
    }
    return token.header;
  }

  private String jwt(String audience, long expires) throws GeneralSecurityException {
    String header = encode(new JsonObject().put("typ", "JWT").put("alg", "ES256"));
    String claims = encode(new JsonObject().put("aud", audience).put("exp", expires).put("sub", subject));
    String signed = header + "." + claims;
    // ES256 wants the raw 64-byte r || s (RFC 7518 §3.4), which the JDK writes in its P1363 format.
    Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
    signature.initSign(keys.getPrivate());
    signature.update(signed.getBytes(StandardCharsets.US_ASCII));
    return signed + "." + BASE64URL.encodeToString(signature.sign());
  }

  /** {@code scheme://host[:port]} of the endpoint: the JWT's audience. */
  static String origin(String endpoint) {
    URI uri = URI.create(endpoint);
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
  }

  static byte[] decode(String base64url) {
    return BASE64URL_DECODER.decode(base64url.replace('+', '-').replace('/', '_').replace("=", ""));
  }

  private static String encode(JsonObject json) {
    return BASE64URL.encodeToString(json.encode().getBytes(StandardCharsets.UTF_8));
  }
}
