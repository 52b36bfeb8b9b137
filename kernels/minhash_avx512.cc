// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// MinHash with AVX-512: sixteen permutations per 512-bit vector. Compiled with -mavx512f/bw/dq/vl;
// reached only through the dispatch in minhash.cc. Everything except the entry point has internal
// linkage (see minhash_internal.h for why).

// GCC 12's AVX-512 intrinsics initialize their "undefined" operand from itself, which -Wmaybe-uninitialized
// and -Wuninitialized report at every inlined use (GCC bug 105593, fixed in GCC 13).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wuninitialized"
#include <immintrin.h>
#pragma GCC diagnostic pop
#else
#include <immintrin.h>
#endif

#include <cstddef>
#include <cstdint>

#include "kernels/minhash_internal.h"

namespace neardup::internal {
namespace {

constexpr size_t kLanes = 16;

// Permutations per pass over the shingles: 128, the usual signature size, in one pass. Eight vectors of
// running minima, eight of seeds, the two multipliers, the broadcast shingle and the temporaries fit in
// the 32 zmm registers, so the shingle loop touches memory only to read the next shingle.
constexpr int kBlockVectors = 8;

// Running minima of kVecs * 16 permutations starting at seeds[0], over all shingles. Lanes outside
// `last_mask` of the last vector are neither read nor written.
//
// The murmur3 finalizer starts with x ^= x >> 16, and a logical shift distributes over xor, so for
// x = f ^ s it equals (f ^ f >> 16) ^ (s ^ s >> 16): the seed half is computed once per block and the
// shingle half once per shingle, leaving one xor per vector instead of a shift and two xors.
template <int kVecs>
void MinHashBlock(const uint64_t* shingles, size_t count, const uint32_t* seeds, uint32_t* sig,
                  __mmask16 last_mask) {
  const __m512i mul1 = _mm512_set1_epi32(static_cast<int>(0x85ebca6bU));
  const __m512i mul2 = _mm512_set1_epi32(static_cast<int>(0xc2b2ae35U));
  __m512i seed_half[kVecs];
  __m512i minima[kVecs];
  for (int k = 0; k < kVecs; ++k) {
    const __mmask16 mask = k == kVecs - 1 ? last_mask : static_cast<__mmask16>(0xffff);
    const __m512i s = _mm512_maskz_loadu_epi32(mask, seeds + k * kLanes);
    seed_half[k] = _mm512_xor_si512(s, _mm512_srli_epi32(s, 16));
    minima[k] = _mm512_set1_epi32(-1);
  }
  for (size_t i = 0; i < count; ++i) {
    const uint64_t h = shingles[i];
    uint32_t folded = static_cast<uint32_t>(h) ^ static_cast<uint32_t>(h >> 32);
    folded ^= folded >> 16;
    const __m512i shingle_half = _mm512_set1_epi32(static_cast<int>(folded));
    for (int k = 0; k < kVecs; ++k) {
      __m512i v = _mm512_xor_si512(shingle_half, seed_half[k]);
      v = _mm512_mullo_epi32(v, mul1);
      v = _mm512_xor_si512(v, _mm512_srli_epi32(v, 13));
      v = _mm512_mullo_epi32(v, mul2);
      v = _mm512_xor_si512(v, _mm512_srli_epi32(v, 16));
      minima[k] = _mm512_min_epu32(minima[k], v);
    }
  }
  for (int k = 0; k < kVecs; ++k) {
    const __mmask16 mask = k == kVecs - 1 ? last_mask : static_cast<__mmask16>(0xffff);
    _mm512_mask_storeu_epi32(sig + k * kLanes, mask, minima[k]);
  }
}

}  // namespace

void MinHashAvx512(const uint64_t* shingles, size_t count, const uint32_t* seeds, size_t num_perm,
                   uint32_t* sig) {
  constexpr size_t kBlockPerms = kBlockVectors * kLanes;
  const __mmask16 full = 0xffff;
  size_t done = 0;
  for (; done + kBlockPerms <= num_perm; done += kBlockPerms) {
    MinHashBlock<kBlockVectors>(shingles, count, seeds + done, sig + done, full);
  }
  // Multiples of 16 have no partial vector; the mask keeps other sizes exact rather than overrunning.
  const size_t rest = num_perm - done;
  const size_t tail_lanes = rest % kLanes;
  const __mmask16 last = tail_lanes == 0 ? full : static_cast<__mmask16>((1U << tail_lanes) - 1);
  const uint32_t* s = seeds + done;
  uint32_t* out = sig + done;
  // One case per line reads as the table it is.
  // clang-format off
  switch ((rest + kLanes - 1) / kLanes) {
    case 1: MinHashBlock<1>(shingles, count, s, out, last); break;
    case 2: MinHashBlock<2>(shingles, count, s, out, last); break;
    case 3: MinHashBlock<3>(shingles, count, s, out, last); break;
    case 4: MinHashBlock<4>(shingles, count, s, out, last); break;
    case 5: MinHashBlock<5>(shingles, count, s, out, last); break;
    case 6: MinHashBlock<6>(shingles, count, s, out, last); break;
    case 7: MinHashBlock<7>(shingles, count, s, out, last); break;
    case 8: MinHashBlock<8>(shingles, count, s, out, last); break;
    default: break;  // no permutations left
  }
  // clang-format on
}

}  // namespace neardup::internal
