package dev.parley.shared.e2ee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.shared.ErrorCode;
import dev.parley.shared.ParleyException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The server's reading of MLS framing, against real messages made by ts-mls 1.6.4 (the library the clients use):
 * a key package for device {@code 0f8f...} of user {@code 7c1d...}, the commit that adds it to the group of room
 * {@code 2ced...} with its welcome, and an application message of that group. Made with
 * {@code node scripts/e2ee-samples.mjs} (with the vendored build); each is what a client sends, so each must pass,
 * and each spoilt copy fail.
 */
class MlsWireTest {

  private static final String ROOM = "2ceda582-bdf6-4881-b4b9-4db3452d85a7";
  private static final JsonObject SAMPLES = samples();

  @Test
  void aRealKeyPackageNamesItsDeviceAndVerifiesItsOwnSignature() {
    MlsWire.KeyPackage parsed = MlsWire.keyPackage(sample("keyPackage"));
    assertEquals(MlsWire.identity("7c1d0f3e-6a7b-4c59-9e1a-0b2c3d4e5f60", "0f8fad5b-d9cb-469f-a165-70867728950e"),
        parsed.identity());
    assertEquals(32, parsed.signatureKey().length);
  }

  @Test
  void aKeyPackageWithOneByteChangedInItsSignedPartIsRefused() {
    byte[] bytes = sample("keyPackage");
    bytes[10] ^= 1; // inside init_key: still well framed, no longer what was signed
    assertInvalid(() -> MlsWire.keyPackage(bytes), "is not signed by its own key");
  }

  @Test
  void cutShortOrTrailingBytesOrAnotherKindOfMessageAreRefused() {
    byte[] bytes = sample("keyPackage");
    assertInvalid(() -> MlsWire.keyPackage(Arrays.copyOf(bytes, bytes.length - 5)), "cut short");
    assertInvalid(() -> MlsWire.keyPackage(Arrays.copyOf(bytes, bytes.length + 1)), "bytes after its end");
    assertInvalid(() -> MlsWire.keyPackage(sample("welcome")), "is not a key package");
    assertInvalid(() -> MlsWire.privateMessage(sample("keyPackage")), "is not an MLS private message");
    assertInvalid(() -> MlsWire.keyPackage(new byte[0]), "cut short");
  }

  @Test
  void anApplicationMessageNamesItsRoomsGroup() {
    MlsWire.Framed framed = MlsWire.privateMessage(sample("application"));
    assertEquals(ROOM, framed.groupId());
    assertTrue(framed.application());
    assertEquals(1, framed.epoch(), "sent after the commit that added Bob");
  }

  @Test
  void aCommitSaysWhichEpochItMovesFromAndAWelcomeIsWellFramed() {
    MlsWire.Framed framed = MlsWire.commit(sample("commit"));
    assertEquals(ROOM, framed.groupId());
    assertEquals(0, framed.epoch());
    assertTrue(framed.commit());
    MlsWire.welcome(sample("welcome"));
    assertInvalid(() -> MlsWire.commit(sample("application")), "is not a commit");
  }

  @Test
  void base64IsCheckedForItsAlphabetAndItsSize() {
    assertInvalid(() -> MlsWire.base64("not base64!", "ciphertext", 100), "must be base64");
    ParleyException tooLarge = assertThrows(ParleyException.class,
        () -> MlsWire.base64("A".repeat(200), "ciphertext", 100));
    assertEquals(ErrorCode.TOO_LARGE, tooLarge.code());
  }

  private static void assertInvalid(Executable parse, String says) {
    ParleyException refused = assertThrows(ParleyException.class, parse);
    assertEquals(ErrorCode.INVALID, refused.code());
    assertTrue(refused.getMessage().contains(says), refused.getMessage());
  }

  private static byte[] sample(String name) {
    return Base64.getDecoder().decode(SAMPLES.getString(name));
  }

  private static JsonObject samples() {
    try (InputStream in = MlsWireTest.class.getResourceAsStream("/e2ee/ts-mls-1.6.4-samples.json")) {
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
