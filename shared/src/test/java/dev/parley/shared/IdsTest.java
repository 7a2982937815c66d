package dev.parley.shared;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdsTest {

  @Test
  void canonicalUuidsInEitherCaseAreIds() {
    String id = UUID.randomUUID().toString();
    assertTrue(Ids.isId(id));
    assertTrue(Ids.isId(id.toUpperCase()));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "general", "123e4567-e89b-12d3-a456-42661417400", "123e4567-e89b-12d3-a456-4266141740000",
      "123e4567e89b-12d3-a456-4266141740000", "123e4567-e89b-12d3-a456-42661417400g",
      "123e4567-e89b-12d3-a456-42661417400\uff10", "123e4567-e89b-12d3-a456-42661417400\u0660",
      "123e4567-e89b-12d3-a456-42661417400 ", "123e4567+e89b-12d3-a456-426614174000"})
  void anythingElseIsNot(String text) {
    assertFalse(Ids.isId(text), text);
  }
}
