package dev.parley.rooms.store;

import static dev.parley.rooms.store.TestDatabase.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.sqlclient.Row;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The schema's migrations: applied once, in order; the repeatable script again only when its text changes. */
class MigrationsTest {

  @Test
  void aSecondRunChangesNothing() {
    try (TestDatabase db = new TestDatabase()) {
      List<String> before = state(db);
      await(Migrations.run(db.vertx, db.pool));
      assertEquals(before, state(db));
      assertEquals(Migrations.SCRIPTS.size(), await(db.pool.query("SELECT count(*) FROM schema_migrations")
          .execute()).iterator().next().getLong(0));
    }
  }

  @Test
  void aChangedRepeatableScriptIsAppliedAgain() {
    try (TestDatabase db = new TestDatabase()) {
      await(db.pool.query("UPDATE schema_repeatable SET checksum = 'an older text'").execute());
      await(db.pool.query("DROP FUNCTION append_room_event(uuid, text, jsonb)").execute());
      await(Migrations.run(db.vertx, db.pool));
      assertEquals(1L, await(db.pool.query("SELECT count(*) FROM pg_proc WHERE proname = 'append_room_event'")
          .execute()).iterator().next().getLong(0), "the function is back");
    }
  }

  private static List<String> state(TestDatabase db) {
    List<String> rows = new ArrayList<>();
    for (Row row : await(db.pool.query("""
        SELECT 'v' || version || ' ' || applied_at FROM schema_migrations
        UNION ALL SELECT name || ' ' || checksum || ' ' || applied_at FROM schema_repeatable
        ORDER BY 1""").execute())) {
      rows.add(row.getString(0));
    }
    return rows;
  }
}
