package dev.parley.gateway.rooms;

import dev.parley.gateway.http.Requests;
import dev.parley.gateway.identity.Identity;
import dev.parley.gateway.identity.Tokens;
import dev.parley.gateway.limits.RateLimiter;
import dev.parley.shared.ParleyConfig;
import dev.parley.shared.contract.Requester;
import dev.parley.shared.plugins.BotCommands;
import dev.parley.shared.plugins.BotCommands.CreateBot;
import dev.parley.shared.plugins.WebhookCommands;
import dev.parley.shared.plugins.WebhookCommands.CreateWebhook;
import dev.parley.shared.plugins.WebhookCommands.Created;
import dev.parley.shared.plugins.WebhookCommands.FindIncoming;
import dev.parley.shared.plugins.WebhookCommands.Posted;
import dev.parley.shared.rooms.MessageCommands.PostMessage;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Bots and webhooks (issue 15). A workspace admin makes a bot with {@code POST /bots}: an account with an API token
 * (shown once, stored hashed) that it uses as a Bearer token, on the HTTP API and the WebSocket, like a person's
 * access token. Webhooks: A room admin makes one with {@code POST /rooms/{id}/webhooks}: an incoming hook's URL
 * ({@code /api/v1/hooks/{token}}, 256 random bits, stored hashed) and an outgoing hook's signing secret are shown
 * in that answer only. Anyone holding an incoming URL may post to its room as the hook's bot, at the bot's send rate;
 * the text is data like any message's (the clients render it as text or sanitized Markdown).
 */
public final class WebhooksApi {

  private static final int MAX_NAME = 80;
  private static final int MAX_TRIGGER = 32;
  private static final int MAX_URL = 2_000;

  private final Requester services;
  private final Tokens tokens;
  private final Supplier<String> publicUrl;
  private final ParleyConfig.Limits limits;
  private final RateLimiter sends;

  public WebhooksApi(Requester services, Tokens tokens, Supplier<String> publicUrl, ParleyConfig.Limits limits,
                     RateLimiter sends) {
    this.services = services;
    this.tokens = tokens;
    this.publicUrl = publicUrl;
    this.limits = limits;
    this.sends = sends;
  }

  /** An incoming hook is called by other systems, which have its URL and nothing else. */
  public void mountPublic(Router api) {
    api.post("/hooks/:token").handler(this::incoming);
  }

  public void mountPrivate(Router api) {
    api.post("/rooms/:room/webhooks").handler(this::create);
    api.post("/bots").handler(this::createBot);
  }

  private void createBot(RoutingContext ctx) {
    String name = Requests.text(Requests.body(ctx), "name", MAX_NAME);
    String token = BotCommands.TOKEN_PREFIX + tokens.randomToken();
    services.ask(new CreateBot(Identity.of(ctx).user(), name, Tokens.hash(token)))
        .onSuccess(bot -> Requests.json(ctx, 201, new BotCommands.Made(bot, token)))
        .onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    JsonObject body = Requests.body(ctx);
    String kind = Requests.text(body, "kind", 16);
    String name = Requests.text(body, "name", MAX_NAME);
    String user = Identity.of(ctx).user();
    String room = ctx.pathParam("room");
    if (WebhookCommands.INCOMING.equals(kind)) {
      String token = tokens.randomToken();
      services.ask(new CreateWebhook(room, user, kind, name, Tokens.hash(token), null, null, null))
          .onSuccess(created -> Requests.json(ctx, 201,
              new Created(created.webhook(), publicUrl.get() + "/api/v1/hooks/" + token, null)))
          .onFailure(ctx::fail);
    } else if (WebhookCommands.OUTGOING.equals(kind)) {
      String url = callableUrl(Requests.text(body, "url", MAX_URL));
      String trigger = Requests.optionalText(body, "trigger", MAX_TRIGGER);
      if (trigger != null && (trigger.isBlank() || trigger.chars().anyMatch(Character::isWhitespace))) {
        throw Requests.invalid("'trigger' is one word");
      }
      String secret = tokens.randomToken();
      services.ask(new CreateWebhook(room, user, kind, name, null, url, secret, trigger))
          .onSuccess(created -> Requests.json(ctx, 201, new Created(created.webhook(), null, secret)))
          .onFailure(ctx::fail);
    } else {
      throw Requests.invalid("'kind' is incoming or outgoing");
    }
  }

  /** An absolute http(s) URL: the only kind Parley will POST to. */
  private static String callableUrl(String url) {
    try {
      URI parsed = URI.create(url);
      if (("http".equals(parsed.getScheme()) || "https".equals(parsed.getScheme())) && parsed.getHost() != null) {
        return url;
      }
    } catch (IllegalArgumentException malformed) {
      // Answered below, like any other URL Parley will not call.
    }
    throw Requests.invalid("'url' must be an absolute http or https URL");
  }

  private void incoming(RoutingContext ctx) {
    String text = Requests.messageText(Requests.body(ctx), "text", limits.maxTextLength(), "nothing to post");
    services.ask(new FindIncoming(Tokens.hash(ctx.pathParam("token"))))
        .compose(target -> sends.require(target.bot(), "This webhook is posting too fast; slow down")
            .compose(allowed -> services.ask(new PostMessage(target.room(), target.bot(), target.name(),
                UUID.randomUUID().toString(), text))))
        .onSuccess(ack -> Requests.json(ctx, 200, new Posted(ack.id(), ack.seq())))
        .onFailure(ctx::fail);
  }
}
