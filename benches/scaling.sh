#!/usr/bin/env bash
# How Convene scales with the length of the day: sessions of 1,000, 10,000, 100,000 and
# 1,000,000 events (300 participants, 1,000 issues, `convene synth`), and for each, as whole
# processes (min of RUNS runs, the 1M one run once):
#   check    `convene check` (read, parse, rebuild, compare the snapshot)
#   syntax   a syntax-only parse of the file (benches/syntax_only.rs), the floor
#   open     start to first frame of `convene open` (160x48, quits after the first frame)
#   editable start to the first frame drawn once the log is checked behind it, when the
#            session can be changed (and the peak memory of the app then)
#   replay   start to first frame of `convene replay`, and the time until its whole log is
#            read behind that frame (benches/replay_read.sh, in tmux)
# and the peak memory of `convene check` and of the replay with its whole log read, against
# the file size. Both stay interactive from their first frame: the log is checked (open) or
# read (replay) behind it.
# Usage: benches/scaling.sh [RUNS]   (default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
command -v jq >/dev/null || { echo "jq is not installed" >&2; exit 1; }
command -v tmux >/dev/null || { echo "tmux is not installed" >&2; exit 1; }
if [ ! -x /usr/bin/time ]; then
    echo "installing time" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
fi
cargo build --release --quiet
syntax="$(cargo build --release --quiet --bench syntax_only --message-format=json |
    jq -r 'select(.executable != null and .target.name == "syntax_only") | .executable')"
target="${CARGO_TARGET_DIR:-target}"
convene="$(realpath "$target/release/convene")"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/data"

# Min wall time in ms of N runs of a command line run in a 160x48 pseudo-terminal.
min_ms() {
    local n=$1 best="" start end ms
    shift
    for _ in $(seq "$n"); do
        start=$EPOCHREALTIME
        script -qec "stty rows 48 cols 160; $*" /dev/null >/dev/null
        end=$EPOCHREALTIME
        ms=$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", (e - s) * 1000 }')
        best=$(awk -v a="$best" -v b="$ms" 'BEGIN { print (a == "" || b < a) ? b : a }')
    done
    echo "$best"
}

# Peak memory in MiB of a command line, and that over the file size.
peak() {
    local file=$1
    shift
    script -qec "stty rows 48 cols 160; /usr/bin/time -f %M -o '$dir/rss' $*" /dev/null >/dev/null
    awk -v kb="$(tail -n 1 "$dir/rss")" -v b="$(stat -c %s "$file")" \
        'BEGIN { printf "%.0f MiB (%.1fx)", kb / 1024, kb * 1024 / b }'
}

printf '| events | file | check | syntax only | open, first frame | open, editable | replay, first frame | replay, whole log read | check memory | open memory | replay memory |\n'
printf '|---|---|---|---|---|---|---|---|---|---|---|\n'
for events in 1000 10000 100000 1000000; do
    file="$dir/s$events.json"
    "$convene" synth --participants 300 --issues 1000 --events "$events" -o "$file" >/dev/null
    n=$runs
    [ "$events" -ge 1000000 ] && n=1
    export CONVENE_EXIT_AFTER_FIRST_FRAME=1
    check=$(min_ms "$n" "'$convene' check '$file'")
    parse=$(min_ms "$n" "'$syntax' '$file'")
    open=$(min_ms "$n" "'$convene' --data-dir '$dir/data' open '$file'")
    replay=$(min_ms 1 "'$convene' --data-dir '$dir/data' replay '$file'")
    check_mem=$(peak "$file" "'$convene' check '$file'")
    export CONVENE_EXIT_AFTER_FIRST_FRAME=checked
    editable=$(min_ms "$n" "'$convene' --data-dir '$dir/data' open '$file'")
    open_mem=$(peak "$file" "'$convene' --data-dir '$dir/data' open '$file'")
    unset CONVENE_EXIT_AFTER_FIRST_FRAME
    read -r read_s read_kb <<<"$(benches/replay_read.sh "$convene" "$dir/data" "$file")"
    replay_read=$(awk -v s="$read_s" 'BEGIN { printf "%.0f", s * 1000 }')
    replay_mem=$(awk -v kb="$read_kb" -v b="$(stat -c %s "$file")" \
        'BEGIN { printf "%.0f MiB (%.1fx)", kb / 1024, kb * 1024 / b }')
    size=$(awk -v b="$(stat -c %s "$file")" 'BEGIN { printf "%.1f MB", b / 1e6 }')
    printf '| %s | %s | %s ms | %s ms | %s ms | %s ms | %s ms | %s ms | %s | %s | %s |\n' \
        "$events" "$size" "$check" "$parse" "$open" "$editable" "$replay" "$replay_read" \
        "$check_mem" "$open_mem" "$replay_mem"
done
