#!/usr/bin/env bash
# The fault harness's long version (docs/operations.md, "Failure modes and recovery"): a thin wrapper of the bench's
# `faults` command, which starts parley.jar nodes as processes on loopback (on a throw-away PostgreSQL and Redis that
# parley.jar starts, or --db-url/--redis-url), drives protocol-following clients, kills, freezes and restarts nodes,
# and prints one line of figures per scenario: acked, lost, duplicates, missing, order violations, reconnect
# p50/p99/max, ack p50/p99/max, errors by code. The short version is `mvn verify`'s FailoverIT.
#
#   scripts/fault-harness.sh [faults options]      e.g. --nodes 3 --clients-per-node 20 --after-kill 20000
#
# `java -jar bench/target/parley-bench.jar faults --help` lists the options. It builds the two jars first (offline,
# no install). Takes minutes: do not run it where others measure.
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -B -o -q -pl app,bench -am package -DskipTests
exec java -jar bench/target/parley-bench.jar faults "$@" 2>fault-harness.log
