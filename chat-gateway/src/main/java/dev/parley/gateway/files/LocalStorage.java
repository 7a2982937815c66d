package dev.parley.gateway.files;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.CopyOptions;
import io.vertx.core.file.FileSystem;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.streams.ReadStream;
import java.nio.file.Path;

/**
 * Files in a local folder, through Vert.x's non-blocking file system: each object a file named by its key (an id
 * made by the server: no name an uploader chose ever becomes a path), in a subfolder named after the key's first two
 * characters so that no folder grows too large.
 */
public final class LocalStorage implements FileStorage {

  private final FileSystem fs;
  private final Path root;

  public LocalStorage(Vertx vertx, Path root) {
    this.fs = vertx.fileSystem();
    this.root = root;
  }

  private Path path(String key) {
    if (!key.matches("[0-9a-f-]{36}(\\.[a-z]+)?")) {
      throw new IllegalArgumentException("Not a storage key: " + key);
    }
    return root.resolve(key.substring(0, 2)).resolve(key);
  }

  @Override
  public Future<Void> put(String key, Path file) {
    Path target = path(key);
    return fs.mkdirs(target.getParent().toString())
        .compose(made -> fs.move(file.toString(), target.toString(), new CopyOptions().setReplaceExisting(true)));
  }

  @Override
  public Future<Long> size(String key) {
    return fs.props(path(key).toString()).map(props -> props.size());
  }

  @Override
  public Future<ReadStream<Buffer>> read(String key, long offset, long length) {
    return fs.open(path(key).toString(), new OpenOptions().setRead(true).setWrite(false).setCreate(false))
        .map(file -> {
          file.pause();
          file.setReadPos(offset).setReadLength(length);
          file.endHandler(ended -> file.close());
          return file;
        });
  }

  @Override
  public Future<Void> delete(String key) {
    String path = path(key).toString();
    return fs.exists(path).compose(there -> there ? fs.delete(path) : Future.succeededFuture());
  }
}
