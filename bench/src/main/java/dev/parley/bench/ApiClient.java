package dev.parley.bench;

import dev.parley.shared.ErrorCode;
import dev.parley.shared.ParleyException;
import dev.parley.shared.http.ApiError;
import dev.parley.shared.http.AuthRequests;
import dev.parley.shared.http.PushRequests;
import dev.parley.shared.http.RoomRequests;
import dev.parley.shared.http.SignedIn;
import dev.parley.shared.rooms.RoomCommands.RoomList;
import dev.parley.shared.rooms.RoomCommands.RoomReply;
import dev.parley.shared.rooms.RoomKind;
import dev.parley.shared.rooms.RoomView;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The few calls of the HTTP API the load generator needs for its setup: accounts, rooms, joins. Public for the fault
 * and abuse commands ({@code dev.parley.bench.faults}), which set up the same way.
 */
public final class ApiClient {

  private static final Logger LOG = LoggerFactory.getLogger(ApiClient.class);
  private static final int MAX_ATTEMPTS = 8;
  private static final long MAX_BACKOFF_MS = 10_000;

  private final Vertx vertx;
  private final WebClient web;
  private final long timeoutMs;

  public ApiClient(Vertx vertx, int maxInFlight, int timeoutSeconds) {
    this.vertx = vertx;
    this.timeoutMs = timeoutSeconds * 1000L;
    WebClientOptions options = new WebClientOptions()
        .setUserAgent("parley-bench")
        .setKeepAlive(true)
        .setConnectTimeout((int) Math.min(timeoutMs, Integer.MAX_VALUE));
    PoolOptions pool = new PoolOptions().setHttp1MaxSize(Math.max(1, maxInFlight));
    this.web = WebClient.create(vertx, options, pool);
  }

  /** Registers the user, or logs in when the e-mail is taken (a rerun with the same prefix). */
  public Future<Account> registerOrLogin(URI base, int user, String email, String password, String name) {
    JsonObject body = new AuthRequests.Register(email, password, name).toJson();
    return retrying("register " + email, () -> call(HttpMethod.POST, base, "/api/v1/auth/register", null, body, 201))
        .map(json -> Account.fromJson(user, json))
        .recover(failure -> {
          if (failure instanceof ApiException api && api.status() == ErrorCode.CONFLICT.httpStatus()) {
            return login(base, user, email, password);
          }
          return Future.failedFuture(failure);
        });
  }

  Future<Account> login(URI base, int user, String email, String password) {
    JsonObject body = new AuthRequests.Login(email, password).toJson();
    return retrying("login " + email, () -> call(HttpMethod.POST, base, "/api/v1/auth/login", null, body, 200))
        .map(json -> Account.fromJson(user, json));
  }

  /** The id of the caller's room with that name, if the caller is already in one (a rerun). */
  Future<Optional<String>> findRoom(URI base, String token, String name) {
    return retrying("list rooms", () -> call(HttpMethod.GET, base, "/api/v1/rooms", token, null, 200))
        .map(json -> RoomList.fromJson(json).rooms().stream().filter(room -> name.equals(room.name()))
            .map(RoomView::id).findFirst());
  }

  public Future<String> createRoom(URI base, String token, String name) {
    JsonObject body = new RoomRequests.CreateRoom(name, RoomKind.CHANNEL, null).toJson();
    return retrying("create room " + name, () -> call(HttpMethod.POST, base, "/api/v1/rooms", token, body, 201))
        .map(json -> {
          try {
            return RoomReply.fromJson(json).room().id();
          } catch (ParleyException malformed) {
            throw new ApiException(201, "invalid", "no room.id in the answer to POST /api/v1/rooms");
          }
        });
  }

  /** Joins a public channel; being a member already (200 or 409) is fine. */
  public Future<Void> join(URI base, String token, String roomId) {
    String path = "/api/v1/rooms/" + roomId + "/join";
    return retrying("join " + roomId, () -> call(HttpMethod.POST, base, path, token, null, 200))
        .<Void>mapEmpty()
        .recover(failure -> failure instanceof ApiException api && api.status() == ErrorCode.CONFLICT.httpStatus()
            ? Future.succeededFuture()
            : Future.failedFuture(failure));
  }

  /** Keeps a push subscription ({@code PushSubscription.toJSON()}) for the caller's device. */
  Future<Void> subscribePush(URI base, String token, JsonObject subscription) {
    return retrying("push subscription", () -> call(HttpMethod.POST, base, "/api/v1/push/subscriptions", token,
        subscription, 201)).mapEmpty();
  }

  /** Asks to be notified of every message of the room (level "all"). */
  Future<Void> notifyOfEverything(URI base, String token, String roomId) {
    JsonObject body = new JsonObject().put(PushRequests.LEVEL, "all");
    return retrying("notification level of " + roomId, () -> call(HttpMethod.PUT, base,
        "/api/v1/rooms/" + roomId + "/notifications", token, body, 200)).mapEmpty();
  }

  public void close() {
    web.close();
  }

  private Future<JsonObject> call(HttpMethod method, URI base, String path, String token, JsonObject body,
                                  int expected) {
    HttpRequest<Buffer> request = web.requestAbs(method, base + path).timeout(timeoutMs);
    if (token != null) {
      request.bearerTokenAuthentication(token);
    }
    Future<HttpResponse<Buffer>> sent = body == null ? request.send() : request.sendJsonObject(body);
    return sent.map(response -> {
      int status = response.statusCode();
      if (status == expected || (expected == 200 && status == 204) || (expected == 201 && status == 200)) {
        return parse(response.body());
      }
      ApiError error = apiError(parse(response.body()), status);
      ApiException failure = new ApiException(status, error.code(),
          method + " " + path + " answered " + status + ": " + (error.message() == null ? "" : error.message()));
      failure.retryAfterSeconds = parseRetryAfter(response.getHeader("Retry-After"));
      throw failure;
    });
  }

  /**
   * Retries a call that was rate limited (429) or refused as unavailable (503), waiting as the server asks
   * (Retry-After) or with a capped exponential backoff; a bounded number of times.
   */
  private <T> Future<T> retrying(String what, Supplier<Future<T>> call) {
    return attempt(what, call, 1);
  }

  private <T> Future<T> attempt(String what, Supplier<Future<T>> call, int attempt) {
    return call.get().recover(failure -> {
      if (!(failure instanceof ApiException api) || !api.retryable() || attempt >= MAX_ATTEMPTS) {
        return Future.failedFuture(failure);
      }
      long backoff = api.retryAfterSeconds > 0
          ? Math.min(api.retryAfterSeconds * 1000L, 30_000)
          : Math.min(250L << (attempt - 1), MAX_BACKOFF_MS);
      if (attempt == 1 || attempt == MAX_ATTEMPTS - 1) {
        LOG.warn("{} got {} ({}), retrying in {} ms (attempt {} of {})", what, api.status(), api.code(), backoff,
            attempt + 1, MAX_ATTEMPTS);
      }
      return vertx.timer(backoff).compose(v -> attempt(what, call, attempt + 1));
    });
  }

  private static JsonObject parse(Buffer body) {
    if (body == null || body.length() == 0) {
      return new JsonObject();
    }
    try {
      return body.toJsonObject();
    } catch (DecodeException | ClassCastException e) {
      return new JsonObject();
    }
  }

  private static int parseRetryAfter(String header) {
    if (header == null) {
      return 0;
    }
    try {
      return Math.max(0, Integer.parseInt(header.trim()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The error an answer carries, or one named after its status when it carries none. */
  private static ApiError apiError(JsonObject body, int status) {
    try {
      return ApiError.fromJson(body);
    } catch (ParleyException none) {
      return new ApiError("http_" + status, "");
    }
  }

  /** A user signed in: the token its connections present on the upgrade. */
  public record Account(int user, String userId, String accessToken, long obtainedAtNanos, long expiresInSeconds) {

    static Account fromJson(int user, JsonObject json) {
      SignedIn signedIn;
      try {
        signedIn = SignedIn.fromJson(json);
      } catch (ParleyException malformed) {
        throw new ApiException(200, "invalid", "no session in the answer for user " + user + ": "
            + malformed.getMessage());
      }
      return new Account(user, signedIn.user().id(), signedIn.accessToken(), System.nanoTime(),
          signedIn.expiresIn());
    }

    /** True when less than half the token's lifetime is left (0 = lifetime unknown: never stale). */
    boolean staleAt(long nowNanos) {
      return expiresInSeconds > 0 && nowNanos - obtainedAtNanos > expiresInSeconds * 500_000_000L;
    }
  }

  /** A call answered with an unexpected status. */
  static final class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private int retryAfterSeconds;

    ApiException(int status, String code, String message) {
      super(message, null, false, false);
      this.status = status;
      this.code = code;
    }

    int status() {
      return status;
    }

    String code() {
      return code;
    }

    boolean retryable() {
      return status == ErrorCode.RATE_LIMITED.httpStatus() || status == ErrorCode.UNAVAILABLE.httpStatus();
    }
  }
}
