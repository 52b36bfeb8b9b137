#!/usr/bin/env bash
# Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
#
# Smoke run of every benchmark at tiny sizes, so that they keep building and running (CI calls it from
# scripts/test.sh). It checks that each one runs to the end, not its figures: those mean something only
# at full size on a quiet machine (see bench/README.md).
#
#   bench/smoke.sh [BUILD_DIR]        BUILD_DIR defaults to build/
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
work=$(mktemp -d "${TMPDIR:-/tmp}/neardup-smoke.XXXXXX")
trap 'rm -rf "$work"' EXIT

step() { echo "-- $*"; }

step "microbenchmarks"
"$build/neardup_microbench" --benchmark_min_time=0.001 >"$work/micro.txt" 2>&1 ||
  { cat "$work/micro.txt"; exit 1; }

step "bench_boilerplate --sites 12"
"$build/bench_boilerplate" --sites 12 --threads 1 >"$work/bp.txt"

step "bench_passages --docs 300"
"$build/bench_passages" --docs 300 --threads 1 >"$work/ps.txt"

step "bench_quality on 300 documents"
"$build/neardup-datagen" --docs 300 --seed 7 --out "$work/q.jsonl" --truth "$work/q-truth.jsonl"
"$build/neardup" run "$work/q.jsonl" -o "$work/q-out" --pairs -q
"$build/bench_quality" --corpus "$work/q.jsonl" --out "$work/q-out" --truth "$work/q-truth.jsonl" >"$work/q.txt"

step "bench_signature --check on 300 documents"
"$build/bench_signature" "$work/q.jsonl" --runs 1 --check >"$work/signature.txt"

step "bench_read on 300 documents, plain and gzip"
"$build/bench_read" "$work/q.jsonl" --runs 1 >"$work/read.txt"
gzip -c "$work/q.jsonl" >"$work/q.jsonl.gz"
"$build/bench_read" "$work/q.jsonl.gz" --runs 1 >"$work/read-gz.txt"

step "throughput.sh 300 1"
BENCH_DIR="$work/tp" BUILD="$build" bench/throughput.sh 300 1 >"$work/tp.txt"
echo "benchmarks ran"
