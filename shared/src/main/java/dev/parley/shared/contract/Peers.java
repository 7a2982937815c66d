package dev.parley.shared.contract;

import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What one requester knows of the instances that answer on one address: which answered lately, and which it suspects
 * of hanging. Used by {@link Requester} on its event loop.
 *
 * <p>Why: the event bus sends a request to the address's instances round robin, and keeps sending to a member that
 * hangs (its process stopped, its machine gone from the network: nothing resets its connections) until Hazelcast
 * declares it dead, about 5 s later (ClusterSetup). Retrying on the shared address reaches it again with each
 * attempt's 1-in-N chance, and every command first sent there waits out an attempt. So an answer names its instance
 * ({@link Contract#ANSWERED_BY_HEADER}), and when an attempt goes unanswered the instances that answered nothing since
 * it was sent, while others did, are suspected: until one of them answers again, attempts go round robin to the
 * instances' own addresses among those not suspected, and each suspect is pinged there every
 * {@link #PROBE_MILLIS}. A node that hangs stops receiving this requester's commands after its first unanswered
 * attempt (0.4 s), long before Hazelcast's verdict.
 *
 * <p>When nobody else answered before the attempt timed out (a quiet requester), the next answer decides: the
 * instances silent since that attempt was sent are suspected then.
 *
 * <p>A false suspicion (an instance that merely had nothing to answer while another answered) costs a ping: it
 * answers, and it is sent commands again. When every known instance is silent the requester cannot tell a hung one
 * from an overloaded cluster, suspects nobody, and keeps to the shared address. A suspect that has left the cluster
 * (nobody registered on its address) is forgotten.
 */
final class Peers {

  /** How often a suspected instance is pinged: a node back from a pause is sent commands again within this. */
  static final long PROBE_MILLIS = 500;
  /** An instance not heard from in this long is not sent commands on its own address (it may have left). */
  static final long KNOWN_MILLIS = 30_000;

  private final EventBus bus;
  private final String address;
  private final DeliveryOptions ping;
  /** The instances that have answered, by their own address. */
  private final Map<String, Peer> known = new LinkedHashMap<>();
  private int suspects;
  private int next;
  /**
   * When the oldest attempt still unexplained was sent: it went unanswered while nobody else answered either, so the
   * next answer tells who was silent (0: none).
   */
  private long silentSince;

  private static final class Peer {
    private long answeredAt;
    private boolean suspected;
    private long probeAt;
  }

  Peers(EventBus bus, String address) {
    this.bus = bus;
    this.address = address;
    this.ping = new DeliveryOptions().addHeader(Contract.ACTION_HEADER, Contract.PING_ACTION)
        .setSendTimeout(PROBE_MILLIS);
  }

  /**
   * Where the next attempt goes: the shared address while nobody is suspected (the event bus balances, and new
   * instances are found), else the own address of an instance that answers, round robin. Pings the suspects due.
   */
  String target() {
    if (suspects == 0) {
      return address;
    }
    long now = System.nanoTime();
    List<String> alive = new ArrayList<>(known.size());
    for (Map.Entry<String, Peer> entry : List.copyOf(known.entrySet())) {
      Peer peer = entry.getValue();
      if (peer.suspected) {
        if (now - peer.probeAt >= 0) {
          peer.probeAt = now + TimeUnit.MILLISECONDS.toNanos(PROBE_MILLIS);
          probe(entry.getKey());
        }
      } else if (now - peer.answeredAt < TimeUnit.MILLISECONDS.toNanos(KNOWN_MILLIS)) {
        alive.add(entry.getKey());
      }
    }
    return alive.isEmpty() ? address : alive.get(Math.floorMod(next++, alive.size()));
  }

  /** An answer came (from the instance its header names, if any). */
  void answered(Message<?> reply) {
    String instance = reply.headers().get(Contract.ANSWERED_BY_HEADER);
    if (instance == null) {
      return;
    }
    Peer peer = known.computeIfAbsent(instance, key -> new Peer());
    peer.answeredAt = System.nanoTime();
    if (peer.suspected) {
      peer.suspected = false;
      suspects--;
    }
    if (silentSince != 0) {
      suspectSilentSince(silentSince);
      silentSince = 0;
    }
  }

  /**
   * An attempt sent to {@code target} at {@code sentAt} ({@link System#nanoTime}) got no answer: suspect its
   * instance, or, when it went to the shared address, those that have answered nothing since while another has.
   */
  void unanswered(String target, long sentAt, Throwable failure) {
    if (!target.equals(address)) {
      if (failure instanceof ReplyException reply && reply.failureType() == ReplyFailure.NO_HANDLERS) {
        forget(target);
      } else {
        suspect(known.get(target));
      }
      return;
    }
    if (known.values().stream().anyMatch(peer -> peer.answeredAt - sentAt > 0)) {
      suspectSilentSince(sentAt);
    } else if (silentSince == 0 || sentAt - silentSince < 0) {
      silentSince = sentAt;
    }
  }

  /** How many instances are suspected now (for tests). */
  int suspects() {
    return suspects;
  }

  private void suspectSilentSince(long since) {
    known.values().stream().filter(peer -> !peer.suspected && peer.answeredAt - since <= 0).forEach(this::suspect);
  }

  private void suspect(Peer peer) {
    if (peer != null && !peer.suspected) {
      peer.suspected = true;
      peer.probeAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(PROBE_MILLIS);
      suspects++;
    }
  }

  private void forget(String instance) {
    Peer peer = known.remove(instance);
    if (peer != null && peer.suspected) {
      suspects--;
    }
  }

  private void probe(String instance) {
    bus.request(instance, new JsonObject(), ping).onComplete(this::answered, failure -> {
      if (failure instanceof ReplyException reply && reply.failureType() == ReplyFailure.NO_HANDLERS) {
        forget(instance);
      }
    });
  }
}
