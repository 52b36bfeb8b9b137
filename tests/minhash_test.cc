// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Tests of kernels/minhash.h. Every vector kernel is checked bit for bit against MinHashScalar; the
// scalar reference itself is checked against the definition, and the MinHash estimate against exact
// Jaccard statistically. Set NEARDUP_FORCE_KERNEL to run the dispatched-kernel tests once per kernel.

#include "kernels/minhash.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "kernels/minhash_internal.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace neardup {
namespace {

// ---------------------------------------------------------------- reference implementations

// Literal transcription of the documented permutation, one (permutation, shingle) pair at a time.
std::vector<uint32_t> DefinitionMinHash(const std::vector<uint64_t>& shingles,
                                        const std::vector<uint32_t>& seeds) {
  std::vector<uint32_t> sig(seeds.size(), UINT32_MAX);
  for (size_t i = 0; i < seeds.size(); ++i) {
    for (uint64_t h : shingles) {
      const uint32_t lo = static_cast<uint32_t>(h & 0xffffffffU);
      const uint32_t hi = static_cast<uint32_t>(h >> 32);
      sig[i] = std::min(sig[i], MinHashMix32(lo ^ hi ^ seeds[i]));
    }
  }
  return sig;
}

// XXH3-64 over words serialized byte by byte in little-endian order, independent of the host layout.
uint64_t NaiveShingleHash(const uint64_t* words, size_t count, size_t n) {
  std::vector<unsigned char> bytes;
  for (size_t w = 0; w < count; ++w) {
    for (int b = 0; b < 8; ++b) bytes.push_back(static_cast<unsigned char>(words[w] >> (8 * b)));
  }
  return XXH3_64bits_withSeed(bytes.data(), bytes.size(), n);
}

size_t ReferenceIntersectionSize(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  std::vector<uint64_t> common;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(common));
  return common.size();
}

size_t ReferenceUnionSize(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  std::vector<uint64_t> all;
  std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(all));
  return all.size();
}

std::vector<uint64_t> RandomHashes(size_t count, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<uint64_t> out(count);
  for (uint64_t& h : out) h = rng();
  return out;
}

// A sorted, duplicate-free set of `count` values drawn from [0, universe).
std::vector<uint64_t> RandomSortedSet(size_t count, uint64_t universe, std::mt19937_64* rng) {
  std::vector<uint64_t> values;
  std::uniform_int_distribution<uint64_t> pick(0, universe - 1);
  while (values.size() < count) {
    while (values.size() < count) values.push_back(pick(*rng));
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
  }
  return values;
}

// ---------------------------------------------------------------- MinHash kernels vs the reference

TEST(MinHashScalar, MatchesDefinition) {
  const MinHashSeeds seeds = MinHashSeeds::Make(64, 7);
  for (size_t count : {0, 1, 2, 3, 17, 500}) {
    const std::vector<uint64_t> shingles = RandomHashes(count, 100 + count);
    std::vector<uint32_t> sig(seeds.seeds.size());
    MinHashScalar(shingles.data(), shingles.size(), seeds.seeds.data(), sig.size(), sig.data());
    EXPECT_EQ(sig, DefinitionMinHash(shingles, seeds.seeds)) << "count " << count;
  }
}

TEST(MinHashScalar, EmptyDocumentIsAllMax) {
  const MinHashSeeds seeds = MinHashSeeds::Make(16, 1);
  std::vector<uint32_t> sig(16, 0);
  MinHashScalar(nullptr, 0, seeds.seeds.data(), sig.size(), sig.data());
  EXPECT_EQ(sig, std::vector<uint32_t>(16, UINT32_MAX));
}

TEST(MinHashMix32, IsMurmur3Finalizer) {
  EXPECT_EQ(MinHashMix32(0), 0U);
  // Spot values computed in 64-bit arithmetic from the documented constants.
  for (uint32_t x : {1U, 0x12345678U, 0xffffffffU}) {
    uint64_t v = x;
    v ^= v >> 16;
    v = (v * 0x85ebca6bULL) & 0xffffffffULL;
    v ^= v >> 13;
    v = (v * 0xc2b2ae35ULL) & 0xffffffffULL;
    v ^= v >> 16;
    EXPECT_EQ(MinHashMix32(x), static_cast<uint32_t>(v));
  }
}

class MinHashKernelTest : public ::testing::TestWithParam<const KernelTable*> {};

// Shingle sets that exercise the edge values: zero and all-ones hashes, hashes whose folded value
// equals a seed (permutation value 0, the smallest possible), values with the top bit set after mixing
// (an accidentally signed minimum would prefer them), and duplicates.
std::vector<uint64_t> EdgeShingles(const std::vector<uint32_t>& seeds, uint64_t rng_seed) {
  std::vector<uint64_t> out = {0, UINT64_MAX, 0x8000000000000000ULL, 0x80000000ULL, 42, 42};
  std::mt19937_64 rng(rng_seed);
  for (size_t i = 0; i < seeds.size(); i += 5) {
    const uint64_t hi = rng() >> 32;
    out.push_back((hi << 32) | (seeds[i] ^ static_cast<uint32_t>(hi)));
  }
  for (int i = 0; i < 50; ++i) out.push_back(rng());
  return out;
}

TEST_P(MinHashKernelTest, BitIdenticalToScalar) {
  const KernelTable* kernel = GetParam();
  for (size_t num_perm : {16, 32, 48, 64, 80, 96, 112, 128, 144, 192, 256}) {
    const MinHashSeeds seeds = MinHashSeeds::Make(num_perm, 1000 + num_perm);
    for (size_t count : {0, 1, 2, 3, 7, 15, 16, 17, 100, 1000, 10000}) {
      const std::vector<uint64_t> shingles = RandomHashes(count, num_perm * 100003 + count);
      // A canary after the signature catches a vector store past num_perm.
      std::vector<uint32_t> expected(num_perm + 16, 0xdeadbeef);
      std::vector<uint32_t> actual(num_perm + 16, 0xdeadbeef);
      MinHashScalar(shingles.data(), count, seeds.seeds.data(), num_perm, expected.data());
      kernel->minhash(shingles.data(), count, seeds.seeds.data(), num_perm, actual.data());
      ASSERT_EQ(actual, expected) << kernel->name << " num_perm " << num_perm << " count " << count;
    }
  }
}

TEST_P(MinHashKernelTest, BitIdenticalOnEdgeValues) {
  const KernelTable* kernel = GetParam();
  for (size_t num_perm : {16, 128, 256}) {
    const MinHashSeeds seeds = MinHashSeeds::Make(num_perm, 99);
    const std::vector<uint64_t> shingles = EdgeShingles(seeds.seeds, num_perm);
    std::vector<uint32_t> expected(num_perm);
    std::vector<uint32_t> actual(num_perm);
    MinHashScalar(shingles.data(), shingles.size(), seeds.seeds.data(), num_perm, expected.data());
    kernel->minhash(shingles.data(), shingles.size(), seeds.seeds.data(), num_perm, actual.data());
    ASSERT_EQ(actual, expected) << kernel->name << " num_perm " << num_perm;
    EXPECT_EQ(*std::min_element(actual.begin(), actual.end()), 0U);
  }
}

// The contract asks for multiples of 16; other sizes must still be exact and stay inside the buffers,
// so a caller's mistake cannot corrupt memory.
TEST_P(MinHashKernelTest, OtherSizesStayExactAndInBounds) {
  const KernelTable* kernel = GetParam();
  for (size_t num_perm : {1, 5, 8, 15, 24, 100, 136, 250}) {
    const MinHashSeeds seeds = MinHashSeeds::Make(num_perm, 5);
    const std::vector<uint64_t> shingles = RandomHashes(300, num_perm);
    std::vector<uint32_t> expected(num_perm + 16, 0xdeadbeef);
    std::vector<uint32_t> actual(num_perm + 16, 0xdeadbeef);
    MinHashScalar(shingles.data(), shingles.size(), seeds.seeds.data(), num_perm, expected.data());
    kernel->minhash(shingles.data(), shingles.size(), seeds.seeds.data(), num_perm, actual.data());
    ASSERT_EQ(actual, expected) << kernel->name << " num_perm " << num_perm;
  }
}

INSTANTIATE_TEST_SUITE_P(MinHash, MinHashKernelTest, ::testing::ValuesIn(AvailableKernels()),
                         [](const ::testing::TestParamInfo<const KernelTable*>& info) {
                           return std::string(info.param->name);
                         });

// ---------------------------------------------------------------- seeds

TEST(MinHashSeeds, DeterministicAndDistinct) {
  for (size_t num_perm : {16, 128, 256, 4096}) {
    const MinHashSeeds a = MinHashSeeds::Make(num_perm, 12345);
    const MinHashSeeds b = MinHashSeeds::Make(num_perm, 12345);
    ASSERT_EQ(a.seeds.size(), num_perm);
    EXPECT_EQ(a.seeds, b.seeds);
    EXPECT_EQ(std::set<uint32_t>(a.seeds.begin(), a.seeds.end()).size(), num_perm);
  }
  EXPECT_NE(MinHashSeeds::Make(128, 1).seeds, MinHashSeeds::Make(128, 2).seeds);
  EXPECT_TRUE(MinHashSeeds::Make(0, 1).seeds.empty());
}

TEST(MinHashSeeds, ShorterSignatureIsPrefixOfLonger) {
  // Both come from the same stream, so a run can shrink num_perm without changing the first values.
  const MinHashSeeds small = MinHashSeeds::Make(64, 77);
  const MinHashSeeds large = MinHashSeeds::Make(256, 77);
  EXPECT_TRUE(std::equal(small.seeds.begin(), small.seeds.end(), large.seeds.begin()));
}

// ---------------------------------------------------------------- statistics of the estimate

// Two ~500-element sets with Jaccard close to `target`: a shared core plus a private part each.
struct SetPair {
  std::vector<uint64_t> a;
  std::vector<uint64_t> b;
};

SetPair MakePair(double target, std::mt19937_64* rng) {
  const size_t kSize = 500;
  const auto private_part = static_cast<size_t>(std::lround(kSize * (1.0 - target) / (1.0 + target)));
  const size_t core = kSize - private_part;
  std::set<uint64_t> distinct;
  while (distinct.size() < core + 2 * private_part) distinct.insert((*rng)());
  std::vector<uint64_t> values(distinct.begin(), distinct.end());
  std::shuffle(values.begin(), values.end(), *rng);
  SetPair pair;
  pair.a.assign(values.begin(), values.begin() + core + private_part);
  pair.b.assign(values.begin(), values.begin() + core);
  pair.b.insert(pair.b.end(), values.begin() + core + private_part, values.end());
  std::sort(pair.a.begin(), pair.a.end());
  std::sort(pair.b.begin(), pair.b.end());
  return pair;
}

TEST(MinHashStatistics, EstimateIsUnbiasedWithBinomialVariance) {
  const KernelTable& kernel = ActiveKernel();
  constexpr size_t kNumPerm = 128;
  constexpr int kTrials = 200;
  std::mt19937_64 rng(2026);
  for (double target : {0.1, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95}) {
    double sum_error = 0;
    double sum_sq_error = 0;
    double sum_exact = 0;
    for (int trial = 0; trial < kTrials; ++trial) {
      const SetPair pair = MakePair(target, &rng);
      const double exact = ExactJaccard(pair.a.data(), pair.a.size(), pair.b.data(), pair.b.size());
      ASSERT_NEAR(exact, target, 0.01);
      const MinHashSeeds seeds = MinHashSeeds::Make(kNumPerm, rng());
      std::vector<uint32_t> sig_a(kNumPerm);
      std::vector<uint32_t> sig_b(kNumPerm);
      kernel.minhash(pair.a.data(), pair.a.size(), seeds.seeds.data(), kNumPerm, sig_a.data());
      kernel.minhash(pair.b.data(), pair.b.size(), seeds.seeds.data(), kNumPerm, sig_b.data());
      const double error = EstimateJaccard(sig_a.data(), sig_b.data(), kNumPerm) - exact;
      sum_error += error;
      sum_sq_error += error * error;
      sum_exact += exact;
    }
    const double bias = sum_error / kTrials;
    const double variance = (sum_sq_error - kTrials * bias * bias) / (kTrials - 1);
    const double j = sum_exact / kTrials;
    const double binomial = j * (1 - j) / kNumPerm;
    EXPECT_LT(std::abs(bias), 0.01) << "J " << target << " kernel " << kernel.name;
    EXPECT_GE(variance, 0.6 * binomial) << "J " << target << " kernel " << kernel.name;
    EXPECT_LE(variance, 1.6 * binomial) << "J " << target << " kernel " << kernel.name;
  }
}

TEST(MinHashEstimate, CountsEqualPositions) {
  const std::vector<uint32_t> a = {1, 2, 3, 4, 5, 6, 7, 8};
  const std::vector<uint32_t> b = {1, 0, 3, 0, 5, 0, 7, 0};
  EXPECT_DOUBLE_EQ(EstimateJaccard(a.data(), b.data(), 8), 0.5);
  EXPECT_DOUBLE_EQ(EstimateJaccard(a.data(), a.data(), 8), 1.0);
  EXPECT_DOUBLE_EQ(EstimateJaccard(a.data(), b.data(), 0), 0.0);
}

// ---------------------------------------------------------------- shingles

TEST(ShingleHashes, EmptyTextHasNoShingles) {
  uint64_t out[1] = {0x1234};
  EXPECT_EQ(ShingleHashes(nullptr, 0, 5, out), 0U);
  EXPECT_EQ(out[0], 0x1234U);
}

TEST(ShingleHashes, MatchesNaiveReference) {
  const std::vector<uint64_t> words = RandomHashes(40, 3);
  for (size_t n = 1; n <= 12; ++n) {
    for (size_t count = 1; count <= words.size(); ++count) {
      std::vector<uint64_t> out(std::max(count, size_t{1}) + 1, 0xabcdef);
      const size_t written = ShingleHashes(words.data(), count, n, out.data());
      if (count < n) {
        ASSERT_EQ(written, 1U);
        EXPECT_EQ(out[0], NaiveShingleHash(words.data(), count, n)) << "n " << n << " count " << count;
      } else {
        ASSERT_EQ(written, count - n + 1);
        for (size_t i = 0; i < written; ++i) {
          ASSERT_EQ(out[i], NaiveShingleHash(words.data() + i, n, n)) << "n " << n << " i " << i;
        }
      }
      EXPECT_EQ(out[written], 0xabcdefU) << "wrote past the shingles";
    }
  }
}

TEST(ShingleHashes, ShortTextIsOneShingleSeededWithN) {
  const uint64_t words[3] = {11, 22, 33};
  uint64_t out[3];
  ASSERT_EQ(ShingleHashes(words, 3, 5, out), 1U);
  EXPECT_EQ(out[0], XXH3_64bits_withSeed(words, sizeof(words), 5));
  // The seed is n, so the same short text under another shingle length hashes differently.
  uint64_t other[3];
  ASSERT_EQ(ShingleHashes(words, 3, 4, other), 1U);
  EXPECT_NE(out[0], other[0]);
}

TEST(ShingleHashes, DifferentShortTextsDiffer) {
  const std::vector<std::vector<uint64_t>> texts = {{1},       {2},       {1, 2}, {2, 1}, {1, 1},
                                                    {1, 2, 3}, {3, 2, 1}, {0},    {0, 0}};
  std::set<uint64_t> hashes;
  for (const std::vector<uint64_t>& text : texts) {
    uint64_t out[5];
    ASSERT_EQ(ShingleHashes(text.data(), text.size(), 5, out), 1U);
    hashes.insert(out[0]);
  }
  EXPECT_EQ(hashes.size(), texts.size());
}

TEST(ShingleHashes, OrderMatters) {
  const uint64_t forward[4] = {1, 2, 3, 4};
  const uint64_t backward[4] = {4, 3, 2, 1};
  uint64_t a[4];
  uint64_t b[4];
  ASSERT_EQ(ShingleHashes(forward, 4, 4, a), 1U);
  ASSERT_EQ(ShingleHashes(backward, 4, 4, b), 1U);
  EXPECT_NE(a[0], b[0]);
}

// ---------------------------------------------------------------- sets and exact Jaccard

TEST(JaccardSortUnique, MatchesStdSet) {
  std::mt19937_64 rng(8);
  for (size_t count : {0, 1, 2, 10, 1000, 50000}) {
    std::vector<uint64_t> values(count);
    for (uint64_t& v : values) v = rng() % (count + 1);  // plenty of duplicates
    const std::set<uint64_t> expected(values.begin(), values.end());
    const size_t size = SortUnique(values.data(), values.size());
    values.resize(size);
    EXPECT_EQ(values, std::vector<uint64_t>(expected.begin(), expected.end())) << "count " << count;
  }
}

TEST(JaccardIntersection, MatchesSetIntersection) {
  std::mt19937_64 rng(9);
  const size_t sizes[] = {0, 1, 2, 3, 31, 32, 33, 100, 125, 500, 5000, 20000};
  for (size_t na : sizes) {
    for (size_t nb : sizes) {
      // A small universe forces overlap; a huge one makes the sets nearly disjoint.
      for (uint64_t universe : {uint64_t{2} * (na + nb) + 1, uint64_t{1} << 62}) {
        const std::vector<uint64_t> a = RandomSortedSet(na, universe, &rng);
        const std::vector<uint64_t> b = RandomSortedSet(nb, universe, &rng);
        const size_t expected = ReferenceIntersectionSize(a, b);
        ASSERT_EQ(IntersectionSize(a.data(), na, b.data(), nb), expected) << na << " vs " << nb;
        ASSERT_EQ(IntersectionSize(b.data(), nb, a.data(), na), expected) << nb << " vs " << na;
        const double jaccard = ExactJaccard(a.data(), na, b.data(), nb);
        if (na + nb == 0) {
          EXPECT_EQ(jaccard, 0.0);
        } else {
          EXPECT_DOUBLE_EQ(jaccard, static_cast<double>(expected) / ReferenceUnionSize(a, b));
        }
      }
    }
  }
}

TEST(JaccardIntersection, SubsetsAndInterleavings) {
  // Galloping edge cases: the small set's elements at the very start, the very end, in between, and
  // equal to every k-th element of the large one.
  std::vector<uint64_t> large(10000);
  for (size_t i = 0; i < large.size(); ++i) large[i] = 10 * i + 10;
  const std::vector<std::vector<uint64_t>> smalls = {{0},
                                                     {10},
                                                     {5, 15},
                                                     {99995, 100000},
                                                     {100000},
                                                     {100010},
                                                     {0, 50000, 100010},
                                                     {10, 20, 30, 40},
                                                     {99980, 99990, 100000},
                                                     {1, 11, 21, 55555}};
  for (const std::vector<uint64_t>& small : smalls) {
    EXPECT_EQ(IntersectionSize(small.data(), small.size(), large.data(), large.size()),
              ReferenceIntersectionSize(small, large));
  }
  std::vector<uint64_t> every_seventh;
  for (size_t i = 0; i < large.size(); i += 7) every_seventh.push_back(large[i]);
  EXPECT_EQ(IntersectionSize(every_seventh.data(), every_seventh.size(), large.data(), large.size()),
            every_seventh.size());
}

TEST(JaccardExact, SpecialCases) {
  const std::vector<uint64_t> a = {1, 2, 3, 4};
  const std::vector<uint64_t> b = {5, 6};
  EXPECT_EQ(ExactJaccard(nullptr, 0, nullptr, 0), 0.0);
  EXPECT_EQ(ExactJaccard(a.data(), a.size(), nullptr, 0), 0.0);
  EXPECT_EQ(ExactJaccard(a.data(), a.size(), a.data(), a.size()), 1.0);
  EXPECT_EQ(ExactJaccard(a.data(), a.size(), b.data(), b.size()), 0.0);
  const std::vector<uint64_t> c = {3, 4, 5, 6};
  EXPECT_DOUBLE_EQ(ExactJaccard(a.data(), a.size(), c.data(), c.size()), 2.0 / 6.0);
}

// ---------------------------------------------------------------- LSH parameters and band keys

TEST(LshBands, DetectionProbabilityFormula) {
  EXPECT_DOUBLE_EQ(DetectionProbability(1.0, 16, 8), 1.0);
  EXPECT_DOUBLE_EQ(DetectionProbability(0.0, 16, 8), 0.0);
  EXPECT_DOUBLE_EQ(DetectionProbability(0.5, 0, 8), 0.0);
  for (double s : {0.1, 0.5, 0.8, 0.95}) {
    for (size_t bands : {1, 4, 16, 32}) {
      for (size_t rows : {1, 4, 8}) {
        const double expected = 1.0 - std::pow(1.0 - std::pow(s, rows), bands);
        EXPECT_NEAR(DetectionProbability(s, bands, rows), expected, 1e-12);
      }
    }
  }
}

TEST(LshBands, ThresholdPointEightOf128Gives16x8) {
  size_t bands = 0;
  size_t rows = 0;
  ChooseBands(0.8, 128, 0.9, &bands, &rows);
  EXPECT_EQ(bands, 16U);
  EXPECT_EQ(rows, 8U);
  // By hand: 1 - (1 - 0.8^8)^16 = 0.947 >= 0.9; with 9 rows, 1 - (1 - 0.8^9)^14 = 0.867 < 0.9.
  EXPECT_NEAR(DetectionProbability(0.8, 16, 8), 0.947, 0.001);
  EXPECT_NEAR(DetectionProbability(0.8, 14, 9), 0.867, 0.001);
}

TEST(LshBands, ChosenRowsAreTheLargestThatQualify) {
  for (size_t num_perm : {64, 128, 256}) {
    for (int step = 0; step <= 9; ++step) {
      const double threshold = 0.5 + 0.05 * step;
      size_t bands = 0;
      size_t rows = 0;
      ChooseBands(threshold, num_perm, 0.9, &bands, &rows);
      ASSERT_GE(rows, 1U);
      EXPECT_EQ(bands, num_perm / rows);
      EXPECT_LE(bands * rows, num_perm);
      EXPECT_GE(DetectionProbability(threshold, bands, rows), 0.9)
          << "t " << threshold << " num_perm " << num_perm;
      for (size_t more = rows + 1; more <= num_perm; ++more) {
        EXPECT_LT(DetectionProbability(threshold, num_perm / more, more), 0.9)
            << "t " << threshold << " num_perm " << num_perm << " rows " << more << " would also do";
      }
    }
  }
}

TEST(LshBands, UnreachableProbabilityFallsBackToSingleRows) {
  size_t bands = 0;
  size_t rows = 0;
  ChooseBands(0.001, 16, 0.9, &bands, &rows);
  EXPECT_EQ(rows, 1U);
  EXPECT_EQ(bands, 16U);
}

TEST(LshBandKey, IsXxh3OfRowsSeededWithBand) {
  const std::vector<uint32_t> sig = {1, 2, 3, 4, 5, 6, 7, 8};
  EXPECT_EQ(BandKey(sig.data(), 1, 4), XXH3_64bits_withSeed(sig.data() + 4, 4 * sizeof(uint32_t), 1));
}

TEST(LshBandKey, SameRowsInDifferentBandsDiffer) {
  // Every band holds the same rows; only the band index tells them apart.
  const size_t kRows = 8;
  const size_t kBands = 16;
  std::vector<uint32_t> sig(kRows * kBands);
  for (size_t i = 0; i < sig.size(); ++i) sig[i] = static_cast<uint32_t>(i % kRows) * 1000;
  std::set<uint64_t> keys;
  for (size_t band = 0; band < kBands; ++band) keys.insert(BandKey(sig.data(), band, kRows));
  EXPECT_EQ(keys.size(), kBands);
}

TEST(LshBandKey, EqualBandsInDifferentSignaturesCollide) {
  std::vector<uint32_t> a = {1, 2, 3, 4, 5, 6, 7, 8};
  std::vector<uint32_t> b = {9, 9, 9, 9, 5, 6, 7, 8};
  EXPECT_EQ(BandKey(a.data(), 1, 4), BandKey(b.data(), 1, 4));
  EXPECT_NE(BandKey(a.data(), 0, 4), BandKey(b.data(), 0, 4));
}

// ---------------------------------------------------------------- dispatch

std::vector<std::string> AvailableNames() {
  std::vector<std::string> names;
  for (const KernelTable* kernel : AvailableKernels()) names.emplace_back(kernel->name);
  return names;
}

bool IsAvailable(const std::string& name) {
  const std::vector<std::string> names = AvailableNames();
  return std::find(names.begin(), names.end(), name) != names.end();
}

TEST(KernelDispatch, AvailableKernelsFollowTheCpu) {
  const std::vector<std::string> names = AvailableNames();
  ASSERT_FALSE(names.empty());
  EXPECT_EQ(names.front(), "scalar");
  __builtin_cpu_init();
  EXPECT_EQ(IsAvailable("avx2"), __builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi2"));
  EXPECT_EQ(IsAvailable("avx512"),
            __builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi2") &&
                __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
                __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512vl"));
}

TEST(KernelDispatch, ForcedKernelIsChosenWhenAvailable) {
  const KernelTable* best = AvailableKernels().back();
  EXPECT_STREQ(internal::ChooseKernel("scalar")->name, "scalar");
  for (const char* name : {"avx2", "avx512"}) {
    EXPECT_STREQ(internal::ChooseKernel(name)->name, IsAvailable(name) ? name : best->name);
  }
}

TEST(KernelDispatch, UnknownOrMissingOverrideFallsBackToBest) {
  const KernelTable* best = AvailableKernels().back();
  EXPECT_EQ(internal::ChooseKernel("bogus"), best);
  EXPECT_EQ(internal::ChooseKernel(""), best);
  EXPECT_EQ(internal::ChooseKernel(nullptr), best);
  EXPECT_EQ(internal::ChooseKernel("AVX2"), best);  // names are exact
}

// Lets CI run the whole suite once per kernel: NEARDUP_FORCE_KERNEL=scalar ./neardup_tests.
TEST(KernelDispatch, ActiveKernelHonoursEnvironment) {
  const char* forced = std::getenv("NEARDUP_FORCE_KERNEL");
  const std::string active = ActiveKernel().name;
  EXPECT_TRUE(IsAvailable(active));
  if (forced == nullptr || *forced == '\0') {
    EXPECT_EQ(active, AvailableNames().back());
  } else if (IsAvailable(forced)) {
    EXPECT_EQ(active, forced);
  } else {
    // A run that asks for a kernel this CPU lacks would silently test another kernel; say so loudly.
    ADD_FAILURE() << "NEARDUP_FORCE_KERNEL=" << forced << " is not a kernel this CPU can run; running "
                  << active << " instead";
  }
}

}  // namespace
}  // namespace neardup

namespace neardup {
namespace {

// SortUniqueHashes against the SortUnique reference: uniform hashes, skewed values (all in one bucket),
// duplicates, and every size around the small-input cut-off and the bucket-count steps.
TEST(SortUniqueHashesTest, MatchesReference) {
  std::mt19937_64 rng(99);
  for (size_t n : {0, 1, 2, 63, 64, 65, 100, 511, 512, 513, 1000, 5000, 9000, 100000}) {
    for (int kind = 0; kind < 4; ++kind) {
      std::vector<uint64_t> v(n);
      for (uint64_t& x : v) {
        switch (kind) {
          case 0: x = rng(); break;
          case 1: x = rng() >> 40; break;                  // all in the lowest bucket
          case 2: x = rng() % 50; break;                   // heavy duplicates
          default: x = (rng() % 3) << 62 | (rng() % 7); break;  // few buckets, duplicates
        }
      }
      std::vector<uint64_t> expected = v;
      expected.resize(SortUnique(expected.data(), expected.size()));
      std::vector<uint64_t> scratch(n);
      std::vector<uint64_t> got = v;
      got.resize(SortUniqueHashes(got.data(), got.size(), scratch.data()));
      EXPECT_EQ(got, expected) << "n=" << n << " kind=" << kind;
    }
  }
}

}  // namespace
}  // namespace neardup
