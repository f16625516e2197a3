#!/usr/bin/env bash
# `convene replay FILE` until its whole log is read (issue 14): the replay draws its first
# frame from the start of the log and reads the rest behind it, so quitting after the first
# frame says nothing of its memory. This runs it in tmux (160x48) under `/usr/bin/time -v`,
# waits until the timeline no longer says "Reading the log", goes to the last event (End),
# and quits. Prints "SECONDS KB": from start until the whole log was read (polled every
# 20 ms, so up to that much late), and the peak resident set of the whole run.
# Usage: benches/replay_read.sh CONVENE DATA_DIR FILE
set -euo pipefail
convene=$1 data=$2 file=$3
command -v tmux >/dev/null || { echo "tmux is not installed" >&2; exit 1; }
out="$(mktemp)"
server="convene-replay-read-$$"
tmux_() { tmux -L "$server" -f /dev/null "$@"; }
trap 'tmux_ kill-server 2>/dev/null || true; rm -f "$out"' EXIT
screen() { tmux_ capture-pane -p -t read 2>/dev/null || true; }
start=$EPOCHREALTIME
tmux_ new-session -d -s read -x 160 -y 48 \
    "/usr/bin/time -v -o '$out' '$convene' --data-dir '$data' replay '$file'; sleep 60"
until screen | grep -q " / "; do sleep 0.02; done
while screen | grep -q "Reading the log"; do sleep 0.02; done
read_at=$EPOCHREALTIME
tmux_ send-keys -t read End
until screen | grep -qE "([0-9,]+) / \1 *$"; do sleep 0.05; done
tmux_ send-keys -t read q
until grep -q "Exit status" "$out" 2>/dev/null; do sleep 0.05; done
kb=$(awk '/Maximum resident set size/ { print $NF }' "$out")
awk -v s="$start" -v e="$read_at" -v kb="$kb" 'BEGIN { printf "%.2f %d\n", e - s, kb }'
