-- Deactivated accounts (issue 14): an operator's `admin deactivate` sets the time; such an account cannot sign in
-- with its password (it reads as unknown) and its sessions were ended when it was set. Reactivation clears it.
ALTER TABLE users ADD COLUMN deactivated_at timestamptz;
