#!/usr/bin/env bash
# A whole `rotor export` of every pane expression against the same computation in
# pandas (Benchmarks/export_pandas.py), on 10 years x (16 symbols + 500 members).
# Both sides are timed as whole processes (start, read the CSVs, compute, write).
set -euo pipefail
cd "$(dirname "$0")/.."
rotor=.build/release/rotor
[ -x "$rotor" ] || swift build -c release --product rotor
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
"$rotor" bench --write-data "$data" >/dev/null
python3 -c 'import pandas' 2>/dev/null || pip install -q pandas

mapfile -t exprs < <("$rotor" bench --list-expressions)
runs=${RUNS:-10}

# Median wall time of a command over $runs runs, in milliseconds.
median_ms() {
  local times=()
  for _ in $(seq "$runs"); do
    local s e
    s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N)
    times+=($(( (e - s) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

rotor_ms=$(median_ms "$rotor" export --data "$data" "${exprs[@]}")
pandas_ms=$(median_ms python3 Benchmarks/export_pandas.py "$data")
python3 Benchmarks/export_pandas.py "$data" 2>&1 >/dev/null | tail -1
echo "rotor export (${#exprs[@]} expressions): ${rotor_ms} ms median of $runs"
echo "pandas (same computation):        ${pandas_ms} ms median of $runs"
awk -v r="$rotor_ms" -v p="$pandas_ms" 'BEGIN { printf "rotor is %.1fx faster\n", p / (r > 0 ? r : 1) }'
