#!/usr/bin/env bash
# Runs every fuzz target in fuzz/ for a bounded time: benches/fuzz.sh [SECONDS] (default 30).
# Installs cargo-fuzz when missing (it compiles from source: a few minutes on a fresh
# machine). Builds without a sanitizer so the stable toolchain is enough. Exits non-zero on
# the first crash; libFuzzer's input is then in fuzz/artifacts/TARGET/, and it belongs in
# tests/it/fuzz_regressions.rs once fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "installing cargo-fuzz" >&2
    cargo install cargo-fuzz --locked
fi

# The load target starts from real session files, so mutations begin inside the format.
mkdir -p fuzz/corpus/load fuzz/corpus/events fuzz/corpus/sheet
for n in 1 2; do
    seed="fuzz/corpus/load/synth-$n.json"
    [ -e "$seed" ] || cargo run --quiet -- synth --participants 6 --issues 5 \
        --events $((100 * n)) --seed "$n" --output "$seed" >/dev/null
done

# The sheet target starts from a names file and an issues CSV with the usual awkward bits.
printf 'name,organisation,group\nAmira Patel,Bromley Council,council\n"Hale, Sam",,carer\n\nJo\n' \
    >fuzz/corpus/sheet/names.csv
printf 'title,convener,description\r\n"Two\nlines",Sam,"a ""quoted"" word"\r\n\r\nTransport,,\n' \
    >fuzz/corpus/sheet/issues.csv

cargo fuzz build -s none
for target in load events sheet; do
    echo "fuzzing $target for ${seconds}s" >&2
    extra=()
    case "$target" in
        load) extra=(-dict=fuzz/load.dict) ;;
        events) extra=(-max_len=4096 -len_control=0) ;;
        sheet) extra=(-max_len=65536) ;;
    esac
    log="$(mktemp)"
    if ! cargo fuzz run -s none "$target" "fuzz/corpus/$target" -- \
        -max_total_time="$seconds" -print_final_stats=1 "${extra[@]}" >"$log" 2>&1; then
        grep -v -E '^#[0-9]+' "$log" | tail -n 60 >&2
        echo "fuzz target $target failed: the input is in fuzz/artifacts/$target/" >&2
        exit 1
    fi
    grep -E '^(stat::number_of_executed_units|Done )' "$log" >&2
    rm -f "$log"
done
echo "fuzzing found nothing in ${seconds}s per target" >&2
