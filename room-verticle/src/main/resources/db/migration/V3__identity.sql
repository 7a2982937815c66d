-- Identity: handles and pictures on profiles, sign-in through OAuth2/OIDC providers, refresh-token reuse detection.

-- A unique @handle (used by mentions); people who signed up before handles existed get one from their name.
ALTER TABLE users ADD COLUMN handle text;
UPDATE users SET handle = left(regexp_replace(lower(name), '[^a-z0-9_]+', '', 'g'), 20) || '_' || left(replace(id::text, '-', ''), 6);
ALTER TABLE users ALTER COLUMN handle SET NOT NULL;
CREATE UNIQUE INDEX users_handle_key ON users (lower(handle));
-- Bumped by every new picture, so picture URLs can be cached for ever.
ALTER TABLE users ADD COLUMN avatar_version int NOT NULL DEFAULT 0;

-- A person's pictures, already resized (the sizes the clients ask for), as stored images.
CREATE TABLE avatars (
  user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  size         int NOT NULL,
  content_type text NOT NULL,
  bytes        bytea NOT NULL,
  PRIMARY KEY (user_id, size)
);

-- Accounts at OAuth2/OIDC providers: (provider, subject) names one person there.
CREATE TABLE identities (
  provider   text NOT NULL,
  subject    text NOT NULL,
  user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  email      text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (provider, subject)
);
CREATE INDEX identities_user ON identities (user_id);

-- Refresh tokens a session has already rotated away: one of them used again means the token was stolen, and the
-- whole session ends.
CREATE TABLE rotated_refresh_tokens (
  token_hash bytea PRIMARY KEY,
  session_id uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  rotated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX rotated_refresh_tokens_session ON rotated_refresh_tokens (session_id);
