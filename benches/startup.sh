#!/usr/bin/env bash
# Start to first frame of `convene open` on the typical session, as a whole process, and
# peak memory with the extreme session open (issue 6 bars: under 50 ms; under 200 MB).
#
# Start to first frame: the app runs in a pseudo-terminal (`script`) of 160x48 with the
# hidden CONVENE_EXIT_AFTER_FIRST_FRAME=1, which quits (terminal restored, lock released)
# right after the first frame is drawn; bash's $EPOCHREALTIME is read just before the
# process is started and just after it has exited, so the time covers exec, loading,
# the first frame and the teardown. RUNS runs; min, median and max are printed.
#
# Peak memory: `/usr/bin/time -v` around the app opened on the extreme session in tmux
# (160x48); the keys visit every pane, add an issue (which saves the whole 23 MB file in
# the background) and quit. Without tmux, the app quits after its first frame instead.
# Also the replay screen on the extreme session (it keeps checkpoints of the state), quit
# after its first frame.
# Usage: benches/startup.sh [RUNS]   (default 20)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-20}"
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
"$convene" synth --participants 60 --issues 40 --events 2000 -o "$dir/typical.json" >/dev/null
"$convene" synth --participants 300 --issues 1000 --events 100000 -o "$dir/extreme.json" >/dev/null

cat >"$dir/once.sh" <<'ONCE'
stty rows 48 cols 160
start=$EPOCHREALTIME
CONVENE_EXIT_AFTER_FIRST_FRAME=1 "$1" --data-dir "$2" open "$3"
end=$EPOCHREALTIME
echo "$start $end" >>"$4"
ONCE
for _ in $(seq "$runs"); do
    script -qec "bash '$dir/once.sh' '$convene' '$dir/data' '$dir/typical.json' '$dir/times'" \
        /dev/null >/dev/null
done
echo "== start to first frame, typical session (160x48), $runs runs"
awk '{ print ($2 - $1) * 1000 }' "$dir/times" | sort -n | awk '{ a[NR] = $1 } END {
    printf "min %.1f ms, median %.1f ms, max %.1f ms (bar: under 50 ms)\n",
        a[1], (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2, a[NR] }'

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
grep -E "Maximum resident set size" "$dir/mem" |
    awk '{ printf "maximum resident set: %.1f MB (bar: under 200 MB)\n", $NF / 1024 }'

CONVENE_EXIT_AFTER_FIRST_FRAME=1 script -qec "stty rows 48 cols 160; /usr/bin/time -v \
    -o '$dir/replay-mem' '$convene' --data-dir '$dir/data' replay '$dir/extreme.json'" \
    /dev/null >/dev/null
grep -E "Maximum resident set size" "$dir/replay-mem" |
    awk '{ printf "replay of the extreme session: %.1f MB (bar: under 200 MB)\n", $NF / 1024 }'
