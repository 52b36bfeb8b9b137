// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Shingles, MinHash signatures, LSH band keys and exact Jaccard: the hot kernels of near-duplicate
// detection. Pure functions over spans: no I/O, no exceptions, no allocation.
//
// Every kernel has a scalar reference (the *Scalar functions). Vectorized variants live in
// minhash_avx2.cc / minhash_avx512.cc and must give bit-identical results; the implementation is chosen
// once at run time from the CPU, and the environment variable NEARDUP_FORCE_KERNEL=scalar|avx2|avx512
// forces one (an unavailable choice falls back to the best available, and ActiveKernel() says which).

#ifndef NEARDUP_KERNELS_MINHASH_H_
#define NEARDUP_KERNELS_MINHASH_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "kernels/byte_classes.h"

namespace neardup {

// Writes the hashes of the word n-grams (shingles) of `word_hashes` to `out`, in text order, and
// returns how many were written: max(count - n + 1, 1) when count > 0, 0 when count == 0. A text with
// fewer than n words gets one shingle made of all its words, so short texts still have a signature and
// two different short texts do not collide. `out` must have room for max(count, 1) values.
// A shingle hash is XXH3-64 over the little-endian bytes of its word hashes, seeded with n.
size_t ShingleHashes(const uint64_t* word_hashes, size_t count, size_t n, uint64_t* out);

// Sorts and deduplicates shingle hashes in place; returns the new size. The result is the shingle set
// that exact Jaccard is computed on.
size_t SortUnique(uint64_t* hashes, size_t count);

// The same result as SortUnique, faster for the uniformly distributed hashes shingles are: one counting
// pass on the top bits spreads them over small buckets that insertion sort finishes. `scratch` must have
// room for `count` values.
size_t SortUniqueHashes(uint64_t* hashes, size_t count, uint64_t* scratch);

// |A ∩ B| of two sorted, duplicate-free arrays.
size_t IntersectionSize(const uint64_t* a, size_t na, const uint64_t* b, size_t nb);

// Exact Jaccard |A ∩ B| / |A ∪ B| of two sorted, duplicate-free arrays; 0 when both are empty.
double ExactJaccard(const uint64_t* a, size_t na, const uint64_t* b, size_t nb);

// MinHash permutations: permutation i maps a shingle hash h to
//   Mix32(Lo32(h) ^ Hi32(h) ^ seeds[i])  where Mix32 is the murmur3 32-bit finalizer,
// and the signature value is the minimum over the document's shingles (UINT32_MAX for none).
struct MinHashSeeds {
  std::vector<uint32_t> seeds;  ///< one per permutation, drawn from the run's --seed
  static MinHashSeeds Make(size_t num_perm, uint64_t seed);
};

inline uint32_t MinHashMix32(uint32_t x) {
  x ^= x >> 16;
  x *= 0x85ebca6bU;
  x ^= x >> 13;
  x *= 0xc2b2ae35U;
  x ^= x >> 16;
  return x;
}

// sig[i] = min over shingles of permutation i. num_perm must be a multiple of 16.
void MinHashScalar(const uint64_t* shingles, size_t count, const uint32_t* seeds, size_t num_perm,
                   uint32_t* sig);

// Fraction of equal positions of two signatures: the MinHash estimate of Jaccard.
double EstimateJaccard(const uint32_t* a, const uint32_t* b, size_t num_perm);

// Key of LSH band `band` (rows values starting at sig[band * rows]): XXH3-64 of those values, seeded
// with the band index, so equal rows in different bands never collide.
uint64_t BandKey(const uint32_t* sig, size_t band, size_t rows);

// Kernels chosen at run time: one instruction set for every kernel, so that one override variable and
// one name (`neardup --version`) describe the run.
struct KernelTable {
  const char* name;  ///< "scalar", "avx2" or "avx512"
  void (*minhash)(const uint64_t* shingles, size_t count, const uint32_t* seeds, size_t num_perm,
                  uint32_t* sig);
  ClassifyBytesFn classify_bytes;  ///< the tokenizer's byte classifier (kernels/byte_classes.h)
  ScanBytesFn scan_bytes;          ///< the boilerplate stage's byte scanner (kernels/byte_classes.h)
};

// The kernel in use (chosen once, thread-safe).
const KernelTable& ActiveKernel();
// All kernels this CPU can run, scalar first (for tests and benchmarks).
std::vector<const KernelTable*> AvailableKernels();

// LSH parameters. Probability that a pair with Jaccard s shares at least one band:
//   1 - (1 - s^rows)^bands.
double DetectionProbability(double s, size_t bands, size_t rows);

// Chooses bands × rows ≤ num_perm for a threshold: the largest rows (fewest false candidates) such that
// bands = num_perm / rows gives DetectionProbability(threshold) ≥ min_probability. rows ≥ 1 always.
void ChooseBands(double threshold, size_t num_perm, double min_probability, size_t* bands, size_t* rows);

}  // namespace neardup

#endif  // NEARDUP_KERNELS_MINHASH_H_
