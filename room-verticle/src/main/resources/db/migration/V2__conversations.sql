-- Conversations: DMs and group DMs, room moderation (bans, mutes, audit log) and invites.

-- A DM or group DM is one room per set of people: the sorted ids of its members.
ALTER TABLE rooms ADD COLUMN member_key text;
CREATE UNIQUE INDEX rooms_member_key ON rooms (member_key) WHERE member_key IS NOT NULL;

-- A muted member reads but cannot post.
ALTER TABLE memberships ADD COLUMN muted boolean NOT NULL DEFAULT false;

-- A banned person is not a member and cannot become one again, not even by invite.
CREATE TABLE room_bans (
  room_id    uuid NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
  user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  banned_by  uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (room_id, user_id)
);

-- Invite links and invite emails. Only a hash of the token is kept: the link itself is shown once.
CREATE TABLE invites (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  room_id      uuid NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
  token_hash   bytea NOT NULL UNIQUE,
  created_by   uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz,
  max_uses     int CHECK (max_uses > 0),
  uses         int NOT NULL DEFAULT 0,
  revoked_at   timestamptz,
  email        text,
  email_status text CHECK (email_status IN ('queued', 'sent', 'failed', 'accepted')),
  email_error  text
);
CREATE INDEX invites_room ON invites (room_id, created_at DESC);
CREATE INDEX invites_room_email ON invites (room_id, lower(email), created_at DESC) WHERE email IS NOT NULL;

-- Every admin action, for the room's admins to read.
CREATE TABLE audit_log (
  id         bigserial PRIMARY KEY,
  room_id    uuid NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
  actor_id   uuid REFERENCES users (id) ON DELETE SET NULL,
  action     text NOT NULL,
  target_id  uuid,
  data       jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_room ON audit_log (room_id, id DESC);

-- post_message, now refusing muted members too.
CREATE OR REPLACE FUNCTION post_message(p_room uuid, p_sender uuid, p_cid text, p_body text)
RETURNS TABLE (outcome text, message_id uuid, seq bigint, created_at timestamptz, body text)
LANGUAGE plpgsql AS $$
DECLARE
  v_kind     text;
  v_archived timestamptz;
  v_seq      bigint;
  v_muted    boolean;
BEGIN
  -- Lock the room first: writers of one room queue here, so a racing resend of the same cid finds the first one
  -- committed below, and the seq we take is the next one with no gap.
  SELECT r.kind, r.archived_at, r.last_seq INTO v_kind, v_archived, v_seq FROM rooms r WHERE r.id = p_room FOR UPDATE;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'not_found'::text, NULL::uuid, NULL::bigint, NULL::timestamptz, NULL::text;
    RETURN;
  END IF;
  SELECT m.muted INTO v_muted FROM memberships m WHERE m.room_id = p_room AND m.user_id = p_sender;
  IF NOT FOUND THEN
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
    RETURN QUERY SELECT 'archived'::text, NULL::uuid, NULL::bigint, NULL::timestamptz, NULL::text;
    RETURN;
  END IF;
  IF v_muted THEN
    RETURN QUERY SELECT 'muted'::text, NULL::uuid, NULL::bigint, NULL::timestamptz, NULL::text;
    RETURN;
  END IF;
  UPDATE rooms SET last_seq = v_seq + 1 WHERE id = p_room;
  RETURN QUERY INSERT INTO messages AS m (room_id, seq, sender_id, client_msg_id, body)
    VALUES (p_room, v_seq + 1, p_sender, p_cid, p_body)
    RETURNING 'created'::text, m.id, m.seq, m.created_at, m.body;
END
$$;
