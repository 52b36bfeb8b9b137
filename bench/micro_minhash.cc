// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Microbenchmarks of kernels/minhash.h. Per-item rates are reported per shingle (MinHash), per word
// (ShingleHashes) and per input element (IntersectionSize, SortUnique); "ns_per_*" counters give the
// cost of one item directly.

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "kernels/minhash.h"

namespace neardup {
namespace {

std::vector<uint64_t> RandomHashes(size_t count, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<uint64_t> out(count);
  for (uint64_t& h : out) h = rng();
  return out;
}

void SetNsPerItem(benchmark::State& state, const char* counter, size_t items_per_iteration) {
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * items_per_iteration));
  state.counters[counter] = benchmark::Counter(static_cast<double>(state.iterations() * items_per_iteration),
                                               benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

// Args: shingles per document, num_perm.
void BM_MinHash(benchmark::State& state, const KernelTable* kernel) {
  const auto count = static_cast<size_t>(state.range(0));
  const auto num_perm = static_cast<size_t>(state.range(1));
  const std::vector<uint64_t> shingles = RandomHashes(count, 1);
  const MinHashSeeds seeds = MinHashSeeds::Make(num_perm, 2);
  std::vector<uint32_t> sig(num_perm);
  for (auto _ : state) {
    kernel->minhash(shingles.data(), count, seeds.seeds.data(), num_perm, sig.data());
    benchmark::DoNotOptimize(sig.data());
    benchmark::ClobberMemory();
  }
  SetNsPerItem(state, "ns_per_shingle", count);
}

// Arg: shingle length n, over a 1000-word text.
void BM_ShingleHashes(benchmark::State& state) {
  const auto n = static_cast<size_t>(state.range(0));
  const std::vector<uint64_t> words = RandomHashes(1000, 3);
  std::vector<uint64_t> out(words.size());
  for (auto _ : state) {
    benchmark::DoNotOptimize(ShingleHashes(words.data(), words.size(), n, out.data()));
    benchmark::ClobberMemory();
  }
  SetNsPerItem(state, "ns_per_word", words.size());
}
BENCHMARK(BM_ShingleHashes)->Arg(3)->Arg(5)->Arg(9)->Arg(13);

// Args: size of both sets, permille of shared elements.
void BM_IntersectionSize(benchmark::State& state) {
  const auto size = static_cast<size_t>(state.range(0));
  const auto shared = size * static_cast<size_t>(state.range(1)) / 1000;
  std::vector<uint64_t> pool = RandomHashes(2 * size - shared, 4);
  std::vector<uint64_t> a(pool.begin(), pool.begin() + size);
  std::vector<uint64_t> b(pool.begin(), pool.begin() + shared);
  b.insert(b.end(), pool.begin() + size, pool.end());
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  for (auto _ : state) {
    benchmark::DoNotOptimize(IntersectionSize(a.data(), a.size(), b.data(), b.size()));
  }
  SetNsPerItem(state, "ns_per_element", a.size() + b.size());
}
BENCHMARK(BM_IntersectionSize)->Args({500, 0})->Args({500, 500})->Args({500, 900});

// Args: small set size, large set size: the galloping path.
void BM_IntersectionSizeSkewed(benchmark::State& state) {
  std::vector<uint64_t> small = RandomHashes(static_cast<size_t>(state.range(0)), 5);
  std::vector<uint64_t> large = RandomHashes(static_cast<size_t>(state.range(1)), 6);
  std::sort(small.begin(), small.end());
  std::sort(large.begin(), large.end());
  for (auto _ : state) {
    benchmark::DoNotOptimize(IntersectionSize(small.data(), small.size(), large.data(), large.size()));
  }
  SetNsPerItem(state, "ns_per_small_element", small.size());
}
BENCHMARK(BM_IntersectionSizeSkewed)->Args({20, 10000})->Args({100, 100000});

void BM_SortUnique(benchmark::State& state) {
  const std::vector<uint64_t> input = RandomHashes(static_cast<size_t>(state.range(0)), 7);
  std::vector<uint64_t> work(input.size());
  for (auto _ : state) {
    std::copy(input.begin(), input.end(), work.begin());
    benchmark::DoNotOptimize(SortUnique(work.data(), work.size()));
  }
  SetNsPerItem(state, "ns_per_element", input.size());
}
BENCHMARK(BM_SortUnique)->Arg(1000);

// One MinHash benchmark per kernel this CPU can run, registered before benchmark_main runs them.
[[maybe_unused]] const bool kMinHashRegistered = [] {
  for (const KernelTable* kernel : AvailableKernels()) {
    benchmark::RegisterBenchmark((std::string("BM_MinHash/") + kernel->name).c_str(), BM_MinHash, kernel)
        ->Args({1000, 128})
        ->Args({1000, 64})
        ->Args({1000, 256})
        ->Args({30, 128});
  }
  return true;
}();

}  // namespace
}  // namespace neardup
