// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Scalar references, the set kernels and the run-time kernel choice. This file is compiled for the
// baseline x86-64 CPU; the vector MinHash kernels live in minhash_avx2.cc and minhash_avx512.cc.

#include "kernels/minhash.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <unordered_set>

#include "kernels/minhash_internal.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace neardup {

// Shingle hashes and band keys are defined over the little-endian bytes of their inputs, which on a
// little-endian host are the arrays as they lie in memory. A big-endian port must byte-swap first.
static_assert(std::endian::native == std::endian::little, "hash inputs are read as little-endian bytes");

namespace {

// One shingle per start position, with the length known at compile time so that XXH3 inlines only the
// branch for that input size. Instantiated for 1..16 words (up to 128 bytes, XXH3's short-input paths),
// where it is 1.6-1.7x faster than the same call with a run-time length.
// From 3 words on (17-128 bytes) the loop calls XXH3's function for that length range directly, which
// is what XXH3_64bits_withSeed does for it, so that it is inlined and specialized for the length.
template <size_t kN>
void FixedShingles(const uint64_t* words, size_t num_shingles, uint64_t* out) {
  constexpr size_t kBytes = kN * sizeof(uint64_t);
  for (size_t i = 0; i < num_shingles; ++i) {
    if constexpr (kBytes > 16 && kBytes <= 128) {
      out[i] = XXH3_len_17to128_64b(reinterpret_cast<const xxh_u8*>(words + i), kBytes, XXH3_kSecret,
                                    sizeof(XXH3_kSecret), kN);
    } else {
      out[i] = XXH3_64bits_withSeed(words + i, kBytes, kN);
    }
  }
}

void AnyShingles(const uint64_t* words, size_t num_shingles, size_t n, uint64_t* out) {
  for (size_t i = 0; i < num_shingles; ++i) {
    out[i] = XXH3_64bits_withSeed(words + i, n * sizeof(uint64_t), n);
  }
}

// From this size ratio on, IntersectionSize searches the larger array instead of walking it. The merge
// is bound by the latency of its index updates (about 2 ns per element), so searching pays off early:
// measured 2.6x faster at 500 vs 2000 elements, and still slower than the merge on equal-size sets that
// share most elements, which is what candidate pairs usually are.
constexpr size_t kGallopRatio = 4;

// |small ∩ large| by exponential then binary search in `large` for each element of `small`: O(ns log nl)
// instead of O(ns + nl).
size_t GallopIntersectionSize(const uint64_t* small, size_t ns, const uint64_t* large, size_t nl) {
  size_t count = 0;
  size_t lo = 0;  // every large[k] with k < lo is smaller than the current small element
  for (size_t i = 0; i < ns && lo < nl; ++i) {
    const uint64_t x = small[i];
    size_t bound = 1;
    while (lo + bound < nl && large[lo + bound] < x) bound *= 2;
    // large[lo + bound / 2] < x when bound > 1, and large[lo + bound] >= x unless past the end.
    const uint64_t* first = large + lo + bound / 2;
    const uint64_t* last = large + std::min(lo + bound + 1, nl);
    lo = static_cast<size_t>(std::lower_bound(first, last, x) - large);
    if (lo < nl && large[lo] == x) {
      ++count;
      ++lo;
    }
  }
  return count;
}

// Linear merge without data-dependent branches: on random sets the comparison outcome is unpredictable,
// so branches would mispredict about half the time.
size_t MergeIntersectionSize(const uint64_t* a, size_t na, const uint64_t* b, size_t nb) {
  size_t count = 0;
  size_t i = 0;
  size_t j = 0;
  while (i < na && j < nb) {
    const uint64_t x = a[i];
    const uint64_t y = b[j];
    count += x == y;
    i += x <= y;
    j += y <= x;
  }
  return count;
}

uint64_t SplitMix64(uint64_t* state) {
  uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

bool CpuHasAvx2() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi2");
#else
  return false;
#endif
}

bool CpuHasAvx512() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_cpu_init();
  return CpuHasAvx2() && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
         __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512vl");
#else
  return false;
#endif
}

constexpr KernelTable kScalarKernel{"scalar", &MinHashScalar, &ClassifyBytesScalar, &ScanBytesScalar};
constexpr KernelTable kAvx2Kernel{"avx2", &internal::MinHashAvx2, &internal::ClassifyBytesAvx2,
                                  &internal::ScanBytesAvx2};
constexpr KernelTable kAvx512Kernel{"avx512", &internal::MinHashAvx512, &internal::ClassifyBytesAvx512,
                                    &internal::ScanBytesAvx512};

}  // namespace

size_t ShingleHashes(const uint64_t* word_hashes, size_t count, size_t n, uint64_t* out) {
  if (count == 0) return 0;
  if (count < n) {
    out[0] = XXH3_64bits_withSeed(word_hashes, count * sizeof(uint64_t), n);
    return 1;
  }
  const size_t num_shingles = count - n + 1;
  // One case per line reads as the table it is.
  // clang-format off
  switch (n) {
    case 1: FixedShingles<1>(word_hashes, num_shingles, out); break;
    case 2: FixedShingles<2>(word_hashes, num_shingles, out); break;
    case 3: FixedShingles<3>(word_hashes, num_shingles, out); break;
    case 4: FixedShingles<4>(word_hashes, num_shingles, out); break;
    case 5: FixedShingles<5>(word_hashes, num_shingles, out); break;
    case 6: FixedShingles<6>(word_hashes, num_shingles, out); break;
    case 7: FixedShingles<7>(word_hashes, num_shingles, out); break;
    case 8: FixedShingles<8>(word_hashes, num_shingles, out); break;
    case 9: FixedShingles<9>(word_hashes, num_shingles, out); break;
    case 10: FixedShingles<10>(word_hashes, num_shingles, out); break;
    case 11: FixedShingles<11>(word_hashes, num_shingles, out); break;
    case 12: FixedShingles<12>(word_hashes, num_shingles, out); break;
    case 13: FixedShingles<13>(word_hashes, num_shingles, out); break;
    case 14: FixedShingles<14>(word_hashes, num_shingles, out); break;
    case 15: FixedShingles<15>(word_hashes, num_shingles, out); break;
    case 16: FixedShingles<16>(word_hashes, num_shingles, out); break;
    default: AnyShingles(word_hashes, num_shingles, n, out); break;
  }
  // clang-format on
  return num_shingles;
}

size_t SortUnique(uint64_t* hashes, size_t count) {
  std::sort(hashes, hashes + count);
  return static_cast<size_t>(std::unique(hashes, hashes + count) - hashes);
}

size_t SortUniqueHashes(uint64_t* hashes, size_t count, uint64_t* scratch) {
  constexpr size_t kSmall = 64;
  if (count < kSmall) return SortUnique(hashes, count);
  // About two values per bucket, at most 4096 buckets (the counts live on the stack).
  int bits = 1;
  while (bits < 12 && (size_t{1} << (bits + 1)) <= count) ++bits;
  const int shift = 64 - bits;
  const size_t buckets = size_t{1} << bits;
  uint32_t start[(1 << 12) + 1];
  std::fill(start, start + buckets + 1, 0u);
  for (size_t i = 0; i < count; ++i) ++start[(hashes[i] >> shift) + 1];
  for (size_t b = 0; b < buckets; ++b) start[b + 1] += start[b];
  uint32_t fill[1 << 12];
  std::copy(start, start + buckets, fill);
  for (size_t i = 0; i < count; ++i) scratch[fill[hashes[i] >> shift]++] = hashes[i];
  size_t out = 0;
  for (size_t b = 0; b < buckets; ++b) {
    uint64_t* lo = scratch + start[b];
    uint64_t* hi = scratch + start[b + 1];
    if (hi - lo > 16) {
      std::sort(lo, hi);
    } else {
      for (uint64_t* p = lo + 1; p < hi; ++p) {
        const uint64_t v = *p;
        uint64_t* q = p;
        while (q > lo && q[-1] > v) {
          *q = q[-1];
          --q;
        }
        *q = v;
      }
    }
    // Buckets are in increasing order of their values, so a duplicate can only follow within one run.
    for (uint64_t* p = lo; p < hi; ++p) {
      if (out == 0 || hashes[out - 1] != *p) hashes[out++] = *p;
    }
  }
  return out;
}

size_t IntersectionSize(const uint64_t* a, size_t na, const uint64_t* b, size_t nb) {
  if (na > nb) {
    std::swap(a, b);
    std::swap(na, nb);
  }
  if (na == 0) return 0;
  if (nb / na >= kGallopRatio) return GallopIntersectionSize(a, na, b, nb);
  return MergeIntersectionSize(a, na, b, nb);
}

double ExactJaccard(const uint64_t* a, size_t na, const uint64_t* b, size_t nb) {
  if (na == 0 && nb == 0) return 0.0;
  const size_t common = IntersectionSize(a, na, b, nb);
  return static_cast<double>(common) / static_cast<double>(na + nb - common);
}

MinHashSeeds MinHashSeeds::Make(size_t num_perm, uint64_t seed) {
  // Two permutations with equal seeds would be the same permutation and add no information, so
  // repeated 32-bit values are skipped.
  MinHashSeeds result;
  result.seeds.reserve(num_perm);
  std::unordered_set<uint32_t> seen;
  seen.reserve(num_perm);
  uint64_t state = seed;
  while (result.seeds.size() < num_perm) {
    const uint32_t candidate = static_cast<uint32_t>(SplitMix64(&state) >> 32);
    if (seen.insert(candidate).second) result.seeds.push_back(candidate);
  }
  return result;
}

void MinHashScalar(const uint64_t* shingles, size_t count, const uint32_t* seeds, size_t num_perm,
                   uint32_t* sig) {
  std::fill(sig, sig + num_perm, UINT32_MAX);
  for (size_t s = 0; s < count; ++s) {
    const uint64_t h = shingles[s];
    const uint32_t folded = static_cast<uint32_t>(h) ^ static_cast<uint32_t>(h >> 32);
    for (size_t i = 0; i < num_perm; ++i) {
      sig[i] = std::min(sig[i], MinHashMix32(folded ^ seeds[i]));
    }
  }
}

double EstimateJaccard(const uint32_t* a, const uint32_t* b, size_t num_perm) {
  if (num_perm == 0) return 0.0;
  size_t equal = 0;
  for (size_t i = 0; i < num_perm; ++i) equal += a[i] == b[i];
  return static_cast<double>(equal) / static_cast<double>(num_perm);
}

uint64_t BandKey(const uint32_t* sig, size_t band, size_t rows) {
  return XXH3_64bits_withSeed(sig + band * rows, rows * sizeof(uint32_t), band);
}

double DetectionProbability(double s, size_t bands, size_t rows) {
  if (bands == 0) return 0.0;
  const double band_match = std::pow(s, static_cast<double>(rows));
  if (band_match >= 1.0) return 1.0;
  // 1 - (1 - p)^b through log1p/expm1: keeps precision when p is tiny or the result is close to 1.
  return -std::expm1(static_cast<double>(bands) * std::log1p(-band_match));
}

void ChooseBands(double threshold, size_t num_perm, double min_probability, size_t* bands, size_t* rows) {
  // bands = num_perm / rows is rounded down, so the probability is not monotonic in rows: scan from the
  // top and take the first that qualifies rather than bisecting.
  for (size_t r = num_perm; r >= 1; --r) {
    const size_t b = num_perm / r;
    if (DetectionProbability(threshold, b, r) >= min_probability) {
      *bands = b;
      *rows = r;
      return;
    }
  }
  // Not even single-row bands reach the probability: they come closest.
  *rows = 1;
  *bands = num_perm;
}

namespace internal {

const KernelTable* ChooseKernel(const char* forced) {
  const std::vector<const KernelTable*> available = AvailableKernels();
  if (forced != nullptr) {
    for (const KernelTable* kernel : available) {
      if (std::strcmp(kernel->name, forced) == 0) return kernel;
    }
  }
  return available.back();
}

}  // namespace internal

const KernelTable& ActiveKernel() {
  static const KernelTable* const kernel = internal::ChooseKernel(std::getenv("NEARDUP_FORCE_KERNEL"));
  return *kernel;
}

std::vector<const KernelTable*> AvailableKernels() {
  std::vector<const KernelTable*> kernels = {&kScalarKernel};
  if (CpuHasAvx2()) kernels.push_back(&kAvx2Kernel);
  if (CpuHasAvx512()) kernels.push_back(&kAvx512Kernel);
  return kernels;
}

}  // namespace neardup
