#!/usr/bin/env bash
# What metrics cost (docs/operations.md): one server run with metrics off or on, a short fixed load; prints the Parley JVM's CPU seconds in the measured window.
# usage: metrics-cost.sh off|on
set -euo pipefail
MODE=$1
WT="$(cd "$(dirname "$0")/.." && pwd)"
DATA=$(mktemp -d /tmp/parley-cost-XXXX)
PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
OPS=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
export PARLEY_HTTP_HOST=127.0.0.1 PARLEY_HTTP_PORT=$PORT PARLEY_DATA_DIR=$DATA \
  PARLEY_LIMITS_SEND_PER_SECOND=100000 PARLEY_LIMITS_SEND_BURST=100000 PARLEY_LIMITS_AUTH_PER_MINUTE=100000 \
  PARLEY_LIMITS_ROOMS_PER_HOUR=100000 PARLEY_WORKSPACE_DEFAULT_CHANNELS=
if [ "$MODE" = on ]; then export PARLEY_OPS_HOST=127.0.0.1 PARLEY_OPS_PORT=$OPS; fi
java -Xms512m -Xmx512m -jar $WT/app/target/parley.jar > $DATA/server.log 2>&1 &
SERVER=$!
for i in $(seq 1 120); do grep -q 'Parley is running' $DATA/server.log && break; sleep 0.5; done
unset PARLEY_OPS_PORT PARLEY_OPS_HOST
cpu() { awk '{print $14+$15}' /proc/$SERVER/stat; }
WARMUP=15; DURATION=30
java -Xmx512m -jar $WT/bench/target/parley-bench.jar --url http://127.0.0.1:$PORT --connections 400 --users 40 \
  --rooms 40 --rate 1500 --warmup $WARMUP --duration $DURATION --prefix c$MODE > $DATA/bench.txt 2> $DATA/bench.log &
BENCH=$!
for i in $(seq 1 600); do grep -q 'Offering' $DATA/bench.log && break; sleep 0.2; done
sleep $WARMUP
A=$(cpu); sleep $DURATION; B=$(cpu)
wait $BENCH || true
TICKS=$(getconf CLK_TCK)
if [ "$MODE" = on ]; then curl -s http://127.0.0.1:$OPS/metrics | grep -E '^parley_(messages|deliveries)_total' ; fi
echo "mode=$MODE server_cpu_seconds=$(echo "scale=2; ($B-$A)/$TICKS" | bc) over ${DURATION}s"
cat $DATA/bench.txt
kill $SERVER; wait $SERVER 2>/dev/null || true
rm -rf $DATA
