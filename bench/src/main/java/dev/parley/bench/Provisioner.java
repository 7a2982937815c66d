package dev.parley.bench;

import dev.parley.bench.ApiClient.Account;
import dev.parley.bench.Layout.Membership;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP part of the setup: users (registered, or logged in on a rerun), rooms (found by name on a rerun,
 * else created by their first connection's user) and memberships (joins). Each stage runs a bounded number
 * of calls at once and fails on the first call that fails (after the client's retries on 429/503).
 */
final class Provisioner {

  private static final Logger LOG = LoggerFactory.getLogger(Provisioner.class);

  private final ApiClient api;
  private final BenchOptions options;
  private final Layout layout;

  Provisioner(ApiClient api, BenchOptions options, Layout layout) {
    this.api = api;
    this.options = options;
    this.layout = layout;
  }

  /** Signs in the users this process needs; the list is indexed by user, null for users it does not need. */
  Future<List<Account>> accounts() {
    List<Integer> users = layout.myUsers();
    AtomicReferenceArray<Account> accounts = new AtomicReferenceArray<>(layout.users());
    Progress progress = new Progress("users signed in", users.size());
    return Bounded.run(users.size(), options.httpConcurrency(), true, i -> {
      int user = users.get(i);
      return api.registerOrLogin(layout.urlOfUser(user), user, layout.email(user), options.password(),
              layout.userName(user))
          .onSuccess(account -> {
            accounts.set(user, account);
            progress.step();
          });
    }).map(v -> toList(accounts));
  }

  /** Finds or creates the rooms this process needs; the list is indexed by room, null for the others. */
  Future<List<String>> rooms(List<Account> accounts) {
    List<Integer> rooms = layout.myRooms();
    AtomicReferenceArray<String> ids = new AtomicReferenceArray<>(layout.rooms());
    Progress progress = new Progress("rooms found or created", rooms.size());
    return Bounded.run(rooms.size(), options.httpConcurrency(), true, i -> {
      int room = rooms.get(i);
      int creator = layout.creatorOf(room);
      String token = accounts.get(creator).accessToken();
      String name = layout.roomName(room);
      return api.findRoom(layout.urlOfUser(creator), token, name)
          .otherwise(failure -> {
            LOG.debug("Could not list the rooms of user {} ({}); creating {}", creator, failure.getMessage(), name);
            return Optional.empty();
          })
          .compose(found -> found.isPresent()
              ? Future.succeededFuture(found.get())
              : api.createRoom(layout.urlOfUser(creator), token, name))
          .onSuccess(id -> {
            ids.set(room, id);
            progress.step();
          });
    }).map(v -> toList(ids));
  }

  Future<Void> joins(List<Account> accounts, List<String> roomIds) {
    List<Membership> joins = layout.joins();
    Progress progress = new Progress("joins", joins.size());
    return Bounded.run(joins.size(), options.httpConcurrency(), true, i -> {
      Membership m = joins.get(i);
      return api.join(layout.urlOfUser(m.user()), accounts.get(m.user()).accessToken(), roomIds.get(m.room()))
          .onSuccess(v -> progress.step());
    });
  }

  /**
   * The --push scenario: the first user of each room asks for every message of it and subscribes a "browser" of
   * {@code receiver} (whose push service is at {@code origin}).
   */
  Future<Void> pushListeners(List<Account> accounts, List<String> roomIds, PushReceiver receiver, String origin) {
    List<Integer> rooms = layout.myRooms();
    Progress progress = new Progress("push listeners", rooms.size());
    return Bounded.run(rooms.size(), options.httpConcurrency(), true, i -> {
      int room = rooms.get(i);
      int user = layout.creatorOf(room);
      String token = accounts.get(user).accessToken();
      return api.notifyOfEverything(layout.urlOfUser(user), token, roomIds.get(room))
          .compose(all -> api.subscribePush(layout.urlOfUser(user), token, receiver.subscription(origin, user)))
          .onSuccess(v -> progress.step());
    });
  }

  /** Logs in again the users whose access token has used up half its lifetime (a long setup). */
  Future<List<Account>> refreshStale(List<Account> accounts) {
    long now = System.nanoTime();
    List<Account> stale = accounts.stream().filter(a -> a != null && a.staleAt(now)).toList();
    if (stale.isEmpty()) {
      return Future.succeededFuture(accounts);
    }
    LOG.info("Logging in {} users again: their access tokens are half expired", stale.size());
    AtomicReferenceArray<Account> fresh = new AtomicReferenceArray<>(accounts.toArray(new Account[0]));
    return Bounded.run(stale.size(), options.httpConcurrency(), true, i -> {
      int user = stale.get(i).user();
      return api.login(layout.urlOfUser(user), user, layout.email(user), options.password())
          .onSuccess(account -> fresh.set(user, account));
    }).map(v -> toList(fresh));
  }

  /** A fixed-size list that may hold nulls (entries this process does not need). */
  private static <T> List<T> toList(AtomicReferenceArray<T> array) {
    List<T> list = new ArrayList<>(array.length());
    for (int i = 0; i < array.length(); i++) {
      list.add(array.get(i));
    }
    return Collections.unmodifiableList(list);
  }

  /** Logs every tenth of a stage, so a long setup (Argon2 is slow on purpose) visibly moves. */
  private static final class Progress {
    private final String what;
    private final int total;
    private final int every;
    private final AtomicInteger done = new AtomicInteger();
    private final long startNanos = System.nanoTime();

    Progress(String what, int total) {
      this.what = what;
      this.total = total;
      this.every = Math.max(1, total / 10);
    }

    void step() {
      int n = done.incrementAndGet();
      if (n % every == 0 || n == total) {
        LOG.info("{}/{} {} ({} s)", n, total, what, (System.nanoTime() - startNanos) / 1_000_000_000L);
      }
    }
  }
}
