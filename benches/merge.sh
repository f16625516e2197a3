#!/usr/bin/env bash
# `convene merge` as a whole process (load MAIN and the copy, find where they part, work
# out the merge, keep the previous version, write MAIN), on the typical and the extreme
# session from `convene synth`: MAIN and a copy made from it each add 2,000 issues after
# the copy was made (`convene import`), so 2,000 changes come in and 2,000 ids are
# renumbered. The dry run is timed too. RUNS runs each; min and median are printed.
# Usage: benches/merge.sh [RUNS]   (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
cargo build --release --quiet --bin convene
target="${CARGO_TARGET_DIR:-target}"
convene="$(realpath "$target/release/convene")"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT

rows() {
    echo "title,convener,description"
    for n in $(seq 1 2000); do echo "$1 issue $n,$1 person $((n % 50)),"; done
}
rows main > "$dir/main.csv"
rows copy > "$dir/copy.csv"

ms() { echo "scale=1; ($2 - $1) * 1000 / 1" | bc; }

time_it() { # label, args...
    local label="$1"
    shift
    local times=()
    for _ in $(seq 1 "$runs"); do
        cp "$dir/base.json" "$dir/main.json"
        rm -f "$dir/main.json.before-merge"
        local start="$EPOCHREALTIME"
        "$convene" --data-dir "$dir/data" "$@" >/dev/null
        local end="$EPOCHREALTIME"
        times+=("$(ms "$start" "$end")")
    done
    local sorted
    sorted="$(printf '%s\n' "${times[@]}" | sort -n)"
    printf '%-32s min %s ms, median %s ms\n' "$label" \
        "$(echo "$sorted" | head -1)" "$(echo "$sorted" | sed -n "$(((runs + 1) / 2))p")"
}

for size in "typical 60 40 2000" "extreme 300 1000 100000"; do
    set -- $size
    "$convene" synth --participants "$2" --issues "$3" --events "$4" --seed 7 -o "$dir/start.json" >/dev/null
    rm -f "$dir/copy.json"
    "$convene" --data-dir "$dir/data" copy "$dir/start.json" "$dir/copy.json" --as "Newsroom 2" >/dev/null
    "$convene" --data-dir "$dir/data" import "$dir/copy.json" --issues "$dir/copy.csv" >/dev/null
    cp "$dir/start.json" "$dir/base.json"
    "$convene" --data-dir "$dir/data" import "$dir/base.json" --issues "$dir/main.csv" >/dev/null
    time_it "$1: merge --dry-run" merge "$dir/main.json" "$dir/copy.json" --dry-run
    time_it "$1: merge" merge "$dir/main.json" "$dir/copy.json"
done
