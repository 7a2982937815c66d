package dev.parley.gateway.files;

import dev.parley.gateway.http.Requests;
import dev.parley.gateway.identity.Identity;
import dev.parley.gateway.limits.RateLimiter;
import dev.parley.shared.ErrorCode;
import dev.parley.shared.ParleyConfig;
import dev.parley.shared.ParleyException;
import dev.parley.shared.contract.Requester;
import dev.parley.shared.files.FileCommands;
import dev.parley.shared.files.FileCommands.BeginUpload;
import dev.parley.shared.files.FileCommands.FileReply;
import dev.parley.shared.files.FileCommands.OpenFile;
import dev.parley.shared.files.FileCommands.RecordFile;
import dev.parley.shared.files.FileCommands.SweepFiles;
import dev.parley.shared.files.FileView;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerFileUpload;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.streams.ReadStream;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files sent in messages: uploads ({@code POST /api/v1/rooms/{room}/files}, multipart), downloads and thumbnails
 * ({@code GET /api/v1/files/{id}} and {@code .../thumbnail}), and the sweep of uploads never sent.
 *
 * <p>An upload is streamed to a temporary file as it arrives (never held in memory), counted as it comes and cut
 * off at the limit: the answer is 413 and the connection is closed, so the rest is never read. Its type comes from its
 * first bytes ({@link FileTypes}); a picture's size is checked from its header, its thumbnail made and its metadata
 * stripped on a worker pool ({@link Images}). Only then are the bytes put in storage, under a new id, and the file
 * recorded, unattached, for its uploader to send.
 *
 * <p>A download is proxied through the gateway rather than redirected to a presigned URL, so the rule that nobody
 * but a reader of the room can tell a file exists holds for every request, and the headers that keep a file from
 * running in Parley's origin are ours: see docs/files.md.
 */
public final class FilesApi {

  private static final Logger LOG = LoggerFactory.getLogger(FilesApi.class);

  /** Room for a multipart body's boundaries and part headers around the file itself. */
  private static final long ENVELOPE_BYTES = 16 * 1024;
  private static final int WORKERS = 2;
  /** How long a refused upload's connection stays open after the answer, for the client to read it. */
  private static final long LINGER_MILLIS = 1_000;

  /**
   * Uploads under way per gateway. Each streams to disk, but Netty's multipart decoder (under Vert.x's) keeps up to
   * 10 MiB of the body it has already decoded before it compacts its buffer: this bounds that memory to 160 MiB.
   */
  private static final int MAX_UPLOADS_IN_FLIGHT = 16;
  private static final int UPLOADS_PER_PERSON = 3;
  /** An upload that sends nothing for this long is cut off, so trickling clients cannot hold upload slots. */
  static final long IDLE_MILLIS = 30_000;
  private static final String THUMBNAIL = ".thumbnail";
  /**
   * Files are shown in no page of Parley's origin: sandboxed (no script, an opaque origin), loading nothing, even
   * when someone opens a download's URL directly.
   */
  static final String SANDBOX = "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'";
  /** Every request asks room-verticle whether the reader may still see the file: cached copies revalidate. */
  private static final String CACHING = "private, no-cache";
  private static final long SWEEP_EVERY_MILLIS = 60 * 60 * 1000L;
  private static final int SWEEP_BATCH = 1000;

  private final Vertx vertx;
  private final Requester services;
  private final FileStorage storage;
  private final Path temp;
  private final ParleyConfig.Files settings;
  private final RateLimiter uploads;
  private final WorkerExecutor workers;
  private final Function<String, Future<Identity>> bearerIdentity;
  private int inFlight;
  private final Map<String, Integer> uploading = new HashMap<>();

  /**
   * @param temp a local folder for uploads under way (on the same file system as a local storage's folder, so
   *     storing is a rename)
   * @param bearerIdentity the caller of an {@code Authorization} header's value (the upload route authenticates on
   *     its own, before the API router and its body handler)
   */
  public FilesApi(Vertx vertx, Requester services, FileStorage storage, Path temp, ParleyConfig.Files settings,
                  RateLimiter uploads, Function<String, Future<Identity>> bearerIdentity) {
    this.vertx = vertx;
    this.services = services;
    this.storage = storage;
    this.temp = temp;
    this.settings = settings;
    this.uploads = uploads;
    // Closed with the verticle that created it.
    this.workers = vertx.createSharedWorkerExecutor("parley-files", WORKERS);
    this.bearerIdentity = bearerIdentity;
  }

  /** The upload route, on the top router in front of the API router's small body limit. */
  public void mountUpload(Router router) {
    router.post("/api/v1/rooms/:room/files").handler(this::upload);
  }

  /** Downloads, on the API router (signed in). */
  public void mount(Router api) {
    api.get("/files/:file").handler(ctx -> download(ctx, false));
    api.get("/files/:file/thumbnail").handler(ctx -> download(ctx, true));
  }

  /** Sweeps now and then every hour: uploads never sent go, from the database and from storage. */
  public void startSweeping() {
    vertx.setPeriodic(60_000, SWEEP_EVERY_MILLIS, id -> sweep(settings.unsentHours() * 3_600_000L)
        .onFailure(failure -> LOG.warn("Sweeping unsent files failed: {}", failure.getMessage())));
  }

  /** Removes uploads never sent that are older than this; answers how many went. */
  public Future<Integer> sweep(long olderThanMillis) {
    return services.ask(new SweepFiles(olderThanMillis, SWEEP_BATCH)).compose(swept -> {
      List<Future<Void>> removed = swept.ids().stream()
          .map(id -> storage.delete(id).compose(done -> storage.delete(id + THUMBNAIL))).toList();
      if (!swept.ids().isEmpty()) {
        LOG.info("Removed {} uploads never sent", swept.ids().size());
      }
      return Future.join(removed).map(swept.ids().size());
    });
  }

  /** An upload under way: where its bytes go, what came so far. */
  private static final class Upload {
    final String id = UUID.randomUUID().toString();
    final Path original;
    final Path cleaned;
    final Path thumbnail;
    final byte[] head = new byte[FileTypes.HEAD_BYTES];
    int headLength;
    long size;
    String name;
    boolean started;
    AsyncFile file;

    Upload(Path temp) {
      this.original = temp.resolve(id + ".upload");
      this.cleaned = temp.resolve(id + ".clean");
      this.thumbnail = temp.resolve(id + ".thumb");
    }

    void keepHead(Buffer chunk) {
      int take = Math.min(head.length - headLength, chunk.length());
      if (take > 0) {
        chunk.getBytes(0, take, head, headLength);
        headLength += take;
      }
    }
  }

  /** What an upload turned out to be, and which local files hold its bytes and its thumbnail (null: none). */
  private record Described(FileView file, Path content, Path thumbnail) {
  }

  private void upload(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    long declared = Requests.declaredLength(request);
    if (declared > settings.maxBytes() + ENVELOPE_BYTES) {
      refuseUnread(ctx, tooLarge());
      return;
    }
    String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      refuseUnread(ctx, Requests.invalid("Send the file as multipart/form-data"));
      return;
    }
    if (inFlight >= MAX_UPLOADS_IN_FLIGHT) {
      refuseUnread(ctx, new ParleyException(ErrorCode.RATE_LIMITED, "Too many uploads right now: try again soon"));
      return;
    }
    request.pause();
    inFlight++;
    Upload upload = new Upload(temp);
    ctx.addEndHandler(ended -> {
      inFlight--;
      discard(upload);
    });
    String room = ctx.pathParam("room");
    bearerIdentity.apply(request.getHeader(HttpHeaders.AUTHORIZATION))
        .compose(identity -> holdSlot(ctx, identity))
        .compose(identity -> uploads.require(identity.user(), "You are uploading too fast; slow down")
            .compose(allowed -> services.ask(new BeginUpload(room, identity.user())))
            .compose(allowance -> {
              long left = settings.quotaBytesPerDay() - allowance.usedToday();
              if (left <= 0) {
                throw new ParleyException(ErrorCode.RATE_LIMITED, "You have uploaded your "
                    + mebibytes(settings.quotaBytesPerDay()) + " for today: try again tomorrow");
              }
              return receive(ctx, upload, Math.min(settings.maxBytes(), left))
                  .compose(received -> allowance.encrypted() ? Future.succeededFuture(opaque(upload))
                      : describe(upload));
            })
            .compose(described -> store(described)
                .compose(stored -> services.ask(new RecordFile(room, identity.user(), described.file())))
                .recover(failure -> forget(described.file()).transform(forgotten -> Future.failedFuture(failure)))))
        .onSuccess(reply -> Requests.json(ctx, 201, reply))
        .onFailure(failure -> {
          if (!request.isEnded()) {
            refuseUnread(ctx, failure);
          } else {
            ctx.fail(failure);
          }
        });
  }

  /** At most a few uploads per person at once, so one person cannot take every slot. */
  private Future<Identity> holdSlot(RoutingContext ctx, Identity identity) {
    int held = uploading.getOrDefault(identity.user(), 0);
    if (held >= UPLOADS_PER_PERSON) {
      return Future.failedFuture(new ParleyException(ErrorCode.RATE_LIMITED,
          "You are uploading " + UPLOADS_PER_PERSON + " files already: wait for one to finish"));
    }
    uploading.put(identity.user(), held + 1);
    ctx.addEndHandler(ended -> uploading.computeIfPresent(identity.user(), (user, n) -> n > 1 ? n - 1 : null));
    return Future.succeededFuture(identity);
  }

  /**
   * Streams the first file part of the multipart body to the upload's temporary file, keeping its first bytes for
   * sniffing; every part counts against the limit, and the first byte past it fails the upload as too large.
   */
  private Future<Upload> receive(RoutingContext ctx, Upload upload, long limit) {
    HttpServerRequest request = ctx.request();
    if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))
        && request.version() != HttpVersion.HTTP_1_0) {
      ctx.response().writeContinue();
    }
    Promise<Upload> done = Promise.promise();
    long[] idle = {vertx.setTimer(IDLE_MILLIS, fired -> stalled(request, done))};
    done.future().onComplete(finished -> vertx.cancelTimer(idle[0]));
    Function<Buffer, Boolean> counted = chunk -> {
      vertx.cancelTimer(idle[0]);
      idle[0] = vertx.setTimer(IDLE_MILLIS, fired -> stalled(request, done));
      upload.size += chunk.length();
      if (upload.size > limit) {
        request.pause();
        done.tryFail(limit < settings.maxBytes()
            ? new ParleyException(ErrorCode.TOO_LARGE, "This file would take you past your daily upload quota")
            : tooLarge());
        return false;
      }
      return !done.future().isComplete();
    };
    request.setExpectMultipart(true);
    request.uploadHandler(part -> {
      if (upload.started) {
        // Only the first file is kept; the others still count against the limit.
        part.handler(counted::apply);
        return;
      }
      upload.started = true;
      upload.name = part.filename();
      part.pause();
      vertx.fileSystem().open(upload.original.toString(), new OpenOptions().setWrite(true).setCreateNew(true))
          .onFailure(done::tryFail)
          .onSuccess(file -> {
            upload.file = file;
            stream(part, file, upload, counted, done);
          });
    });
    request.exceptionHandler(done::tryFail);
    request.endHandler(ended -> {
      if (!upload.started) {
        done.tryFail(Requests.invalid("The multipart body holds no file"));
      }
    });
    request.resume();
    return done.future();
  }

  private static void stream(HttpServerFileUpload part, AsyncFile file, Upload upload,
                             Function<Buffer, Boolean> counted, Promise<Upload> done) {
    part.handler(chunk -> {
      if (!counted.apply(chunk)) {
        return;
      }
      upload.keepHead(chunk);
      file.write(chunk);
      if (file.writeQueueFull()) {
        part.pause();
        file.drainHandler(drained -> part.resume());
      }
    });
    part.exceptionHandler(done::tryFail);
    part.endHandler(ended -> file.close().onComplete(closed -> {
      upload.file = null;
      if (closed.failed()) {
        done.tryFail(closed.cause());
      } else {
        done.tryComplete(upload);
      }
    }));
    part.resume();
  }

  /**
   * An upload to an end-to-end encrypted room: bytes the browser encrypted, kept as they came. Nothing is sniffed,
   * no thumbnail made, and whatever name the browser sent is not kept: the server records a neutral name and type,
   * so it serves the file only as an attachment download.
   */
  private static Described opaque(Upload upload) {
    return new Described(new FileView(upload.id, FileCommands.ENCRYPTED_NAME, upload.size,
        FileCommands.ENCRYPTED_TYPE, null, null, false), upload.original, null);
  }

  /** What the upload is: its type from its first bytes; for a picture, its size, thumbnail and a clean copy. */
  private Future<Described> describe(Upload upload) {
    String type = FileTypes.sniff(upload.head, upload.headLength);
    String name = FileNames.clean(upload.name);
    if (!FileTypes.PICTURES.contains(type)) {
      return Future.succeededFuture(new Described(new FileView(upload.id, name, upload.size, type, null, null, false),
          upload.original, null));
    }
    return workers.executeBlocking(() -> Images.process(upload.original, type, upload.cleaned, upload.thumbnail),
            false)
        .compose(facts -> vertx.fileSystem().props(upload.cleaned.toString()).map(props -> new Described(
            new FileView(upload.id, name, props.size(), type, facts.width(), facts.height(), facts.thumbnail()),
            upload.cleaned, facts.thumbnail() ? upload.thumbnail : null)));
  }

  private Future<Void> store(Described described) {
    String id = described.file().id();
    return storage.put(id, described.content())
        .compose(stored -> described.thumbnail() == null ? Future.succeededFuture()
            : storage.put(id + THUMBNAIL, described.thumbnail()));
  }

  /** Removes what was stored of an upload that could not be recorded. */
  private Future<Void> forget(FileView file) {
    return storage.delete(file.id()).compose(removed -> storage.delete(file.id() + THUMBNAIL))
        .onFailure(failure -> LOG.warn("Could not remove file {} from storage: {}", file.id(), failure.getMessage()));
  }

  /** The temporary files of an upload go when its request is answered, whatever became of it. */
  private void discard(Upload upload) {
    Future<Void> closed = upload.file == null ? Future.succeededFuture() : upload.file.close();
    closed.onComplete(done -> {
      for (Path path : List.of(upload.original, upload.cleaned, upload.thumbnail)) {
        vertx.fileSystem().exists(path.toString())
            .compose(there -> there ? vertx.fileSystem().delete(path.toString()) : Future.succeededFuture());
      }
    });
  }

  /**
   * Answers while the body is still coming and closes the connection a moment after the answer is out: nothing more
   * of the body is read (the alternative, reading the rest to keep the connection, would read what the limit
   * refuses). Not at once: a connection closed while the client's bytes still arrive is reset, and a reset can
   * destroy the answer before the client has read it; meanwhile the paused request lets TCP hold the sender back.
   */
  private void refuseUnread(RoutingContext ctx, Throwable failure) {
    ctx.request().pause();
    ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
    ctx.addEndHandler(ended -> vertx.setTimer(LINGER_MILLIS, lingered -> ctx.request().connection().close()));
    ctx.fail(failure);
  }

  private static void stalled(HttpServerRequest request, Promise<Upload> done) {
    if (done.tryFail(new ParleyException(ErrorCode.INVALID, "The upload stalled"))) {
      request.connection().close();
    }
  }

  private ParleyException tooLarge() {
    return new ParleyException(ErrorCode.TOO_LARGE, "A file is at most " + mebibytes(settings.maxBytes()));
  }

  private static String mebibytes(long bytes) {
    return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes + " bytes";
  }

  private void download(RoutingContext ctx, boolean thumbnail) {
    String id = ctx.pathParam("file");
    services.ask(new OpenFile(id, Identity.of(ctx).user()))
        .compose(reply -> {
          if (thumbnail && !reply.file().thumbnail()) {
            throw new ParleyException(ErrorCode.NOT_FOUND, "No such file");
          }
          String key = thumbnail ? id + THUMBNAIL : id;
          Future<Long> size = thumbnail ? storage.size(key) : Future.succeededFuture(reply.file().size());
          return size.compose(total -> serve(ctx, reply, key, total, thumbnail));
        })
        .onFailure(ctx::fail);
  }

  /**
   * Sends the file (or a range of it) with the headers that keep it from running in Parley's origin: its sniffed
   * type, {@code nosniff}, a sandboxing CSP, and {@code attachment} for anything but pictures and PDFs.
   */
  private Future<Void> serve(RoutingContext ctx, FileReply reply, String key, long total, boolean thumbnail) {
    FileView file = reply.file();
    HttpServerRequest request = ctx.request();
    HttpServerResponse response = ctx.response();
    String etag = "\"" + file.id() + (thumbnail ? "-t" : "") + "\"";
    String type = thumbnail ? FileTypes.JPEG : file.type();
    response.putHeader(HttpHeaders.ETAG, etag)
        .putHeader(HttpHeaders.CACHE_CONTROL, CACHING)
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Content-Security-Policy", SANDBOX)
        .putHeader("Cross-Origin-Resource-Policy", "same-origin")
        .putHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
    if (Requests.etagMatches(request.getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
      response.setStatusCode(304).end();
      return Future.succeededFuture();
    }
    ByteRange range;
    try {
      String ifRange = request.getHeader("If-Range");
      range = ifRange != null && !ifRange.equals(etag) ? null
          : ByteRange.parse(request.getHeader("Range"), total);
    } catch (ByteRange.Unsatisfiable unsatisfiable) {
      response.setStatusCode(416).putHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + total).end();
      return Future.succeededFuture();
    }
    long offset = range == null ? 0 : range.start();
    long length = range == null ? total : range.length();
    String name = thumbnail ? "thumbnail.jpg" : file.name();
    Future<ReadStream<Buffer>> content = length == 0 ? Future.succeededFuture() : storage.read(key, offset, length);
    // Headers only once the bytes are there: a storage failure still gets a clean JSON error.
    return content.compose(stream -> {
      response.putHeader(HttpHeaders.CONTENT_TYPE, type)
          .putHeader(HttpHeaders.CONTENT_DISPOSITION,
              FileNames.disposition(FileTypes.inline(type) ? "inline" : "attachment", name))
          .putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(length));
      if (range != null) {
        response.setStatusCode(206).putHeader(HttpHeaders.CONTENT_RANGE, range.contentRange(total));
      }
      return stream == null ? response.end() : stream.pipeTo(response);
    });
  }
}
