#!/usr/bin/env bash
# Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
#
# Near-duplicate quality benchmark: generates a corpus with known near-duplicates, runs neardup on it and
# judges the result against an exact all-pairs reference (bench_quality --check).
#
#   bench/quality.sh [DOCS]            DOCS defaults to 20000
#
# Builds nothing: expects neardup, neardup-datagen and bench_quality in $BUILD (default: build/).
# Environment:
#   BUILD=dir         build directory                       (default: <repo>/build)
#   SEED=n            corpus seed                           (default: 1)
#   THRESHOLD=x       Jaccard threshold                     (default: 0.8)
#   NGRAM=n           words per shingle                     (default: 5)
#   NEARDUP_ARGS=...  extra options for `neardup run`, e.g. "--threads 4 --no-boilerplate"
#   WORK=dir          where corpus and outputs go           (default: a temporary directory, removed after)
# Exit code: bench_quality's (0 targets met, 1 missed or an error, 2 usage error).

set -euo pipefail

DOCS="${1:-20000}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${BUILD:-$ROOT/build}"
SEED="${SEED:-1}"
THRESHOLD="${THRESHOLD:-0.8}"
NGRAM="${NGRAM:-5}"

for tool in neardup neardup-datagen bench_quality; do
  if [[ ! -x "$BUILD/$tool" ]]; then
    echo "quality.sh: $BUILD/$tool not found; build first, e.g." >&2
    echo "  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release && ninja -C build neardup neardup-datagen bench_quality" >&2
    exit 2
  fi
done

if [[ -n "${WORK:-}" ]]; then
  mkdir -p "$WORK"
else
  WORK="$(mktemp -d "${TMPDIR:-/tmp}/neardup-quality.XXXXXX")"
  trap 'rm -rf "$WORK"' EXIT
fi
CORPUS="$WORK/corpus.jsonl"

echo "== generating $DOCS documents (seed $SEED) in $WORK"
"$BUILD/neardup-datagen" --docs "$DOCS" --seed "$SEED" --out "$CORPUS" --truth "$WORK/truth.jsonl"

echo "== neardup run (threshold $THRESHOLD, ${NGRAM}-grams)"
# shellcheck disable=SC2086  # NEARDUP_ARGS is a list of options on purpose
"$BUILD/neardup" run "$CORPUS" -o "$WORK/out" --pairs --threshold "$THRESHOLD" --ngram "$NGRAM" ${NEARDUP_ARGS:-}

echo "== bench_quality"
"$BUILD/bench_quality" --corpus "$CORPUS" --out "$WORK/out" --threshold "$THRESHOLD" --ngram "$NGRAM" \
  --truth "$WORK/truth.jsonl" --json "$WORK/quality.json" --check
