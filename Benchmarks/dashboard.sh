#!/usr/bin/env bash
# The screen's speed on the bundled demo (release build): rendering (rotor bench
# --render), the first frame of `rotor snapshot` as a whole process, and the CPU the
# dashboard uses while paused in a tmux pane.
set -euo pipefail
cd "$(dirname "$0")/.."
rotor=$PWD/.build/release/rotor
[ -x "$rotor" ] || swift build -c release --product rotor
"$rotor" bench --render --iterations 50

runs=${RUNS:-10}
times=()
for _ in $(seq "$runs"); do
  s=$(date +%s%N); "$rotor" snapshot --width 200 --height 60 >/dev/null; e=$(date +%s%N)
  times+=($(( (e - s) / 1000000 )))
done
echo "rotor snapshot 200x60, whole process: $(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') ms median of $runs"

session=rotor-bench-$$
# A tmux server of its own (-L), and the pane's own process: exec makes rotor the pane.
tmx() { tmux -L "$session" "$@"; }
tmx new-session -d -x 200 -y 60 -s "$session" "exec $rotor"
trap 'tmx kill-server 2>/dev/null || true' EXIT
sleep 2
tmx send-keys -t "$session" p
sleep 1
pid=$(tmx display -p -t "$session" '#{pane_pid}')
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
before=$(ticks); sleep 10; after=$(ticks)
hz=$(getconf CLK_TCK)
awk -v d=$((after - before)) -v hz="$hz" 'BEGIN { printf "CPU while paused: %.2f%% of one core over 10 s\n", 100 * d / hz / 10 }'
tmx send-keys -t "$session" p
before=$(ticks); sleep 10; after=$(ticks)
awk -v d=$((after - before)) -v hz="$hz" 'BEGIN { printf "CPU while replaying (1 session/s): %.2f%% of one core over 10 s\n", 100 * d / hz / 10 }'
tmx send-keys -t "$session" q
