-- End-to-end encrypted DMs and group DMs (issue 16, docs/e2ee.md). The server keeps a directory of devices and
-- their public MLS material, relays the MLS handshake, and stores only ciphertext for encrypted rooms.

-- A DM or group DM is encrypted from its creation to its end: the flag never changes, so a room-verticle may
-- remember it. Its message bodies are MLS PrivateMessages (base64), never text.
ALTER TABLE rooms ADD COLUMN encrypted boolean NOT NULL DEFAULT false;

-- One row per browser (or other client) that holds keys: bound to the session it signed in with, so signing out
-- of that session takes the device out of the directory (trigger below). The signature key is the device's MLS
-- identity key: every key package it uploads must carry the same one, and people compare it (safety numbers).
CREATE TABLE e2ee_devices (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  session_id    uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  name          text NOT NULL DEFAULT '',
  signature_key bytea,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX e2ee_devices_user ON e2ee_devices (user_id);
-- A session (one browser) is at most one device.
CREATE UNIQUE INDEX e2ee_devices_session ON e2ee_devices (session_id);

-- One-time MLS KeyPackages. A claimed one keeps its row (claimed_at set, body dropped) so that the same bytes
-- uploaded again are refused: a key package is used once, ever. digest is SHA-256 of the bytes.
CREATE TABLE e2ee_key_packages (
  id         bigserial PRIMARY KEY,
  device_id  uuid REFERENCES e2ee_devices (id) ON DELETE SET NULL,
  digest     bytea NOT NULL UNIQUE,
  body       bytea,
  created_at timestamptz NOT NULL DEFAULT now(),
  claimed_at timestamptz,
  claimed_by uuid
);
CREATE INDEX e2ee_key_packages_free ON e2ee_key_packages (device_id, id) WHERE claimed_at IS NULL;

-- The MLS epoch each commit of an encrypted room moved from: one commit per epoch, the first to arrive wins, so
-- every member applies the same commits in the same order (the room's seq carries them, as e2ee.commit events).
CREATE TABLE e2ee_epochs (
  room_id    uuid NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
  epoch      bigint NOT NULL,
  device_id  uuid,
  seq        bigint NOT NULL,
  PRIMARY KEY (room_id, epoch)
);

-- MLS Welcomes waiting for the devices they were made for.
CREATE TABLE e2ee_welcomes (
  id         bigserial PRIMARY KEY,
  device_id  uuid NOT NULL REFERENCES e2ee_devices (id) ON DELETE CASCADE,
  room_id    uuid NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
  epoch      bigint NOT NULL,
  body       bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX e2ee_welcomes_device ON e2ee_welcomes (device_id, id);

-- Recovery: each person's key backup, entries encrypted in the browser with a key stretched from their
-- passphrase (one per MLS epoch of a room, and the stretching's public parameters). The server holds opaque blobs it
-- cannot open; only the person, signed in, writes or reads them.
CREATE TABLE e2ee_backups (
  user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name       text NOT NULL,
  body       bytea NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, name)
);

-- Signing out (a session revoked by logout, by "sign out everywhere", a password change or a reused refresh
-- token) ends that browser's device: every path that revokes a session sets revoked_at, so one trigger covers
-- them all where a statement in each path could be forgotten in the next one.
CREATE FUNCTION e2ee_forget_revoked_device() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM e2ee_devices WHERE session_id = NEW.id;
  RETURN NEW;
END
$$;
CREATE TRIGGER sessions_revoked_forget_device AFTER UPDATE OF revoked_at ON sessions
  FOR EACH ROW WHEN (NEW.revoked_at IS NOT NULL AND OLD.revoked_at IS NULL)
  EXECUTE FUNCTION e2ee_forget_revoked_device();
