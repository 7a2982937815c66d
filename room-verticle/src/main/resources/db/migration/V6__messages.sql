-- Everyday messaging: edits (messages.edited_at exists since V1), threads, reactions, thread followers.

-- A reply names its thread's root (a message of the same room that is no reply itself). The root keeps its thread's
-- summary, written by the same post_messages statement that stores the replies, so history shows it with no
-- aggregate per page: the count, the last reply's time, and up to five participants in order of their first reply.
-- Defaults that are constants add these columns without rewriting the table.
ALTER TABLE messages ADD COLUMN thread_id uuid;
ALTER TABLE messages ADD COLUMN also_in_channel boolean NOT NULL DEFAULT false;
ALTER TABLE messages ADD COLUMN reply_count int NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN last_reply_at timestamptz;
ALTER TABLE messages ADD COLUMN participants uuid[] NOT NULL DEFAULT '{}';
-- A thread's replies in seq order; only replies are in it, so it costs nothing for plain messages.
CREATE INDEX messages_thread ON messages (thread_id, seq) WHERE thread_id IS NOT NULL;

-- One row per (message, emoji, person). The primary key serves both the idempotent add/remove and a history page's
-- counts (one index range per message of the page).
CREATE TABLE reactions (
  message_id uuid NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
  emoji      text NOT NULL,
  user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (message_id, emoji, user_id)
);

-- Who follows a thread (for notifications): its root's author, whoever wrote in it or was mentioned in it, and
-- whoever chose to. An explicit unfollow is kept (following = false) so that being mentioned again does not undo it;
-- writing in the thread again does (wrote = true), as in Slack.
CREATE TABLE thread_followers (
  thread_id uuid NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
  user_id   uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  following boolean NOT NULL,
  wrote     boolean NOT NULL DEFAULT false,
  PRIMARY KEY (thread_id, user_id)
);
CREATE INDEX thread_followers_user ON thread_followers (user_id) WHERE following;
