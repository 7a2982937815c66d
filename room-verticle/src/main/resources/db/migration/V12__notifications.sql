-- Notifications (issue 12): notification-verticle's durable work queue, and how each person wants to hear of a room.

-- The outbox: work for notification-verticle (a push to one person about one message, an invitation email), claimed
-- by any of its instances with FOR UPDATE SKIP LOCKED for a lease (claimed_by, claimed_until) and finished by the
-- lease holder. A row is queued once per natural key (dedupe_key: every instance hears every stored message), and
-- finished rows stay a day with their key, so that an instance hearing a message late cannot queue it again.
CREATE TABLE notification_outbox (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind          text NOT NULL,
  user_id       uuid,
  dedupe_key    text NOT NULL UNIQUE,
  -- What the kind's handler needs; an invitation's is emptied once it is sent (its link holds the invite's token).
  payload       jsonb,
  due_at        timestamptz NOT NULL DEFAULT now(),
  attempts      int NOT NULL DEFAULT 0,
  claimed_by    text,
  claimed_until timestamptz,
  finished_at   timestamptz,
  outcome       text CHECK (outcome IN ('done', 'failed')),
  last_error    text,
  created_at    timestamptz NOT NULL DEFAULT now()
);
-- Claims read the due, unfinished rows oldest first; finished rows are out of this index.
CREATE INDEX notification_outbox_due ON notification_outbox (due_at) WHERE finished_at IS NULL;
CREATE INDEX notification_outbox_finished ON notification_outbox (finished_at) WHERE finished_at IS NOT NULL;

-- How a person wants to hear of one room: every message ("all"), mentions only (the default, also for DMs where every
-- message counts as one), or nothing; and muted until a time. No row: the default.
CREATE TABLE notification_room_prefs (
  room_id     uuid NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
  user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  level       text NOT NULL DEFAULT 'mentions' CHECK (level IN ('all', 'mentions', 'nothing')),
  muted_until timestamptz,
  PRIMARY KEY (room_id, user_id)
);
-- The few members of a room who want every message, found without reading the room's memberships.
CREATE INDEX notification_room_prefs_all ON notification_room_prefs (room_id) WHERE level = 'all';

-- The Web Push subscriptions of people's devices: where to POST (an endpoint of a known push service, checked by the
-- gateway and again before each delivery) and the keys pushes are encrypted to. An endpoint belongs to one person:
-- a browser signed in to another account moves it.
CREATE TABLE push_subscriptions (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  endpoint   text NOT NULL UNIQUE,
  p256dh     text NOT NULL,
  auth       text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX push_subscriptions_user ON push_subscriptions (user_id, created_at);

-- A person's own notification settings: email on or off, and a daily do-not-disturb window in their time zone (an
-- IANA name; the end may be on the next day). No row: email on, no do-not-disturb, no digest yet.
CREATE TABLE notification_user_prefs (
  user_id   uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  email     boolean NOT NULL DEFAULT true,
  dnd_start time,
  dnd_end   time,
  time_zone text,
  -- The email digest: when the last one was read (the next gathers what came after), and the token of its one-click
  -- unsubscribe link (RFC 8058), which can do nothing but switch this person's email off.
  digest_sent_at timestamptz,
  email_token    text UNIQUE,
  CHECK ((dnd_start IS NULL) = (dnd_end IS NULL) AND (dnd_start IS NULL) = (time_zone IS NULL))
);
