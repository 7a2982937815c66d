package dev.parley.rooms.store;

import dev.parley.shared.rooms.SearchCommands.SearchMessages;
import dev.parley.shared.rooms.SearchCommands.SearchResults;
import dev.parley.shared.rooms.SearchCommands.Sort;
import dev.parley.shared.rooms.SearchQuery;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The search benchmark's two steps around its data (scripts/search-bench.sh runs all three): {@code migrate URL}
 * gives an empty database Parley's schema, by the code the server runs; {@code measure URL} times searches through
 * {@link SearchStore}, the server's own code and SQL, one after the other from one connection: a first page of 20,
 * newest first unless said, for a person who can read a quarter of the history (see scripts/search-bench-data.sql).
 * Gateway and event bus are left out: they add well under a millisecond.
 */
public final class SearchBench {

  private static final int WARM_UP = 10;
  private static final int RUNS = 200;
  private static final long WAIT_SECONDS = 600;

  /** What is searched for, and why. */
  private record Case(String what, String query, Sort sort) {
  }

  private static final List<Case> CASES = List.of(
      new Case("common word", "deploy", Sort.RECENT),
      new Case("common word, best first", "deploy", Sort.RELEVANCE),
      new Case("two common words", "deploy failed", Sort.RECENT),
      new Case("rare word", "quokka", Sort.RECENT),
      new Case("partial word (start)", "migra", Sort.RECENT),
      new Case("partial word (inside an identifier)", "PointerExc", Sort.RECENT),
      new Case("two Chinese characters", "数据", Sort.RECENT),
      new Case("common word in one room", "deploy in:#bench-1", Sort.RECENT),
      new Case("no match", "xylophonist", Sort.RECENT));

  private SearchBench() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 2 || !List.of("migrate", "measure").contains(args[0])) {
      System.err.println("usage: SearchBench migrate|measure postgresql://user@host:port/database");
      System.exit(2);
    }
    Vertx vertx = Vertx.vertx();
    Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(1))
        .connectingTo(PgConnectOptions.fromUri(args[1])).using(vertx).build();
    try {
      if (args[0].equals("migrate")) {
        await(Migrations.run(vertx, pool));
      } else {
        measure(pool);
      }
    } finally {
      pool.close();
      vertx.close();
    }
  }

  private static void measure(Pool pool) throws Exception {
    String searcher = await(pool.query("SELECT id FROM users WHERE handle = 'person2'").execute())
        .iterator().next().getUUID("id").toString();
    SearchStore store = new SearchStore(pool);
    System.out.printf("%-38s %8s %8s %8s %8s%n", "search (first page of 20)", "results", "p50 ms", "p99 ms", "max ms");
    for (Case test : CASES) {
      SearchMessages command = new SearchMessages(searcher, SearchQuery.parse(test.query()), test.sort(), null, 20);
      int results = 0;
      for (int i = 0; i < WARM_UP; i++) {
        results = await(store.search(command)).results().size();
      }
      long[] nanos = new long[RUNS];
      for (int i = 0; i < RUNS; i++) {
        long start = System.nanoTime();
        SearchResults page = await(store.search(command));
        nanos[i] = System.nanoTime() - start;
        results = page.results().size();
      }
      Arrays.sort(nanos);
      System.out.printf("%-38s %8d %8.1f %8.1f %8.1f%n", test.what() + ": " + test.query()
              + (test.sort() == Sort.RELEVANCE ? " (relevance)" : ""), results, millis(nanos[RUNS / 2]),
          millis(nanos[(int) Math.ceil(RUNS * 0.99) - 1]), millis(nanos[RUNS - 1]));
    }
  }

  private static double millis(long nanos) {
    return nanos / 1_000_000.0;
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
  }
}
