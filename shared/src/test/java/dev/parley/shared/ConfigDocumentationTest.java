package dev.parley.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.shared.Settings.Setting;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The settings are declared once, in {@link Settings}; the README's table and the shipped defaults
 * ({@code conf/parley.json}) must say the same. Surefire runs in the module's folder, so the repository is one up.
 */
class ConfigDocumentationTest {

  private static final Path README = Path.of("../README.md");
  private static final Path DEFAULTS = Path.of("../conf/parley.json");

  @Test
  void theReadmeTableIsTheOneTheDeclarationsRender() throws IOException {
    String expected = Settings.table();

    assertEquals(expected, configurationTable(Files.readAllLines(README, StandardCharsets.UTF_8)),
        "README.md's configuration table is not the one Settings declares. Replace it with:\n\n" + expected);
  }

  @Test
  void everyKeyOfTheShippedDefaultsIsDeclaredWithTheSameDefault() throws IOException {
    JsonObject defaults = new JsonObject(Files.readString(DEFAULTS, StandardCharsets.UTF_8));
    Map<String, Setting<?>> declared =
        Settings.all().stream().collect(Collectors.toMap(Setting::path, Function.identity()));

    List<String> paths = paths(defaults, declared);
    assertFalse(paths.isEmpty(), "conf/parley.json holds no settings");
    for (String path : paths) {
      Setting<?> setting = declared.get(path);
      assertNotNull(setting, path + " is in conf/parley.json but no setting declares it: add it to Settings");
      assertEquals(setting.fallback(), setting.read(defaults),
          path + ": conf/parley.json and its declaration in Settings disagree about the default");
    }
    assertEquals(ParleyConfig.fromJson(new JsonObject()), ParleyConfig.fromJson(defaults),
        "with or without conf/parley.json, the configuration is the same");
  }

  @Test
  void aSettingWithoutADefaultSaysWhatHappensWhenItIsNotSet() {
    for (Setting<?> setting : Settings.all()) {
      String shown = setting.defaultText();
      assertTrue(shown != null && !shown.isBlank(), setting.path() + " shows no default and says nothing instead");
      assertFalse(setting.meaning().isBlank(), setting.path() + " says nothing about what it means");
    }
  }

  /** The first table after "## Configuration", line by line. */
  private static String configurationTable(List<String> readme) {
    int line = readme.indexOf("## Configuration");
    assertTrue(line >= 0, "README.md has no '## Configuration' section");
    while (line < readme.size() && !readme.get(line).startsWith("|")) {
      line++;
    }
    StringBuilder table = new StringBuilder();
    while (line < readme.size() && readme.get(line).startsWith("|")) {
      table.append(readme.get(line++)).append('\n');
    }
    return table.toString();
  }

  /** {@code section.key} for the keys of each section, {@code key} for a declared key outside the sections. */
  private static List<String> paths(JsonObject defaults, Map<String, Setting<?>> declared) {
    List<String> paths = new ArrayList<>();
    for (String key : defaults.fieldNames()) {
      if (defaults.getValue(key) instanceof JsonObject section && !declared.containsKey(key)) {
        section.fieldNames().forEach(inner -> paths.add(key + "." + inner));
      } else {
        paths.add(key);
      }
    }
    return paths;
  }
}
