// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// MinHash with AVX2: eight permutations per 256-bit vector. Compiled with -mavx2 -mbmi2; reached only
// through the dispatch in minhash.cc. Everything except the entry point has internal linkage (see
// minhash_internal.h for why).

#include <immintrin.h>

#include <cstddef>
#include <cstdint>

#include "kernels/minhash_internal.h"

namespace neardup::internal {
namespace {

constexpr size_t kLanes = 8;

// Permutations per pass over the shingles. Sixteen ymm registers cannot hold eight vectors of running
// minima and eight of seeds at once, but the loop is bound by vpmulld throughput rather than by the few
// resulting L1 accesses: passes of 4, 6, 8 and 16 vectors measured within noise of each other.
constexpr int kBlockVectors = 8;

__m256i TailMask(size_t lanes) {
  return _mm256_cmpgt_epi32(_mm256_set1_epi32(static_cast<int>(lanes)),
                            _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
}

// Running minima of kVecs * 8 permutations starting at seeds[0], over all shingles. When kPartial, the
// last vector holds only `tail_lanes` (< 8) permutations and is loaded and stored under a mask.
//
// The murmur3 finalizer starts with x ^= x >> 16, and a logical shift distributes over xor, so for
// x = f ^ s it equals (f ^ f >> 16) ^ (s ^ s >> 16): the seed half is computed once per block and the
// shingle half once per shingle, leaving one xor per vector instead of a shift and two xors.
template <int kVecs, bool kPartial>
void MinHashBlock(const uint64_t* shingles, size_t count, const uint32_t* seeds, uint32_t* sig,
                  size_t tail_lanes) {
  const __m256i mul1 = _mm256_set1_epi32(static_cast<int>(0x85ebca6bU));
  const __m256i mul2 = _mm256_set1_epi32(static_cast<int>(0xc2b2ae35U));
  const __m256i tail_mask = kPartial ? TailMask(tail_lanes) : _mm256_set1_epi32(-1);
  __m256i seed_half[kVecs];
  __m256i minima[kVecs];
  for (int k = 0; k < kVecs; ++k) {
    const int* from = reinterpret_cast<const int*>(seeds + k * kLanes);
    const __m256i s = (kPartial && k == kVecs - 1)
                          ? _mm256_maskload_epi32(from, tail_mask)
                          : _mm256_loadu_si256(reinterpret_cast<const __m256i*>(from));
    seed_half[k] = _mm256_xor_si256(s, _mm256_srli_epi32(s, 16));
    minima[k] = _mm256_set1_epi32(-1);
  }
  for (size_t i = 0; i < count; ++i) {
    const uint64_t h = shingles[i];
    uint32_t folded = static_cast<uint32_t>(h) ^ static_cast<uint32_t>(h >> 32);
    folded ^= folded >> 16;
    const __m256i shingle_half = _mm256_set1_epi32(static_cast<int>(folded));
    for (int k = 0; k < kVecs; ++k) {
      __m256i v = _mm256_xor_si256(shingle_half, seed_half[k]);
      v = _mm256_mullo_epi32(v, mul1);
      v = _mm256_xor_si256(v, _mm256_srli_epi32(v, 13));
      v = _mm256_mullo_epi32(v, mul2);
      v = _mm256_xor_si256(v, _mm256_srli_epi32(v, 16));
      minima[k] = _mm256_min_epu32(minima[k], v);
    }
  }
  for (int k = 0; k < kVecs; ++k) {
    int* to = reinterpret_cast<int*>(sig + k * kLanes);
    if (kPartial && k == kVecs - 1) {
      _mm256_maskstore_epi32(to, tail_mask, minima[k]);
    } else {
      _mm256_storeu_si256(reinterpret_cast<__m256i*>(to), minima[k]);
    }
  }
}

// The last pass: fewer than kBlockVectors full vectors, plus one partial vector when kPartial.
template <bool kPartial>
void MinHashRest(const uint64_t* shingles, size_t count, const uint32_t* seeds, uint32_t* sig, int vectors,
                 size_t tail_lanes) {
  // One case per line reads as the table it is.
  // clang-format off
  switch (vectors) {
    case 1: MinHashBlock<1, kPartial>(shingles, count, seeds, sig, tail_lanes); break;
    case 2: MinHashBlock<2, kPartial>(shingles, count, seeds, sig, tail_lanes); break;
    case 3: MinHashBlock<3, kPartial>(shingles, count, seeds, sig, tail_lanes); break;
    case 4: MinHashBlock<4, kPartial>(shingles, count, seeds, sig, tail_lanes); break;
    case 5: MinHashBlock<5, kPartial>(shingles, count, seeds, sig, tail_lanes); break;
    case 6: MinHashBlock<6, kPartial>(shingles, count, seeds, sig, tail_lanes); break;
    case 7: MinHashBlock<7, kPartial>(shingles, count, seeds, sig, tail_lanes); break;
    case 8: MinHashBlock<8, kPartial>(shingles, count, seeds, sig, tail_lanes); break;
    default: break;  // no permutations left
  }
  // clang-format on
}

}  // namespace

void MinHashAvx2(const uint64_t* shingles, size_t count, const uint32_t* seeds, size_t num_perm,
                 uint32_t* sig) {
  constexpr size_t kBlockPerms = kBlockVectors * kLanes;
  size_t done = 0;
  for (; done + kBlockPerms <= num_perm; done += kBlockPerms) {
    MinHashBlock<kBlockVectors, false>(shingles, count, seeds + done, sig + done, kLanes);
  }
  // Multiples of 16 never reach the partial case; it keeps other sizes exact rather than overrunning.
  const size_t rest = num_perm - done;
  const size_t tail_lanes = rest % kLanes;
  if (tail_lanes == 0) {
    MinHashRest<false>(shingles, count, seeds + done, sig + done, static_cast<int>(rest / kLanes), kLanes);
  } else {
    MinHashRest<true>(shingles, count, seeds + done, sig + done, static_cast<int>(rest / kLanes) + 1,
                      tail_lanes);
  }
}

}  // namespace neardup::internal
