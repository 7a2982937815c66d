package dev.parley.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.shared.ParleyConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** File storage is configured from the environment too: byte counts past an int, keys that look like numbers. */
class FilesConfigTest {

  @Test
  void s3SettingsAndLargeByteCountsComeFromTheEnvironment() {
    ParleyConfig.Files files = ParleyConfig.fromJson(ConfigLoader.fromEnvironment(Map.of(
        "PARLEY_FILES_QUOTA_BYTES_PER_DAY", "5368709120",
        "PARLEY_FILES_MAX_BYTES", "2147483648",
        "PARLEY_FILES_S3_BUCKET", "chat-files",
        "PARLEY_FILES_S3_ENDPOINT", "http://minio:9000",
        "PARLEY_FILES_S3_ACCESS_KEY", "123456",
        "PARLEY_FILES_S3_SECRET_KEY", "0000",
        "PARLEY_FILES_S3_PATH_STYLE", "true"))).files();

    assertEquals(5_368_709_120L, files.quotaBytesPerDay());
    assertEquals(2_147_483_648L, files.maxBytes());
    assertEquals(new ParleyConfig.S3("chat-files", "http://minio:9000", "us-east-1", "123456", "0000", true),
        files.s3());
    assertTrue(files.s3().enabled());
  }

  @Test
  void withoutABucketFilesStayInTheDataFolder() {
    ParleyConfig.Files files = ParleyConfig.fromJson(ConfigLoader.fromEnvironment(Map.of())).files();
    assertEquals("files", files.dir());
    assertEquals(100L * 1024 * 1024, files.maxBytes());
    assertFalse(files.s3().enabled());
  }
}
