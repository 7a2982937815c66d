-- Password reset (issue 14): single-use, expiring tokens sent by email. Only a hash of each token is kept, so a
-- database leak hands out no reset; the emailed link is the only copy (the outbox row's payload that carries it is
-- emptied once the email is sent).
CREATE TABLE password_resets (
  token_hash bytea PRIMARY KEY,
  user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at    timestamptz
);
-- How many resets a person asked for lately (a few an hour at most), and their tokens to void after a reset.
CREATE INDEX password_resets_user ON password_resets (user_id, created_at);
