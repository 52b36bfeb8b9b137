// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// DocArena (pipeline/boilerplate/doc_arena.h), which holds every document's units and shingles from
// phase 1 of the boilerplate stage to its end in place of a vector per document: held to a vector per
// request (the plain reference) on a random sequence of requests of every size, some larger than a
// block, of two item types: each span has its request's items (value-initialized as a vector's resize
// makes them, or copied), aligned for its type, and no span overlaps another, after every request is
// written through.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <span>
#include <utility>
#include <vector>

#include "pipeline/boilerplate/doc_arena.h"

namespace neardup {
namespace {

using boilerplate_internal::DocArena;

// Like the stage's UnitInfo: members with default values, and padding.
struct Item {
  uint32_t a = 7;
  uint64_t b = 0;
  int32_t c = -1;
  uint8_t d = 3;
  bool operator==(const Item& o) const { return a == o.a && b == o.b && c == o.c && d == o.d; }
};

TEST(BoilerplateSpeed12Test, ArenaSpansAreAVectorPerRequest) {
  std::mt19937_64 rng(12);
  DocArena arena;
  std::vector<std::span<Item>> items;
  std::vector<std::vector<Item>> items_ref;
  std::vector<std::span<const uint32_t>> words;
  std::vector<std::vector<uint32_t>> words_ref;
  // (begin, end) of every span, to check that none overlaps another.
  std::vector<std::pair<uintptr_t, uintptr_t>> ranges;
  const size_t kLarge = DocArena::kBlockBytes / sizeof(uint32_t) + 1000;  // a block of its own
  for (int request = 0; request < 40000; ++request) {
    const uint64_t r = rng();
    size_t n = r % 8 == 0 ? 0 : r % 3 == 0 ? rng() % 5 : rng() % 3000;
    if (request == 20000 || request == 30001) n = kLarge;
    if (r % 2 == 0) {
      const std::span<Item> made = arena.Make<Item>(n);
      ASSERT_EQ(made.size(), n);
      ASSERT_EQ(reinterpret_cast<uintptr_t>(made.data()) % alignof(Item), 0u);
      std::vector<Item> ref(n);  // as a vector's resize makes them
      for (size_t i = 0; i < n; ++i) ASSERT_EQ(made[i], ref[i]) << request << " " << i;
      // Written through, as AnalyzeDoc writes its units.
      for (size_t i = 0; i < n; ++i) {
        const Item it{static_cast<uint32_t>(rng()), rng(), static_cast<int32_t>(rng()),
                      static_cast<uint8_t>(rng())};
        made[i] = it;
        ref[i] = it;
      }
      if (n > 0)
        ranges.emplace_back(reinterpret_cast<uintptr_t>(made.data()),
                            reinterpret_cast<uintptr_t>(made.data() + n));
      items.push_back(made);
      items_ref.push_back(std::move(ref));
    } else {
      std::vector<uint32_t> ref(n);
      for (uint32_t& w : ref) w = static_cast<uint32_t>(rng());
      const std::span<const uint32_t> copied = arena.Copy(ref);
      ASSERT_EQ(copied.size(), n);
      ASSERT_TRUE(std::equal(copied.begin(), copied.end(), ref.begin(), ref.end())) << request;
      if (n > 0) {
        ranges.emplace_back(reinterpret_cast<uintptr_t>(copied.data()),
                            reinterpret_cast<uintptr_t>(copied.data() + n));
      }
      words.push_back(copied);
      words_ref.push_back(std::move(ref));
    }
  }
  // Every span still holds its request's items after all the others were written.
  for (size_t k = 0; k < items.size(); ++k) {
    ASSERT_TRUE(std::equal(items[k].begin(), items[k].end(), items_ref[k].begin(), items_ref[k].end())) << k;
  }
  for (size_t k = 0; k < words.size(); ++k) {
    ASSERT_TRUE(std::equal(words[k].begin(), words[k].end(), words_ref[k].begin(), words_ref[k].end())) << k;
  }
  std::sort(ranges.begin(), ranges.end());
  for (size_t k = 1; k < ranges.size(); ++k) ASSERT_LE(ranges[k - 1].second, ranges[k].first) << k;
  // The requests took several blocks, the two large ones one each beyond the block size.
  EXPECT_GT(arena.mapped(), 2 * DocArena::kBlockBytes + 2 * kLarge * sizeof(uint32_t));
}

}  // namespace
}  // namespace neardup
