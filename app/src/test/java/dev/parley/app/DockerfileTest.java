package dev.parley.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.shared.ParleyConfig;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No container runtime runs on the build machine, so the image is checked by reading its Dockerfile: base images
 * pinned to exact releases, a build stage apart from a JRE-only runtime, a non-root user, JVM memory that follows
 * the container's limit, settings that Parley declares, and exposed ports that are the ones the configuration opens.
 */
class DockerfileTest {

  private static final Path DOCKERFILE = Path.of("../Dockerfile");
  /** A tag naming an exact release: at least major.minor.patch (or a JDK build like 17.0.13_11), never "latest". */
  private static final Pattern PINNED = Pattern.compile("[^:@\\s]+(:[^\\s@]*\\d+\\.\\d+\\.\\d+[^\\s@]*)?(@sha256:[0-9a-f]{64})?");

  @Test
  void theImageIsBuiltInOneStageAndRunsAJreOnlyAsANonRootUser() throws IOException {
    List<String[]> instructions = instructions();
    List<String> bases = arguments(instructions, "FROM");
    assertEquals(2, bases.size(), "a build stage and a runtime stage: " + bases);
    for (String base : bases) {
      String image = base.split("\\s+")[0];
      Matcher pinned = PINNED.matcher(image);
      assertTrue(pinned.matches() && (pinned.group(1) != null || pinned.group(2) != null),
          image + " is not pinned to an exact release or a digest");
      assertFalse(image.contains(":latest"), image);
    }
    assertTrue(bases.get(0).contains(" AS build"), "the first stage builds");
    assertTrue(bases.get(1).split("\\s+")[0].contains("-jre"), "the runtime is a JRE, not a JDK with build tools");
    assertTrue(arguments(instructions, "COPY").stream().anyMatch(copy -> copy.startsWith("--from=build ")),
        "the runtime takes only the built jar from the build stage");

    List<String> users = arguments(instructions, "USER");
    assertFalse(users.isEmpty(), "no USER: the process would run as root");
    String user = users.get(users.size() - 1).split(":")[0];
    assertTrue(user.matches("\\d+") && Integer.parseInt(user) > 0,
        "the last USER is a numeric id other than root's, so runAsNonRoot can check it: " + user);
    assertTrue(indexOf(instructions, "USER") > indexOf(instructions, "RUN", 1), "USER comes after the last RUN");

    List<String> entrypoint = arguments(instructions, "ENTRYPOINT");
    assertEquals(1, entrypoint.size());
    assertTrue(entrypoint.get(0).startsWith("[") && entrypoint.get(0).contains("parley.jar"),
        "exec form (signals reach the JVM, which drains) running parley.jar: " + entrypoint);
  }

  @Test
  void theJvmFollowsTheContainersMemoryAndEverySettingIsParleys() throws IOException {
    Map<String, String> environment = environment(instructions());
    String jvm = environment.get("JAVA_TOOL_OPTIONS");
    assertNotNull(jvm, "JVM flags for a container");
    assertTrue(jvm.contains("-XX:MaxRAMPercentage="), "the heap is a share of the container's memory limit");
    assertTrue(jvm.contains("-XX:+ExitOnOutOfMemoryError"), "a JVM out of memory exits and is restarted");

    Set<String> launcherVariables = Set.of("JAVA_TOOL_OPTIONS");
    Map<String, String> parley = new LinkedHashMap<>(environment);
    launcherVariables.forEach(parley::remove);
    assertEquals(List.of(), KubernetesManifestsTest.undeclaredSettings(parley),
        "PARLEY_* variables of the image that no setting declares");
    for (String name : parley.keySet()) {
      assertFalse(name.contains("SECRET") || name.contains("PASSWORD") || name.endsWith("PRIVATE_KEY"),
          "no secret is baked into the image: " + name);
    }
  }

  @Test
  void theExposedPortsAreTheOnesTheConfigurationOpens() throws IOException {
    List<String[]> instructions = instructions();
    ParleyConfig config = ParleyConfig.fromJson(new JsonObject(Files.readString(Path.of("../conf/parley.json")))
        .mergeIn(ConfigLoader.fromEnvironment(environment(instructions)), true));
    List<String> exposed = new ArrayList<>();
    arguments(instructions, "EXPOSE").forEach(line -> exposed.addAll(List.of(line.split("\\s+"))));

    assertTrue(exposed.contains(Integer.toString(config.http().port())), "http.port " + config.http().port());
    assertTrue(config.ops().enabled(), "the image opens the management port for probes and metrics");
    assertTrue(exposed.contains(Integer.toString(config.ops().port())), "ops.port " + config.ops().port());
    assertTrue(exposed.contains(Integer.toString(config.cluster().port())), "cluster.port");
    assertTrue(config.cluster().eventBusPort() > 0, "a fixed event-bus port, which a NetworkPolicy can name");
    assertTrue(exposed.contains(Integer.toString(config.cluster().eventBusPort())), "cluster.eventBusPort");
  }

  /** Each instruction as {keyword, arguments}, continuation lines joined, comments left out. */
  private static List<String[]> instructions() throws IOException {
    List<String[]> instructions = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : Files.readAllLines(DOCKERFILE, StandardCharsets.UTF_8)) {
      String trimmed = line.strip();
      if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.length() == 0)) {
        continue;
      }
      if (trimmed.endsWith("\\")) {
        current.append(trimmed, 0, trimmed.length() - 1).append(' ');
        continue;
      }
      current.append(trimmed);
      String instruction = current.toString().strip();
      current.setLength(0);
      if (!instruction.isEmpty()) {
        int space = instruction.indexOf(' ');
        instructions.add(new String[] {instruction.substring(0, space).toUpperCase(), instruction.substring(space + 1)
            .strip()});
      }
    }
    return instructions;
  }

  private static List<String> arguments(List<String[]> instructions, String keyword) {
    return instructions.stream().filter(instruction -> instruction[0].equals(keyword)).map(i -> i[1]).toList();
  }

  /** Where the {@code n}-th from last instruction of that keyword is (1: the last). */
  private static int indexOf(List<String[]> instructions, String keyword, int fromLast) {
    int seen = 0;
    for (int i = instructions.size() - 1; i >= 0; i--) {
      if (instructions.get(i)[0].equals(keyword) && ++seen == fromLast) {
        return i;
      }
    }
    return -1;
  }

  private static int indexOf(List<String[]> instructions, String keyword) {
    return indexOf(instructions, keyword, 1);
  }

  /** The ENV instructions' variables ({@code NAME=value} pairs, values maybe quoted). */
  private static Map<String, String> environment(List<String[]> instructions) {
    Map<String, String> environment = new LinkedHashMap<>();
    Matcher pair = Pattern.compile("([A-Z_][A-Z0-9_]*)=(\"[^\"]*\"|\\S+)").matcher("");
    for (String line : arguments(instructions, "ENV")) {
      pair.reset(line);
      while (pair.find()) {
        String value = pair.group(2);
        environment.put(pair.group(1), value.startsWith("\"") ? value.substring(1, value.length() - 1) : value);
      }
    }
    return environment;
  }
}
