-- Read receipts ("seen by" in DMs and group DMs) come from the members' read markers; each person may keep theirs
-- to themselves. (V8 and V9 are files and search.)
ALTER TABLE users ADD COLUMN read_receipts boolean NOT NULL DEFAULT true;
