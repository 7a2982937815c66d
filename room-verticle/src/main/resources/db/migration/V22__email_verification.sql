-- Email verification (issue 14): when a person's address was shown to be theirs. Set by following an emailed link
-- (single-use, expiring tokens kept only as hashes, like password_resets in V20), or at once for an account a sign-in
-- provider vouched for with a verified address. Nothing is refused to an unverified account today; see
-- docs/identity.md for what the mark is for.
ALTER TABLE users ADD COLUMN email_verified_at timestamptz;

-- Accounts made or linked through a provider: Parley only does either for an address the provider verified.
UPDATE users u SET email_verified_at = i.created_at
FROM identities i
WHERE i.user_id = u.id AND lower(i.email) = lower(u.email) AND u.email_verified_at IS NULL;

-- The emailed tokens. The address is the one the link was sent to: a token verifies that address, no other.
CREATE TABLE email_verifications (
  token_hash bytea PRIMARY KEY,
  user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  email      text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at    timestamptz
);
-- How many links a person asked for lately (a few an hour at most), and their tokens to void once verified.
CREATE INDEX email_verifications_user ON email_verifications (user_id, created_at);
