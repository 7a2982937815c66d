package dev.parley.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;

/**
 * One WebSocket connection of the bench and where it is in its setup. Confined to the event loop of the
 * {@link Shard} that owns it.
 */
final class BenchConnection {

  /** How far the setup got; a failure is reported with the stage it happened in. */
  enum Stage { HANDSHAKE, HELLO, SUBSCRIBE, READY }

  final int index;
  final int room;
  final int user;
  final String roomId;

  WebSocket ws;
  Stage stage = Stage.HANDSHAKE;
  /** Handshake done and not closed since. */
  boolean open;
  /** Subscribed to its room: it may send and is expected to receive. */
  boolean ready;
  /** The setup gave up on it (timeout): close it if its handshake completes late. */
  boolean abandoned;
  /**
   * Where it resumes from after a drop: the room's latest seq when it last subscribed, and with {@code --churn}
   * the seq of the last event it got since.
   */
  long since;
  /** Sends on this connection still waiting for their ack (or err): --churn never closes such a connection. */
  int unacked;
  /** Dropped on purpose (storm, presence, churn): its closing is not an error, and it resumes with {@code since}. */
  boolean dropped;

  /** Socket.IO acknowledgement ids, one sequence per connection. */
  private int ackIds;
  private String awaitedOp;
  private Promise<JsonObject> waiter;

  BenchConnection(int index, int room, int user, String roomId) {
    this.index = index;
    this.room = room;
    this.user = user;
    this.roomId = roomId;
  }

  int nextAckId() {
    return ackIds++;
  }

  /** The next frame with this op, within the timeout. */
  Future<JsonObject> expect(String op, long timeoutMs) {
    Promise<JsonObject> promise = Promise.promise();
    awaitedOp = op;
    waiter = promise;
    return promise.future().timeout(timeoutMs, TimeUnit.MILLISECONDS);
  }

  /** Hands a frame to the setup if it is waiting for this op; true if it was. */
  boolean resolve(String op, JsonObject frame) {
    if (waiter != null && op.equals(awaitedOp)) {
      Promise<JsonObject> promise = waiter;
      waiter = null;
      promise.tryComplete(frame);
      return true;
    }
    return false;
  }

  /** Fails the setup step in progress, if any; true if there was one. */
  boolean reject(Throwable cause) {
    if (waiter != null) {
      Promise<JsonObject> promise = waiter;
      waiter = null;
      return promise.tryFail(cause);
    }
    return false;
  }

  boolean awaiting() {
    return waiter != null;
  }
}
