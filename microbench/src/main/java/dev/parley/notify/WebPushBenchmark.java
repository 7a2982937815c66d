package dev.parley.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.concurrent.TimeUnit;
import javax.crypto.KeyAgreement;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The CPU of one Web Push (RFC 8291) for one device, which notification-verticle spends per push, off the event loop.
 *
 * <ul>
 *   <li>{@link #encryptPush}: what {@link WebPushEncryption} does per push: a fresh P-256 key pair, the key agreement
 *       with the browser's key (BouncyCastle), HKDF and AES-GCM of a 300-byte payload.
 *   <li>{@link #jdkKeyPairAndAgreement}: the key pair and agreement alone with the JDK 17 provider, which the
 *       encryption used before: the reason it no longer does.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class WebPushBenchmark {

  private final KeyPair browser = browserKeys();
  private final byte[] browserPublic = WebPushEncryption.uncompressed((ECPublicKey) browser.getPublic());
  private final byte[] auth = new byte[16];
  private final byte[] payload = ("{\"room\":\"general\",\"sender\":\"Ada\",\"text\":\"" + "x".repeat(240) + "\"}")
      .getBytes(StandardCharsets.UTF_8);

  @Benchmark
  public byte[] encryptPush() throws GeneralSecurityException {
    return WebPushEncryption.encrypt(payload, browserPublic, auth);
  }

  @Benchmark
  public byte[] jdkKeyPairAndAgreement() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
    agreement.init(generator.generateKeyPair().getPrivate());
    agreement.doPhase(browser.getPublic(), true);
    return agreement.generateSecret();
  }

  private static KeyPair browserKeys() {
    try {
      return WebPushEncryption.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
