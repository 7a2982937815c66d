package dev.parley.app;

import dev.parley.notify.Vapid;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Secrets the launcher makes itself: 256 random bits, base64url, kept in the data folder when they must last. */
final class Secrets {

  private static final Logger LOG = LoggerFactory.getLogger(Secrets.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {
  }

  static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The secret kept in this file, made on first use; only the file's owner can read it. */
  static String kept(Path file) throws IOException {
    return kept(file, Secrets::random);
  }

  /** The VAPID key pair kept in this file ({@code {"publicKey","privateKey"}}, base64url), made on first use. */
  static JsonObject keptVapidKeys(Path file) throws IOException {
    return new JsonObject(kept(file, () -> {
      try {
        return Vapid.generateKeys().encode();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("P-256 keys are part of every JVM", e);
      }
    }));
  }

  private static String kept(Path file, Supplier<String> make) throws IOException {
    if (Files.exists(file)) {
      return Files.readString(file, StandardCharsets.UTF_8).trim();
    }
    String secret = make.get();
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, secret, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    LOG.info("Generated a secret in {}", file.toAbsolutePath());
    return secret;
  }
}
