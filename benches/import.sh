#!/usr/bin/env bash
# Issue 10: names files and issues CSVs as whole processes, release build. Times
# `convene new --participants` and `convene check` for 10k and 100k names and for 50k names
# sharing a 190-character prefix, and `convene import` for 10k, 100k and 1M CSV rows (the
# last is read in full and refused with its count, being over the 100,000-row limit).
# Usage: benches/import.sh   (prints one line per run; each is the best of three)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin="$PWD/target/release/convene"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"

python3 - <<'PY'
for n in (10_000, 100_000, 1_000_000):
    with open(f"issues-{n}.csv", "w") as f:
        f.write("title,convener,description\n")
        for i in range(n):
            f.write(f'Issue number {i},Person {i % 500},"A description, with a comma"\n')
for n in (10_000, 100_000):
    with open(f"names-{n}.txt", "w") as f:
        f.writelines(f"Person number {i}\n" for i in range(n))
with open("prefix-50000.txt", "w") as f:
    f.writelines("x" * 190 + f"{i:07d}\n" for i in range(50_000))
PY

# Best of three wall-clock times of a command, in seconds.
best() {
    local best="" t
    for _ in 1 2 3; do
        "$@" setup
        local start end
        start=$(date +%s.%N)
        "$@" run >/dev/null 2>&1 || true
        end=$(date +%s.%N)
        t=$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')
        if [ -z "$best" ] || awk -v t="$t" -v b="$best" 'BEGIN { exit !(t < b) }'; then
            best=$t
        fi
    done
    printf '%.2f' "$best"
}

roster() { # roster FILE setup|run
    case "$2" in
        setup) rm -rf data ;;
        run) "$bin" --data-dir data new Roster --participants "$1" --no-open ;;
    esac
}
check_roster() { # check_roster FILE setup|run
    case "$2" in
        setup) [ -d data ] || roster "$1" run >/dev/null ;;
        run) "$bin" --data-dir data check data/sessions/*.json ;;
    esac
}
import() { # import CSV setup|run
    case "$2" in
        setup) rm -rf data && "$bin" --data-dir data new Wall --no-open >/dev/null ;;
        run) "$bin" --data-dir data import data/sessions/*.json --issues "$1" ;;
    esac
}

for f in names-10000.txt names-100000.txt prefix-50000.txt; do
    made=$(best roster "$f")
    rm -rf data
    checked=$(best check_roster "$f")
    echo "$f: new --participants ${made}s, check ${checked}s"
done
for n in 10000 100000 1000000; do
    echo "issues-$n.csv: import $(best import "issues-$n.csv")s"
done
"$bin" --data-dir data import data/sessions/*.json --issues issues-1000000.csv 2>&1 | tail -n 1 || true
