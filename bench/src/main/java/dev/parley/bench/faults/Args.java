package dev.parley.bench.faults;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code faults} and {@code abuse} commands' option lines: {@code --name value} pairs, each read once with its
 * default; a missing value, a bad number or an option nobody read is a usage error (exit 2) said with the option's
 * name.
 */
final class Args {

  private final Map<String, String> unread = new LinkedHashMap<>();

  private Args(String[] args) {
    for (int i = 0; i < args.length; i += 2) {
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(args[i] + " needs a value");
      }
      unread.put(args[i], args[i + 1]);
    }
  }

  /** A command line read, or the exit status to return without running (0 after --help, 2 after a usage error). */
  record Read<T>(T options, int exitStatus) {
  }

  /** Reads {@code args} with {@code reader}; prints the usage for --help and, with the error, for a bad line. */
  static <T> Read<T> read(String command, String usage, String[] args, PrintStream out, Function<Args, T> reader) {
    if (List.of(args).contains("--help")) {
      out.print(usage);
      return new Read<>(null, 0);
    }
    try {
      Args given = new Args(args);
      T options = reader.apply(given);
      if (!given.unread.isEmpty()) {
        throw new IllegalArgumentException("Unknown option " + given.unread.keySet().iterator().next());
      }
      return new Read<>(options, 0);
    } catch (IllegalArgumentException e) {
      System.err.println("parley-bench " + command + ": " + e.getMessage());
      System.err.print(usage);
      return new Read<>(null, 2);
    }
  }

  String text(String option, String otherwise) {
    String value = unread.remove(option);
    return value == null ? otherwise : value;
  }

  int positive(String option, int otherwise) {
    String value = unread.remove(option);
    if (value == null) {
      return otherwise;
    }
    try {
      int number = Integer.parseInt(value);
      if (number > 0) {
        return number;
      }
    } catch (NumberFormatException notANumber) {
      // said below, with the option's name
    }
    throw new IllegalArgumentException(option + " needs a positive whole number, not " + value);
  }

  /** Where the nodes come from: the jar and, both or neither, an outside PostgreSQL and Redis. */
  record Nodes(Path jar, String databaseUrl, String redisUrl) {
  }

  /** {@code --jar}, {@code --db-url} and {@code --redis-url}. */
  Nodes nodes() {
    Path jar = Path.of(text("--jar", "app/target/parley.jar"));
    String database = text("--db-url", null);
    String redis = text("--redis-url", null);
    if ((database == null) != (redis == null)) {
      throw new IllegalArgumentException("--db-url and --redis-url go together (or neither: embedded ones)");
    }
    return new Nodes(jar, database, redis);
  }
}
