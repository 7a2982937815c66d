package dev.parley.gateway.files;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import java.nio.file.Path;

/**
 * Where the bytes of files live, by key (a file's id, or its id and a suffix): never by name. Two kinds: a local
 * folder ({@link LocalStorage}) and an S3-compatible bucket ({@link S3Storage}). Every call is non-blocking.
 */
public interface FileStorage {

  /** Stores a finished local file under the key; the local file may be moved away or left behind. */
  Future<Void> put(String key, Path file);

  /** The stored object's size in bytes; fails when there is none. */
  Future<Long> size(String key);

  /** {@code length} bytes of the object from {@code offset}, as a stream that starts paused until piped. */
  Future<ReadStream<Buffer>> read(String key, long offset, long length);

  /** Removes the object; removing one that is not there is no failure. */
  Future<Void> delete(String key);

  /** Releases what the storage holds (clients, connections). */
  default Future<Void> close() {
    return Future.succeededFuture();
  }
}
