#!/usr/bin/env bash
# The fault harness's long version (docs/operations.md, "Failure modes and recovery"): the same scenarios as
# `mvn verify` runs (FailoverIT, DatabaseOutageIT), with more nodes, clients and messages. Each scenario starts its
# own embedded PostgreSQL and Redis and real parley.jar processes on loopback, and prints one line of figures:
# acked, lost, duplicates, missing, order violations, reconnect p50/p99/max, ack p99/max, errors by code.
#
#   scripts/fault-harness.sh [nodes] [clients-per-node] [messages-after-the-kill] [send-every-ms]
#
# Defaults: 3 nodes, 20 clients per node, 20,000 messages acked after the kill, a message every 50 ms per client
# (60 clients: 1,200 msg/s). It builds what it needs first (offline, no install). Takes minutes: do not run it
# where others measure.
set -euo pipefail
cd "$(dirname "$0")/.."

NODES=${1:-3}
CLIENTS=${2:-20}
AFTER_KILL=${3:-20000}
EVERY=${4:-50}

mvn -B -o -q -pl app -am verify -Dtest=NONE -Dit.test='FailoverIT,DatabaseOutageIT' \
  -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dfault.nodes="$NODES" -Dfault.clientsPerNode="$CLIENTS" -Dfault.afterKill="$AFTER_KILL" \
  -Dfault.sendEveryMillis="$EVERY" 2>&1 \
  | grep -E '^(Failover|Rolling restart|PostgreSQL outage|Restore drill)|Tests run:|FAIL' || true
