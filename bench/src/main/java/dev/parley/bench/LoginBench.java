package dev.parley.bench;

import dev.parley.shared.http.AuthRequests;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * Password sign-in latency under concurrency: {@code java -cp parley-bench.jar dev.parley.bench.LoginBench
 * [--url U] [--logins N] [--concurrency C]}. Registers one account, then keeps C sign-ins of it in flight until N
 * are done, and prints one line: the time of a whole sign-in (Argon2 verification included) at p50/p99/max.
 * The server needs its sign-in limits raised (PARLEY_LIMITS_AUTH_PER_MINUTE, PARLEY_LIMITS_LOGIN_PER_MINUTE).
 */
public final class LoginBench {

  private LoginBench() {
  }

  public static void main(String[] args) throws Exception {
    String url = "http://127.0.0.1:8080";
    int logins = 400;
    int concurrency = 20;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--url" -> url = args[i + 1];
        case "--logins" -> logins = Integer.parseInt(args[i + 1]);
        case "--concurrency" -> concurrency = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("Unknown option " + args[i]);
      }
    }
    Vertx vertx = Vertx.vertx();
    try {
      System.out.println(run(vertx, url, logins, concurrency).toCompletionStage().toCompletableFuture()
          .get(30, TimeUnit.MINUTES));
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  static Future<String> run(Vertx vertx, String url, int logins, int concurrency) {
    WebClient web = WebClient.create(vertx, new WebClientOptions().setKeepAlive(true));
    String email = "login-bench-" + UUID.randomUUID() + "@example.com";
    String password = "login bench password";
    JsonObject account = new AuthRequests.Register(email, password, "Login Bench").toJson();
    JsonObject credentials = new AuthRequests.Login(email, password).toJson();
    Histogram latency = new Histogram(TimeUnit.MINUTES.toNanos(1), 3);
    AtomicInteger started = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    long[] wall = new long[1];
    return web.postAbs(url + "/api/v1/auth/register").sendJsonObject(account)
        .compose(registered -> {
          wall[0] = System.nanoTime();
          List<Future<Void>> workers = new ArrayList<>();
          for (int i = 0; i < concurrency; i++) {
            workers.add(loginLoop(web, url, credentials, logins, started, failed, latency));
          }
          return Future.all(workers);
        })
        .map(done -> {
          double seconds = (System.nanoTime() - wall[0]) / 1e9;
          return String.format(Locale.ROOT,
              "logins=%d concurrency=%d failed=%d logins/s=%.1f p50=%.1fms p99=%.1fms max=%.1fms",
              latency.getTotalCount(), concurrency, failed.get(), latency.getTotalCount() / seconds,
              latency.getValueAtPercentile(50) / 1e6, latency.getValueAtPercentile(99) / 1e6,
              latency.getMaxValue() / 1e6);
        });
  }

  /** One of the C concurrent sign-in loops: the next sign-in starts when the previous one is answered. */
  private static Future<Void> loginLoop(WebClient web, String url, JsonObject credentials, int logins,
                                        AtomicInteger started, AtomicInteger failed, Histogram latency) {
    if (started.getAndIncrement() >= logins) {
      return Future.succeededFuture();
    }
    long begin = System.nanoTime();
    return web.postAbs(url + "/api/v1/auth/login").sendJsonObject(credentials)
        .map(response -> {
          if (response.statusCode() == 200) {
            synchronized (latency) {
              latency.recordValue(System.nanoTime() - begin);
            }
          } else {
            failed.incrementAndGet();
          }
          return null;
        })
        .compose(done -> loginLoop(web, url, credentials, logins, started, failed, latency));
  }
}
