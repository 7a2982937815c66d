package dev.parley.shared.e2ee;

import dev.parley.shared.Addresses;
import dev.parley.shared.contract.Command;
import dev.parley.shared.contract.Done;
import dev.parley.shared.contract.Json;
import dev.parley.shared.contract.JsonBody;
import dev.parley.shared.contract.Route;
import dev.parley.shared.rooms.MessageCommands.ReplayResult;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * End-to-end encryption's directory and relay, kept by room-verticle (docs/e2ee.md): devices and their public MLS
 * material, one-time key packages, commits and welcomes, and each person's encrypted key backup. Every byte field
 * is standard base64 of MLS wire bytes (or, for a backup, of what the browser encrypted); the server reads only the
 * framing ({@link MlsWire}), never a secret.
 */
public final class E2eeCommands {

  /** The largest key package accepted, in bytes (one of ours is about 330). */
  public static final int MAX_KEY_PACKAGE_BYTES = 2048;
  /** Key packages uploaded at once. */
  public static final int MAX_KEY_PACKAGES_PER_UPLOAD = 50;
  /** Unclaimed key packages one device may hold: enough for many new conversations while it is away. */
  public static final int MAX_KEY_PACKAGES_PER_DEVICE = 200;
  /**
   * A commit or a welcome. A group DM holds at most 9 people: with 3 devices each, a welcome carrying the ratchet tree
   * is about 12 KiB; both, in base64, fit the gateway's 64 KiB request body.
   */
  public static final int MAX_HANDSHAKE_BYTES = 22 * 1024;
  /** An encrypted message: 4,000 characters of text at 4 bytes each, MLS framing and padding. */
  public static final int MAX_CIPHERTEXT_BYTES = 24 * 1024;
  /** One entry of a key backup (one MLS epoch's group state of one room, sealed). */
  public static final int MAX_BACKUP_BYTES = 40 * 1024;
  /** Entries of one person's key backup. */
  public static final int MAX_BACKUP_ENTRIES = 10_000;
  /** Entries in one page of a backup read. */
  public static final int BACKUP_PAGE = 100;
  /** The longest name of a backup entry. */
  public static final int MAX_BACKUP_NAME = 200;
  /** Events in one page of {@link ReadEvents}. */
  public static final int EVENTS_PAGE = 200;
  /** Devices one person may have in the directory at once. */
  public static final int MAX_DEVICES_PER_PERSON = 20;
  /** What a push, an email or a preview says of an encrypted message, whose text the server never has. */
  public static final String ENCRYPTED_PREVIEW = "New encrypted message";

  private E2eeCommands() {
  }

  /** A device in the directory: whose, its name, and its signature key (base64) once it uploaded a key package. */
  public record Device(String id, String user, String name, String signatureKey, long createdAt) implements JsonBody {
    @Override
    public JsonObject toJson() {
      JsonObject json = new JsonObject().put("id", id).put("user", user).put("name", name).put("createdAt", createdAt);
      return Json.putIfPresent(json, "signatureKey", signatureKey);
    }

    public static Device fromJson(JsonObject json) {
      return new Device(Json.text(json, "id"), Json.text(json, "user"), Json.optText(json, "name"),
          Json.optText(json, "signatureKey"), Json.whole(json, "createdAt"));
    }
  }

  /** Makes the browser of {@code session} a device of {@code user}; a session has at most one device. */
  public record RegisterDevice(String user, String session, String name) implements Command<Device> {
    public static final Route<RegisterDevice, Device> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "E2EE_REGISTER_DEVICE", RegisterDevice::fromJson, Device::fromJson);

    @Override
    public Route<RegisterDevice, Device> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("user", user).put("session", session).put("name", name);
    }

    public static RegisterDevice fromJson(JsonObject json) {
      return new RegisterDevice(Json.text(json, "user"), Json.text(json, "session"), Json.optText(json, "name"));
    }
  }

  /** The devices of these people (at most a group's worth), for {@code user}. */
  public record ListDevices(String user, List<String> people) implements Command<Devices> {
    public static final Route<ListDevices, Devices> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "E2EE_LIST_DEVICES", ListDevices::fromJson, Devices::fromJson);

    public ListDevices {
      people = List.copyOf(people);
    }

    @Override
    public Route<ListDevices, Devices> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("user", user).put("people", new JsonArray(people));
    }

    public static ListDevices fromJson(JsonObject json) {
      return new ListDevices(Json.text(json, "user"), Json.texts(json, "people"));
    }
  }

  public record Devices(List<Device> devices) implements JsonBody {
    public Devices {
      devices = List.copyOf(devices);
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("devices", Json.array(devices));
    }

    public static Devices fromJson(JsonObject json) {
      return new Devices(Json.objects(json, "devices", Device::fromJson));
    }
  }

  /** The person takes one of their devices out of the directory (a lost laptop). */
  public record RemoveDevice(String user, String device) implements Command<Done> {
    public static final Route<RemoveDevice, Done> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "E2EE_REMOVE_DEVICE", RemoveDevice::fromJson, Done::fromJson);

    @Override
    public Route<RemoveDevice, Done> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("user", user).put("device", device);
    }

    public static RemoveDevice fromJson(JsonObject json) {
      return new RemoveDevice(Json.text(json, "user"), Json.text(json, "device"));
    }
  }

  /**
   * One-time key packages of the caller's own device: all stored or none. Each must be a key package whose credential
   * names this device ({@link MlsWire#identity}), signed by the device's signature key (the same in all of them).
   */
  public record UploadKeyPackages(String user, String device, List<String> keyPackages)
      implements Command<KeyPackageCount> {
    public static final Route<UploadKeyPackages, KeyPackageCount> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "E2EE_UPLOAD_KEY_PACKAGES", UploadKeyPackages::fromJson,
            KeyPackageCount::fromJson);

    public UploadKeyPackages {
      keyPackages = List.copyOf(keyPackages);
    }

    @Override
    public Route<UploadKeyPackages, KeyPackageCount> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("user", user).put("device", device).put("keyPackages", new JsonArray(keyPackages));
    }

    public static UploadKeyPackages fromJson(JsonObject json) {
      return new UploadKeyPackages(Json.text(json, "user"), Json.text(json, "device"),
          Json.texts(json, "keyPackages"));
    }
  }

  /** How many unclaimed key packages the device has now. */
  public record KeyPackageCount(int available) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("available", available);
    }

    public static KeyPackageCount fromJson(JsonObject json) {
      return new KeyPackageCount(Json.integer(json, "available"));
    }
  }

  /** Takes one key package of each of these devices, atomically: each is answered once, to one claimer, ever. */
  public record ClaimKeyPackages(String user, List<String> devices) implements Command<ClaimedKeyPackages> {
    public static final Route<ClaimKeyPackages, ClaimedKeyPackages> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "E2EE_CLAIM_KEY_PACKAGES", ClaimKeyPackages::fromJson,
            ClaimedKeyPackages::fromJson);

    public ClaimKeyPackages {
      devices = List.copyOf(devices);
    }

    @Override
    public Route<ClaimKeyPackages, ClaimedKeyPackages> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("user", user).put("devices", new JsonArray(devices));
    }

    public static ClaimKeyPackages fromJson(JsonObject json) {
      return new ClaimKeyPackages(Json.text(json, "user"), Json.texts(json, "devices"));
    }
  }

  /** A claimed key package and the device (of {@code user}) it adds. */
  public record ClaimedKeyPackage(String device, String user, String keyPackage) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("device", device).put("user", user).put("keyPackage", keyPackage);
    }

    public static ClaimedKeyPackage fromJson(JsonObject json) {
      return new ClaimedKeyPackage(Json.text(json, "device"), Json.text(json, "user"),
          Json.text(json, "keyPackage"));
    }
  }

  /** The key packages claimed, and the devices that had none left ({@code missing}). */
  public record ClaimedKeyPackages(List<ClaimedKeyPackage> keyPackages, List<String> missing) implements JsonBody {
    public ClaimedKeyPackages {
      keyPackages = List.copyOf(keyPackages);
      missing = List.copyOf(missing);
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("keyPackages", Json.array(keyPackages)).put("missing", new JsonArray(missing));
    }

    public static ClaimedKeyPackages fromJson(JsonObject json) {
      return new ClaimedKeyPackages(Json.objects(json, "keyPackages", ClaimedKeyPackage::fromJson),
          Json.texts(json, "missing"));
    }
  }

  /**
   * A member's device relays an MLS commit for the encrypted room, and the welcome it made for the devices it adds
   * ({@code welcomeTo}; none without a welcome). The commit's group must be the room and its epoch the next one:
   * the first commit from an epoch wins, a later one is {@code conflict} (the device catches up and tries again).
   */
  public record PostCommit(String room, String user, String device, String commit, String welcome,
                           List<String> welcomeTo) implements Command<CommitStored> {
    public static final Route<PostCommit, CommitStored> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "E2EE_POST_COMMIT", PostCommit::fromJson, CommitStored::fromJson);

    public PostCommit {
      welcomeTo = welcomeTo == null ? List.of() : List.copyOf(welcomeTo);
    }

    @Override
    public Route<PostCommit, CommitStored> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      JsonObject json = new JsonObject().put("room", room).put("user", user).put("device", device)
          .put("commit", commit).put("welcomeTo", new JsonArray(welcomeTo));
      return Json.putIfPresent(json, "welcome", welcome);
    }

    public static PostCommit fromJson(JsonObject json) {
      return new PostCommit(Json.text(json, "room"), Json.text(json, "user"), Json.text(json, "device"),
          Json.text(json, "commit"), Json.optText(json, "welcome"), Json.texts(json, "welcomeTo"));
    }
  }

  /** The commit's place in the room (its {@code e2ee.commit} event's seq) and the epoch it moved from. */
  public record CommitStored(long seq, long epoch) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("seq", seq).put("epoch", epoch);
    }

    public static CommitStored fromJson(JsonObject json) {
      return new CommitStored(Json.whole(json, "seq"), Json.whole(json, "epoch"));
    }
  }

  /**
   * A page of a room's stored events after {@code after}, in seq order (at most {@link #EVENTS_PAGE}), for a reader:
   * how a device catches up on an encrypted room, commits and messages interleaved as MLS needs them. The reply's
   * {@code latest} is the room's last seq: the device asks again after its last event until it reaches it.
   */
  public record ReadEvents(String room, String user, long after) implements Command<ReplayResult> {
    public static final Route<ReadEvents, ReplayResult> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "E2EE_READ_EVENTS", ReadEvents::fromJson, ReplayResult::fromJson);

    @Override
    public Route<ReadEvents, ReplayResult> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("room", room).put("user", user).put("after", after);
    }

    public static ReadEvents fromJson(JsonObject json) {
      return new ReadEvents(Json.text(json, "room"), Json.text(json, "user"), Json.whole(json, "after"));
    }
  }

  /** The welcomes waiting for the caller's own device. */
  public record ListWelcomes(String user, String device) implements Command<Welcomes> {
    public static final Route<ListWelcomes, Welcomes> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "E2EE_LIST_WELCOMES", ListWelcomes::fromJson, Welcomes::fromJson);

    @Override
    public Route<ListWelcomes, Welcomes> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("user", user).put("device", device);
    }

    public static ListWelcomes fromJson(JsonObject json) {
      return new ListWelcomes(Json.text(json, "user"), Json.text(json, "device"));
    }
  }

  /** A welcome into a room's group at {@code epoch}, stored as the room's event {@code seq} (the commit's). */
  public record Welcome(long id, String room, long epoch, long seq, String welcome) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("id", id).put("room", room).put("epoch", epoch).put("seq", seq)
          .put("welcome", welcome);
    }

    public static Welcome fromJson(JsonObject json) {
      return new Welcome(Json.whole(json, "id"), Json.text(json, "room"), Json.whole(json, "epoch"),
          Json.whole(json, "seq"), Json.text(json, "welcome"));
    }
  }

  public record Welcomes(List<Welcome> welcomes) implements JsonBody {
    public Welcomes {
      welcomes = List.copyOf(welcomes);
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("welcomes", Json.array(welcomes));
    }

    public static Welcomes fromJson(JsonObject json) {
      return new Welcomes(Json.objects(json, "welcomes", Welcome::fromJson));
    }
  }

  /**
   * Keeps one entry of the person's key backup under {@code name} (replacing what was there): base64 of what their
   * browser encrypted with a key stretched from their recovery passphrase, which the server never sees.
   */
  public record PutBackup(String user, String name, String backup) implements Command<Done> {
    public static final Route<PutBackup, Done> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "E2EE_PUT_BACKUP", PutBackup::fromJson, Done::fromJson);

    @Override
    public Route<PutBackup, Done> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("user", user).put("name", name).put("backup", backup);
    }

    public static PutBackup fromJson(JsonObject json) {
      return new PutBackup(Json.text(json, "user"), Json.text(json, "name"), Json.text(json, "backup"));
    }
  }

  /** A page of the person's backup entries in name order, after {@code after} (null: from the first). */
  public record ReadBackup(String user, String after) implements Command<BackupEntries> {
    public static final Route<ReadBackup, BackupEntries> ROUTE =
        Route.of(Addresses.ROOMS_CMD, "E2EE_READ_BACKUP", ReadBackup::fromJson, BackupEntries::fromJson);

    @Override
    public Route<ReadBackup, BackupEntries> route() {
      return ROUTE;
    }

    @Override
    public JsonObject toJson() {
      return Json.putIfPresent(new JsonObject().put("user", user), "after", after);
    }

    public static ReadBackup fromJson(JsonObject json) {
      return new ReadBackup(Json.text(json, "user"), Json.optText(json, "after"));
    }
  }

  /** One backup entry: its name (chosen by the client) and its encrypted bytes (base64). */
  public record BackupEntry(String name, String backup) implements JsonBody {
    @Override
    public JsonObject toJson() {
      return new JsonObject().put("name", name).put("backup", backup);
    }

    public static BackupEntry fromJson(JsonObject json) {
      return new BackupEntry(Json.text(json, "name"), Json.text(json, "backup"));
    }
  }

  public record BackupEntries(List<BackupEntry> entries, boolean more) implements JsonBody {
    public BackupEntries {
      entries = List.copyOf(entries);
    }

    @Override
    public JsonObject toJson() {
      return new JsonObject().put("entries", Json.array(entries)).put("more", more);
    }

    public static BackupEntries fromJson(JsonObject json) {
      return new BackupEntries(Json.objects(json, "entries", BackupEntry::fromJson), Json.flag(json, "more", false));
    }
  }
}
