package dev.parley.rooms.store;

import static dev.parley.rooms.store.TestDatabase.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.shared.rooms.ChannelNames;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Channel names are normalised in Java for new names and renames, and were normalised once in SQL by the V7 migration
 * for the names that existed before: both must write a name the same way, or an old channel and a new one could
 * still be told apart only by spacing.
 */
class ChannelNamesTest {

  /** The V7 migration's expression, as it is written there. */
  private static final String MIGRATION = """
      SELECT left(trim(BOTH '-' FROM regexp_replace(regexp_replace(lower(btrim($1)), '^#+', ''),
                                                     '[ \\t\\r\\n\\f\\v-]+', '-', 'g')), 80) AS name""";

  @Test
  void javaAndTheMigrationWriteANameTheSameWay() {
    List<String> names = List.of("general", "General", " Book  Club ", "#random", "##ops-team", "a - b",
        "Über Café", "tabs\tand\nlines", "--dashes--", "x".repeat(100), "ÉQUIPE", "emoji 🎉 room");
    try (TestDatabase db = new TestDatabase()) {
      for (String name : names) {
        String migrated = await(db.pool.preparedQuery(MIGRATION).execute(Tuple.of(name))).iterator().next()
            .getString("name");
        assertEquals(migrated, ChannelNames.normalise(name), "'" + name + "'");
      }
    }
  }

  @Test
  void aNameIsLowerCaseWithoutSpacesOrALeadingHash() {
    assertEquals("book-club", ChannelNames.normalise("  Book   Club "));
    assertEquals("general", ChannelNames.normalise("#General"));
    assertEquals("a-b", ChannelNames.normalise("a - b"));
    assertEquals("", ChannelNames.normalise(" # "));
  }
}
