package dev.parley.gateway.identity;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes (OWASP parameters: 19 MiB, 2 passes, 1 lane) in the PHC string format, computed on a
 * dedicated worker pool: a hash takes tens of milliseconds and must never run on an event loop.
 */
public final class Passwords {

  private static final int MEMORY_KIB = 19 * 1024;
  private static final int ITERATIONS = 2;
  private static final int PARALLELISM = 1;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

  private final WorkerExecutor workers;
  private final SecureRandom random = new SecureRandom();
  /** Verified against when an account does not exist, so that answer takes as long as a wrong password. */
  private final String decoyHash;

  public Passwords(WorkerExecutor workers) {
    this.workers = workers;
    this.decoyHash = encode(newSalt(), "decoy-password-never-matches".toCharArray());
  }

  Future<String> hash(String password) {
    byte[] salt = newSalt();
    return workers.executeBlocking(() -> encode(salt, password.toCharArray()), false);
  }

  /** Whether the password matches; a null hash (no such account, or no password set) burns the same time. */
  Future<Boolean> verify(String password, String phcHash) {
    boolean known = phcHash != null;
    String target = known ? phcHash : decoyHash;
    return workers.executeBlocking(() -> matches(password.toCharArray(), target) && known, false);
  }

  private byte[] newSalt() {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    return salt;
  }

  private static String encode(byte[] salt, char[] password) {
    byte[] hash = argon2(salt, password, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
    return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$"
        + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
  }

  /** Checks against the parameters stored in the hash, so raising them later keeps old hashes valid. */
  private static boolean matches(char[] password, String phcHash) {
    String[] parts = phcHash.split("\\$");
    // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
    if (parts.length != 6 || !parts[1].equals("argon2id")) {
      return false;
    }
    int memory = 0;
    int iterations = 0;
    int parallelism = 0;
    for (String parameter : parts[3].split(",")) {
      int value = Integer.parseInt(parameter.substring(2));
      switch (parameter.charAt(0)) {
        case 'm' -> memory = value;
        case 't' -> iterations = value;
        case 'p' -> parallelism = value;
        default -> {
          return false;
        }
      }
    }
    byte[] expected = B64_DECODER.decode(parts[5]);
    byte[] actual = argon2(B64_DECODER.decode(parts[4]), password, memory, iterations, parallelism, expected.length);
    return MessageDigest.isEqual(expected, actual);
  }

  private static byte[] argon2(byte[] salt, char[] password, int memoryKib, int iterations, int parallelism,
                               int length) {
    Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withMemoryAsKB(memoryKib)
        .withIterations(iterations)
        .withParallelism(parallelism)
        .withSalt(salt)
        .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] out = new byte[length];
    generator.generateBytes(new String(password).getBytes(StandardCharsets.UTF_8), out);
    return out;
  }
}
