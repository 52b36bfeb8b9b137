// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// The sort of copy detection's (shingle, document) keys (SortKeys) buckets the keys on their top bits in
// two stable counting passes, the lower half of those bits first, before its insertion sort: for every
// number of bucket bits (8 to 20, from the number of keys), keys that differ only in the bits of the
// first pass, only in those of the second, or in both, must come out in std::sort's order.
//
// MaskUnit folds the template with names masked (Template::cross_key) without a branch on the token: its
// key and its count of unmasked words must be what a plain fold of MaskTokens' tokens gives, as
// templates.h describes it (a run of capitalized words one mask, the first word only before a second
// capitalized word and when it is no preposition), on random units of words, names, prepositions,
// numbers, dates, symbols and the title.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "pipeline/boilerplate/sort_keys.h"
#include "pipeline/boilerplate/templates.h"

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

// The plain fold: MaskTokens' tokens, one branch per decision.
boilerplate_internal::Template ReferenceCross(std::string_view unit,
                                              const boilerplate_internal::TitleMask& title) {
  using boilerplate_internal::MaskedToken;
  using boilerplate_internal::MaskedTokens;
  std::vector<MaskedToken> toks;
  boilerplate_internal::MaskTokens(unit, title, &toks);
  boilerplate_internal::Template t;
  if (toks.size() > boilerplate_internal::kMaxCrossTokens) return t;
  bool first_name = false;
  if (toks.size() > 1 && toks[1].word && toks[1].cap) {
    const bool preposition =
        toks[0].cap && toks[0].end - toks[0].begin <= 4 && boilerplate_internal::OpensNoName(toks[0].hash);
    first_name = !preposition;
  }
  uint64_t fold = MaskedTokens::kCrossSeed;
  bool in_name = false, has_title = false;
  uint32_t plain = 0;
  for (size_t k = 0; k < toks.size(); ++k) {
    const bool name = toks[k].word && toks[k].cap && (k > 0 || first_name);
    if (!(name && in_name)) {
      const uint64_t h = name ? MaskedTokens::NameMask() : toks[k].hash;
      fold = (fold ^ h) * MaskedTokens::kStep;
    }
    in_name = name;
    if (!name && toks[k].word) ++plain;
    if (toks[k].title) has_title = true;
  }
  t.cross_key = plain > 0 || has_title ? MaskedTokens::CrossKey(fold) : 0;
  t.cross_words = plain;
  return t;
}

TEST(BoilerplateCrossKeyTest, BranchlessFoldIsThePlainFold) {
  const std::string title = "Harbor Council Approves Budget";
  const boilerplate_internal::TitleMask mask(title);
  const std::vector<std::string> pieces = {"the",
                                           "budget",
                                           "said",
                                           "news",
                                           "Harbor",
                                           "Council",
                                           "Ledger",
                                           "Vey",
                                           "Tamsin",
                                           "By",
                                           "by",
                                           "In",
                                           "From",
                                           "At",
                                           "With",
                                           "Per",
                                           "Via",
                                           "To",
                                           "On",
                                           "Senior",
                                           "Editor",
                                           "May",
                                           "may",
                                           "Monday",
                                           "Nov",
                                           "5",
                                           "2024",
                                           "10:30",
                                           "am",
                                           "PM",
                                           "ago",
                                           "hours",
                                           "\xC2\xA9",
                                           "|",
                                           "-",
                                           "\xC2\xBB",
                                           ":",
                                           ",",
                                           ".",
                                           title,
                                           "Approves",
                                           "Budget",
                                           "O'Neil",
                                           "\xC3\x89lise",
                                           "\xC3\xA9t\xC3\xA9",
                                           "McKay",
                                           "AP",
                                           "x"};
  std::mt19937_64 rng(23);
  size_t named = 0, checked = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string unit;
    const size_t words = 1 + rng() % (i % 10 == 0 ? 50 : 12);
    for (size_t w = 0; w < words; ++w) {
      if (w > 0) unit += ' ';
      unit += pieces[rng() % pieces.size()];
    }
    const boilerplate_internal::Template got = boilerplate_internal::MaskUnit(unit, mask);
    const boilerplate_internal::Template want = ReferenceCross(unit, mask);
    ASSERT_EQ(got.cross_key, want.cross_key) << unit;
    ASSERT_EQ(got.cross_words, want.cross_words) << unit;
    ++checked;
    named += want.cross_key != 0 && want.cross_words + 1 < words;
  }
  EXPECT_EQ(checked, 20000u);
  EXPECT_GT(named, 2000u);  // names were masked in many of them
}

}  // namespace
}  // namespace neardup
