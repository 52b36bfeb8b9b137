#!/usr/bin/env bash
# Second command of the README (and what CI runs): installs what is missing, builds everything and runs
# the whole test suite: Release (once per available MinHash kernel), then an ASan+UBSan build.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

scripts/install-deps.sh

echo "== Release build"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DNEARDUP_BUILD_TESTS=ON -DNEARDUP_BUILD_BENCHMARKS=ON >/dev/null
cmake --build build -j "$jobs"
ctest --test-dir build --output-on-failure -j "$jobs"

echo "== benchmarks, tiny sizes (do they still build and run?)"
bench/smoke.sh build

echo "== kernel tests once per kernel this CPU can run"
flags=$(grep -m1 '^flags' /proc/cpuinfo || true)
has() { for f in "$@"; do [[ " $flags " == *" $f "* ]] || return 1; done; }
kernels=(scalar)
has avx2 bmi2 && kernels+=(avx2)
has avx2 bmi2 avx512f avx512bw avx512dq avx512vl && kernels+=(avx512)
for kernel in "${kernels[@]}"; do
  NEARDUP_FORCE_KERNEL=$kernel build/neardup_tests --gtest_brief=1 \
    --gtest_filter='MinHash*:Kernel*:EndToEnd*Determinism*'
done

echo "== ASan+UBSan build"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEARDUP_SANITIZE=ON \
  -DNEARDUP_BUILD_TESTS=ON -DNEARDUP_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build build-asan -j "$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j "$jobs"
