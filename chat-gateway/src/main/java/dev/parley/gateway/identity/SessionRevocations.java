package dev.parley.gateway.identity;

import dev.parley.shared.accounts.AccountCommands.ListSessions;
import dev.parley.shared.accounts.SessionView;
import dev.parley.shared.contract.Publisher;
import dev.parley.shared.contract.Requester;
import dev.parley.shared.events.UserNotice.SessionRevoked;
import dev.parley.shared.events.UserNotice;
import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes an ended session stop working everywhere at once: its access tokens (valid for minutes more by signature)
 * are refused from a Redis mark that lives as long as they do, and its open WebSockets, on every node, are closed
 * through a notice on the person's address.
 *
 * <p>PostgreSQL is the truth (a session row's {@code revoked_at}); the Redis marks are a cache of it, and Redis may
 * lose them: a restart empty, an outage during which a sign-out could not be marked. So that a signed-out session
 * never gets back in, Redis also holds the moment from which its marks are complete ({@code intact-since}). A
 * missing moment means Redis lost its data: the first gateway to notice sets it to now. For one access-token
 * lifetime after that moment, tokens issued before it may belong to sessions whose mark was lost, so a session
 * without a mark is checked once in PostgreSQL ({@code LIST_SESSIONS}) and the answer is cached in Redis either way
 * (a mark, or a "checked" key) until the tokens' lifetime is over. After that lifetime, every token alive was issued
 * after the moment, and Redis alone answers: one round trip (MGET of three keys), as before.
 *
 * <p>While Redis does not answer at all, every check asks PostgreSQL; a sign-out that could not be marked makes this
 * gateway move the moment to now as soon as Redis answers again, so that the missing mark is made up for.
 */
public final class SessionRevocations {

  private static final Logger LOG = LoggerFactory.getLogger(SessionRevocations.class);
  private static final String KEY_PREFIX = "parley:revoked-session:";
  private static final String CHECKED_PREFIX = "parley:checked-session:";
  private static final String INTACT_SINCE = "parley:revocations-intact-since";

  private final RedisAPI redis;
  private final Requester services;
  private final Publisher publisher;
  private final int accessTokenSeconds;
  /** A sign-out could not be marked in Redis: the marks are incomplete until the moment is moved (event loop). */
  private boolean markLost;

  public SessionRevocations(RedisAPI redis, Requester services, Publisher publisher, int accessTokenSeconds) {
    this.redis = redis;
    this.services = services;
    this.publisher = publisher;
    this.accessTokenSeconds = accessTokenSeconds;
  }

  /**
   * Marks the sessions ended, then tells their connections: in that order, a socket opening in between is either
   * refused by the mark or already registered to hear the notice. The sessions are already ended in PostgreSQL.
   */
  public Future<Void> revoked(String user, List<String> sessions) {
    List<Future<?>> marks = new ArrayList<>();
    for (String session : sessions) {
      marks.add(mark(session, accessTokenSeconds));
    }
    return Future.all(marks).onComplete(marked -> {
      if (marked.failed()) {
        markLost = true;
        LOG.warn("Sign-out of user {} not marked in Redis ({}); checked in the database until Redis is back",
            user, marked.cause().getMessage());
      }
      for (String session : sessions) {
        publisher.notice(user, UserNotice.of(new SessionRevoked(session)));
      }
    }).mapEmpty();
  }

  /** Whether the identity's session was ended. */
  public Future<Boolean> isRevoked(Identity identity) {
    String session = identity.session();
    if (session == null) {
      return Future.succeededFuture(false);
    }
    return redis.mget(List.of(KEY_PREFIX + session, INTACT_SINCE, CHECKED_PREFIX + session))
        .compose(values -> fromCache(identity, values))
        .recover(down -> {
          LOG.warn("Could not check in Redis whether session {} was revoked ({}): asking the database", session,
              down.getMessage());
          return endedInDatabase(identity);
        });
  }

  private Future<Boolean> fromCache(Identity identity, Response values) {
    if (values.get(0) != null) {
      return Future.succeededFuture(true);
    }
    long now = System.currentTimeMillis();
    Future<Long> since;
    if (markLost) {
      markLost = false;
      since = redis.set(List.of(INTACT_SINCE, Long.toString(now))).map(now);
    } else if (values.get(1) == null) {
      // Redis lost its data (or this is a new deployment): the first gateway to notice says since when it is intact.
      // (Two steps: SET ... NX GET needs Redis 7.)
      since = redis.set(List.of(INTACT_SINCE, Long.toString(now), "NX"))
          .compose(set -> set != null ? Future.succeededFuture(now)
              : redis.get(INTACT_SINCE).map(other -> other == null ? now : other.toLong()));
    } else {
      since = Future.succeededFuture(values.get(1).toLong());
    }
    return since.compose(intactSince -> {
      long tokensOfBefore = intactSince + accessTokenSeconds * 1000L - now;
      if (tokensOfBefore <= 0 || values.get(2) != null) {
        return Future.succeededFuture(false);
      }
      // A token issued before Redis was intact may outlive its session's lost mark: the database says, once.
      int seconds = (int) Math.max(1, tokensOfBefore / 1000 + 1);
      return endedInDatabase(identity).compose(ended -> (ended ? mark(identity.session(), seconds)
          : redis.set(List.of(CHECKED_PREFIX + identity.session(), "1", "EX", Integer.toString(seconds))))
          .map(ended));
    });
  }

  /** Whether PostgreSQL no longer counts the session among the person's live ones (revoked or expired). */
  private Future<Boolean> endedInDatabase(Identity identity) {
    return services.ask(new ListSessions(identity.user()))
        .map(list -> list.sessions().stream().map(SessionView::id).noneMatch(identity.session()::equals));
  }

  private Future<Response> mark(String session, int seconds) {
    return redis.set(List.of(KEY_PREFIX + session, "1", "EX", Integer.toString(seconds)));
  }
}
