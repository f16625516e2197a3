#!/usr/bin/env bash
# Follow-up meetings on the typical and extreme sessions of `convene synth`: the median wall
# time, as whole processes, of
#   convene follow-up FILE --no-open   load the earlier file, carry its plan, write the new one
#   convene history FOLLOW-UP          find the chain among the files beside it and sum it up
#   convene check FOLLOW-UP            load, rebuild, compare, and check what was carried
#                                      against the earlier file as it was at the link
# Usage: benches/follow_up.sh [RUNS]   (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"

cargo build --release --quiet
target="${CARGO_TARGET_DIR:-target}"
convene="$target/release/convene"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/data/sessions"
"$convene" synth --participants 300 --issues 1000 --events 100000 -o "$dir/data/sessions/extreme.json" >/dev/null
"$convene" synth --participants 60 --issues 40 --events 2000 -o "$dir/data/sessions/typical.json" >/dev/null

now_ns() { date +%s%N; }

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
    file="$dir/data/sessions/$size.json"
    run_dir="$dir/runs-$size"
    mkdir -p "$run_dir/sessions"
    cp "$file" "$run_dir/sessions/"
    follow="$("$convene" --data-dir "$run_dir" follow-up "$run_dir/sessions/$size.json" "Next" --date 2030-01-01 --no-open)"
    actions=$(grep -o '"type":"step_carried"' "$follow" | wc -l)
    make=$(median_ms "$convene" --data-dir "$dir/scratch-$size" follow-up "$file" --date 2030-01-01 --no-open)
    history=$(median_ms "$convene" --data-dir "$run_dir" history "$follow")
    check=$(median_ms "$convene" --data-dir "$run_dir" check "$follow")
    echo "$size ($actions open actions carried): follow-up ${make} ms, history ${history} ms, check ${check} ms"
done
