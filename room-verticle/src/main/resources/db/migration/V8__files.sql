-- Files sent in messages. The bytes live in storage (a folder or an S3 bucket) under the file's id, never its name;
-- this table says what they are, where they were posted and by whom. A file belongs to the room it was uploaded to
-- and, once sent, to its message: who may read it follows from that message (see FileStore).
CREATE TABLE files (
  id          uuid PRIMARY KEY,
  room_id     uuid NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
  uploader_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  -- NULL until a message carries it; uploads never sent are swept after a day.
  message_id  uuid REFERENCES messages (id) ON DELETE CASCADE,
  name        text NOT NULL,
  size        bigint NOT NULL,
  type        text NOT NULL,
  width       int,
  height      int,
  thumbnail   boolean NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL DEFAULT now()
);
-- The daily quota: one person's uploads of the last 24 hours.
CREATE INDEX files_uploader_recent ON files (uploader_id, created_at);
-- The sweep: uploads never attached, oldest first.
CREATE INDEX files_unattached ON files (created_at) WHERE message_id IS NULL;

-- A message's file descriptors, written once when it is sent, so that history and replay read them with the
-- message's row (no join, nothing at all for the messages without files: the column stays NULL).
ALTER TABLE messages ADD COLUMN files jsonb;
