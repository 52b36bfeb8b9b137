// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Pieces of the passage stage changed for its fresh memory (bench/README-passages.md, round 8), each
// against a plain reference. BuildIndex's two waves are checked by BuildIndexMatchesAReference
// (passages_test.cc: fingerprints in either half of the buckets, or in the buckets either side of the
// boundary), and the entries moved to the front of their table by SameOutputForAnyThreadCount (the
// chunks' postings land in an order that depends on timing).

#include <gtest/gtest.h>

#include <cstdint>

#include "pipeline/passages/passages_internal.h"

namespace neardup {
namespace {

// The items before n keep their values, whatever n is (at, just before or just after a huge page's
// boundary, or inside a page), and the whole huge pages after them are given back: they read as zero.
TEST(PassagesSpeed8Test, ReleaseFromKeepsTheItemsBeforeItAndGivesBackTheRest) {
  using passages_internal::BigArray;
  constexpr size_t kItemsPerHugePage = (size_t{2} << 20) / sizeof(uint64_t);
  const size_t boundary = 3 * kItemsPerHugePage;
  for (size_t n : {size_t{0}, size_t{1}, boundary - 1, boundary, boundary + 1, boundary + 12345}) {
    const BigArray<uint64_t> array(8 * kItemsPerHugePage + 77);
    for (size_t i = 0; i < array.size(); ++i) array[i] = i * 0x9E3779B97F4A7C15ULL | 1;
    array.ReleaseFrom(n);
    size_t changed = 0;
    for (size_t i = 0; i < n; ++i) changed += array[i] != (i * 0x9E3779B97F4A7C15ULL | 1);
    EXPECT_EQ(changed, 0u) << n;
    // The array's start need not be on a huge page's boundary: the last whole one lies in its last
    // 2 MB + 1 page, past every n above.
    const size_t probe = array.size() - kItemsPerHugePage - 1;
    EXPECT_EQ(array[probe], 0u) << n;
  }
}

// A small array comes from the heap: nothing is given back.
TEST(PassagesSpeed8Test, ReleaseFromLeavesASmallArrayAlone) {
  const passages_internal::BigArray<uint32_t> array(1000);
  for (size_t i = 0; i < array.size(); ++i) array[i] = static_cast<uint32_t>(i + 1);
  array.ReleaseFrom(0);
  for (size_t i = 0; i < array.size(); ++i) ASSERT_EQ(array[i], i + 1);
}

}  // namespace
}  // namespace neardup
