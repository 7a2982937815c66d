package dev.parley.gateway.profiles;

import dev.parley.gateway.http.Requests;
import dev.parley.gateway.identity.Identity;
import dev.parley.shared.Bounds;
import dev.parley.shared.ErrorCode;
import dev.parley.shared.ParleyException;
import dev.parley.shared.accounts.ProfileCommands.ClearAvatar;
import dev.parley.shared.accounts.ProfileCommands.GetAvatar;
import dev.parley.shared.accounts.ProfileCommands.GetProfile;
import dev.parley.shared.accounts.ProfileCommands.SetAvatar;
import dev.parley.shared.accounts.ProfileCommands.UpdateProfile;
import dev.parley.shared.contract.Requester;
import dev.parley.shared.rooms.Mentions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Base64;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Profiles: the public profile of a person, changing one's own name and @handle, and profile pictures (upload,
 * removal, and serving them, stored or generated).
 *
 * <p>Pictures are served without sign-in, since browsers load {@code <img>} without an Authorization header (they
 * are not secret within a server), at {@code /api/v1/users/{id}/avatar?size=64|256&v=<avatarVersion>}: with the
 * current version in {@code v} the answer may be cached for ever, as every change makes a new version.
 *
 * <p>An upload is the raw image bytes as the request body ({@code PUT /api/v1/me/avatar}; any Content-Type, it is
 * ignored): the format is recognised from the content. It has its own body limit, so its route sits in front of the
 * API router and its 64 KiB body handler; it checks the caller itself, before reading the body.
 */
public final class ProfileApi {

  private static final int MAX_PICTURE_BYTES = 5 * 1024 * 1024;
  private static final Pattern HANDLE =
      Pattern.compile("[a-z0-9_]{" + Bounds.HANDLE_MIN + "," + Bounds.HANDLE_MAX + "}");
  private static final int PICTURE_WORKERS = 2;
  /** Uploads under way at once per gateway instance (read, resized or stored): each holds its body in memory. */
  private static final int MAX_UPLOADS_IN_FLIGHT = 8;
  /**
   * An upload that sends nothing for this long, or is not done after the deadline, is cut off: otherwise a few
   * clients trickling a byte at a time could hold every upload slot (and their memory) for as long as they like.
   */
  static final long IDLE_MILLIS = 10_000;
  static final long DEADLINE_MILLIS = 60_000;
  private static final String FOR_EVER = "public, max-age=31536000, immutable";
  /** Tells caches and ETags apart when the generated picture's drawing changes. */
  private static final String GENERATED_STYLE = "g1";
  private static final String TOO_LARGE_MESSAGE = "The picture is larger than 5 MiB";

  private final Requester services;
  private final WorkerExecutor workers;
  private final Function<String, Future<Identity>> bearerIdentity;
  private int uploadsInFlight;
  /** Who is uploading right now: one picture at a time per person, so one person cannot take every slot. */
  private final Set<String> uploaders = new HashSet<>();
  private final Vertx vertx;

  /**
   * @param bearerIdentity the caller of an {@code Authorization} header's value, failing unauthorized (the upload
   *     route authenticates on its own, before the API router's handlers run)
   */
  public ProfileApi(Vertx vertx, Requester services, Function<String, Future<Identity>> bearerIdentity) {
    this.vertx = vertx;
    this.services = services;
    // Closed with the verticle that created it.
    this.workers = vertx.createSharedWorkerExecutor("parley-pictures", PICTURE_WORKERS);
    this.bearerIdentity = bearerIdentity;
  }

  /** The picture routes, on the top router in front of the API router: serving (no sign-in) and uploading. */
  public void mountPictures(Router router) {
    router.get("/api/v1/users/:user/avatar").handler(this::picture);
    router.put("/api/v1/me/avatar").handler(this::upload);
  }

  /** Routes for signed-in callers, on the API router. */
  public void mount(Router api) {
    api.get("/users/:user").handler(this::profile);
    api.patch("/me").handler(this::updateProfile);
    api.delete("/me/avatar").handler(this::clearPicture);
  }

  private void profile(RoutingContext ctx) {
    services.ask(new GetProfile(ctx.pathParam("user")))
        .onSuccess(profile -> Requests.json(ctx, 200, profile))
        .onFailure(ctx::fail);
  }

  private void updateProfile(RoutingContext ctx) {
    JsonObject body = Requests.body(ctx);
    String name = Requests.optionalText(body, "name", Bounds.PERSON_NAME);
    String handle = handle(body);
    if (name == null && handle == null) {
      throw Requests.invalid("Send a 'name', a 'handle' or both");
    }
    services.ask(new UpdateProfile(Identity.of(ctx).user(), name, handle))
        .onSuccess(user -> Requests.json(ctx, 200, user))
        .onFailure(ctx::fail);
  }

  /** A handle as typed ("@Ana_B" too): stored in lower case, 2 to 30 of a-z, 0-9 and _. */
  private static String handle(JsonObject body) {
    String typed = Requests.optionalText(body, "handle", Bounds.HANDLE_MAX + 1);
    if (typed == null) {
      return null;
    }
    String handle = typed.toLowerCase(Locale.ROOT);
    if (handle.startsWith("@")) {
      handle = handle.substring(1);
    }
    if (!HANDLE.matcher(handle).matches()) {
      throw Requests.invalid("'handle' must be " + Bounds.HANDLE_MIN + " to " + Bounds.HANDLE_MAX
          + " characters: letters a-z, digits and _");
    }
    if (Mentions.roomWide(handle)) {
      throw Requests.invalid("@" + handle + " calls everyone in a room: pick another handle");
    }
    return handle;
  }

  private void clearPicture(RoutingContext ctx) {
    services.ask(new ClearAvatar(Identity.of(ctx).user()))
        .onSuccess(user -> Requests.json(ctx, 200, user))
        .onFailure(ctx::fail);
  }

  /**
   * Refuses a declared oversize body and callers without a valid token before a byte of the body is read (the body
   * waits, paused, while the token is checked), then reads the raw body up to the limit. No BodyHandler: it would
   * parse a form or multipart Content-Type, and the Content-Type of an upload means nothing here.
   */
  private void upload(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    if (Requests.declaredLength(request) > MAX_PICTURE_BYTES) {
      throw new ParleyException(ErrorCode.TOO_LARGE, TOO_LARGE_MESSAGE);
    }
    if (uploadsInFlight >= MAX_UPLOADS_IN_FLIGHT) {
      throw new ParleyException(ErrorCode.RATE_LIMITED,
          "Too many pictures are being processed right now: try again in a moment");
    }
    request.pause();
    uploadsInFlight++;
    ctx.addEndHandler(ended -> uploadsInFlight--);
    bearerIdentity.apply(request.getHeader(HttpHeaders.AUTHORIZATION))
        .compose(identity -> {
          if (!uploaders.add(identity.user())) {
            return Future.failedFuture(new ParleyException(ErrorCode.RATE_LIMITED,
                "You are uploading a picture already: wait for it to finish"));
          }
          ctx.addEndHandler(ended -> uploaders.remove(identity.user()));
          return Future.succeededFuture(identity);
        })
        .compose(identity -> body(ctx).compose(bytes -> {
          Pictures.Format format = Pictures.sniff(bytes);
          if (format == null) {
            return Future.failedFuture(Requests.invalid(Pictures.UNSUPPORTED));
          }
          return workers.executeBlocking(() -> Pictures.resize(bytes, format), false)
              .compose(resized -> services.ask(new SetAvatar(identity.user(),
                  Base64.getEncoder().encodeToString(resized.large()),
                  Base64.getEncoder().encodeToString(resized.small()))));
        }))
        .onSuccess(stored -> Requests.json(ctx, 200, stored))
        .onFailure(failure -> {
          // Whatever of the body is still coming is read and dropped, so the connection can serve the next request.
          request.handler(null).resume();
          ctx.fail(failure);
        });
  }

  /**
   * The request body, failing as too large as soon as it grows past the limit (a body sent without a length), and
   * cutting the connection off when the body stalls or takes too long.
   */
  private Future<byte[]> body(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    if (request.isEnded()) {
      // Paused from the first handler on, so it ended without a body.
      return Future.succeededFuture(new byte[0]);
    }
    if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))
        && request.version() != HttpVersion.HTTP_1_0) {
      ctx.response().writeContinue();
    }
    Promise<byte[]> read = Promise.promise();
    Buffer body = Buffer.buffer();
    long[] idle = {vertx.setTimer(IDLE_MILLIS, fired -> stalled(request, read))};
    long deadline = vertx.setTimer(DEADLINE_MILLIS, fired -> stalled(request, read));
    read.future().onComplete(done -> {
      vertx.cancelTimer(idle[0]);
      vertx.cancelTimer(deadline);
    });
    request.handler(chunk -> {
      vertx.cancelTimer(idle[0]);
      idle[0] = vertx.setTimer(IDLE_MILLIS, fired -> stalled(request, read));
      if (body.length() + chunk.length() > MAX_PICTURE_BYTES) {
        read.tryFail(new ParleyException(ErrorCode.TOO_LARGE, TOO_LARGE_MESSAGE));
      } else if (!read.future().isComplete()) {
        body.appendBuffer(chunk);
      }
    });
    request.exceptionHandler(read::tryFail);
    request.endHandler(end -> read.tryComplete(body.getBytes()));
    request.resume();
    return read.future();
  }

  /** An upload that stopped sending: nobody is waiting for an answer, so the connection is simply closed. */
  private static void stalled(HttpServerRequest request, Promise<byte[]> read) {
    if (read.tryFail(new ParleyException(ErrorCode.INVALID, "The upload stalled"))) {
      request.connection().close();
    }
  }

  /**
   * One size of a person's picture: the stored PNG, or the generated SVG when they have none. Cached for ever when
   * {@code v} is the current version; otherwise revalidated by ETag.
   */
  private void picture(RoutingContext ctx) {
    int size = size(ctx.request().getParam("size"));
    String user = ctx.pathParam("user");
    services.ask(new GetAvatar(user, size))
        .onSuccess(picture -> {
          String version = String.valueOf(picture.avatarVersion());
          String bytes = picture.bytes();
          String etag = "\"" + version + "-" + size + (bytes == null ? "-" + GENERATED_STYLE : "") + "\"";
          HttpServerResponse response = ctx.response()
              .putHeader(HttpHeaders.ETAG, etag)
              .putHeader(HttpHeaders.CACHE_CONTROL, version.equals(ctx.request().getParam("v")) ? FOR_EVER : "no-cache")
              .putHeader("X-Content-Type-Options", "nosniff")
              // Opened on its own, a picture (an SVG especially) may run nothing and load nothing.
              .putHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
          if (Requests.etagMatches(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
            response.setStatusCode(304).end();
          } else if (bytes != null) {
            response.putHeader(HttpHeaders.CONTENT_TYPE, picture.contentType())
                .putHeader(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"avatar.png\"")
                .end(Buffer.buffer(Base64.getDecoder().decode(bytes)));
          } else {
            response.putHeader(HttpHeaders.CONTENT_TYPE, "image/svg+xml; charset=utf-8")
                .putHeader(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"avatar.svg\"")
                .end(Pictures.generated(user, picture.name(), size));
          }
        })
        .onFailure(ctx::fail);
  }

  private static int size(String size) {
    if (size == null) {
      return Pictures.LARGE;
    }
    if (size.equals(String.valueOf(Pictures.LARGE)) || size.equals(String.valueOf(Pictures.SMALL))) {
      return Integer.parseInt(size);
    }
    throw Requests.invalid("'size' must be " + Pictures.SMALL + " or " + Pictures.LARGE);
  }
}
