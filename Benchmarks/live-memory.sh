#!/usr/bin/env bash
# The live dashboard's memory and open files over a long run (issue 11: "a 26-minute
# live run against a local stand-in stays within 2 MB of its start"): `rotor --live`
# in a tmux pane of its own, every feed redirected to Benchmarks/live-standin.py on
# 127.0.0.1 (some of whose tickers fail, rate-limit or stall), a fresh cache and state
# folder. Samples resident memory (VmRSS) and open files once a minute.
#
# usage: Benchmarks/live-memory.sh [MINUTES]   (default 26; release build)
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-26}
rotor=$PWD/.build/release/rotor
[ -x "$rotor" ] || swift build -c release --product rotor
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 Benchmarks/live-standin.py "$port" & server=$!
session=rotor-mem-$$
tmx() { tmux -L "$session" "$@"; }
trap 'tmx kill-server 2>/dev/null || true; kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
sleep 1
tmx new-session -d -x 200 -y 60 -s "$session" \
  "exec env ROTOR_YAHOO_BASE_URL=http://127.0.0.1:$port ROTOR_FRED_BASE_URL=http://127.0.0.1:$port \
   XDG_CACHE_HOME=$work/cache XDG_STATE_HOME=$work/state XDG_CONFIG_HOME=$work/config $rotor --live"
sleep 2
pid=$(tmx display -p -t "$session" '#{pane_pid}')
rss() { awk '/VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$pid/status"; }
fds() { ls "/proc/$pid/fd" | wc -l; }
echo "minute  rss_MB  open_files"
for m in $(seq 0 "$minutes"); do
  echo "$m  $(rss)  $(fds)"
  [ "$m" -lt "$minutes" ] && sleep 60
done
echo "log lines: $(cat "$work"/state/rotor/rotor.log* 2>/dev/null | wc -l)"
tmx capture-pane -p -t "$session" | tail -3
tmx send-keys -t "$session" q
