package dev.parley.shared.http;

/**
 * Bodies clients send about end-to-end encryption (docs/e2ee.md); the gateway reads them field by field with these
 * names. Every byte field is standard base64 of MLS wire bytes, or of what a browser sealed.
 */
public final class E2eeRequests {

  /** {@code POST /api/v1/dms}: the conversation is end-to-end encrypted. */
  public static final String ENCRYPTED = "encrypted";
  /** {@code POST /api/v1/e2ee/devices}: the device's name, as the browser describes itself. */
  public static final String NAME = "name";
  /** {@code POST /api/v1/e2ee/devices/{id}/key-packages}: the key packages. */
  public static final String KEY_PACKAGES = "keyPackages";
  /** {@code POST /api/v1/e2ee/key-packages/claim}: the devices to claim one key package of each. */
  public static final String DEVICES = "devices";
  /** {@code POST /api/v1/rooms/{id}/e2ee/commits}: the committing device, the commit, its welcome and for whom. */
  public static final String DEVICE = "device";
  public static final String COMMIT = "commit";
  public static final String WELCOME = "welcome";
  public static final String WELCOME_TO = "welcomeTo";
  /** {@code PUT /api/v1/e2ee/backup/{name}}: the sealed entry. */
  public static final String BACKUP = "backup";
  /** Query parameters: {@code GET /api/v1/e2ee/devices?users=}, {@code ?after=} of events and backup pages. */
  public static final String USERS = "users";
  public static final String AFTER = "after";

  private E2eeRequests() {
  }
}
