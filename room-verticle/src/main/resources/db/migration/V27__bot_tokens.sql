-- Issue 15: API tokens of bot accounts (users.bot). Only the SHA-256 of a token is kept, as for refresh tokens; a
-- token works until its row is deleted (with its bot).
CREATE TABLE bot_tokens (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  bot_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash bytea NOT NULL UNIQUE,
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
