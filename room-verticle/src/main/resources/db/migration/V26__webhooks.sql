-- Issue 15: webhooks, and the bot accounts they post as. A bot is an account like a person's (it is a member of its
-- room and posts through the same path, checks and fan-out), marked so that it can never sign in: it has no password
-- and no sign-in identity, and clients may show it as a bot.
ALTER TABLE users ADD COLUMN bot boolean NOT NULL DEFAULT false;

CREATE TABLE webhooks (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  room_id    uuid NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
  kind       text NOT NULL CHECK (kind IN ('incoming', 'outgoing')),
  name       text NOT NULL,
  bot_id     uuid NOT NULL REFERENCES users (id),
  -- Incoming: the SHA-256 of the secret in its URL; the URL itself is shown once, when the hook is made.
  token_hash bytea UNIQUE,
  -- Outgoing: where messages go, the HMAC key that signs them (needed in clear to sign), the first word that calls it.
  url        text,
  secret     text,
  trigger    text,
  created_by uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'incoming') = (token_hash IS NOT NULL)),
  CHECK ((kind = 'outgoing') = (url IS NOT NULL AND secret IS NOT NULL))
);
CREATE INDEX webhooks_outgoing ON webhooks (room_id) WHERE kind = 'outgoing';
