package dev.parley.notify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** RFC 8291 encryption against the RFC's own example, and the VAPID token it travels with. */
class WebPushEncryptionTest {

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  /** RFC 8291 Appendix A, every value as the RFC prints it. */
  private static final String PLAINTEXT = "When I grow up, I want to be a watermelon";
  private static final String AS_PRIVATE = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";
  private static final String AS_PUBLIC =
      "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
  private static final String UA_PUBLIC =
      "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
  private static final String SALT = "DGv6ra1nlYgDCS1FRnbzlw";
  private static final String AUTH_SECRET = "BTBZMqHH6r4Tts7J_aSIgg";
  private static final String BODY = "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLo"
      + "cInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN";

  @Test
  void theRfcsExampleComesOutByteForByte() throws Exception {
    KeyPair server = WebPushEncryption.keyPair(Vapid.decode(AS_PUBLIC), Vapid.decode(AS_PRIVATE));
    byte[] body = WebPushEncryption.encrypt(PLAINTEXT.getBytes(StandardCharsets.UTF_8), Vapid.decode(UA_PUBLIC),
        Vapid.decode(AUTH_SECRET), server, Vapid.decode(SALT));
    assertEquals(BODY, B64.encodeToString(body));
  }

  @Test
  void eachMessageHasItsOwnKeyAndSalt() throws Exception {
    byte[] plaintext = PLAINTEXT.getBytes(StandardCharsets.UTF_8);
    byte[] first = WebPushEncryption.encrypt(plaintext, Vapid.decode(UA_PUBLIC), Vapid.decode(AUTH_SECRET));
    byte[] second = WebPushEncryption.encrypt(plaintext, Vapid.decode(UA_PUBLIC), Vapid.decode(AUTH_SECRET));
    assertEquals(WebPushEncryption.HEADER_LENGTH + plaintext.length + 1 + 16, first.length);
    assertTrue(!B64.encodeToString(first).substring(0, 22).equals(B64.encodeToString(second).substring(0, 22)),
        "a fresh salt each time");
  }

  @Test
  void aKeyThatIsNoPointOfTheCurveIsRefused() {
    byte[] bad = Vapid.decode(UA_PUBLIC);
    bad[64] ^= 1;
    assertThrows(GeneralSecurityException.class, () -> WebPushEncryption.encrypt(new byte[1], bad,
        Vapid.decode(AUTH_SECRET)));
    assertThrows(GeneralSecurityException.class, () -> WebPushEncryption.encrypt(new byte[1], new byte[65],
        Vapid.decode(AUTH_SECRET)));
    assertThrows(GeneralSecurityException.class, () -> WebPushEncryption.encrypt(
        new byte[WebPushEncryption.MAX_PLAINTEXT + 1], Vapid.decode(UA_PUBLIC), Vapid.decode(AUTH_SECRET)));
  }

  @Test
  void theVapidTokenNamesThePushServiceAndVerifiesAgainstThePublicKey() throws Exception {
    JsonObject keys = Vapid.generateKeys();
    Vapid vapid = new Vapid(keys.getString("publicKey"), keys.getString("privateKey"), "mailto:ops@example.org");
    String header = vapid.authorization("https://fcm.googleapis.com/fcm/send/abc", 1_764_000_000L);
    assertTrue(header.startsWith("vapid t="), header);
    assertTrue(header.endsWith(", k=" + keys.getString("publicKey")), header);
    String jwt = header.substring("vapid t=".length(), header.indexOf(','));
    String[] parts = jwt.split("\\.");
    JsonObject claims = new JsonObject(new String(Vapid.decode(parts[1]), StandardCharsets.UTF_8));
    assertEquals("https://fcm.googleapis.com", claims.getString("aud"));
    assertEquals(1_764_000_000L + Vapid.TOKEN_SECONDS, claims.getLong("exp"));
    assertEquals("mailto:ops@example.org", claims.getString("sub"));
    assertEquals("ES256", new JsonObject(new String(Vapid.decode(parts[0]), StandardCharsets.UTF_8)).getString("alg"));

    Signature verify = Signature.getInstance("SHA256withECDSAinP1363Format");
    verify.initVerify(WebPushEncryption.publicKey(Vapid.decode(keys.getString("publicKey"))));
    verify.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertTrue(verify.verify(Vapid.decode(parts[2])));
    assertEquals(header, vapid.authorization("https://fcm.googleapis.com/other", 1_764_000_060L),
        "one token per push service, reused");
    assertArrayEquals(Vapid.decode(keys.getString("publicKey")), WebPushEncryption.uncompressed(
        WebPushEncryption.publicKey(Vapid.decode(keys.getString("publicKey")))));
  }

  @Test
  void retryAfterIsReadAsSecondsOrADateAndKeptWithinAnHour() {
    long now = 1_764_000_000_000L;
    assertEquals(120_000L, WebPushHandler.retryAfter("120", now));
    assertEquals(30_000L, WebPushHandler.retryAfter("Mon, 24 Nov 2025 16:00:30 GMT", 1_764_000_000_000L));
    assertEquals(WebPushHandler.MAX_RETRY_AFTER_MS, WebPushHandler.retryAfter("86400", now));
    assertEquals(0L, WebPushHandler.retryAfter("Mon, 24 Nov 2025 15:00:00 GMT", now));
    assertEquals(null, WebPushHandler.retryAfter("soon", now));
    assertEquals(null, WebPushHandler.retryAfter(null, now));
  }
}
