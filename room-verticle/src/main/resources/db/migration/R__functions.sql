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

-- Who a message's text names: the @handles of people who can read the room (its members: Permissions' Need.MENTIONED;
-- the sender left out, as naming oneself tells nobody anything), at most 50 of them, and whether it calls the whole
-- room (@channel or @here) where the room allows that. @here counts as @channel: who is active is the gateway's to
-- know, not the database's. A text without an @ costs one strpos.
CREATE OR REPLACE FUNCTION resolve_mentions(p_room uuid, p_sender uuid, p_body text, OUT users uuid[],
                                            OUT channel boolean)
LANGUAGE plpgsql STABLE AS $$
BEGIN
  users := '{}';
  channel := false;
  IF p_body IS NULL OR strpos(p_body, '@') = 0 THEN
    RETURN;
  END IF;
  WITH named AS (
    -- An @ that starts a word (not the middle of an email address), then a handle's characters.
    SELECT DISTINCT lower(hit[1]) AS handle
    FROM regexp_matches(p_body, '(?:^|[^a-zA-Z0-9_@.])@([a-zA-Z0-9_]{2,30})', 'g') AS hit
    LIMIT 52
  )
  SELECT coalesce((SELECT array_agg(u.id ORDER BY u.id)
                   FROM (SELECT n.handle FROM named n WHERE n.handle NOT IN ('channel', 'here') LIMIT 50) n
                   JOIN users u ON lower(u.handle) = n.handle
                   JOIN memberships m ON m.room_id = p_room AND m.user_id = u.id
                   WHERE u.id <> p_sender), '{}'),
         EXISTS (SELECT 1 FROM named n WHERE n.handle IN ('channel', 'here'))
           AND coalesce((SELECT r.allow_channel_mentions FROM rooms r WHERE r.id = p_room), false)
  INTO users, channel;
END
$$;

-- Its work now happens inside post_messages' own statement (own, mentioned, noted, mention_rows), from the rows the
-- statement inserted, instead of looking the batch up again by id afterwards.
DROP FUNCTION IF EXISTS record_messages(uuid[]);

-- Stores a batch of messages (their ids made by the caller: time-ordered, so the primary key grows at its end)
-- in one round trip and one transaction (group commit: one WAL flush for the batch),
-- each only if its sender still stands in its room as Java approved. The p_approved_* arrays are, per message, the
-- standing Permissions allowed to post (NULL role: none approved yet). The function compares, it does not judge:
-- where the standing differs, nothing is stored and the current standing comes back for Permissions to decide on.
--
-- Seqs: the batch's rooms are locked once each, in id order (so concurrent batches cannot deadlock), and each room's
-- last_seq moves once by the number of events it took: no row lock and no update per message. Every writer that
-- changes where someone stands in a room (joins, moderation, invites) takes the same room lock, so the standing read
-- after the lock is the one the insert is judged against.
--
-- Threads: p_threads names, per message, the root it replies to (NULL: none). A root must be a message of the same
-- room that is no reply itself; it is found by one index probe per message, like every look-up here. For each
-- thread that got replies, the same statement moves the root's summary (count, last reply, first five
-- participants), stores one thread.updated event after the batch's messages of that room (its data is the shape of
-- RoomEvents.ThreadUpdated in Java; a test holds the two equal), and makes the writers, the root's author and the
-- members mentioned in a reply followers of the thread. None of it costs a message outside a thread anything but
-- an empty probe.
--
-- Outcomes, per input position (ord, from 1): 'created'; 'duplicate' (this sender already sent this client message
-- id, earlier or earlier in the same batch: the original comes back); 'standing' (nothing stored: here is where the
-- sender stands); 'thread' (nothing stored: the standing was as approved, but the thread's root is not a root of this
-- room); 'not_found' (no such room). Every outcome but 'not_found' carries the standing. A created reply that is the
-- batch's last in its thread carries the thread.updated event (thread_seq and the root's new summary).
-- A stored message (created or duplicate) also carries whom it mentions (resolve_mentions, called once per created
-- message that has an @ in it, and for a duplicate only). The same statement keeps what a created message changes
-- besides itself: the senders' own_unread counters grow (their own messages are never unread to them) and its
-- mentions are recorded (message_mentions and one mentions row per person named). The room's message_count moves
-- in the update of the room's row that takes place anyway.
DROP FUNCTION IF EXISTS post_message(uuid, uuid, text, text);
DROP FUNCTION IF EXISTS post_message(uuid, uuid, text, text, text, boolean, boolean);
DROP FUNCTION IF EXISTS post_messages(uuid[], uuid[], text[], text[], text[], boolean[], boolean[]);
DROP FUNCTION IF EXISTS post_messages(uuid[], uuid[], uuid[], text[], text[], text[], boolean[], boolean[]);
DROP FUNCTION IF EXISTS post_messages(uuid[], uuid[], uuid[], text[], text[], text[], boolean[], boolean[], uuid[],
                                      boolean[]);
CREATE FUNCTION post_messages(p_ids uuid[], p_rooms uuid[], p_senders uuid[], p_cids text[], p_bodies text[],
                              p_approved_roles text[], p_approved_muted boolean[], p_approved_archived boolean[],
                              p_threads uuid[], p_also_in_channel boolean[])
RETURNS TABLE (ord bigint, outcome text, message_id uuid, seq bigint, created_at timestamptz, body text,
               kind text, room_name text, archived boolean, last_seq bigint, role text, muted boolean,
               banned boolean, workspace_role text, thread_seq bigint, thread_replies int,
               thread_last_reply_at timestamptz, thread_participants uuid[], mentions uuid[], mentions_channel boolean)
LANGUAGE plpgsql
-- Batches vary in size from call to call: one generic plan (index look-ups per message) beats planning anew.
SET plan_cache_mode = force_generic_plan
AS $$
BEGIN
  PERFORM 1 FROM rooms r WHERE r.id = ANY (p_rooms) ORDER BY r.id FOR UPDATE;
  -- A new statement, so a new snapshot: it sees everything committed before the locks were granted.
  RETURN QUERY
  WITH input AS (
    SELECT i.id, i.room, i.sender, i.cid, i.body, i.approved_role, i.approved_muted, i.approved_archived, i.thread,
           i.also_in_channel, i.ord,
           row_number() OVER (PARTITION BY i.room, i.sender, i.cid ORDER BY i.ord) AS occurrence
    FROM unnest(p_ids, p_rooms, p_senders, p_cids, p_bodies, p_approved_roles, p_approved_muted,
                p_approved_archived, p_threads, p_also_in_channel)
         WITH ORDINALITY AS i(id, room, sender, cid, body, approved_role, approved_muted, approved_archived, thread,
                              also_in_channel, ord)
  ), standing AS (
    SELECT i.*, r.kind, r.name AS room_name, r.archived, r.last_seq AS room_last_seq,
           m.role, coalesce(m.muted, false) AS muted, b.banned, u.workspace_role,
           d.id AS dup_id, d.seq AS dup_seq, d.created_at AS dup_at, d.body AS dup_body,
           t.id AS root_id, t.thread_id AS root_thread, t.sender_id AS root_sender
    FROM input i
    -- LIMIT 1 keeps each look-up a nested index probe per message: without it the planner may flatten them into
    -- hash joins over whole tables, cheap on a test database and ruinous on a real one.
    LEFT JOIN LATERAL (SELECT x.kind, x.name, x.archived_at IS NOT NULL AS archived, x.last_seq
                       FROM rooms x WHERE x.id = i.room LIMIT 1) r ON true
    LEFT JOIN LATERAL (SELECT x.role, x.muted FROM memberships x
                       WHERE x.room_id = i.room AND x.user_id = i.sender LIMIT 1) m ON true
    LEFT JOIN LATERAL (SELECT x.workspace_role FROM users x WHERE x.id = i.sender LIMIT 1) u ON true
    LEFT JOIN LATERAL (SELECT count(*) > 0 AS banned FROM (SELECT 1 FROM room_bans x
                       WHERE x.room_id = i.room AND x.user_id = i.sender LIMIT 1) hit) b ON true
    LEFT JOIN LATERAL (SELECT x.id, x.seq, x.created_at, x.body FROM messages x
                       WHERE x.room_id = i.room AND x.sender_id = i.sender AND x.client_msg_id = i.cid LIMIT 1) d ON true
    LEFT JOIN LATERAL (SELECT x.id, x.thread_id, x.sender_id FROM messages x
                       WHERE x.id = i.thread AND x.room_id = i.room LIMIT 1) t ON true
  ), accepted AS (
    SELECT s.*, s.room_last_seq + row_number() OVER (PARTITION BY s.room ORDER BY s.ord) AS new_seq
    FROM standing s
    WHERE s.kind IS NOT NULL AND s.dup_id IS NULL AND s.occurrence = 1
      AND s.approved_role IS NOT NULL AND s.role IS NOT DISTINCT FROM s.approved_role
      AND s.muted = s.approved_muted AND s.archived = s.approved_archived
      AND (s.thread IS NULL OR (s.root_id IS NOT NULL AND s.root_thread IS NULL))
  ), inserted AS (
    INSERT INTO messages AS m (id, room_id, seq, sender_id, client_msg_id, body, thread_id, also_in_channel)
    SELECT a.id, a.room, a.new_seq, a.sender, a.cid, a.body, a.thread,
           a.thread IS NOT NULL AND coalesce(a.also_in_channel, false)
    FROM accepted a
    RETURNING m.id, m.room_id, m.sender_id, m.client_msg_id, m.seq, m.created_at, m.body
  ), top AS (
    -- counted: what unread counts count, the messages shown in the room itself (a thread reply only when it is also
    -- sent to the channel), as in Slack, where replies in a thread do not make the channel unread.
    SELECT a.room, max(a.new_seq) AS seq,
           count(*) FILTER (WHERE a.thread IS NULL OR coalesce(a.also_in_channel, false)) AS counted
    FROM accepted a GROUP BY a.room
  ), threads AS (
    -- One thread.updated per thread that got replies, numbered after the batch's messages of its room.
    SELECT a.room, a.thread, count(*)::int AS added, max(a.ord) AS last_ord, max(n.created_at) AS last_at,
           array_agg(a.sender ORDER BY a.ord) AS senders,
           max(t.seq) + row_number() OVER (PARTITION BY a.room ORDER BY max(a.ord)) AS event_seq
    FROM accepted a
    JOIN inserted n ON n.id = a.id
    JOIN top t ON t.room = a.room
    WHERE a.thread IS NOT NULL
    GROUP BY a.room, a.thread
  ), roots AS (
    UPDATE messages r
    SET reply_count = r.reply_count + th.added,
        last_reply_at = greatest(r.last_reply_at, th.last_at),
        participants = (SELECT coalesce(array_agg(p.who ORDER BY p.first), '{}')
                        FROM (SELECT w.who, min(w.pos) AS first
                              FROM unnest(r.participants || th.senders) WITH ORDINALITY AS w(who, pos)
                              GROUP BY w.who ORDER BY min(w.pos) LIMIT 5) p)
    FROM threads th
    WHERE r.id = th.thread
    RETURNING r.id, r.reply_count, r.last_reply_at, r.participants
  ), thread_events AS (
    INSERT INTO room_events (room_id, seq, type, data)
    SELECT th.room, th.event_seq, 'thread.updated',
           jsonb_build_object('id', r.id, 'replies', r.reply_count,
                              'lastReplyAt', (extract(epoch FROM r.last_reply_at) * 1000)::bigint,
                              'participants', to_jsonb(r.participants))
    FROM threads th JOIN roots r ON r.id = th.thread
    RETURNING room_id
  ), ends AS (
    SELECT t.room, t.seq + (SELECT count(*) FROM threads th WHERE th.room = t.room) AS seq FROM top t
  ), bumped AS (
    -- message_count counts messages shown in the room only (thread.updated events take seqs too, replies are
    -- counted in their thread): unread counts start from it.
    UPDATE rooms r SET last_seq = e.seq, message_count = r.message_count + t.counted
    FROM ends e JOIN top t ON t.room = e.room WHERE r.id = e.room RETURNING r.id
  ), followers AS (
    -- Writers follow (again, even after unfollowing); the root's author and mentioned members follow unless they
    -- unfollowed. A mention counts only for a member of the room: an outsider learns nothing from it.
    INSERT INTO thread_followers AS f (thread_id, user_id, following, wrote)
    SELECT c.thread, c.who, true, bool_or(c.wrote)
    FROM (SELECT a.thread, a.sender AS who, true AS wrote FROM accepted a WHERE a.thread IS NOT NULL
          UNION ALL
          SELECT a.thread, a.root_sender, false FROM accepted a WHERE a.thread IS NOT NULL
          UNION ALL
          SELECT a.thread, mu.user_id, false
          FROM accepted a
          CROSS JOIN LATERAL regexp_matches(a.body, '(?:^|[^A-Za-z0-9_])@([A-Za-z0-9_]{2,30})', 'g') AS h(handle)
          JOIN LATERAL (SELECT x.id FROM users x WHERE lower(x.handle) = lower(h.handle[1]) LIMIT 1) hu ON true
          JOIN LATERAL (SELECT x.user_id FROM memberships x
                        WHERE x.room_id = a.room AND x.user_id = hu.id LIMIT 1) mu ON true
          WHERE a.thread IS NOT NULL) c
    GROUP BY c.thread, c.who
    ON CONFLICT (thread_id, user_id) DO UPDATE
      SET following = f.following OR EXCLUDED.wrote, wrote = f.wrote OR EXCLUDED.wrote
    RETURNING f.thread_id
  ), own AS (
    UPDATE memberships m SET own_unread = m.own_unread + o.n
    FROM (SELECT a.room, a.sender, count(*) AS n FROM accepted a
          WHERE a.thread IS NULL OR coalesce(a.also_in_channel, false) GROUP BY a.room, a.sender) o
    WHERE m.room_id = o.room AND m.user_id = o.sender
    RETURNING m.user_id
  ), mentioned AS (
    SELECT n.id, n.room_id, n.seq, n.sender_id, n.created_at, r.users, r.channel
    FROM inserted n CROSS JOIN LATERAL resolve_mentions(n.room_id, n.sender_id, n.body) r
    WHERE strpos(n.body, '@') > 0
  ), noted AS (
    INSERT INTO message_mentions (room_id, seq, message_id, sender_id, users, channel, created_at)
    SELECT r.room_id, r.seq, r.id, r.sender_id, r.users, r.channel, r.created_at FROM mentioned r
    WHERE r.channel OR cardinality(r.users) > 0
    RETURNING room_id
  ), mention_rows AS (
    INSERT INTO mentions (user_id, room_id, seq, message_id, created_at)
    SELECT u.id, r.room_id, r.seq, r.id, r.created_at FROM mentioned r CROSS JOIN unnest(r.users) AS u(id)
    RETURNING user_id
  )
  SELECT s.ord,
         CASE WHEN s.kind IS NULL THEN 'not_found'
              WHEN s.dup_id IS NOT NULL THEN 'duplicate'
              WHEN n.id IS NOT NULL AND s.occurrence = 1 THEN 'created'
              WHEN n.id IS NOT NULL THEN 'duplicate'
              WHEN s.approved_role IS NOT NULL AND s.role IS NOT DISTINCT FROM s.approved_role
                   AND s.muted = s.approved_muted AND s.archived = s.approved_archived THEN 'thread'
              ELSE 'standing' END,
         coalesce(s.dup_id, n.id), coalesce(s.dup_seq, n.seq), coalesce(s.dup_at, n.created_at),
         coalesce(s.dup_body, n.body),
         s.kind, s.room_name, s.archived, coalesce(e.seq, s.room_last_seq),
         s.role, s.muted, s.banned, s.workspace_role,
         th.event_seq, rt.reply_count, rt.last_reply_at, rt.participants,
         coalesce(mm.users, dm.users, '{}'), coalesce(mm.channel, dm.channel, false)
  FROM standing s
  LEFT JOIN inserted n ON n.room_id = s.room AND n.sender_id = s.sender AND n.client_msg_id = s.cid
  LEFT JOIN ends e ON e.room = s.room
  LEFT JOIN threads th ON th.thread = s.thread AND th.last_ord = s.ord
  LEFT JOIN roots rt ON rt.id = th.thread
  LEFT JOIN mentioned mm ON mm.id = n.id AND s.occurrence = 1
  -- A duplicate answers with the original's mentions; the condition refers to the outer row only, so for every
  -- other row the call is skipped (a one-time filter), not made and thrown away.
  LEFT JOIN LATERAL (SELECT r.users, r.channel
                     FROM resolve_mentions(s.room, s.sender, coalesce(s.dup_body, n.body)) r
                     WHERE s.dup_id IS NOT NULL OR (n.id IS NOT NULL AND s.occurrence > 1)) dm ON true
  ORDER BY s.ord;
END
$$;

-- A word or phrase of a message search as a text-search query over search_document (V9__search.sql), or NULL when it
-- holds nothing to look up there (stop words only, punctuation). Words are stemmed the English way and match as the
-- start of a word too ("deplo" finds "deployment"; "NullPointer" finds "NullPointerException"); a phrase's words
-- must follow each other. Text written without spaces is looked up by its two-character pieces, as search_document
-- stored it; the caller then checks that the pieces stand together (strpos), which the pieces alone do not say.
CREATE OR REPLACE FUNCTION search_query(p_term text) RETURNS tsquery
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
-- to_tsquery says NOTICE for a query of stop words only: nothing the caller needs to hear.
SET client_min_messages = warning
AS $$
DECLARE
  v_query tsquery;
BEGIN
  IF p_term ~ '[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]' THEN
    SELECT string_agg(CASE WHEN char_length(r.run[1]) = 1 THEN '''' || r.run[1] || ''':*'
                           ELSE (SELECT string_agg('''' || substr(r.run[1], i, 2) || '''', ' & ')
                                 FROM generate_series(1, char_length(r.run[1]) - 1) AS i) END, ' & ')::tsquery
    INTO v_query
    FROM regexp_matches(lower(p_term), '[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]+', 'g')
         AS r(run);
  ELSE
    -- One quoted token for to_tsquery (quotes and backslashes escaped), which parses and stems what is inside it.
    v_query := to_tsquery('english'::regconfig,
                          '''' || replace(replace(p_term, '\', '\\'), '''', '''''') || ''':*');
  END IF;
  RETURN CASE WHEN v_query IS NULL OR numnode(v_query) = 0 THEN NULL ELSE v_query END;
END
$$;
