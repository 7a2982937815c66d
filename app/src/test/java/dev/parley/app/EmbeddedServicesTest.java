package dev.parley.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.sqlclient.Pool;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The servers a newcomer's Parley starts by itself ask for a password, so another user of the same machine can
 * neither read the database nor mint WebSocket tickets in Redis; Parley itself gets in with the one it made.
 */
class EmbeddedServicesTest {

  private Vertx vertx;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() {
    TestNodes.await(vertx.close());
  }

  @Test
  void redisRefusesAnyoneWithoutItsPassword() throws Exception {
    try (EmbeddedServices.Redis redis = EmbeddedServices.startRedis()) {
      URI url = URI.create(redis.url());
      String withoutPassword = "redis://127.0.0.1:" + url.getPort();
      Throwable refused = assertThrows(AssertionError.class, () -> TestNodes.await(
          RedisAPI.api(Redis.createClient(vertx, withoutPassword)).set(List.of("parley:ticket:forged", "{}"))));
      assertTrue(String.valueOf(refused.getCause()).contains("NOAUTH"), String.valueOf(refused.getCause()));
      assertEquals("PONG", TestNodes.await(RedisAPI.api(Redis.createClient(vertx, redis.url())).ping(List.of()))
          .toString());
    }
  }

  @Test
  void postgresAsksForThePasswordKeptBesideItsData(@TempDir Path data) throws Exception {
    Path folder = data.resolve("postgres");
    int port;
    try (EmbeddedServices.Postgres postgres = EmbeddedServices.startPostgres(folder)) {
      port = postgres.server().getPort();
      assertEquals(1, query(PgConnectOptions.fromUri(postgres.url())));
      assertThrows(AssertionError.class, () -> query(new PgConnectOptions().setHost("127.0.0.1").setPort(port)
          .setDatabase("postgres").setUser("postgres")), "no password, no way in");
    }
    Path password = data.resolve("postgres.password");
    assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
        Files.getPosixFilePermissions(password), "only its owner can read the password");
    try (EmbeddedServices.Postgres again = EmbeddedServices.startPostgres(folder)) {
      assertEquals(1, query(PgConnectOptions.fromUri(again.url())), "the kept password still opens it");
      assertEquals("on", setting(PgConnectOptions.fromUri(again.url()), "fsync"), "kept data is flushed to disk");
      assertEquals("on", setting(PgConnectOptions.fromUri(again.url()), "synchronous_commit"),
          "a commit (and so an ack) waits for the flush");
    }
  }

  private String setting(PgConnectOptions connect, String name) {
    Pool pool = PgBuilder.pool().connectingTo(connect).using(vertx).build();
    try {
      return TestNodes.await(pool.query("SELECT current_setting('" + name + "')").execute()).iterator().next()
          .getString(0);
    } finally {
      pool.close();
    }
  }

  private int query(PgConnectOptions connect) {
    Pool pool = PgBuilder.pool().connectingTo(connect).using(vertx).build();
    try {
      return TestNodes.await(pool.query("SELECT 1").execute()).iterator().next().getInteger(0);
    } finally {
      pool.close();
    }
  }
}
