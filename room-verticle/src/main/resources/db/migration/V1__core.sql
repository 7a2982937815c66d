-- Parley core schema: accounts, rooms, memberships, messages and the room event log.

CREATE TABLE users (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email          text NOT NULL,
  name           text NOT NULL,
  password_hash  text,
  -- The first account of a fresh installation owns the workspace.
  workspace_role text NOT NULL DEFAULT 'member' CHECK (workspace_role IN ('owner', 'admin', 'member')),
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

-- A signed-in device. Only a hash of the refresh token is kept, so a database leak hands out no sessions.
CREATE TABLE sessions (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  refresh_hash bytea NOT NULL UNIQUE,
  device       text NOT NULL DEFAULT '',
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  revoked_at   timestamptz
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE rooms (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind        text NOT NULL CHECK (kind IN ('channel', 'private', 'dm', 'group')),
  name        text NOT NULL,
  topic       text NOT NULL DEFAULT '',
  created_by  uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  archived_at timestamptz,
  -- The seq of the room's latest event. Every event (message or other) takes the next one under this row's
  -- lock, which keeps seqs gapless among committed events.
  last_seq    bigint NOT NULL DEFAULT 0
);
CREATE INDEX rooms_public_by_name ON rooms (lower(name)) WHERE kind = 'channel';

CREATE TABLE memberships (
  room_id   uuid NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
  user_id   uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role      text NOT NULL DEFAULT 'member' CHECK (role IN ('owner', 'admin', 'member')),
  read_seq  bigint NOT NULL DEFAULT 0,
  joined_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (room_id, user_id)
);
CREATE INDEX memberships_user ON memberships (user_id);

-- Messages are the event log's "message" entries: their seq is the event's seq.
CREATE TABLE messages (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  room_id       uuid NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
  seq           bigint NOT NULL,
  sender_id     uuid NOT NULL REFERENCES users (id),
  client_msg_id text NOT NULL,
  body          text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
  edited_at     timestamptz,
  deleted_at    timestamptz,
  UNIQUE (room_id, seq),
  -- Makes a resend of the same client message harmless.
  UNIQUE (room_id, sender_id, client_msg_id)
);

-- Every other room event (member joined, edits, reactions, ...), in the same seq space as messages.
CREATE TABLE room_events (
  room_id    uuid NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
  seq        bigint NOT NULL,
  type       text NOT NULL,
  data       jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (room_id, seq)
);

-- Appends one non-message event to a room's log and returns its seq.
CREATE FUNCTION append_room_event(p_room uuid, p_type text, p_data jsonb) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  v_seq bigint;
BEGIN
  UPDATE rooms SET last_seq = last_seq + 1 WHERE id = p_room RETURNING last_seq INTO v_seq;
  INSERT INTO room_events (room_id, seq, type, data) VALUES (p_room, v_seq, p_type, p_data);
  RETURN v_seq;
END
$$;

-- Stores a message in one round trip. Outcomes: 'created'; 'duplicate' (this sender already sent this client
-- message id: the original is returned); 'not_found' (no such room, or a non-member of a room they may not see);
-- 'forbidden' (a non-member of a public channel, or an archived room).
CREATE FUNCTION post_message(p_room uuid, p_sender uuid, p_cid text, p_body text)
RETURNS TABLE (outcome text, message_id uuid, seq bigint, created_at timestamptz, body text)
LANGUAGE plpgsql AS $$
DECLARE
  v_kind     text;
  v_archived timestamptz;
  v_seq      bigint;
BEGIN
  -- Lock the room first: writers of one room queue here, so a racing resend of the same cid finds the first one
  -- committed below, and the seq we take is the next one with no gap.
  SELECT r.kind, r.archived_at, r.last_seq INTO v_kind, v_archived, v_seq FROM rooms r WHERE r.id = p_room FOR UPDATE;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'not_found'::text, NULL::uuid, NULL::bigint, NULL::timestamptz, NULL::text;
    RETURN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM memberships m WHERE m.room_id = p_room AND m.user_id = p_sender) THEN
    RETURN QUERY SELECT CASE WHEN v_kind = 'channel' THEN 'forbidden' ELSE 'not_found' END,
      NULL::uuid, NULL::bigint, NULL::timestamptz, NULL::text;
    RETURN;
  END IF;
  RETURN QUERY SELECT 'duplicate'::text, m.id, m.seq, m.created_at, m.body FROM messages m
    WHERE m.room_id = p_room AND m.sender_id = p_sender AND m.client_msg_id = p_cid;
  IF FOUND THEN
    RETURN;
  END IF;
  IF v_archived IS NOT NULL THEN
    RETURN QUERY SELECT 'forbidden'::text, NULL::uuid, NULL::bigint, NULL::timestamptz, NULL::text;
    RETURN;
  END IF;
  UPDATE rooms SET last_seq = v_seq + 1 WHERE id = p_room;
  RETURN QUERY INSERT INTO messages AS m (room_id, seq, sender_id, client_msg_id, body)
    VALUES (p_room, v_seq + 1, p_sender, p_cid, p_body)
    RETURNING 'created'::text, m.id, m.seq, m.created_at, m.body;
END
$$;
