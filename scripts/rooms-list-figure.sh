#!/usr/bin/env bash
# The figure of docs/reads.md: GET /api/v1/rooms for a person in 500 rooms with 1,000,000 messages in all (2,000 a
# room, read markers spread over them, one message in a hundred naming the person), timed through a running server.
#
#   scripts/rooms-list-figure.sh [requests]
#
# Needs the built jar (mvn -B -q package -DskipTests), curl, psql and createdb, a PostgreSQL reachable as
# PGHOST/PGUSER (defaults: localhost, postgres; trust authentication) and a Redis at localhost:6379. The database
# is made for the run and dropped after it. Prints p50 and p99 of the requests' total time, as curl sees them.
set -euo pipefail
cd "$(dirname "$0")/.."
export PGHOST="${PGHOST:-localhost}" PGUSER="${PGUSER:-postgres}"
requests="${1:-200}"
db="rooms_list_figure_$$"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
work=$(mktemp -d)
server=
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  dropdb --if-exists "$db"
  rm -rf "$work"
}
trap cleanup EXIT

createdb "$db"
PARLEY_HTTP_HOST=127.0.0.1 PARLEY_HTTP_PORT="$port" PARLEY_DATA_DIR="$work/data" \
  PARLEY_DB_URL="postgresql://$PGUSER@$PGHOST:5432/$db" PARLEY_REDIS_URL="redis://localhost:6379" \
  java -jar app/target/parley.jar >"$work/server.log" 2>&1 &
server=$!
until grep -q "Parley is running" "$work/server.log"; do
  kill -0 "$server" 2>/dev/null || { cat "$work/server.log"; exit 1; }
  sleep 0.2
done

token=$(curl -sf -X POST "http://127.0.0.1:$port/api/v1/auth/register" -H 'content-type: application/json' \
  -d '{"name":"Reader","email":"reader@example.com","password":"correct horse battery"}' \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["accessToken"])')

echo "Generating 500 rooms and 1,000,000 messages..."
psql -q -X -v ON_ERROR_STOP=1 -d "$db" >/dev/null <<'SQL'
INSERT INTO users (email, name, handle) VALUES ('writer@example.com', 'Writer', 'writer');
INSERT INTO rooms (kind, name, last_seq, message_count)
SELECT 'channel', 'room-' || g, 2000, 2000 FROM generate_series(1, 500) g;
INSERT INTO memberships (room_id, user_id, role, read_seq, read_count)
SELECT r.id, u.id, 'member', s.read_seq, s.read_seq
FROM rooms r CROSS JOIN users u
CROSS JOIN LATERAL (SELECT (abs(hashtext(r.id::text)) % 2001)::bigint AS read_seq) s
WHERE u.handle <> 'writer' AND r.name LIKE 'room-%';
INSERT INTO memberships (room_id, user_id, role)
SELECT r.id, u.id, 'owner' FROM rooms r, users u WHERE u.handle = 'writer' AND r.name LIKE 'room-%';
INSERT INTO messages (id, room_id, seq, sender_id, client_msg_id, body, created_at)
SELECT gen_random_uuid(), r.id, g, w.id, 'c' || g, 'message number ' || g,
       now() - interval '2 years' + g * interval '5 minutes'
FROM rooms r CROSS JOIN generate_series(1, 2000) g CROSS JOIN (SELECT id FROM users WHERE handle = 'writer') w
WHERE r.name LIKE 'room-%';
INSERT INTO message_mentions (room_id, seq, message_id, sender_id, users, channel, created_at)
SELECT m.room_id, m.seq, m.id, m.sender_id, ARRAY[u.id], false, m.created_at
FROM messages m CROSS JOIN (SELECT id FROM users WHERE handle <> 'writer') u WHERE m.seq % 100 = 0;
INSERT INTO mentions (user_id, room_id, seq, message_id, created_at)
SELECT mm.users[1], mm.room_id, mm.seq, mm.message_id, mm.created_at FROM message_mentions mm;
VACUUM ANALYZE;
SQL

for _ in $(seq 20); do
  curl -sf -o /dev/null -H "authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/rooms?limit=500"
done
rooms=$(curl -sf -H "authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/rooms?limit=500" \
  | python3 -c 'import json, sys; print(len(json.load(sys.stdin)["rooms"]))')
for _ in $(seq "$requests"); do
  curl -sf -o /dev/null -w '%{time_total}\n' -H "authorization: Bearer $token" \
    "http://127.0.0.1:$port/api/v1/rooms?limit=500"
done | sort -n | awk -v rooms="$rooms" '{ t[NR] = $1 * 1000 } END {
  printf "GET /api/v1/rooms (%d rooms, 1,000,000 messages): p50 %.1f ms, p99 %.1f ms (%d requests)\n",
    rooms, t[int(NR * 0.5 + 0.5)], t[int(NR * 0.99 + 0.5)], NR }'
