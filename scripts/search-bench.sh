#!/usr/bin/env bash
# Message search over 1,000,000 messages: builds a fresh database of chat-like text (scripts/search-bench-data.sql)
# through Parley's schema and search indexes, then times searches through the server's own SearchStore
# (dev.parley.rooms.store.SearchBench): p50/p99 for a common word, a rare word, partial words and more.
#
#   scripts/search-bench.sh [postgresql://postgres@127.0.0.1:5432] [messages]
#
# Needs psql, Java 17 and Maven. Drops and recreates the database parley_search_bench on that server (nothing else).
# Takes a few minutes, most of it writing the messages. Results and method: docs/search.md.
set -euo pipefail

SERVER=${1:-postgresql://postgres@127.0.0.1:5432}
MESSAGES=${2:-1000000}
DATABASE=parley_search_bench
URL="$SERVER/$DATABASE"
cd "$(dirname "$0")/.."

echo "== building the benchmark jar"
mvn -B -q -pl microbench -am package -DskipTests
JAR=microbench/target/parley-microbench.jar

echo "== a fresh database $DATABASE"
psql "$SERVER/postgres" -q -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS $DATABASE" -c "CREATE DATABASE $DATABASE"
java -cp "$JAR" dev.parley.rooms.store.SearchBench migrate "$URL"

echo "== $MESSAGES messages (the time is the insert through both search indexes)"
psql "$URL" -q -v messages="$MESSAGES" -f scripts/search-bench-data.sql

echo "== searches"
java -cp "$JAR" dev.parley.rooms.store.SearchBench measure "$URL"
