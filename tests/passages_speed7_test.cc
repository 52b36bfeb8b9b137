// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Pieces of the passage stage changed for speed (bench/README-passages.md, round 7), each against a
// plain reference.

#include <gtest/gtest.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <map>
#include <utility>
#include <vector>

#include "pipeline/passages/passages_internal.h"

namespace neardup {
namespace {

using passages_internal::AlignedRegion;

uint64_t Next(uint64_t* state) {
  *state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
  return *state >> 17;
}

// A document's words in ranges: `words` and the word index ending each range.
struct Doc {
  std::vector<uint32_t> words, range_ends;
};

// Cuts `words` into 1-3 ranges at random places.
std::vector<uint32_t> RandomRangeEnds(size_t n, uint64_t* state) {
  std::vector<uint32_t> ends;
  const int cuts = static_cast<int>(Next(state) % 3);
  for (int k = 0; k < cuts && n > 0; ++k) ends.push_back(static_cast<uint32_t>(Next(state) % n));
  ends.push_back(static_cast<uint32_t>(n));
  std::sort(ends.begin(), ends.end());
  ends.erase(std::unique(ends.begin(), ends.end()), ends.end());
  if (ends.front() == 0) ends.erase(ends.begin());
  return ends;
}

// Every (pa, pb) whose kShingleWords words are equal and lie inside one range of each document, sorted.
std::vector<std::pair<uint32_t, uint32_t>> SharedShingles(const Doc& a, const Doc& b) {
  constexpr size_t k = 4;
  auto starts = [&](const Doc& d) {
    std::vector<uint32_t> out;
    uint32_t lo = 0;
    for (const uint32_t hi : d.range_ends) {
      for (uint32_t p = lo; p + k <= hi; ++p) out.push_back(p);
      lo = hi;
    }
    return out;
  };
  std::multimap<std::vector<uint32_t>, uint32_t> in_b;
  for (const uint32_t p : starts(b))
    in_b.emplace(std::vector<uint32_t>(b.words.begin() + p, b.words.begin() + p + k), p);
  std::vector<std::pair<uint32_t, uint32_t>> seeds;
  for (const uint32_t p : starts(a)) {
    const auto [first, last] =
        in_b.equal_range(std::vector<uint32_t>(a.words.begin() + p, a.words.begin() + p + k));
    for (auto it = first; it != last; ++it) seeds.emplace_back(p, it->second);
  }
  std::sort(seeds.begin(), seeds.end());
  return seeds;
}

// The bound before a pair's first extension only spares work: with it computed for every seed, for
// none, or (as FindPassages does) only for seeds with fewer than min_words near-diagonal matches,
// AlignPair keeps the same regions. Pairs of documents sharing copies of a passage, each word of the
// copy replaced with a probability from 0 to 0.7 (so that seeds' near-diagonal counts span the whole
// range, and the bound rules out many first seeds while others make passages), with a word inserted or
// left out here and there, among random words; and the same with a few copies of short phrases only.
TEST(PassagesSpeed7Test, TheBoundBeforeTheFirstExtensionChangesNoRegion) {
  uint64_t state = 11;
  size_t pairs = 0, with_regions = 0, without = 0;
  for (int trial = 0; trial < 3000; ++trial) {
    const uint32_t vocabulary = 50 + static_cast<uint32_t>(Next(&state) % 2000);
    auto word = [&] { return static_cast<uint32_t>(1 + Next(&state) % vocabulary); };
    Doc a, b;
    const size_t na = 20 + Next(&state) % 300;
    for (size_t i = 0; i < na; ++i) a.words.push_back(word());
    const int copies = 1 + static_cast<int>(Next(&state) % 3);
    const double replace = static_cast<double>(Next(&state) % 71) / 100.0;
    for (int c = 0; c < copies; ++c) {
      for (size_t i = Next(&state) % 40; i > 0; --i) b.words.push_back(word());
      const bool phrase = Next(&state) % 3 == 0;
      const size_t from = Next(&state) % na;
      const size_t length = phrase ? 4 + Next(&state) % 6 : 10 + Next(&state) % 150;
      for (size_t i = from; i < std::min(na, from + length); ++i) {
        const uint64_t r = Next(&state) % 1000;
        if (r < 15) continue;                   // left out
        if (r < 30) b.words.push_back(word());  // inserted
        const bool keep = phrase || static_cast<double>(Next(&state) % 1000) >= replace * 1000;
        b.words.push_back(keep ? a.words[i] : word());
      }
    }
    for (size_t i = Next(&state) % 40; i > 0; --i) b.words.push_back(word());
    a.range_ends = RandomRangeEnds(a.words.size(), &state);
    b.range_ends = RandomRangeEnds(b.words.size(), &state);
    const std::vector<std::pair<uint32_t, uint32_t>> seeds = SharedShingles(a, b);
    if (seeds.empty()) continue;
    const size_t min_words = 8 + Next(&state) % 20;
    const double min_similarity = 0.5 + static_cast<double>(Next(&state) % 5) / 10.0;
    const std::vector<AlignedRegion> always = passages_internal::AlignPairForTest(
        a.words, a.range_ends, b.words, b.range_ends, seeds, min_words, min_similarity, LONG_MAX);
    for (const long bound_below : {0L, static_cast<long>(min_words), 6L, 20L}) {
      const std::vector<AlignedRegion> got = passages_internal::AlignPairForTest(
          a.words, a.range_ends, b.words, b.range_ends, seeds, min_words, min_similarity, bound_below);
      ASSERT_EQ(got, always) << "trial " << trial << " bound below " << bound_below << ", " << seeds.size()
                             << " seeds, min_words " << min_words << ", replaced " << replace;
    }
    ++pairs;
    (always.empty() ? without : with_regions) += 1;
  }
  EXPECT_GT(with_regions, pairs / 5);  // both outcomes are common
  EXPECT_GT(without, pairs / 5);
}

// BoundReach as it was before round 7 (a row at a time, from an array of hits): the reference.
void ReferenceBandHits(const uint32_t* A, const uint32_t* B, long n, long lo, long hi, uint32_t* hit) {
  constexpr long kBand = passages_internal::kBand;
  for (long u = 0; u < n; ++u) {
    uint32_t any = 0;
    for (long v = std::max(u - kBand, lo); v <= std::min(u + kBand, hi - 1); ++v) any |= A[u] == B[v];
    hit[u] = any;
  }
}

void ReferenceBoundReach(const uint32_t* a, long ia, size_t na, const uint32_t* b, long ib, size_t nb,
                         int dir, passages_internal::Reach* out) {
  constexpr long kBlock = 16, k = 4;
  out->n = 1;
  out->length[0] = 0;
  out->hits[0] = 0;
  out->complete = true;
  const long rows = static_cast<long>(std::min(na, passages_internal::kReachRows));
  const long nbl = static_cast<long>(nb);
  uint32_t hit[kBlock];
  int hits = 0;
  for (long x0 = 0; x0 < rows; x0 += kBlock) {
    const long x1 = std::min(rows, x0 + kBlock), m = x1 - x0;
    if (dir > 0) {
      ReferenceBandHits(a + ia + x0, b + ib + x0, m, -x0 - k, nbl - x0, hit);
    } else {
      ReferenceBandHits(a + ia + 1 - x1, b + ib + 1 - x1, m, x1 - nbl, x1 + k, hit);
    }
    for (long x = x0; x < x1; ++x) {
      const uint32_t h = hit[dir > 0 ? x - x0 : x1 - 1 - x];
      hits += static_cast<int>(h);
      const int score = 2 * hits - static_cast<int>(x + 1);
      if (score < -passages_internal::kXDrop) return;
      if (h && score >= 1) {
        out->length[out->n] = static_cast<uint8_t>(x + 1);
        out->hits[out->n] = static_cast<uint8_t>(hits);
        ++out->n;
      }
    }
  }
  out->complete = rows == static_cast<long>(na);
}

// BoundReach (from hit to hit over the bits of a block) lists the same lengths and hits, and ends at the
// same row, as the row-by-row reference: both directions, sides of 0 to 100 rows against 0 to 100 words
// of b (so that blocks are cut short by either, and the band is clipped at b's end), words from
// vocabularies of 1 to 6 and of 10 to 209 (rows hit from always to seldom, so the bound ends at every
// row or runs to the last), b's shingle words before the first row.
TEST(PassagesSpeed7Test, BoundReachListsWhatTheRowByRowBoundLists) {
  uint64_t state = 5;
  size_t listed = 0, none = 0, incomplete = 0;
  for (int trial = 0; trial < 40000; ++trial) {
    const size_t na = Next(&state) % 101, nb = Next(&state) % 101;
    const uint32_t vocabulary =
        static_cast<uint32_t>(trial % 4 < 2 ? 1 + Next(&state) % 6 : 10 + Next(&state) % 200);
    const int dir = trial % 2 == 0 ? 1 : -1;
    // a's rows and b's words with kShingleWords (4) words of b before the first row, and padding.
    std::vector<uint32_t> a(na + 16), b(nb + 24);
    for (uint32_t& w : a) w = 1 + static_cast<uint32_t>(Next(&state) % vocabulary);
    for (uint32_t& w : b) w = 1 + static_cast<uint32_t>(Next(&state) % vocabulary);
    // Forward: rows a[8 + x], b's words b[12 + y] (the shingle b[8, 12)); backward: rows a[7 + na - x],
    // b's words b[11 + nb - y] (the shingle after them).
    const long ia = dir > 0 ? 8 : 7 + static_cast<long>(na), ib = dir > 0 ? 12 : 11 + static_cast<long>(nb);
    passages_internal::Reach want, got;
    ReferenceBoundReach(a.data(), ia, na, b.data(), ib, nb, dir, &want);
    passages_internal::BoundReachForTest(a.data(), ia, na, b.data(), ib, nb, dir, &got);
    ASSERT_EQ(got.complete, want.complete) << "trial " << trial;
    ASSERT_EQ(got.n, want.n) << "trial " << trial << " na " << na << " nb " << nb << " dir " << dir;
    for (uint32_t i = 0; i < want.n; ++i) {
      ASSERT_EQ(got.length[i], want.length[i]) << "trial " << trial << " i " << i;
      ASSERT_EQ(got.hits[i], want.hits[i]) << "trial " << trial << " i " << i;
    }
    listed += want.n > 1;
    none += want.n == 1 && na > 0;
    incomplete += !want.complete;
  }
  EXPECT_GT(listed, 5000u);
  EXPECT_GT(none, 5000u);
  EXPECT_GT(incomplete, 1000u);
}

}  // namespace
}  // namespace neardup
