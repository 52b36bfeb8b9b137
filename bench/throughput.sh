#!/usr/bin/env bash
# End-to-end throughput of `neardup run`: MB per CPU-second (input bytes / (user + system time)),
# wall-clock scaling from 1 to 2 threads, and peak RSS; medians of RUNS runs.
#
#   bench/throughput.sh [DOCS] [RUNS] [extra neardup run options...]
#
# Expects a Release build in build/ (scripts/quickstart.sh or scripts/test.sh makes one).
set -euo pipefail
cd "$(dirname "$0")/.."
docs=${1:-20000}
runs=${2:-5}
shift $(( $# > 2 ? 2 : $# )) || true
work=${BENCH_DIR:-/tmp/neardup-bench}
mkdir -p "$work"
corpus="$work/corpus-$docs.jsonl"
[ -f "$corpus" ] || build/neardup-datagen --docs "$docs" --seed 42 --out "$corpus" --truth "$work/truth-$docs.jsonl"
bytes=$(stat -c %s "$corpus")
echo "corpus: $corpus ($docs documents, $((bytes / 1000000)) MB)"

median() { sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

for threads in 1 2; do
  : >"$work/t$threads.txt"
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" \
      build/neardup run "$corpus" -o "$work/out" --threads "$threads" -q "$@"
    cat "$work/time.txt" >>"$work/t$threads.txt"
  done
  wall=$(awk '{ print $1 }' "$work/t$threads.txt" | median)
  mbcpu=$(awk -v b="$bytes" '{ print b / 1e6 / ($2 + $3) }' "$work/t$threads.txt" | median)
  rss=$(awk '{ print $4 / 1024 }' "$work/t$threads.txt" | median)
  echo "threads $threads: wall ${wall}s, ${mbcpu} MB per CPU-second, peak RSS ${rss} MB (median of $runs)"
  eval "wall_$threads=$wall"
done
awk -v a="$wall_1" -v b="$wall_2" 'BEGIN { printf "scaling 1 -> 2 threads: %.2f\n", a / b }'
