package dev.parley.gateway.identity;

import dev.parley.shared.contract.Publisher;
import dev.parley.shared.events.UserNotice.SessionRevoked;
import dev.parley.shared.events.UserNotice;
import io.vertx.core.Future;
import io.vertx.redis.client.RedisAPI;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes an ended session stop working everywhere at once: its access tokens (valid for minutes more by signature)
 * are refused from a Redis mark that lives as long as they do, and its open WebSockets, on every node, are closed
 * through a notice on the person's address.
 */
public final class SessionRevocations {

  private static final Logger LOG = LoggerFactory.getLogger(SessionRevocations.class);
  private static final String KEY_PREFIX = "parley:revoked-session:";

  private final RedisAPI redis;
  private final Publisher publisher;
  private final int accessTokenSeconds;

  public SessionRevocations(RedisAPI redis, Publisher publisher, int accessTokenSeconds) {
    this.redis = redis;
    this.publisher = publisher;
    this.accessTokenSeconds = accessTokenSeconds;
  }

  /**
   * Marks the sessions ended, then tells their connections: in that order, a socket opening in between is either
   * refused by the mark or already registered to hear the notice.
   */
  public Future<Void> revoked(String user, List<String> sessions) {
    List<Future<?>> marks = new ArrayList<>();
    for (String session : sessions) {
      marks.add(redis.set(List.of(KEY_PREFIX + session, "1", "EX", Integer.toString(accessTokenSeconds))));
    }
    return Future.all(marks).onComplete(marked -> {
      for (String session : sessions) {
        publisher.notice(user, UserNotice.of(new SessionRevoked(session)));
      }
    }).mapEmpty();
  }

  /**
   * Whether a session was ended. When Redis does not answer, the token's signature and expiry stand alone: sign-out
   * then takes up to a token lifetime to bite, but nobody is locked out by a cache outage.
   */
  public Future<Boolean> isRevoked(String session) {
    if (session == null) {
      return Future.succeededFuture(false);
    }
    return redis.exists(List.of(KEY_PREFIX + session))
        .map(count -> count.toInteger() > 0)
        .recover(down -> {
          LOG.warn("Could not check whether session {} was revoked: {}", session, down.getMessage());
          return Future.succeededFuture(false);
        });
  }
}
