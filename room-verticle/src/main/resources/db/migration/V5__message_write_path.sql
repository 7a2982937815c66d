-- The message write path, tuned for group commit (see post_messages in R__functions.sql).

-- Every inserted message checked its room and its sender against rooms and users, one trigger each per row: as much
-- work again as the insert itself. post_messages writes only for a room it has locked and a sender it found a
-- membership for (whose own foreign keys hold), and rooms and users are never deleted (people are deactivated), so
-- these checks can only ever pass.
ALTER TABLE messages DROP CONSTRAINT IF EXISTS messages_room_id_fkey;
ALTER TABLE messages DROP CONSTRAINT IF EXISTS messages_sender_id_fkey;
