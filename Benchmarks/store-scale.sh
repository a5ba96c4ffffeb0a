#!/usr/bin/env bash
# Issue 18, "Scale": a dashboard starting from the desk's shared store with a
# 2000-member universe (target: first frame under 1 s, under 150 MB). Starts a
# throwaway PostgreSQL server on loopback (Tests/postgres-server.sh run) and runs the
# release binary's `rotor bench --store` against it: a schema filled with the live
# config's main feeds (from the demo) and MEMBERS members of two years each, then the
# start timed phase by phase, in process and as a process (`rotor snapshot`), with
# memory, and the collector's request budget over that universe. The server and its
# folder are removed on exit.
#
# usage: Benchmarks/store-scale.sh [MEMBERS]   (default 2000; release build)
set -euo pipefail
cd "$(dirname "$0")/.."
members=${1:-2000}
rotor=$PWD/.build/release/rotor
[ -x "$rotor" ] || swift build -c release --product rotor
Tests/postgres-server.sh run bash -c \
  'exec "$0" bench --store --db "$ROTOR_TEST_POSTGRES_URL" --password-file "$ROTOR_TEST_POSTGRES_PASSWORD_FILE" --members "$1" --iterations 9' \
  "$rotor" "$members"
