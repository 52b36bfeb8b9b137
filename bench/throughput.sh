#!/usr/bin/env bash
# Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
#
# End-to-end throughput of `neardup run`: MB per CPU-second (input bytes / (user + system time)),
# user and system CPU seconds apart, wall-clock scaling from 1 to 2 threads, peak RSS, CPU seconds, system
# seconds, minor page faults and peak RSS per stage (stats.json `timing`), and the ratio to simdjson's
# parse-only speed on the same file (bench_read --only parse-only, run right after each neardup run, so a
# noisy machine slows both); medians of RUNS runs.
#
#   bench/throughput.sh [DOCS] [RUNS] [extra neardup run options...]
#
# Environment: BUILD (default build/, a Release build), BENCH_DIR (corpus and outputs, default
# /tmp/neardup-bench), SEED (the generator's, default 42; the 1 GB recipe uses 1), DATAGEN_ARGS (extra neardup-datagen options, e.g. a preset; part of the corpus
# file name so that corpora of different recipes never mix).
set -euo pipefail
cd "$(dirname "$0")/.."
docs=${1:-20000}
runs=${2:-5}
shift $(( $# > 2 ? 2 : $# )) || true
build=${BUILD:-build}
work=${BENCH_DIR:-/tmp/neardup-bench}
mkdir -p "$work"
recipe=$(echo "${DATAGEN_ARGS:-}" | tr -c 'A-Za-z0-9.\n' '-' | sed 's/^-*//; s/-*$//')
seed=${SEED:-42}
[ "$seed" = 42 ] || recipe="seed-$seed${recipe:+-$recipe}"
corpus="$work/corpus-$docs${recipe:+-$recipe}.jsonl"
if [ ! -f "$corpus" ]; then
  # shellcheck disable=SC2086  # DATAGEN_ARGS is a list of options on purpose
  "$build/neardup-datagen" --docs "$docs" --seed "$seed" ${DATAGEN_ARGS:-} --out "$corpus.tmp" \
    --truth "${corpus%.jsonl}-truth.jsonl"
  mv "$corpus.tmp" "$corpus"
fi
# The last run's outputs, one directory per corpus: other benchmarks read a corpus's annotations.jsonl
# (bench_passages --annotations), which a run on another corpus must not replace.
out="${corpus%.jsonl}-out"
bytes=$(stat -L -c %s "$corpus")
echo "corpus: $corpus ($docs documents, $((bytes / 1000000)) MB)"

median() { sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# One line: LABEL, then per stage (in the order the runs gave them) the median of an awk expression over
# the stage lines of $work/stages$threads.txt ("stage cpu_s peak_rss_mb wall_s system_s minor_faults").
per_stage() {
  local file="$work/stages$threads.txt"
  printf '  %s:' "$1"
  for stage in $(awk '!seen[$1]++ { print $1 }' "$file"); do
    printf ' %s %s' "$stage" "$(awk -v s="$stage" "\$1 == s { print $2 }" "$file" | median)"
  done
  echo
}

parse_speed() {  # MB per CPU-second of simdjson parse-only on the corpus, one run
  "$build/bench_read" "$corpus" --only parse-only --runs 1 |
    awk '$1 == "parse-only" { print $5 }'
}

for threads in 1 2; do
  : >"$work/t$threads.txt"
  : >"$work/stages$threads.txt"
  : >"$work/ratio$threads.txt"
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" \
      "$build/neardup" run "$corpus" -o "$out" --threads "$threads" -q "$@"
    cat "$work/time.txt" >>"$work/t$threads.txt"
    # one "stage cpu_seconds peak_rss_mb wall_seconds system_seconds minor_faults" line per stage of this run
    sed -n 's/.*"stage": "\([a-z_]*\)".*"seconds": \([0-9.]*\).*"cpu_seconds": \([0-9.]*\).*"peak_rss_mb": \([0-9.]*\).*"system_seconds": \([0-9.]*\).*"minor_faults": \([0-9]*\).*/\1 \3 \4 \2 \5 \6/p' \
      "$out/stats.json" >>"$work/stages$threads.txt"
    sed -n 's/.*"spill_mb": \([0-9.]*\).*/\1/p' "$out/stats.json" >"$work/spill.txt"
    if [ -x "$build/bench_read" ]; then
      parse=$(parse_speed)
      awk -v b="$bytes" -v p="$parse" '{ print b / 1e6 / ($2 + $3) / p, p }' "$work/time.txt" >>"$work/ratio$threads.txt"
    fi
  done
  wall=$(awk '{ print $1 }' "$work/t$threads.txt" | median)
  mbcpu=$(awk -v b="$bytes" '{ print b / 1e6 / ($2 + $3) }' "$work/t$threads.txt" | median)
  rss=$(awk '{ print $4 / 1024 }' "$work/t$threads.txt" | median)
  echo "threads $threads: wall ${wall}s, ${mbcpu} MB per CPU-second, peak RSS ${rss} MB (median of $runs)," \
    "spill file $(cat "$work/spill.txt") MB"
  # System time is reported apart: on a VM it is mostly the kernel zeroing fresh pages, and it varies
  # between runs of one binary with how recently other processes freed memory (bench/README.md, "Memory").
  echo "  CPU s (median): user $(awk '{ print $2 }' "$work/t$threads.txt" | median)," \
    "system $(awk '{ print $3 }' "$work/t$threads.txt" | median)" \
    "(system from $(awk '{ print $3 }' "$work/t$threads.txt" | sort -g | head -1)" \
    "to $(awk '{ print $3 }' "$work/t$threads.txt" | sort -g | tail -1))"
  if [ -s "$work/ratio$threads.txt" ]; then
    echo "  ratio to parse-only: $(awk '{ print $1 }' "$work/ratio$threads.txt" | median)" \
      "(parse-only $(awk '{ print $2 }' "$work/ratio$threads.txt" | median) MB per CPU-second)"
  fi
  per_stage "stages (median CPU s)" '$2'
  per_stage "stages (median wall s)" '$4'
  per_stage "stages (median system s)" '$5'
  per_stage "stages (median minor page faults, thousands)" 'int($6 / 1000)'
  per_stage "peak RSS at the end of (median MB)" 'int($3)'
  eval "wall_$threads=$wall"
done
awk -v a="$wall_1" -v b="$wall_2" 'BEGIN { printf "scaling 1 -> 2 threads: %.2f\n", a / b }'
