-- Thread replies no longer make their channel unread (Slack's way): unread counters count the messages shown in the
-- room itself, so replies only when also sent to the channel (post_messages and ReadStore count the same). Rooms
-- that already hold replies get their counters counted again; the others are right as they are.
WITH threaded AS (
  SELECT DISTINCT x.room_id FROM messages x WHERE x.thread_id IS NOT NULL AND NOT x.also_in_channel
)
UPDATE rooms r SET message_count = (SELECT count(*) FROM messages x
                                    WHERE x.room_id = r.id AND (x.thread_id IS NULL OR x.also_in_channel))
FROM threaded t WHERE r.id = t.room_id;

WITH threaded AS (
  SELECT DISTINCT x.room_id FROM messages x WHERE x.thread_id IS NOT NULL AND NOT x.also_in_channel
)
UPDATE memberships m SET (read_count, own_unread) =
  (SELECT count(*) FILTER (WHERE x.seq <= m.read_seq),
          count(*) FILTER (WHERE x.seq > m.read_seq AND x.sender_id = m.user_id)
   FROM messages x WHERE x.room_id = m.room_id AND (x.thread_id IS NULL OR x.also_in_channel))
FROM threaded t WHERE m.room_id = t.room_id;
