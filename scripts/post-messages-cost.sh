#!/usr/bin/env bash
# Times the message write path's SQL on its own: post_messages called with batches of 500 messages from 500
# senders in 50 rooms, one message in ten naming two members (the worst case for the read-state counters: one
# membership update per message), in a fresh database migrated with this checkout's scripts.
#
#   scripts/post-messages-cost.sh [functions.sql] [batches]
#
# functions.sql defaults to this checkout's R__functions.sql; pass an older copy (git show REV:path > f.sql) to
# compare two versions on the same server. Needs psql and createdb, and a PostgreSQL reachable as PGHOST/PGUSER
# (defaults: localhost, postgres). Prints the median and mean time of a batch (after 5,000 messages of history;
# the first five timed batches, warming up, left out).
set -euo pipefail
cd "$(dirname "$0")/.."
export PGHOST="${PGHOST:-localhost}" PGUSER="${PGUSER:-postgres}"
migrations=room-verticle/src/main/resources/db/migration
functions="${1:-$migrations/R__functions.sql}"
batches="${2:-60}"
db="post_messages_cost_$$"
trap 'dropdb --if-exists "$db"' EXIT

createdb "$db"
for script in $(ls "$migrations"/V*__*.sql | sort -t V -k 2 -n); do
  psql -q -X -v ON_ERROR_STOP=1 -d "$db" -f "$script" >/dev/null
done
psql -q -X -v ON_ERROR_STOP=1 -d "$db" -f "$functions" >/dev/null 2>&1
psql -q -X -v ON_ERROR_STOP=1 -d "$db" >/dev/null <<'SQL'
INSERT INTO users (email, name, handle)
SELECT 'u' || g || '@example.com', 'User ' || g, 'u' || g FROM generate_series(1, 500) g;
INSERT INTO rooms (kind, name) SELECT 'channel', 'room-' || g FROM generate_series(1, 50) g;
CREATE TABLE bench_slots AS
SELECT s.g, r.id AS room, u.id AS sender,
       CASE WHEN s.g % 10 = 0
            THEN 'hey @u' || ((s.g + 50 - 1) % 500 + 1) || ' and @u' || ((s.g + 100 - 1) % 500 + 1) || ', look'
            ELSE 'an ordinary message of a busy afternoon, number ' || s.g END AS body
FROM generate_series(1, 500) s(g)
JOIN (SELECT id, row_number() OVER (ORDER BY name) AS n FROM rooms) r ON r.n = (s.g - 1) % 50 + 1
JOIN users u ON u.handle = 'u' || s.g;
-- Everyone is a member of the room of their slot; the people a message names share its room.
INSERT INTO memberships (room_id, user_id) SELECT room, sender FROM bench_slots;
ANALYZE;
SQL

cat > "/tmp/$db.sql" <<'SQL'
WITH b AS MATERIALIZED (SELECT g, gen_random_uuid() AS id, room, sender, md5(random()::text) AS cid, body
                        FROM bench_slots)
SELECT count(*) FROM post_messages(
  (SELECT array_agg(id ORDER BY g) FROM b), (SELECT array_agg(room ORDER BY g) FROM b),
  (SELECT array_agg(sender ORDER BY g) FROM b), (SELECT array_agg(cid ORDER BY g) FROM b),
  (SELECT array_agg(body ORDER BY g) FROM b), array_fill('member'::text, ARRAY[500]),
  array_fill(false, ARRAY[500]), array_fill(false, ARRAY[500]), array_fill(NULL::uuid, ARRAY[500]),
  array_fill(false, ARRAY[500]));
SQL
# Some history first, then fresh statistics: a plan cached while messages was empty would scan it (PostgreSQL
# replans once autovacuum analyzes the table; a measurement should not depend on when that happens).
for _ in $(seq 10); do cat "/tmp/$db.sql"; done | psql -X -q -d "$db" >/dev/null
psql -X -q -d "$db" -c 'VACUUM ANALYZE' >/dev/null
{ echo '\timing on'; for _ in $(seq "$batches"); do cat "/tmp/$db.sql"; done; } \
  | psql -X -q -d "$db" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -n +6 | sort -n \
  | awk '{ t[NR] = $1; sum += $1 } END { printf "batches of 500: median %.1f ms, mean %.1f ms (%d batches)\n", t[int((NR + 1) / 2)], sum / NR, NR }' 
rm -f "/tmp/$db.sql"
