-- Readers of the firehose inside Parley that must neither miss an event nor work on it in two instances at once
-- (notification decisions): where each got to, and which instance reads for it now. The instance holds the cursor
-- for a short lease that it renews while it reads; one that stops or dies lets it go, and another takes over from
-- the position last kept, so what was stored while nobody read is handled after all.
CREATE TABLE firehose_cursors (
  name       text PRIMARY KEY,
  position   text,        -- NULL: nobody read yet (the first holder starts from the present)
  holder     text,
  held_until timestamptz
);
