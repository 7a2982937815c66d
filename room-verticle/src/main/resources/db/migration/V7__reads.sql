-- Read state, unread and mention counts, mentions, and channel names a newcomer can tell apart (issue 10).

-- Unread counts come from counters kept up to date when messages are written and when read markers move, so listing
-- someone's 500 rooms reads 500 membership rows and never counts a room's history:
--   unread = (rooms.message_count - memberships.read_count) - memberships.own_unread
-- Messages are never removed from the table (a deleted one keeps its row as a tombstone), so the counts only grow.
ALTER TABLE rooms ADD COLUMN message_count bigint NOT NULL DEFAULT 0;
-- How many of the room's messages the read marker has passed (seq <= read_seq).
ALTER TABLE memberships ADD COLUMN read_count bigint NOT NULL DEFAULT 0;
-- How many of the member's own messages lie after their read marker: after it, but not unread to them.
ALTER TABLE memberships ADD COLUMN own_unread bigint NOT NULL DEFAULT 0;
-- Posting bumps the sender's own_unread and reading moves the marker: updates of columns no index covers. Room left
-- on each page lets them be HOT updates (no index entries, the old version pruned in place); pages written from now
-- on keep it.
ALTER TABLE memberships SET (fillfactor = 70);

UPDATE rooms r SET message_count = c.n
FROM (SELECT room_id, count(*) AS n FROM messages GROUP BY room_id) c
WHERE r.id = c.room_id;
UPDATE memberships m SET (read_count, own_unread) =
  (SELECT count(*) FILTER (WHERE x.seq <= m.read_seq), count(*) FILTER (WHERE x.seq > m.read_seq AND x.sender_id = m.user_id)
   FROM messages x WHERE x.room_id = m.room_id);

-- @channel and @here call a whole room (dev.parley.shared.rooms.Mentions): whoever had one as a handle gets another.
UPDATE users SET handle = handle || '_' || left(replace(id::text, '-', ''), 6) WHERE lower(handle) IN ('channel', 'here');

-- Room owners may keep @channel and @here from calling everyone in their room.
ALTER TABLE rooms ADD COLUMN allow_channel_mentions boolean NOT NULL DEFAULT true;

-- One row per stored message that mentions anyone: the people it names (resolved when it was stored, among those who
-- could read the room) and whether it called the whole room. History and replay read it by (room, seq).
-- No foreign keys, as for messages (see V5): rows are written only for a message just stored in the same transaction.
CREATE TABLE message_mentions (
  room_id    uuid NOT NULL,
  seq        bigint NOT NULL,
  message_id uuid NOT NULL,
  sender_id  uuid NOT NULL,
  users      uuid[] NOT NULL,
  channel    boolean NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (room_id, seq)
);
-- @channel and @here are rare: a small index lets each member count and list them without a row per member.
CREATE INDEX message_mentions_channel ON message_mentions (room_id, seq) WHERE channel;

-- One row per person named by a message: their mention counts (by room, after their read marker) and their mentions
-- list (newest first, over every room).
CREATE TABLE mentions (
  user_id    uuid NOT NULL,
  room_id    uuid NOT NULL,
  seq        bigint NOT NULL,
  message_id uuid NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, room_id, seq)
);
CREATE INDEX mentions_newest ON mentions (user_id, created_at DESC);

-- Channel names, public and private alike, are unique in the workspace and normalised (lower case, no spaces), so
-- two #general cannot be told apart. DMs and group DMs are named by their people and are left out. Existing names
-- are normalised the way dev.parley.shared.rooms.ChannelNames does it; a later duplicate gets a short suffix.
UPDATE rooms SET name = left(trim(BOTH '-' FROM regexp_replace(regexp_replace(lower(btrim(name)), '^#+', ''),
                                                                '[ \t\r\n\f\v-]+', '-', 'g')), 80)
WHERE kind IN ('channel', 'private');
UPDATE rooms SET name = 'channel' WHERE kind IN ('channel', 'private') AND name = '';
UPDATE rooms r SET name = left(r.name, 72) || '-' || left(replace(r.id::text, '-', ''), 6)
FROM (SELECT id, row_number() OVER (PARTITION BY name ORDER BY created_at, id) AS nth
      FROM rooms WHERE kind IN ('channel', 'private')) d
WHERE r.id = d.id AND d.nth > 1;
CREATE UNIQUE INDEX rooms_channel_name ON rooms (name) WHERE kind IN ('channel', 'private');
