package dev.parley.app;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real PostgreSQL and Redis the tests run against, started once per test JVM from the embedded jars (no
 * Docker, no setup). Each test takes a fresh database; Redis keys are per user, and users are new in every test.
 */
final class TestServices {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedServices.Postgres postgres;
  private static EmbeddedServices.Redis redis;

  private TestServices() {
  }

  static synchronized EmbeddedServices.Postgres postgres() {
    if (postgres == null) {
      postgres = EmbeddedServices.startPostgres(null);
    }
    return postgres;
  }

  static synchronized String redisUrl() {
    if (redis == null) {
      redis = EmbeddedServices.startRedis();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          redis.close();
        } catch (Exception ignored) {
          // the JVM is going away; the process dies with it
        }
      }));
    }
    return redis.url();
  }

  /** A new, empty database and its URL. */
  static String freshDatabaseUrl() {
    String name = "parley_test_" + DATABASES.incrementAndGet();
    try (Connection connection = postgres().server().getPostgresDatabase().getConnection();
         Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create test database " + name, e);
    }
    return postgres().urlOf(name);
  }
}
