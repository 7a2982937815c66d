package dev.parley.shared.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.parley.shared.events.EventType;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A plugin author reads docs/contract.md, not the code: every route and every event type the code declares must be
 * named there (in backquotes, as the page writes code). Surefire runs in the module's folder, so the page is one up.
 */
class ContractDocumentationTest {

  private static final Path PAGE = Path.of("../docs/contract.md");

  @Test
  void everyRouteIsOnThePage() throws IOException {
    String page = Files.readString(PAGE, StandardCharsets.UTF_8);

    List<String> missing = Contract.ROUTES.stream()
        .filter(route -> !page.contains("`" + route.action() + "`") || !page.contains("`" + route.address() + "`"))
        .map(Route::toString)
        .toList();

    assertEquals(List.of(), missing, "routes of Contract.ROUTES that docs/contract.md does not name");
  }

  @Test
  void everyEventTypeIsOnThePage() throws IOException {
    String page = Files.readString(PAGE, StandardCharsets.UTF_8);
    List<String> types = eventTypes();
    assertFalse(types.isEmpty(), "EventType declares no types");

    List<String> missing = types.stream().filter(type -> !page.contains("`" + type + "`")).toList();

    assertEquals(List.of(), missing, "event types of EventType that docs/contract.md does not name");
  }

  /** The values of EventType's constants: a new constant is a new type to document, without touching this test. */
  private static List<String> eventTypes() {
    return Arrays.stream(EventType.class.getFields())
        .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
        .map(ContractDocumentationTest::value)
        .toList();
  }

  private static String value(Field constant) {
    try {
      return (String) constant.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(constant.getName(), e);
    }
  }
}
