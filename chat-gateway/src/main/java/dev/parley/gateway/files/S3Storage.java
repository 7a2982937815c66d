package dev.parley.gateway.files;

import dev.parley.shared.ParleyConfig;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.http.crt.AwsCrtAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Files in an S3-compatible bucket, through the AWS SDK v2's asynchronous client on the AWS CRT HTTP client: the
 * SDK's default asynchronous HTTP client is built on Netty 4.1, which would sit beside Vert.x's Netty 4.2 on one class
 * path; the CRT client is native code with no Netty at all (see docs/files.md). Results come back on the verticle's
 * context, and downloads stream with back-pressure: one buffer asked of the SDK at a time, and only while the HTTP
 * response can take more.
 */
public final class S3Storage implements FileStorage {

  private final S3AsyncClient client;
  private final String bucket;
  private final Context context;

  public S3Storage(Vertx vertx, ParleyConfig.S3 settings) {
    S3AsyncClientBuilder builder = S3AsyncClient.builder()
        .httpClientBuilder(AwsCrtAsyncHttpClient.builder())
        .region(Region.of(settings.region()))
        .forcePathStyle(settings.pathStyle());
    if (settings.endpoint() != null) {
      builder.endpointOverride(URI.create(settings.endpoint()));
    }
    if (settings.accessKey() != null) {
      builder.credentialsProvider(StaticCredentialsProvider.create(
          AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())));
    }
    this.client = builder.build();
    this.bucket = settings.bucket();
    this.context = vertx.getOrCreateContext();
  }

  @Override
  public Future<Void> put(String key, Path file) {
    return onContext(client.putObject(request -> request.bucket(bucket).key(key), AsyncRequestBody.fromFile(file)))
        .mapEmpty();
  }

  @Override
  public Future<Long> size(String key) {
    return onContext(client.headObject(request -> request.bucket(bucket).key(key))).map(head -> head.contentLength());
  }

  @Override
  public Future<ReadStream<Buffer>> read(String key, long offset, long length) {
    String range = "bytes=" + offset + "-" + (offset + length - 1);
    return onContext(client.getObject(request -> request.bucket(bucket).key(key).range(range),
        AsyncResponseTransformer.toPublisher()))
        .map(publisher -> {
          PublishedStream stream = new PublishedStream(context);
          publisher.subscribe(stream);
          return stream;
        });
  }

  @Override
  public Future<Void> delete(String key) {
    return onContext(client.deleteObject(request -> request.bucket(bucket).key(key)))
        .recover(failure -> failure instanceof NoSuchKeyException ? Future.succeededFuture()
            : Future.failedFuture(failure))
        .mapEmpty();
  }

  @Override
  public Future<Void> close() {
    client.close();
    return Future.succeededFuture();
  }

  private <T> Future<T> onContext(CompletableFuture<T> result) {
    return Future.fromCompletionStage(result.exceptionallyCompose(failure -> CompletableFuture.failedFuture(
        failure instanceof java.util.concurrent.CompletionException wrapped && wrapped.getCause() != null
            ? wrapped.getCause() : failure)), context);
  }

  /**
   * The SDK's publisher of a body as a Vert.x read stream: every signal is handed to the verticle's context, and one
   * buffer is requested at a time while the stream is not paused (a pipe pauses it when the response is full).
   */
  private static final class PublishedStream implements ReadStream<Buffer>, Subscriber<ByteBuffer> {
    private final Context context;
    private Subscription subscription;
    private Handler<Buffer> handler;
    private Handler<Void> endHandler;
    private Handler<Throwable> exceptionHandler;
    private boolean paused = true;
    private boolean requested;

    PublishedStream(Context context) {
      this.context = context;
    }

    @Override
    public void onSubscribe(Subscription given) {
      context.runOnContext(ignored -> {
        subscription = given;
        askMore();
      });
    }

    @Override
    public void onNext(ByteBuffer bytes) {
      byte[] copy = new byte[bytes.remaining()];
      bytes.get(copy);
      context.runOnContext(ignored -> {
        requested = false;
        if (handler != null) {
          handler.handle(Buffer.buffer(copy));
        }
        askMore();
      });
    }

    @Override
    public void onError(Throwable failure) {
      context.runOnContext(ignored -> {
        if (exceptionHandler != null) {
          exceptionHandler.handle(failure);
        }
      });
    }

    @Override
    public void onComplete() {
      context.runOnContext(ignored -> {
        if (endHandler != null) {
          endHandler.handle(null);
        }
      });
    }

    private void askMore() {
      if (!paused && !requested && subscription != null) {
        requested = true;
        subscription.request(1);
      }
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
      this.exceptionHandler = handler;
      return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
      this.handler = handler;
      return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
      paused = true;
      return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
      paused = false;
      askMore();
      return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
      return amount > 0 ? resume() : this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
      this.endHandler = endHandler;
      return this;
    }
  }
}
