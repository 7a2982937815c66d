package dev.parley.app;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;

/**
 * MLS wire messages (RFC 9420) for tests of what the server accepts: framed as the standard says, a key package
 * signed as the standard says (Ed25519, SignWithLabel "KeyPackageTBS") by a key made here, the rest random bytes
 * where keys and ciphertext would be. The server checks framing and signatures, never contents (it cannot); the real
 * library's messages are exercised by MlsWireTest and the Node and browser tests.
 */
final class TestMls {

  private static final SecureRandom RANDOM = new SecureRandom();

  /** A device's signature key pair. */
  static KeyPair signer() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A key package (in its MLSMessage) of cipher suite 1 whose basic credential is {@code identity}. */
  static String keyPackage(String identity, KeyPair signer) {
    byte[] publicKey = signer.getPublic().getEncoded();
    byte[] rawKey = Arrays.copyOfRange(publicKey, publicKey.length - 32, publicKey.length);
    ByteArrayOutputStream tbs = new ByteArrayOutputStream();
    u16(tbs, 1); // mls10
    u16(tbs, 1); // cipher suite 1
    vector(tbs, random(32)); // init_key
    vector(tbs, random(32)); // leaf encryption_key
    vector(tbs, rawKey); // leaf signature_key
    u16(tbs, 1); // basic credential
    vector(tbs, identity.getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < 5; i++) {
      vector(tbs, new byte[0]); // capabilities
    }
    tbs.write(1); // leaf node source: key_package
    tbs.writeBytes(new byte[8]); // not_before
    tbs.writeBytes(new byte[] {0x7f, -1, -1, -1, -1, -1, -1, -1}); // not_after
    vector(tbs, new byte[0]); // leaf extensions
    vector(tbs, random(64)); // leaf signature
    vector(tbs, new byte[0]); // key package extensions
    byte[] signed = tbs.toByteArray();
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    u16(message, 1);
    u16(message, 5); // mls_key_package
    message.writeBytes(signed);
    vector(message, sign(signer, "KeyPackageTBS", signed));
    return base64(message.toByteArray());
  }

  /** A PrivateMessage of {@code group} at {@code epoch}: 1 application, 3 commit; {@code size} bytes of ciphertext. */
  static String privateMessage(String group, long epoch, int contentType, int size) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    u16(out, 1);
    u16(out, 2); // mls_private_message
    vector(out, group.getBytes(StandardCharsets.UTF_8));
    for (int shift = 56; shift >= 0; shift -= 8) {
      out.write((int) (epoch >> shift));
    }
    out.write(contentType);
    vector(out, new byte[0]);
    vector(out, random(28));
    vector(out, random(size));
    return base64(out.toByteArray());
  }

  /** A Welcome of cipher suite 1. */
  static String welcome() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    u16(out, 1);
    u16(out, 3); // mls_welcome
    u16(out, 1);
    vector(out, random(120));
    vector(out, random(400));
    return base64(out.toByteArray());
  }

  static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static byte[] sign(KeyPair signer, String label, byte[] content) {
    ByteArrayOutputStream signContent = new ByteArrayOutputStream();
    vector(signContent, ("MLS 1.0 " + label).getBytes(StandardCharsets.UTF_8));
    vector(signContent, content);
    try {
      Signature signature = Signature.getInstance("Ed25519");
      signature.initSign(signer.getPrivate());
      signature.update(signContent.toByteArray());
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void u16(ByteArrayOutputStream out, int value) {
    out.write(value >> 8);
    out.write(value);
  }

  private static void vector(ByteArrayOutputStream out, byte[] value) {
    int length = value.length;
    if (length < 0x40) {
      out.write(length);
    } else if (length < 0x4000) {
      out.write(0x40 | length >> 8);
      out.write(length);
    } else {
      out.write(0x80 | length >> 24);
      out.write(length >> 16);
      out.write(length >> 8);
      out.write(length);
    }
    out.writeBytes(value);
  }

  private static byte[] random(int size) {
    byte[] bytes = new byte[size];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  private TestMls() {
  }
}
