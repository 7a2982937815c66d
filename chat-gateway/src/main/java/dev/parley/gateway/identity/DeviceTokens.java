package dev.parley.gateway.identity;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Proof that a browser signed in to an account before: a token handed out with every successful password sign-in,
 * which the client sends with later ones. It lets the person past the account-wide slow-down that a guesser on many
 * addresses causes (see {@code SignInThrottle}). Stateless: {@code random.expiry.mac}, the MAC (HMAC-SHA256, with a
 * key derived from the token secret) binding it to the account's email address and its expiry.
 */
final class DeviceTokens {

  static final long LIFETIME_MS = 90L * 24 * 3600 * 1000;
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final byte[] key;
  private final SecureRandom random = new SecureRandom();

  DeviceTokens(String tokenSecret) {
    this.key = mac(tokenSecret.getBytes(StandardCharsets.UTF_8), "parley device tokens");
  }

  String issue(String email) {
    byte[] nonce = new byte[16];
    random.nextBytes(nonce);
    String body = B64.encodeToString(nonce) + "." + (System.currentTimeMillis() + LIFETIME_MS);
    return body + "." + B64.encodeToString(mac(key, signed(body, email)));
  }

  boolean valid(String token, String email) {
    if (token == null || token.length() > 200) {
      return false;
    }
    int last = token.lastIndexOf('.');
    int first = token.indexOf('.');
    if (first <= 0 || last <= first) {
      return false;
    }
    String body = token.substring(0, last);
    long expiry;
    try {
      expiry = Long.parseLong(token.substring(first + 1, last));
    } catch (NumberFormatException malformed) {
      return false;
    }
    byte[] expected = B64.encodeToString(mac(key, signed(body, email))).getBytes(StandardCharsets.US_ASCII);
    byte[] presented = token.substring(last + 1).getBytes(StandardCharsets.US_ASCII);
    return expiry > System.currentTimeMillis() && MessageDigest.isEqual(expected, presented);
  }

  private static String signed(String body, String email) {
    return body + "|" + email.toLowerCase(Locale.ROOT);
  }

  private static byte[] mac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
    }
  }
}
