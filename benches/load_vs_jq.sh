#!/usr/bin/env bash
# Loading a session file against two references reading the same file (issues 6 and 14):
#   convene check FILE   read, parse, rebuild the state from every event, and compare it
#                        with the snapshot in the file (more than a load: an upper bound)
#   syntax_only FILE     read the file and parse its JSON without building anything (serde's
#                        IgnoredAny, benches/syntax_only.rs): the floor for any reader
#   jq empty FILE        read and parse the JSON, nothing else
# on the typical session (60 participants, 40 issues, 2,000 events), the realistic big day
# (1,000 people, 200 issues, 50,000 events) and the extreme one (300 participants, 1,000
# issues, 100,000 events), all made by `convene synth`. The three commands run in turn in
# each of RUNS rounds (paired, so a busy machine slows them alike); min and median of the
# wall times are printed, with both ratios (bars: at most 0.25x jq, within 3x the syntax
# parse) and the peak memory of `convene check` against the file size (bar: at most 2x).
# Usage: benches/load_vs_jq.sh [RUNS]   (default 10)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
command -v jq >/dev/null || { echo "jq is not installed" >&2; exit 1; }
if [ ! -x /usr/bin/time ]; then
    echo "installing time" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
fi

cargo build --release --quiet
syntax="$(cargo build --release --quiet --bench syntax_only --message-format=json |
    jq -r 'select(.executable != null and .target.name == "syntax_only") | .executable')"
target="${CARGO_TARGET_DIR:-target}"
convene="$target/release/convene"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
"$convene" synth --participants 60 --issues 40 --events 2000 -o "$dir/typical.json" >/dev/null
"$convene" synth --participants 1000 --issues 200 --events 50000 -o "$dir/bigday.json" >/dev/null
"$convene" synth --participants 300 --issues 1000 --events 100000 -o "$dir/extreme.json" >/dev/null

# Wall time of one run of a command, in nanoseconds.
once_ns() {
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null
    end=$(date +%s%N)
    echo $(( end - start ))
}

# "min median" in milliseconds of the numbers in file $1.
stats() {
    sort -n "$1" | awk '{ a[NR] = $1 } END {
        m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
        printf "%.2f %.2f", a[1] / 1e6, m / 1e6 }'
}

for size in typical bigday extreme; do
    file="$dir/$size.json"
    bytes=$(stat -c %s "$file")
    echo "== $size session: $bytes bytes"
    "$convene" check "$file" >/dev/null && "$syntax" "$file" && jq empty "$file" # warm the cache
    : >"$dir/c" && : >"$dir/s" && : >"$dir/j"
    for _ in $(seq "$runs"); do
        once_ns "$convene" check "$file" >>"$dir/c"
        once_ns "$syntax" "$file" >>"$dir/s"
        once_ns jq empty "$file" >>"$dir/j"
    done
    read -r c_min c_med <<<"$(stats "$dir/c")"
    read -r s_min s_med <<<"$(stats "$dir/s")"
    read -r j_min j_med <<<"$(stats "$dir/j")"
    echo "convene check: min ${c_min} ms, median ${c_med} ms ($runs paired runs)"
    echo "syntax only:   min ${s_min} ms, median ${s_med} ms"
    echo "jq empty:      min ${j_min} ms, median ${j_med} ms"
    awk -v c="$c_min" -v cm="$c_med" -v j="$j_min" -v jm="$j_med" -v s="$s_min" -v sm="$s_med" \
        'BEGIN { printf "ratio convene/jq: %.2f (median %.2f; bar at most 0.25)\n", c / j, cm / jm
                 printf "ratio convene/syntax only: %.2f (median %.2f; bar at most 3)\n", c / s, cm / sm }'
    /usr/bin/time -f "%M" -o "$dir/rss" "$convene" check "$file" >/dev/null
    awk -v kb="$(tail -n 1 "$dir/rss")" -v b="$bytes" 'BEGIN {
        printf "peak memory of convene check: %.1f MiB, %.2fx the file (bar at most 2)\n",
            kb / 1024, kb * 1024 / b }'
done
