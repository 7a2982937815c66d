#!/usr/bin/env bash
# Upload and download throughput of one large file through a running Parley, with the server's heap
# sampled while the bytes flow (docs/files.md, "Figures"). It signs up a fresh account, makes a
# channel, uploads the file (multipart, as the web client does), downloads it back and compares.
#
#   scripts/bench-files.sh [base-url] [size-in-MiB] [server-pid]
#
# Defaults: http://localhost:8080, 100 MiB, and the PID of the one JVM running parley.jar. The heap is
# read by one `jstat -gc <pid> 100` for each transfer (a sample every 100 ms, one JVM for the whole
# transfer rather than a tool started per sample, which would take the CPU the server needs): the
# used heap of all generations, garbage not collected yet included, so a ceiling of what a transfer
# costs rather than its live set. Run it on the server's machine. Needs curl, jq, jps and jstat; the
# server's files.maxBytes must allow the size.
set -euo pipefail

BASE=${1:-http://localhost:8080}
MIB=${2:-100}
PID=${3:-$(jps -l | awk '/parley/ {print $1; exit}')}
[ -n "$PID" ] || { echo "No Parley JVM found: pass its PID as the third argument" >&2; exit 1; }

WORK=$(mktemp -d)
trap 'kill "${SAMPLER:-}" 2>/dev/null || true; rm -rf "$WORK"' EXIT

# jstat -gc prints survivor, eden and old generation use (S0U S1U EU OU, in KiB) among its columns.
sample_heap() {
  exec jstat -gc "$PID" 100 > "$1"
}

# Starts the sampler and waits for its first sample, so that the transfer is watched from its start.
start_sampler() {
  sample_heap "$1" & SAMPLER=$!
  until [ "$(wc -l < "$1" 2>/dev/null || echo 0)" -ge 2 ]; do sleep 0.05; done
}

peak_mib() {
  awk 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
       { used = $col["S0U"] + $col["S1U"] + $col["EU"] + $col["OU"]; if (used > peak) peak = used }
       END { printf "%.0f", peak / 1024 }' "$1"
}

echo "Making a ${MIB} MiB file of random bytes..."
head -c "$((MIB * 1024 * 1024))" /dev/urandom > "$WORK/payload.bin"

EMAIL="bench-files-$(date +%s%N)@example.com"
TOKEN=$(curl -sf -X POST "$BASE/api/v1/auth/register" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$EMAIL\",\"password\":\"correct horse battery\",\"name\":\"Bench\"}" | jq -r .accessToken)
ROOM=$(curl -sf -X POST "$BASE/api/v1/rooms" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d "{\"name\":\"bench-files-$(date +%s)\",\"kind\":\"channel\"}" | jq -r .room.id)

jstat -gc "$PID" > "$WORK/before.heap"
echo "Heap before: $(peak_mib "$WORK/before.heap") MiB used"

start_sampler "$WORK/upload.heap"
UPLOAD=$(curl -s -o "$WORK/upload.json" -w '%{http_code} %{time_total} %{speed_upload}' \
  -H "Authorization: Bearer $TOKEN" -F "file=@$WORK/payload.bin;filename=payload.bin" "$BASE/api/v1/rooms/$ROOM/files")
kill "$SAMPLER"; wait "$SAMPLER" 2>/dev/null || true
read -r STATUS SECONDS_UP SPEED_UP <<< "$UPLOAD"
[ "$STATUS" = 201 ] || { echo "Upload answered $STATUS: $(cat "$WORK/upload.json")" >&2; exit 1; }
FILE=$(jq -r .file.id "$WORK/upload.json")

start_sampler "$WORK/download.heap"
DOWNLOAD=$(curl -s -o "$WORK/back.bin" -w '%{http_code} %{time_total} %{speed_download}' \
  -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/files/$FILE")
kill "$SAMPLER"; wait "$SAMPLER" 2>/dev/null || true
read -r STATUS SECONDS_DOWN SPEED_DOWN <<< "$DOWNLOAD"
[ "$STATUS" = 200 ] || { echo "Download answered $STATUS" >&2; exit 1; }
cmp -s "$WORK/payload.bin" "$WORK/back.bin" || { echo "The download differs from the upload" >&2; exit 1; }

awk -v mib="$MIB" -v up="$SECONDS_UP" -v sup="$SPEED_UP" -v down="$SECONDS_DOWN" -v sdown="$SPEED_DOWN" 'BEGIN {
  printf "upload   %d MiB in %.2f s: %.1f MiB/s\n", mib, up, sup / 1048576
  printf "download %d MiB in %.2f s: %.1f MiB/s\n", mib, down, sdown / 1048576
}'
echo "heap used, peak during upload:   $(peak_mib "$WORK/upload.heap") MiB"
echo "heap used, peak during download: $(peak_mib "$WORK/download.heap") MiB"
