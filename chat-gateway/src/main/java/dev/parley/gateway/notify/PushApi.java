package dev.parley.gateway.notify;

import dev.parley.gateway.http.Requests;
import dev.parley.gateway.identity.Identity;
import dev.parley.shared.ErrorCode;
import dev.parley.shared.ParleyConfig;
import dev.parley.shared.ParleyException;
import dev.parley.shared.contract.Requester;
import dev.parley.shared.http.PushRequests;
import dev.parley.shared.http.PushRequests.PushKey;
import dev.parley.shared.http.PushRequests.SubscriptionView;
import dev.parley.shared.notify.PushCommands.Subscribe;
import dev.parley.shared.notify.PushCommands.Subscription;
import dev.parley.shared.notify.PushCommands.Unsubscribe;
import dev.parley.shared.notify.PushEndpoints;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Base64;
import java.util.List;

/**
 * Web Push subscriptions over HTTP, for signed-in callers: the VAPID key a browser subscribes with, and subscribing
 * and unsubscribing a device. An endpoint is a URL the server will POST to, so only endpoints of known push services
 * ({@code notify.pushServices}) are taken: anything else would let anyone make the server send requests anywhere.
 */
public final class PushApi {

  private final Requester services;
  private final List<String> pushServices;
  private final String publicKey;

  public PushApi(Requester services, ParleyConfig.Notify settings) {
    this.services = services;
    this.pushServices = settings.pushServices();
    this.publicKey = settings.vapidPublicKey();
  }

  public void mount(Router api) {
    api.get("/push/key").handler(this::key);
    api.post("/push/subscriptions").handler(this::subscribe);
    api.delete("/push/subscriptions").handler(this::unsubscribe);
  }

  private void key(RoutingContext ctx) {
    Requests.json(ctx, 200, new PushKey(configuredKey()));
  }

  /** The browser's {@code PushSubscription} as JSON: kept for this person, answered 201. */
  private void subscribe(RoutingContext ctx) {
    configuredKey();
    JsonObject body = Requests.body(ctx);
    String endpoint = endpoint(body);
    if (!(body.getValue(PushRequests.KEYS) instanceof JsonObject keys)) {
      throw Requests.invalid("'" + PushRequests.KEYS + "' is required: {\"p256dh\",\"auth\"}");
    }
    String p256dh = key(keys, PushRequests.P256DH, 65);
    if (Base64.getUrlDecoder().decode(p256dh)[0] != 4) {
      throw Requests.invalid("'" + PushRequests.P256DH + "' must be an uncompressed P-256 public key");
    }
    String auth = key(keys, PushRequests.AUTH, 16);
    services.ask(new Subscribe(Identity.of(ctx).user(), new Subscription(null, endpoint, p256dh, auth)))
        .onSuccess(kept -> Requests.json(ctx, 201, new SubscriptionView(kept.subscription().id(), endpoint)))
        .onFailure(ctx::fail);
  }

  /** {@code {"endpoint"}}: this device wants no more pushes. Answered 204 whether it was subscribed or not. */
  private void unsubscribe(RoutingContext ctx) {
    String endpoint = Requests.text(Requests.body(ctx), PushRequests.ENDPOINT, PushEndpoints.MAX_LENGTH);
    services.ask(new Unsubscribe(Identity.of(ctx).user(), endpoint))
        .onSuccess(done -> Requests.noContent(ctx))
        .onFailure(ctx::fail);
  }

  private String endpoint(JsonObject body) {
    String endpoint = Requests.text(body, PushRequests.ENDPOINT, PushEndpoints.MAX_LENGTH);
    if (!PushEndpoints.allowed(pushServices, endpoint)) {
      throw Requests.invalid("'" + PushRequests.ENDPOINT + "' is not the address of a known push service");
    }
    return endpoint;
  }

  /** A base64url key of exactly {@code bytes} bytes, as the browser gave it (padding and standard base64 too). */
  private static String key(JsonObject keys, String field, int bytes) {
    String text = Requests.text(keys, field, 200).replace('+', '-').replace('/', '_').replace("=", "");
    byte[] decoded;
    try {
      decoded = Base64.getUrlDecoder().decode(text);
    } catch (IllegalArgumentException notBase64) {
      throw Requests.invalid("'" + field + "' must be base64url");
    }
    if (decoded.length != bytes) {
      throw Requests.invalid("'" + field + "' must be " + bytes + " bytes");
    }
    return text;
  }

  private String configuredKey() {
    if (publicKey == null) {
      throw new ParleyException(ErrorCode.UNAVAILABLE, "Web Push is not set up on this server (no VAPID keys)");
    }
    return publicKey;
  }
}
