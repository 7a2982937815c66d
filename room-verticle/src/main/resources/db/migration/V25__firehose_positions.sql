-- Issue 15: the firehose's positions. Every stored event (a message row, or a room_events row) records the
-- transaction that wrote it, so that a plugin that was down can catch up on every event in one global order:
-- (tx, room_id, seq). Why the transaction and not a sequence: rows become visible in commit order, not in the order a
-- sequence hands out numbers, so a reader that reads "everything after position P" could skip a row whose number was
-- taken before P but committed after the read. Transaction ids let the reader read only what can no longer change:
-- rows whose transaction is below the snapshot's xmin (every transaction before it has ended), in (tx, room, seq)
-- order; a transaction still running is read once it has ended. Rows written before this migration have no tx: they
-- predate the firehose, and a reader starts from "now" anyway.
--
-- The default costs the write path no statement: post_messages and append_room_event name their columns and leave
-- this one to the default (one call per row of a function that reads the transaction's own id).
ALTER TABLE messages ADD COLUMN tx xid8;
ALTER TABLE messages ALTER COLUMN tx SET DEFAULT pg_current_xact_id();
ALTER TABLE room_events ADD COLUMN tx xid8;
ALTER TABLE room_events ALTER COLUMN tx SET DEFAULT pg_current_xact_id();

CREATE INDEX messages_firehose ON messages (tx, room_id, seq) WHERE tx IS NOT NULL;
CREATE INDEX room_events_firehose ON room_events (tx, room_id, seq) WHERE tx IS NOT NULL;
