-- Security hardening.

-- A workspace has one owner: two first sign-ups racing must not both become it (the loser retries as a member).
CREATE UNIQUE INDEX users_one_owner ON users (workspace_role) WHERE workspace_role = 'owner';
