#!/usr/bin/env bash
# Loading a session file against `jq empty` reading the same file (issue 6: Convene loads
# faster than jq reads). Generates the extreme session (300 participants, 1,000 issues,
# 100,000 events) and the typical one with `convene synth`, then times, side by side,
#   convene check FILE   read, parse, rebuild the state from every event, and compare it
#                        with the snapshot in the file (more than a load: an upper bound)
#   jq empty FILE        read and parse the JSON, nothing else
# with hyperfine when installed, else RUNS alternating runs of each (median of wall times).
# Usage: benches/load_vs_jq.sh [RUNS]   (default 10)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
command -v jq >/dev/null || { echo "jq is not installed" >&2; exit 1; }

cargo build --release --quiet
target="${CARGO_TARGET_DIR:-target}"
convene="$target/release/convene"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
"$convene" synth --participants 300 --issues 1000 --events 100000 -o "$dir/extreme.json" >/dev/null
"$convene" synth --participants 60 --issues 40 --events 2000 -o "$dir/typical.json" >/dev/null

now_ns() { date +%s%N; }

# Median wall time of RUNS runs of a command, in milliseconds (two decimals).
median_ms() {
    local times=() start end
    for _ in $(seq "$runs"); do
        start=$(now_ns)
        "$@" >/dev/null
        end=$(now_ns)
        times+=($(( end - start )))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {
        m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2; printf "%.2f", m / 1e6 }'
}

for size in typical extreme; do
    file="$dir/$size.json"
    bytes=$(stat -c %s "$file")
    echo "== $size session: $bytes bytes"
    if command -v hyperfine >/dev/null; then
        hyperfine --warmup 1 --runs "$runs" -N "$convene check $file" "jq empty $file"
        continue
    fi
    "$convene" check "$file" >/dev/null && jq empty "$file" # warm the page cache
    convene_ms=$(median_ms "$convene" check "$file")
    jq_ms=$(median_ms jq empty "$file")
    echo "convene check: ${convene_ms} ms (median of $runs)"
    echo "jq empty:      ${jq_ms} ms (median of $runs)"
    awk -v c="$convene_ms" -v j="$jq_ms" 'BEGIN { printf "ratio convene/jq: %.2f (%s)\n", c / j,
        (c < j) ? "Convene loads faster than jq reads" : "BAR MISSED: jq is faster" }'
done
