package dev.parley.gateway.e2ee;

import dev.parley.gateway.http.Requests;
import dev.parley.gateway.identity.Identity;
import dev.parley.shared.Bounds;
import dev.parley.shared.ErrorCode;
import dev.parley.shared.ParleyException;
import dev.parley.shared.contract.Requester;
import dev.parley.shared.e2ee.E2eeCommands;
import dev.parley.shared.e2ee.E2eeCommands.ClaimKeyPackages;
import dev.parley.shared.e2ee.E2eeCommands.ListDevices;
import dev.parley.shared.e2ee.E2eeCommands.ListWelcomes;
import dev.parley.shared.e2ee.E2eeCommands.PostCommit;
import dev.parley.shared.e2ee.E2eeCommands.PutBackup;
import dev.parley.shared.e2ee.E2eeCommands.ReadEvents;
import dev.parley.shared.e2ee.E2eeCommands.ReadBackup;
import dev.parley.shared.e2ee.E2eeCommands.RegisterDevice;
import dev.parley.shared.e2ee.E2eeCommands.RemoveDevice;
import dev.parley.shared.e2ee.E2eeCommands.UploadKeyPackages;
import dev.parley.shared.http.E2eeRequests;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.List;

/**
 * End-to-end encryption over HTTP (docs/e2ee.md): this browser's device, the directory of people's devices, key
 * packages, the MLS handshake relay and the key backup. All for signed-in callers; every MLS byte is checked by
 * room-verticle ({@code MlsWire}) before anything is stored, so this class only reads the request's shape.
 */
public final class E2eeApi {

  private static final int MAX_NAME = 100;
  private static final int MAX_DEVICES = E2eeCommands.MAX_DEVICES_PER_PERSON * Bounds.GROUP_MAX;

  private final Requester services;

  public E2eeApi(Requester services) {
    this.services = services;
  }

  public void mount(Router api) {
    api.post("/e2ee/devices").handler(this::registerDevice);
    api.get("/e2ee/devices").handler(this::listDevices);
    api.delete("/e2ee/devices/:device").handler(this::removeDevice);
    api.post("/e2ee/devices/:device/key-packages").handler(this::uploadKeyPackages);
    api.get("/e2ee/devices/:device/welcomes").handler(this::welcomes);
    api.post("/e2ee/key-packages/claim").handler(this::claim);
    api.post("/rooms/:room/e2ee/commits").handler(this::commit);
    api.get("/rooms/:room/events").handler(this::events);
    api.put("/e2ee/backup/:name").handler(this::putBackup);
    api.get("/e2ee/backup").handler(this::readBackup);
  }

  /** This browser (its session) becomes a device with keys; the same session asks again for the same device. */
  private void registerDevice(RoutingContext ctx) {
    Identity caller = Identity.of(ctx);
    String name = Requests.optionalText(Requests.optionalBody(ctx), E2eeRequests.NAME, MAX_NAME);
    services.ask(new RegisterDevice(caller.user(), caller.session(), name))
        .onSuccess(device -> Requests.json(ctx, 201, device))
        .onFailure(ctx::fail);
  }

  /** {@code ?users=a,b}: the devices of these people (at most a group's worth). */
  private void listDevices(RoutingContext ctx) {
    String users = ctx.request().getParam(E2eeRequests.USERS);
    if (users == null || users.isBlank()) {
      throw Requests.invalid("'" + E2eeRequests.USERS + "' must name people by id, separated by commas");
    }
    List<String> people = Arrays.stream(users.split(",")).map(String::strip).filter(id -> !id.isEmpty()).toList();
    if (people.size() > Bounds.GROUP_MAX) {
      throw Requests.invalid("At most " + Bounds.GROUP_MAX + " people at a time");
    }
    services.ask(new ListDevices(Identity.of(ctx).user(), people))
        .onSuccess(devices -> Requests.json(ctx, 200, devices))
        .onFailure(ctx::fail);
  }

  private void removeDevice(RoutingContext ctx) {
    services.ask(new RemoveDevice(Identity.of(ctx).user(), ctx.pathParam("device")))
        .onSuccess(done -> Requests.noContent(ctx))
        .onFailure(ctx::fail);
  }

  private void uploadKeyPackages(RoutingContext ctx) {
    List<String> keyPackages = Requests.texts(Requests.body(ctx), E2eeRequests.KEY_PACKAGES, "key packages (base64)",
        E2eeCommands.MAX_KEY_PACKAGES_PER_UPLOAD);
    services.ask(new UploadKeyPackages(Identity.of(ctx).user(), ctx.pathParam("device"), keyPackages))
        .onSuccess(count -> Requests.json(ctx, 201, count))
        .onFailure(ctx::fail);
  }

  private void welcomes(RoutingContext ctx) {
    services.ask(new ListWelcomes(Identity.of(ctx).user(), ctx.pathParam("device")))
        .onSuccess(welcomes -> Requests.json(ctx, 200, welcomes))
        .onFailure(ctx::fail);
  }

  private void claim(RoutingContext ctx) {
    List<String> devices = Requests.texts(Requests.body(ctx), E2eeRequests.DEVICES, "device ids", MAX_DEVICES);
    services.ask(new ClaimKeyPackages(Identity.of(ctx).user(), devices))
        .onSuccess(claimed -> Requests.json(ctx, 200, claimed))
        .onFailure(ctx::fail);
  }

  private void commit(RoutingContext ctx) {
    JsonObject body = Requests.body(ctx);
    String device = Requests.text(body, E2eeRequests.DEVICE, MAX_NAME);
    String commit = bytes(body, E2eeRequests.COMMIT);
    String welcome = body.getValue(E2eeRequests.WELCOME) == null ? null : bytes(body, E2eeRequests.WELCOME);
    List<String> welcomeTo = body.getValue(E2eeRequests.WELCOME_TO) == null ? List.of()
        : Requests.texts(body, E2eeRequests.WELCOME_TO, "device ids", MAX_DEVICES);
    services.ask(new PostCommit(ctx.pathParam("room"), Identity.of(ctx).user(), device, commit, welcome, welcomeTo))
        .onSuccess(stored -> Requests.json(ctx, 201, stored))
        .onFailure(ctx::fail);
  }

  /** {@code ?after=S}: the room's stored events after seq S, a page at a time, for a device catching up. */
  private void events(RoutingContext ctx) {
    Long after = Requests.seqParam(ctx, E2eeRequests.AFTER);
    services.ask(new ReadEvents(ctx.pathParam("room"), Identity.of(ctx).user(), after == null ? 0 : after))
        .onSuccess(page -> Requests.json(ctx, 200, page))
        .onFailure(ctx::fail);
  }

  private void putBackup(RoutingContext ctx) {
    String backup = bytes(Requests.body(ctx), E2eeRequests.BACKUP);
    services.ask(new PutBackup(Identity.of(ctx).user(), ctx.pathParam("name"), backup))
        .onSuccess(done -> Requests.noContent(ctx))
        .onFailure(ctx::fail);
  }

  private void readBackup(RoutingContext ctx) {
    services.ask(new ReadBackup(Identity.of(ctx).user(), ctx.request().getParam(E2eeRequests.AFTER)))
        .onSuccess(page -> Requests.json(ctx, 200, page))
        .onFailure(ctx::fail);
  }

  /** A base64 field: its alphabet and size are room-verticle's to check, with the MLS framing inside. */
  private static String bytes(JsonObject body, String field) {
    if (!(body.getValue(field) instanceof String value) || value.isEmpty()) {
      throw new ParleyException(ErrorCode.INVALID, "'" + field + "' is required (base64)");
    }
    return value;
  }
}
