package dev.parley.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the generator decides before any load: its arguments, and a server that is not there. Runs against a real
 * Parley are in the app module ({@code LoadGeneratorRunTest}), where a real server can be started.
 */
class LoadGeneratorTest {

  @Test
  void aServerThatIsNotThereFailsTheSetup() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = run(out, "--url", "http://127.0.0.1:1", "--connections", "2", "--rooms", "1", "--timeout", "2");

    assertEquals(LoadGenerator.EXIT_SETUP_FAILED, status);
    assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("setup_failed stage=http"), out.toString());
  }

  @Test
  void badArgumentsAreRefused() {
    ByteArrayOutputStream ignored = new ByteArrayOutputStream();
    assertEquals(LoadGenerator.EXIT_USAGE, run(ignored, "--connections", "0"));
    assertEquals(LoadGenerator.EXIT_USAGE, run(ignored, "--rate", "5", "--rates", "1,2"));
    assertEquals(LoadGenerator.EXIT_USAGE, run(ignored, "--url", "ftp://x"));
    assertEquals(LoadGenerator.EXIT_OK, run(ignored, "--help"));
  }

  private static int run(ByteArrayOutputStream bytes, String... args) {
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      return LoadGenerator.run(args, out);
    }
  }
}
