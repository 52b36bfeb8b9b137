#!/usr/bin/env bash
# First command of the README: installs what is missing, builds a Release binary at build/neardup, and
# runs it on the bundled sample corpus.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DNEARDUP_BUILD_TESTS=OFF -DNEARDUP_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build build --target neardup
build/neardup run datasets/sample/news.jsonl -o out/sample --pairs
echo "neardup: outputs of the sample run are in out/sample (stats.json, annotations.jsonl, clusters.jsonl, ...)"
