package dev.parley.shared.e2ee;

import dev.parley.shared.ErrorCode;
import dev.parley.shared.ParleyException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;

/**
 * Reads the outside of MLS messages (RFC 9420, section 6 and 10) that the server relays, so that it refuses what no
 * client could use before storing it: the server never decrypts anything, it only checks framing, the group a
 * message is for, its epoch, and who a key package says it belongs to.
 *
 * <p>Only the cipher suite the clients use is accepted ({@link #CIPHER_SUITE},
 * MLS_128_DHKEMX25519_AES128GCM_SHA256_Ed25519, the suite every MLS implementation must support), so a key package's
 * signature (Ed25519 over its KeyPackageTBS, "SignWithLabel") is verified here too: a key package that does not
 * sign itself is malformed, and its credential names the device that uploads it or it is refused.
 */
public final class MlsWire {

  /** MLS 1.0. */
  static final int VERSION_MLS10 = 1;
  /** MLS_128_DHKEMX25519_AES128GCM_SHA256_Ed25519: mandatory to implement (RFC 9420, section 17.1). */
  public static final int CIPHER_SUITE = 1;
  static final int WIRE_PUBLIC_MESSAGE = 1;
  static final int WIRE_PRIVATE_MESSAGE = 2;
  static final int WIRE_WELCOME = 3;
  static final int WIRE_KEY_PACKAGE = 5;
  static final int CONTENT_APPLICATION = 1;
  static final int CONTENT_COMMIT = 3;
  static final int CREDENTIAL_BASIC = 1;
  static final int LEAF_SOURCE_KEY_PACKAGE = 1;
  static final int ED25519_KEY_LENGTH = 32;

  private MlsWire() {
  }

  /** What the server learns from a key package: the identity of its credential and its signature key. */
  public record KeyPackage(String identity, byte[] signatureKey) {
  }

  /** What the server learns from a handshake or application message: its group and epoch, and what it carries. */
  public record Framed(String groupId, long epoch, int contentType) {
    public boolean application() {
      return contentType == CONTENT_APPLICATION;
    }

    public boolean commit() {
      return contentType == CONTENT_COMMIT;
    }
  }

  /** The identity a device's credentials carry: its person and its device id, so nobody uploads keys for another. */
  public static String identity(String user, String device) {
    return user + "/" + device;
  }

  /** Decodes standard base64 (with padding), refusing what is not, or what is longer than {@code max} bytes. */
  public static byte[] base64(String value, String field, int max) {
    if (value == null || value.isEmpty()) {
      throw invalid("'" + field + "' is required");
    }
    if (value.length() > (max + 2) / 3 * 4) {
      throw new ParleyException(ErrorCode.TOO_LARGE, "'" + field + "' is longer than " + max + " bytes");
    }
    try {
      return Base64.getDecoder().decode(value);
    } catch (IllegalArgumentException notBase64) {
      throw invalid("'" + field + "' must be base64");
    }
  }

  /** A KeyPackage in an MLSMessage of our cipher suite, signed by its own leaf's key, with a basic credential. */
  public static KeyPackage keyPackage(byte[] bytes) {
    Reader in = new Reader(bytes, "key package");
    in.expect(in.u16() == VERSION_MLS10, "is not MLS 1.0");
    in.expect(in.u16() == WIRE_KEY_PACKAGE, "is not a key package");
    int tbsStart = in.position;
    in.expect(in.u16() == VERSION_MLS10, "is not MLS 1.0");
    in.expect(in.u16() == CIPHER_SUITE, "uses another cipher suite than " + CIPHER_SUITE);
    in.vector(); // init_key
    // LeafNode
    in.vector(); // encryption_key
    byte[] signatureKey = in.vector();
    in.expect(signatureKey.length == ED25519_KEY_LENGTH, "has a signature key that is not Ed25519");
    in.expect(in.u16() == CREDENTIAL_BASIC, "has no basic credential");
    String identity = new String(in.vector(), StandardCharsets.UTF_8);
    for (int i = 0; i < 5; i++) {
      in.vector(); // capabilities: versions, cipher suites, extensions, proposals, credentials
    }
    in.expect(in.u8() == LEAF_SOURCE_KEY_PACKAGE, "has a leaf node that is not a key package's");
    in.u64(); // lifetime not_before
    in.u64(); // lifetime not_after
    in.vector(); // leaf extensions
    in.vector(); // leaf signature
    in.vector(); // key package extensions
    int tbsEnd = in.position;
    byte[] signature = in.vector();
    in.end();
    byte[] tbs = Arrays.copyOfRange(bytes, tbsStart, tbsEnd);
    in.expect(verify(signatureKey, "KeyPackageTBS", tbs, signature), "is not signed by its own key");
    return new KeyPackage(identity, signatureKey);
  }

  /** A PrivateMessage (an encrypted application message or handshake): its group, epoch and content type. */
  public static Framed privateMessage(byte[] bytes) {
    Reader in = new Reader(bytes, "ciphertext");
    in.expect(in.u16() == VERSION_MLS10, "is not MLS 1.0");
    in.expect(in.u16() == WIRE_PRIVATE_MESSAGE, "is not an MLS private message");
    return privateMessageBody(in);
  }

  /**
   * A message's (or an edit's) {@code ciphertext}, base64, must be an MLS application message of the room's own
   * group, at most {@link E2eeCommands#MAX_CIPHERTEXT_BYTES}: checked where a client hands it in and again where it is
   * stored.
   */
  public static void requireApplicationMessage(String room, String ciphertext) {
    Framed framed = privateMessage(base64(ciphertext, "ciphertext", E2eeCommands.MAX_CIPHERTEXT_BYTES));
    if (!framed.application() || !room.equals(framed.groupId())) {
      throw invalid("'ciphertext' must be an MLS application message of this room's group");
    }
  }

  /**
   * A Commit, as a PublicMessage or a PrivateMessage: its group and the epoch it moves from. The rest is the
   * members' to check (signatures, membership tag, the tree); the server only orders commits by epoch.
   */
  public static Framed commit(byte[] bytes) {
    Reader in = new Reader(bytes, "commit");
    in.expect(in.u16() == VERSION_MLS10, "is not MLS 1.0");
    int wire = in.u16();
    Framed framed;
    if (wire == WIRE_PRIVATE_MESSAGE) {
      framed = privateMessageBody(in);
    } else {
      in.expect(wire == WIRE_PUBLIC_MESSAGE, "is not an MLS message");
      String group = new String(in.vector(), StandardCharsets.UTF_8);
      long epoch = in.u64();
      int senderType = in.u8();
      if (senderType == 1 || senderType == 2) {
        in.u32(); // member leaf index, or external sender index
      }
      in.vector(); // authenticated_data
      framed = new Framed(group, epoch, in.u8());
    }
    in.expect(framed.commit(), "is not a commit");
    return framed;
  }

  /** A Welcome of our cipher suite: well framed, nothing after it. */
  public static void welcome(byte[] bytes) {
    Reader in = new Reader(bytes, "welcome");
    in.expect(in.u16() == VERSION_MLS10, "is not MLS 1.0");
    in.expect(in.u16() == WIRE_WELCOME, "is not an MLS welcome");
    in.expect(in.u16() == CIPHER_SUITE, "uses another cipher suite than " + CIPHER_SUITE);
    in.vector(); // secrets
    in.vector(); // encrypted_group_info
    in.end();
  }

  private static Framed privateMessageBody(Reader in) {
    String group = new String(in.vector(), StandardCharsets.UTF_8);
    long epoch = in.u64();
    int contentType = in.u8();
    in.expect(contentType >= CONTENT_APPLICATION && contentType <= CONTENT_COMMIT, "has an unknown content type");
    in.vector(); // authenticated_data
    in.vector(); // encrypted_sender_data
    in.vector(); // ciphertext
    in.end();
    return new Framed(group, epoch, contentType);
  }

  /** VerifyWithLabel (RFC 9420, 5.1.2) with Ed25519: the signed content is {"MLS 1.0 " + label, content}. */
  private static boolean verify(byte[] key, String label, byte[] content, byte[] signature) {
    byte[] fullLabel = ("MLS 1.0 " + label).getBytes(StandardCharsets.UTF_8);
    byte[] signed = concat(varint(fullLabel.length), fullLabel, varint(content.length), content);
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(ed25519(key));
      verifier.update(signed);
      return verifier.verify(signature);
    } catch (GeneralSecurityException | IllegalArgumentException bad) {
      return false;
    }
  }

  /** A raw Ed25519 public key (RFC 8032: little-endian y, the top bit of the last byte is x's parity). */
  private static PublicKey ed25519(byte[] raw) throws GeneralSecurityException {
    byte[] y = raw.clone();
    boolean xOdd = (y[y.length - 1] & 0x80) != 0;
    y[y.length - 1] &= 0x7f;
    for (int i = 0; i < y.length / 2; i++) {
      byte swap = y[i];
      y[i] = y[y.length - 1 - i];
      y[y.length - 1 - i] = swap;
    }
    return KeyFactory.getInstance("Ed25519")
        .generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, new EdECPoint(xOdd, new BigInteger(1, y))));
  }

  /** The variable-length integer MLS prefixes vectors with (RFC 9420, 2.1.2), in its shortest form. */
  static byte[] varint(int value) {
    if (value < 0x40) {
      return new byte[] {(byte) value};
    }
    if (value < 0x4000) {
      return new byte[] {(byte) (0x40 | value >> 8), (byte) value};
    }
    return new byte[] {(byte) (0x80 | value >> 24), (byte) (value >> 16), (byte) (value >> 8), (byte) value};
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }

  private static ParleyException invalid(String message) {
    return new ParleyException(ErrorCode.INVALID, message);
  }

  /** A cursor over TLS presentation language bytes that fails with a clear message on anything short or odd. */
  private static final class Reader {
    private final byte[] bytes;
    private final String what;
    private int position;

    Reader(byte[] bytes, String what) {
      this.bytes = bytes;
      this.what = what;
    }

    void expect(boolean condition, String complaint) {
      if (!condition) {
        throw invalid("The " + what + " " + complaint);
      }
    }

    private void need(int count) {
      expect(count >= 0 && bytes.length - position >= count, "is cut short or malformed");
    }

    int u8() {
      need(1);
      return bytes[position++] & 0xff;
    }

    int u16() {
      return u8() << 8 | u8();
    }

    long u32() {
      return (long) u16() << 16 | u16();
    }

    long u64() {
      return u32() << 32 | u32();
    }

    /** A vector: a variable-length length in its shortest form, then that many bytes. */
    byte[] vector() {
      int first = u8();
      int prefix = first >> 6;
      expect(prefix != 3, "has an invalid length");
      long length = first & 0x3f;
      int extra = prefix == 0 ? 0 : prefix == 1 ? 1 : 3;
      for (int i = 0; i < extra; i++) {
        length = length << 8 | u8();
      }
      long minimum = prefix == 0 ? 0 : prefix == 1 ? 0x40 : 0x4000;
      expect(length >= minimum, "has a length not in its shortest form");
      need((int) Math.min(length, Integer.MAX_VALUE));
      byte[] value = Arrays.copyOfRange(bytes, position, position + (int) length);
      position += (int) length;
      return value;
    }

    void end() {
      expect(position == bytes.length, "has bytes after its end");
    }
  }
}
