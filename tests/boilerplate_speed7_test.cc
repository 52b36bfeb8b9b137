// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// The sort of copy detection's (shingle, document) keys (SortKeys) buckets the keys on their top bits in
// two stable counting passes, the lower half of those bits first, before its insertion sort: for every
// number of bucket bits (8 to 20, from the number of keys), keys that differ only in the bits of the
// first pass, only in those of the second, or in both, must come out in std::sort's order.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

#include "pipeline/boilerplate/sort_keys.h"

namespace neardup {
namespace {

using boilerplate_internal::SortKeys;

// The bucket bits SortKeys takes for `n` keys.
int BucketBits(size_t n) {
  int bits = 8;
  while (bits < 20 && (size_t{1} << bits) < n) ++bits;
  return bits;
}

void ExpectSorted(std::vector<uint64_t> keys) {
  std::vector<uint64_t> want = keys;
  std::sort(want.begin(), want.end());
  SortKeys(keys.data(), keys.size());
  ASSERT_EQ(keys.size(), want.size());
  EXPECT_TRUE(keys == want) << keys.size() << " keys, first difference at "
                            << std::mismatch(keys.begin(), keys.end(), want.begin()).first - keys.begin();
}

TEST(BoilerplateSortKeysTest, EachPassOfTheBucketing) {
  std::mt19937_64 rng(17);
  for (int target = 8; target <= 21; ++target) {
    for (const size_t n : {(size_t{1} << target) - 1, (size_t{1} << target) + 1}) {
      if (n > 600000) continue;  // past 2^20 keys the bits stay at 20 (covered at 2^19 + 1 and below)
      const int bits = BucketBits(n);
      const int low_bits = bits / 2;
      // Bits of the first pass (below the top `bits - low_bits`), of the second (the top ones), and both.
      const uint64_t first = ((uint64_t{1} << low_bits) - 1) << (64 - bits);
      const uint64_t second = ~uint64_t{0} << (64 - (bits - low_bits));
      for (const uint64_t mask : {first, second, first | second}) {
        std::vector<uint64_t> keys(n);
        for (size_t i = 0; i < n; ++i) keys[i] = (rng() & mask) | (i % 3);
        ExpectSorted(keys);
      }
    }
  }
  // Every bit but the bucket bits: all keys in one bucket (the insertion sort does all the work).
  std::vector<uint64_t> one_bucket(3000);
  for (uint64_t& k : one_bucket) k = rng() & (~uint64_t{0} >> 20);
  ExpectSorted(one_bucket);
}

TEST(BoilerplateSortKeysTest, BucketsInReverseAndInterleaved) {
  // Keys that walk the buckets backwards, and the two halves' buckets interleaved: every key of the
  // first pass's bucket b ahead of the second's.
  for (const size_t n : {size_t{300}, size_t{5000}, size_t{70000}}) {
    const int bits = BucketBits(n);
    std::vector<uint64_t> backwards(n), interleaved(n);
    for (size_t i = 0; i < n; ++i) {
      backwards[i] = ~uint64_t{0} - (uint64_t{i} << (64 - bits)) - i;
      interleaved[i] = (uint64_t{i % 2} << 63) | (uint64_t{(n - i) % 977} << (64 - bits)) | i;
    }
    ExpectSorted(backwards);
    ExpectSorted(interleaved);
  }
}

}  // namespace
}  // namespace neardup
