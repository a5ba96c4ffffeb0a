#!/usr/bin/env bash
# Issue 18, "Scale": the collector carrying a 2000-member universe. `rotor collect
# --once` (release build) of Samples/live.toml with its universe replaced by MEMBERS
# generated tickers (and without its cftc feeds, which the stand-in does not serve),
# every feed redirected to Benchmarks/live-standin.py --steady on 127.0.0.1, writing
# into a throwaway PostgreSQL server (Tests/postgres-server.sh run). Prints the wall
# time and peak memory of the collector, the requests the stand-in served, and the
# rows and feeds in the store. `--once` keeps the poller's budget (two requests a
# second), so 2000 members take about 17 minutes.
#
# usage: Benchmarks/collect-scale.sh [MEMBERS]   (default 2000)
set -euo pipefail
cd "$(dirname "$0")/.."
members=${1:-2000}
rotor=$PWD/.build/release/rotor
[ -x "$rotor" ] || swift build -c release --product rotor
if [ -z "${ROTOR_TEST_POSTGRES_URL:-}" ]; then exec Tests/postgres-server.sh run "$0" "$@"; fi
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 Benchmarks/live-standin.py "$port" --steady & server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
seq -f 'M%04g' 1 "$members" >"$work/members.txt"
sed -e "s|members = \"universe-large-us.txt\"|members = \"$work/members.txt\"|" \
    -e "s|files = \[\"events.csv\"\]|files = [\"$PWD/Samples/events.csv\"]|" \
    -e '/# cftc-begin/,/# cftc-end/d' Samples/live.toml >"$work/collect.toml"
cat >>"$work/collect.toml" <<TOML

[store]
url = "$ROTOR_TEST_POSTGRES_URL"
password_file = "$ROTOR_TEST_POSTGRES_PASSWORD_FILE"
schema = "collect_bench"
TOML
base=http://127.0.0.1:$port
for _ in $(seq 50); do curl -sf "$base/_hits" >/dev/null && break; sleep 0.1; done
start=$(date +%s.%N)
status=0
env ROTOR_YAHOO_BASE_URL=$base ROTOR_FRED_BASE_URL=$base ROTOR_CBOE_BASE_URL=$base XDG_CACHE_HOME="$work/cache" \
  /usr/bin/time -f '%M' -o "$work/maxrss" "$rotor" collect --config "$work/collect.toml" --once 2>"$work/collect.log" || status=$?
end=$(date +%s.%N)
tail -3 "$work/collect.log"
psql=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)/psql
sql() { "$psql" -h "$ROTOR_TEST_POSTGRES_DIR/run" -p "$(cat "$ROTOR_TEST_POSTGRES_DIR/port")" -U rotor -d rotor_test -Atc "$1"; }
feeds=$(grep -c '^\[\[feeds\]\]' "$work/collect.toml")
printf 'collect --once: %s feeds ([[feeds]] %s, %s members), exit status %s\n' \
  "$(sql 'SELECT count(*) FROM collect_bench.feed_health')" "$feeds" "$members" "$status"
printf '  wall time %.1f s, peak resident memory %.1f MB\n' "$(echo "$end - $start" | bc)" "$(echo "$(cat "$work/maxrss") / 1024" | bc -l)"
printf '  requests served by the stand-in: %s\n' "$(curl -sf "$base/_hits")"
printf '  rows in the store: %s bars in %s histories; %s feeds healthy\n' \
  "$(sql 'SELECT count(*) FROM collect_bench.history')" \
  "$(sql 'SELECT count(DISTINCT (feed, provider, ticker)) FROM collect_bench.history')" \
  "$(sql 'SELECT count(*) FROM collect_bench.feed_health WHERE last_success IS NOT NULL AND error_kind IS NULL')"
