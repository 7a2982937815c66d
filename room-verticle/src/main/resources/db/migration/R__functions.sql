-- The stored functions, as they stand now. This file is applied again whenever it changes (after the versioned
-- scripts), so it always holds the current definitions: edit it in place. The functions decide nothing about who
-- may do what: that is Permissions' job, in Java. They only do, in one round trip, what Java approved.

-- Appends one non-message event to a room's log, taking the room's next seq under its row lock, and returns it.
CREATE OR REPLACE FUNCTION append_room_event(p_room uuid, p_type text, p_data jsonb) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  v_seq bigint;
BEGIN
  UPDATE rooms SET last_seq = last_seq + 1 WHERE id = p_room RETURNING last_seq INTO v_seq;
  INSERT INTO room_events (room_id, seq, type, data) VALUES (p_room, v_seq, p_type, p_data);
  RETURN v_seq;
END
$$;

-- Stores a message in one round trip, if the sender still stands in the room as Java approved: the p_approved_*
-- arguments are the standing Permissions allowed to post (all NULL when none was approved yet). The function
-- compares, it does not judge: when the standing differs, nothing is stored and the current standing comes back for
-- Permissions to decide on.
--
-- Outcomes: 'created' (stored now), 'duplicate' (this sender already sent this client message id: the original
-- comes back, and Java decides whether the sender may still be told), 'standing' (nothing stored: here is where the
-- sender stands), 'not_found' (no such room). Every outcome but 'not_found' carries the standing.
DROP FUNCTION IF EXISTS post_message(uuid, uuid, text, text);
DROP FUNCTION IF EXISTS post_message(uuid, uuid, text, text, text, boolean, boolean);
CREATE FUNCTION post_message(p_room uuid, p_sender uuid, p_cid text, p_body text,
                             p_approved_role text, p_approved_muted boolean, p_approved_archived boolean)
RETURNS TABLE (outcome text, message_id uuid, seq bigint, created_at timestamptz, body text,
               kind text, room_name text, archived boolean, last_seq bigint, role text, muted boolean,
               banned boolean, workspace_role text)
LANGUAGE plpgsql AS $$
DECLARE
  v_kind           text;
  v_name           text;
  v_archived       boolean;
  v_seq            bigint;
  v_role           text;
  v_muted          boolean;
  v_banned         boolean;
  v_workspace_role text;
BEGIN
  -- Lock the room first: writers of one room queue here, so a racing resend of the same cid finds the first one
  -- committed below, and the seq we take is the next one with no gap.
  SELECT r.kind, r.name, r.archived_at IS NOT NULL, r.last_seq INTO v_kind, v_name, v_archived, v_seq
    FROM rooms r WHERE r.id = p_room FOR UPDATE;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'not_found'::text, NULL::uuid, NULL::bigint, NULL::timestamptz, NULL::text,
      NULL::text, NULL::text, NULL::boolean, NULL::bigint, NULL::text, NULL::boolean, NULL::boolean, NULL::text;
    RETURN;
  END IF;
  SELECT m.role, m.muted INTO v_role, v_muted FROM memberships m WHERE m.room_id = p_room AND m.user_id = p_sender;
  v_muted := coalesce(v_muted, false);
  v_banned := EXISTS (SELECT 1 FROM room_bans b WHERE b.room_id = p_room AND b.user_id = p_sender);
  SELECT u.workspace_role INTO v_workspace_role FROM users u WHERE u.id = p_sender;

  RETURN QUERY SELECT 'duplicate'::text, m.id, m.seq, m.created_at, m.body,
      v_kind, v_name, v_archived, v_seq, v_role, v_muted, v_banned, v_workspace_role
    FROM messages m WHERE m.room_id = p_room AND m.sender_id = p_sender AND m.client_msg_id = p_cid;
  IF FOUND THEN
    RETURN;
  END IF;

  IF p_approved_role IS NULL OR v_role IS DISTINCT FROM p_approved_role OR v_muted <> p_approved_muted
     OR v_archived <> p_approved_archived THEN
    RETURN QUERY SELECT 'standing'::text, NULL::uuid, NULL::bigint, NULL::timestamptz, NULL::text,
      v_kind, v_name, v_archived, v_seq, v_role, v_muted, v_banned, v_workspace_role;
    RETURN;
  END IF;

  UPDATE rooms SET last_seq = v_seq + 1 WHERE id = p_room;
  RETURN QUERY INSERT INTO messages AS m (room_id, seq, sender_id, client_msg_id, body)
    VALUES (p_room, v_seq + 1, p_sender, p_cid, p_body)
    RETURNING 'created'::text, m.id, m.seq, m.created_at, m.body,
      v_kind, v_name, v_archived, v_seq + 1, v_role, v_muted, v_banned, v_workspace_role;
END
$$;
