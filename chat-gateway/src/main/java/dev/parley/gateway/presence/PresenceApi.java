package dev.parley.gateway.presence;

import dev.parley.gateway.http.Requests;
import dev.parley.gateway.identity.Identity;
import dev.parley.shared.Ids;
import dev.parley.shared.http.PresenceRequests;
import dev.parley.shared.http.PresenceRequests.PresenceList;
import dev.parley.shared.presence.Presence;
import dev.parley.shared.presence.PresenceCommands;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Presence over HTTP: look people up, and set oneself away or a status text. For signed-in callers. */
public final class PresenceApi {

  private final PresenceService presence;

  public PresenceApi(PresenceService presence) {
    this.presence = presence;
  }

  public void mount(Router api) {
    api.get("/presence").handler(this::lookUp);
    api.put("/presence").handler(this::set);
  }

  /** {@code ?users=a,b}: the presence of those of them who share a room with the caller; the others are left out. */
  private void lookUp(RoutingContext ctx) {
    String users = ctx.request().getParam(PresenceRequests.USERS);
    if (users == null || users.isBlank()) {
      throw Requests.invalid("'" + PresenceRequests.USERS + "' is required: user ids, comma separated");
    }
    Set<String> people = new LinkedHashSet<>();
    for (String id : users.split(",", -1)) {
      if (!Ids.isId(id.strip())) {
        throw Requests.invalid("'" + PresenceRequests.USERS + "' must be user ids, comma separated");
      }
      people.add(id.strip());
    }
    if (people.size() > PresenceCommands.MAX_PEOPLE) {
      throw Requests.invalid("At most " + PresenceCommands.MAX_PEOPLE + " people at once");
    }
    presence.readFor(Identity.of(ctx).user(), List.copyOf(people))
        .onSuccess(found -> Requests.json(ctx, 200, new PresenceList(found)))
        .onFailure(ctx::fail);
  }

  /** {@code {"away": true|false, "text"?}}: away by hand (or not), and a status text (empty or absent: none). */
  private void set(RoutingContext ctx) {
    JsonObject body = Requests.body(ctx);
    boolean away = Requests.flag(body, PresenceRequests.AWAY);
    String text = Requests.optionalMaybeEmpty(body, PresenceRequests.TEXT, Presence.MAX_TEXT_LENGTH);
    presence.set(Identity.of(ctx).user(), away, text)
        .onSuccess(now -> Requests.json(ctx, 200, now))
        .onFailure(ctx::fail);
  }
}
