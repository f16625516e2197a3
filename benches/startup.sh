#!/usr/bin/env bash
# Start to first frame of `convene open`, as a whole process, and peak memory (issues 6
# and 14).
#
# Start to first frame: the app runs in a pseudo-terminal (`script`) of 160x48 with the
# hidden CONVENE_EXIT_AFTER_FIRST_FRAME=1, which quits (terminal restored, lock released)
# right after the first frame is drawn; bash's $EPOCHREALTIME is read just before the
# process is started and just after it has exited, so the time covers exec, loading,
# the first frame and the teardown. On the typical session (bar: under 50 ms), the
# realistic big day (1,000 people, 200 issues, 50,000 events) and the extreme session
# (300 participants, 1,000 issues, 100,000 events), each paired run for run with a
# syntax-only parse of the same file as a whole process (benches/syntax_only.rs; bar: at
# most 1.5x it). RUNS runs; min and median are printed.
#
# Peak memory: `/usr/bin/time -v` around the app opened on the extreme session in tmux
# (160x48); the keys visit every pane, add an issue (which saves the whole 23 MB file in
# the background) and quit. Without tmux, the app quits after its first frame instead.
# Bar: at most 3x the file.
#
# Replay (issue 14), on the extreme session and on a session of a million events with 3,000
# participants: start to first frame, quitting after it, RUNS runs (bar at a million: under
# 1 s); then, since the replay reads its log behind the first frame, the time until the
# whole log is read and the peak memory with it read and the last event shown
# (benches/replay_read.sh, in tmux; bar at a million: at most 3x the file).
# Usage: benches/startup.sh [RUNS]   (default 20)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-20}"
command -v jq >/dev/null || { echo "jq is not installed" >&2; exit 1; }
if [ ! -x /usr/bin/time ]; then
    echo "installing time" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
fi

cargo build --release --quiet
target="${CARGO_TARGET_DIR:-target}"
convene="$(realpath "$target/release/convene")"
dir="$(mktemp -d)"
trap 'tmux -L "convene-startup-$$" kill-server 2>/dev/null || true; rm -rf "$dir"' EXIT
mkdir -p "$dir/data"
syntax="$(cargo build --release --quiet --bench syntax_only --message-format=json |
    jq -r 'select(.executable != null and .target.name == "syntax_only") | .executable')"
"$convene" synth --participants 60 --issues 40 --events 2000 -o "$dir/typical.json" >/dev/null
"$convene" synth --participants 1000 --issues 200 --events 50000 -o "$dir/bigday.json" >/dev/null
"$convene" synth --participants 300 --issues 1000 --events 100000 -o "$dir/extreme.json" >/dev/null

cat >"$dir/once.sh" <<'ONCE'
stty rows 48 cols 160
start=$EPOCHREALTIME
CONVENE_EXIT_AFTER_FIRST_FRAME=1 "$1" --data-dir "$2" open "$3"
end=$EPOCHREALTIME
echo "$start $end" >>"$4"
start=$EPOCHREALTIME
"$5" "$3"
end=$EPOCHREALTIME
echo "$start $end" >>"$6"
ONCE
# "min median" in milliseconds of the start/end pairs in file $1.
stats() {
    awk '{ print ($2 - $1) * 1000 }' "$1" | sort -n | awk '{ a[NR] = $1 } END {
        printf "%.1f %.1f", a[1], (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}
for size in typical bigday extreme; do
    : >"$dir/app-$size" && : >"$dir/syntax-$size"
    for _ in $(seq "$runs"); do
        script -qec "bash '$dir/once.sh' '$convene' '$dir/data' '$dir/$size.json' \
            '$dir/app-$size' '$syntax' '$dir/syntax-$size'" /dev/null >/dev/null
    done
    read -r a_min a_med <<<"$(stats "$dir/app-$size")"
    read -r s_min s_med <<<"$(stats "$dir/syntax-$size")"
    echo "== start to first frame, $size session ($(stat -c %s "$dir/$size.json") bytes, 160x48), $runs paired runs"
    echo "convene open: min ${a_min} ms, median ${a_med} ms (typical bar: under 50 ms)"
    echo "syntax only:  min ${s_min} ms, median ${s_med} ms"
    awk -v a="$a_min" -v am="$a_med" -v s="$s_min" -v sm="$s_med" 'BEGIN {
        printf "ratio: %.2f (median %.2f; bar at most 1.5)\n", a / s, am / sm }'
done

echo "== peak memory, extreme session open"
if command -v tmux >/dev/null; then
    tmux_() { tmux -L "convene-startup-$$" "$@"; }
    wait_for() {
        for _ in $(seq 300); do
            tmux_ capture-pane -p -t mem 2>/dev/null | grep -q "$1" && return 0
            sleep 0.1
        done
        echo "the app never showed \"$1\"" >&2
        exit 1
    }
    tmux_ new-session -d -s mem -x 160 -y 48 \
        "/usr/bin/time -v -o '$dir/mem' '$convene' --data-dir '$dir/data' open '$dir/extreme.json'"
    wait_for Opening
    for key in 2 3 4 5 6 1; do
        tmux_ send-keys -t mem "$key"
        sleep 0.3
    done
    tmux_ send-keys -t mem 2
    sleep 0.3
    tmux_ send-keys -t mem a
    wait_for "New issue"
    tmux_ send-keys -t mem -l "Peak memory"
    tmux_ send-keys -t mem Enter
    wait_for "Added issue"
    sleep 0.2
    tmux_ send-keys -t mem Escape
    sleep 0.3
    tmux_ send-keys -t mem q
    for _ in $(seq 600); do
        [ -s "$dir/mem" ] && grep -q "Exit status" "$dir/mem" && break
        sleep 0.1
    done
    echo "(opened, every pane shown, an issue added and saved, quit)"
else
    CONVENE_EXIT_AFTER_FIRST_FRAME=1 script -qec "stty rows 48 cols 160; /usr/bin/time -v \
        -o '$dir/mem' '$convene' --data-dir '$dir/data' open '$dir/extreme.json'" /dev/null >/dev/null
    echo "(tmux missing: opened and quit after the first frame)"
fi
file_bytes=$(stat -c %s "$dir/extreme.json")
grep -E "Maximum resident set size" "$dir/mem" | awk -v b="$file_bytes" '{
    printf "maximum resident set: %.1f MiB, %.2fx the file (bar: at most 3x)\n",
        $NF / 1024, $NF * 1024 / b }'

"$convene" synth --participants 3000 --issues 1000 --events 1000000 -o "$dir/million.json" >/dev/null
for size in extreme million; do
    file_bytes=$(stat -c %s "$dir/$size.json")
    echo "== replay, $size session ($(awk -v b="$file_bytes" 'BEGIN { printf "%.1f MiB", b / 1048576 }'), 160x48), $runs runs"
    : >"$dir/replay-$size"
    for _ in $(seq "$runs"); do
        start=$EPOCHREALTIME
        CONVENE_EXIT_AFTER_FIRST_FRAME=1 script -qec "stty rows 48 cols 160; \
            '$convene' --data-dir '$dir/data' replay '$dir/$size.json'" /dev/null >/dev/null
        end=$EPOCHREALTIME
        echo "$start $end" >>"$dir/replay-$size"
    done
    read -r r_min r_med <<<"$(stats "$dir/replay-$size")"
    echo "start to first frame: min ${r_min} ms, median ${r_med} ms (bar at a million: under 1 s)"
    if command -v tmux >/dev/null; then
        read -r secs kb <<<"$(benches/replay_read.sh "$convene" "$dir/data" "$dir/$size.json")"
        awk -v s="$secs" -v kb="$kb" -v b="$file_bytes" 'BEGIN {
            printf "whole log read after %.2f s; maximum resident set: %.1f MiB, %.2fx the file (bar at a million: at most 3x)\n",
                s, kb / 1024, kb * 1024 / b }'
    else
        echo "(tmux missing: the memory with the whole log read is not measured)"
    fi
done
