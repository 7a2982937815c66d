package dev.parley.bench;

import dev.parley.shared.http.PushRequests;
import dev.parley.shared.notify.PushNotification;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The push service of the {@code --push} scenario: an HTTP server that plays what a browser vendor's push service
 * does for Parley (RFC 8030: a POST per push, answered 201), with one "browser" per listening user: a P-256 key pair
 * and an auth secret, given to Parley as that user's subscription. Every push is counted as it arrives; one in
 * {@link #DECRYPT_EVERY} is decrypted (RFC 8291, {@code aes128gcm}, with the JDK alone) and the stamp in its text
 * preview says which message it announces, hence the delay from the message's scheduled send time to its push.
 * Decrypting only a sample keeps the generator's CPU (an ECDH per push) out of the way of what is measured.
 */
final class PushReceiver {

  private static final Logger LOG = LoggerFactory.getLogger(PushReceiver.class);
  static final int DECRYPT_EVERY = 10;
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final String PATH = "/push/";

  private final Vertx vertx;
  private final Run run;
  private final Map<Integer, Browser> browsers = new ConcurrentHashMap<>();
  private final AtomicLong arrived = new AtomicLong();
  private HttpServer server;

  PushReceiver(Vertx vertx, Run run) {
    this.vertx = vertx;
    this.run = run;
  }

  /** Listens on {@code host:port} (the origin Parley's {@code notify.pushServices} must list). */
  Future<Void> listen(String host, int port) {
    return vertx.createHttpServer().requestHandler(this::receive).listen(port, host)
        .onSuccess(listening -> server = listening)
        .mapEmpty();
  }

  Future<Void> close() {
    return server == null ? Future.succeededFuture() : server.close();
  }

  /** The subscription of a user's "browser" as {@code PushSubscription.toJSON()}, its keys made on first use. */
  JsonObject subscription(String origin, int user) {
    Browser browser = browsers.computeIfAbsent(user, u -> Browser.create());
    return new JsonObject().put(PushRequests.ENDPOINT, origin + PATH + user)
        .put(PushRequests.KEYS, new JsonObject().put(PushRequests.P256DH, B64.encodeToString(browser.publicKey))
            .put(PushRequests.AUTH, B64.encodeToString(browser.auth)));
  }

  private void receive(HttpServerRequest request) {
    long arrivedNanos = run.now();
    request.body().onSuccess(body -> {
      request.response().setStatusCode(201).end();
      long n = arrived.incrementAndGet();
      Browser browser = browserOf(request.path());
      if (browser == null) {
        run.errors().add("push_unknown_endpoint");
        return;
      }
      run.pushArrived(arrivedNanos);
      if (n % DECRYPT_EVERY == 0) {
        vertx.executeBlocking(() -> browser.decrypt(body), false)
            .onSuccess(payload -> measure(payload, arrivedNanos))
            .onFailure(failure -> {
              LOG.warn("A push could not be decrypted: {}", failure.toString());
              run.errors().add("push_undecryptable");
            });
      }
    });
  }

  private void measure(byte[] payload, long arrivedNanos) {
    // The body reads "<sender>: <text preview>" in a channel.
    String body = PushNotification.fromJson(new JsonObject(Buffer.buffer(payload))).body();
    int at = body == null ? -1 : body.indexOf(run.textPrefix);
    Stamp stamp = at < 0 ? null : Stamp.fromText(run.textPrefix, body.substring(at));
    Step step = stamp == null ? null : run.step(stamp.step());
    if (step != null) {
      step.onPushDecrypted(stamp.scheduledNanos(), arrivedNanos);
    }
  }

  private Browser browserOf(String path) {
    if (path == null || !path.startsWith(PATH)) {
      return null;
    }
    try {
      return browsers.get(Integer.parseInt(path.substring(PATH.length())));
    } catch (NumberFormatException notOurs) {
      return null;
    }
  }

  /** A user agent's keys (RFC 8291 section 2): P-256 pair and 16-byte auth secret. */
  record Browser(KeyPair keys, byte[] publicKey, byte[] auth) {

    /** A browser with these keys (a test vector's). */
    static Browser of(byte[] privateKey, byte[] publicKey, byte[] auth) throws GeneralSecurityException {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      ECParameterSpec params = ((ECPublicKey) generator.generateKeyPair().getPublic()).getParams();
      KeyFactory factory = KeyFactory.getInstance("EC");
      ECPoint w = new ECPoint(new BigInteger(1, Arrays.copyOfRange(publicKey, 1, 33)),
          new BigInteger(1, Arrays.copyOfRange(publicKey, 33, 65)));
      return new Browser(new KeyPair(factory.generatePublic(new ECPublicKeySpec(w, params)),
          factory.generatePrivate(new ECPrivateKeySpec(new BigInteger(1, privateKey), params))), publicKey, auth);
    }

    static Browser create() {
      try {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        byte[] auth = new byte[16];
        new SecureRandom().nextBytes(auth);
        return new Browser(keys, uncompressed((ECPublicKey) keys.getPublic()), auth);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("No P-256 in this JDK", e);
      }
    }

    /** RFC 8291 section 3 and RFC 8188: one record, header salt(16) rs(4) idlen(1) keyid(65). */
    byte[] decrypt(Buffer body) throws GeneralSecurityException {
      byte[] bytes = body.getBytes();
      ByteBuffer in = ByteBuffer.wrap(bytes);
      byte[] salt = new byte[16];
      in.get(salt);
      in.getInt();
      byte[] serverKey = new byte[in.get() & 0xff];
      in.get(serverKey);
      byte[] ciphertext = Arrays.copyOfRange(bytes, in.position(), bytes.length);

      KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
      agreement.init(keys.getPrivate());
      agreement.doPhase(publicKeyOf(serverKey), true);
      byte[] ecdhSecret = agreement.generateSecret();
      byte[] keyInfo = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), publicKey, serverKey);
      byte[] ikm = hkdf(auth, ecdhSecret, keyInfo, 32);
      byte[] cek = hkdf(salt, ikm, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
      byte[] nonce = hkdf(salt, ikm, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
      byte[] padded = cipher.doFinal(ciphertext);
      int end = padded.length - 1;
      while (end >= 0 && padded[end] == 0) {
        end--;
      }
      if (end < 0 || padded[end] != 2) {
        throw new GeneralSecurityException("no last-record delimiter");
      }
      return Arrays.copyOf(padded, end);
    }

    private ECPublicKey publicKeyOf(byte[] point) throws GeneralSecurityException {
      if (point.length != 65 || point[0] != 4) {
        throw new GeneralSecurityException("not an uncompressed P-256 point");
      }
      ECParameterSpec params = ((ECPublicKey) keys.getPublic()).getParams();
      ECPoint w = new ECPoint(new BigInteger(1, Arrays.copyOfRange(point, 1, 33)),
          new BigInteger(1, Arrays.copyOfRange(point, 33, 65)));
      return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, params));
    }

    private static byte[] uncompressed(ECPublicKey key) {
      byte[] out = new byte[65];
      out[0] = 4;
      copyUnsigned(key.getW().getAffineX(), out, 1);
      copyUnsigned(key.getW().getAffineY(), out, 33);
      return out;
    }

    private static void copyUnsigned(BigInteger value, byte[] out, int at) {
      byte[] bytes = value.toByteArray();
      int skip = bytes.length > 32 ? bytes.length - 32 : 0;
      System.arraycopy(bytes, skip, out, at + 32 - (bytes.length - skip), bytes.length - skip);
    }

    /** HKDF-SHA-256 (RFC 5869) for one block of output, all that Web Push needs. */
    private static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) throws GeneralSecurityException {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(salt, "HmacSHA256"));
      byte[] prk = mac.doFinal(ikm);
      mac.init(new SecretKeySpec(prk, "HmacSHA256"));
      mac.update(info);
      mac.update((byte) 1);
      return Arrays.copyOf(mac.doFinal(), length);
    }

    private static byte[] concat(byte[]... parts) {
      ByteBuffer out = ByteBuffer.allocate(Arrays.stream(parts).mapToInt(part -> part.length).sum());
      Arrays.stream(parts).forEach(out::put);
      return out.array();
    }
  }
}
