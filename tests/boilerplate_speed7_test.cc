// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// The sort of copy detection's (shingle, document) keys (SortKeys) buckets the keys on their top bits in
// two stable counting passes, the lower half of those bits first, before its insertion sort: for every
// number of bucket bits (8 to 20, from the number of keys), keys that differ only in the bits of the
// first pass, only in those of the second, or in both, must come out in std::sort's order.
//
// (MaskUnit's fold of the template with names masked is held to a plain fold in
// tests/boilerplate_speed16_test.cc, with the rest of its template.)
//
// A line is split into sentences (SplitSentences, AppendSentences) after skipping, 16 bytes at a time,
// the ASCII bytes that end no sentence: the sentences must be those of a plain loop that decodes every
// code point, on random lines of words, terminators (. ! ? …), closing quotes, every kind of space,
// lower- and upper-case letters beyond ASCII, with terminators at every offset of a 16-byte block.

#include <gtest/gtest.h>
#include <unicode/uchar.h>

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

// The sentences' regions [begin, end) of `s` by the plain loop: every code point decoded.
std::vector<std::pair<uint32_t, uint32_t>> ReferenceSentences(std::string_view s) {
  auto decode = [&](size_t i, size_t* len) { return boilerplate_internal::DecodeUtf8(s, i, len); };
  auto is_end = [](char32_t c) { return c == '.' || c == '!' || c == '?' || c == 0x2026; };
  auto is_closer = [](char32_t c) {
    return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x2019 || c == 0x201D || c == 0xBB ||
           c == 0x203A;
  };
  auto is_space = [](char32_t c) {
    return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
           c == 0x3000;
  };
  std::vector<std::pair<uint32_t, uint32_t>> regions;
  size_t region = 0, i = 0, len = 0;
  while (i < s.size()) {
    const char32_t c = decode(i, &len);
    i += len;
    if (!is_end(c)) continue;
    size_t j = i;
    while (j < s.size()) {
      const char32_t d = decode(j, &len);
      if (!is_end(d) && !is_closer(d)) break;
      j += len;
    }
    size_t k = j;
    while (k < s.size()) {
      const char32_t d = decode(k, &len);
      if (!is_space(d)) break;
      k += len;
    }
    if (k == j || k == s.size()) {
      i = j;
      continue;
    }
    if (u_islower(static_cast<UChar32>(decode(k, &len)))) {
      i = k;
      continue;
    }
    regions.emplace_back(region, k);
    region = k;
    i = k;
  }
  if (region < s.size() || regions.empty()) regions.emplace_back(region, s.size());
  return regions;
}

TEST(BoilerplateSentenceSkipTest, SentencesAreThoseOfThePlainLoop) {
  const std::vector<std::string> pieces = {"the",
                                           "Council",
                                           "approves",
                                           "budget",
                                           "e.g.",
                                           "U.S.",
                                           "a",
                                           "Harbor",
                                           "2024",
                                           "10.5",
                                           ".",
                                           "!",
                                           "?",
                                           "...",
                                           "\xE2\x80\xA6",
                                           "\"",
                                           "'",
                                           ")",
                                           "]",
                                           "\xE2\x80\x9D",
                                           "\xC2\xBB",
                                           "\xE2\x80\xBA",
                                           "\xE2\x80\x99",
                                           "\xC3\xA9t\xC3\xA9",
                                           "\xC3\x89lise",
                                           "\xC3\x9F",
                                           "\xCE\xB1",
                                           "\xD0\x96",
                                           "\xE2\x82\xAC",
                                           "averyveryverylongwordofmanyletters",
                                           "x"};
  const std::vector<std::string> spaces = {
      " ", " ", " ", "  ", "\t", "\xC2\xA0", "\xE2\x80\x83", "\xE3\x80\x80", "\xC2\x85", "", ""};
  std::mt19937_64 rng(29);
  size_t cut = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string line(rng() % 40, 'a');  // moves the terminators across a 16-byte block
    const size_t words = 1 + rng() % 30;
    for (size_t w = 0; w < words; ++w) {
      line += pieces[rng() % pieces.size()];
      line += spaces[rng() % spaces.size()];
    }
    const std::vector<boilerplate_internal::Unit> got = boilerplate_internal::SplitSentences(line);
    const std::vector<std::pair<uint32_t, uint32_t>> want = ReferenceSentences(line);
    ASSERT_EQ(got.size(), want.size()) << line;
    for (size_t k = 0; k < got.size(); ++k) {
      ASSERT_EQ(got[k].region_begin, want[k].first) << line;
      ASSERT_EQ(got[k].region_end, want[k].second) << line;
    }
    cut += want.size() > 1;
  }
  EXPECT_GT(cut, 5000u);  // most lines were cut into sentences
}

}  // namespace
}  // namespace neardup
