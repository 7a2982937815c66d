package dev.parley.gateway.rooms;

import dev.parley.gateway.http.Requests;
import dev.parley.gateway.identity.Identity;
import dev.parley.gateway.limits.RateLimiter;
import dev.parley.shared.contract.Requester;
import dev.parley.shared.rooms.SearchCommands;
import dev.parley.shared.rooms.SearchCommands.SearchMessages;
import dev.parley.shared.rooms.SearchCommands.Sort;
import dev.parley.shared.rooms.SearchQuery;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Message search over HTTP: {@code GET /api/v1/search?q=..&sort=recent|relevance&limit=N&cursor=C}. The query's
 * syntax is read here ({@link SearchQuery}), so a mistake is a 400 before anything is asked of the database; every
 * page draws on the caller's search budget, since each is a query over their whole history.
 */
public final class SearchApi {

  /** A cursor this server made is far shorter; anything longer is refused unread. */
  private static final int MAX_CURSOR = 200;

  private final Requester services;
  private final RateLimiter searches;

  public SearchApi(Requester services, RateLimiter searches) {
    this.services = services;
    this.searches = searches;
  }

  public void mount(Router api) {
    api.get("/search").handler(this::search);
  }

  private void search(RoutingContext ctx) {
    SearchQuery query = SearchQuery.parse(ctx.request().getParam("q"));
    Sort sort = Sort.fromWire(ctx.request().getParam("sort"));
    int limit = Requests.pageLimit(ctx, SearchCommands.MAX_PAGE, SearchCommands.DEFAULT_PAGE);
    String cursor = ctx.request().getParam("cursor");
    if (cursor != null && (cursor.isEmpty() || cursor.length() > MAX_CURSOR)) {
      throw Requests.invalid("'cursor' is not one this search made");
    }
    String user = Identity.of(ctx).user();
    searches.require(user, "You are searching too fast: wait a moment")
        .compose(allowed -> services.ask(new SearchMessages(user, query, sort, cursor, limit)))
        .onSuccess(results -> Requests.json(ctx, 200, results))
        .onFailure(ctx::fail);
  }
}
