package dev.parley.rooms.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

/**
 * The database connections of room-verticle, kept apart by what waits on them. With pipelining, the pool sends a
 * statement down a connection that has statements in flight rather than to an idle one: on one shared pool, under
 * load, one backend ran nearly everything, and a batch of messages queued behind whatever was ahead of it there, such
 * as a search-indexing pass (60 ms on average, 400 ms at worst), so the acks of every message behind it waited too
 * (docs/bench.md, sixth session). The message writes get a connection of their own (one batch is in flight at a time,
 * {@link MessageBatches}), the search indexer another, and the commands the pool of {@code db.poolSize}.
 *
 * @param commands the commands' reads and writes ({@code db.poolSize} connections, pipelined)
 * @param messageWrites the message batches ({@code post_messages}), one connection
 * @param background work behind the writes that nobody waits on (search entries), one connection
 */
public record DatabasePools(Pool commands, Pool messageWrites, Pool background) {

  public Future<Void> close() {
    return Future.join(commands.close(), messageWrites.close(), background.close()).mapEmpty();
  }
}
