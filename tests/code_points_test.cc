// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// AdvanceToCodePoint against its byte-at-a-time reference, on random valid UTF-8 of every code point
// length and around the block sizes, and the cutters built on it (PiecesOf, RemoveSpans).

#include "kernels/code_points.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "pipeline/boilerplate/boilerplate.h"
#include "pipeline/io/utf8.h"  // AppendUtf8
#include "pipeline/text_ranges.h"

namespace neardup {
namespace {

// `n` random code points; `mix` picks the share of each UTF-8 length (0: ASCII only, 1: a few
// non-ASCII, 2: every length alike, 3: 4-byte only).
std::string RandomText(std::mt19937_64* rng, size_t n, int mix, std::vector<size_t>* starts = nullptr) {
  std::string s;
  for (size_t i = 0; i < n; ++i) {
    if (starts != nullptr) starts->push_back(s.size());
    const uint64_t r = (*rng)();
    int len = 1;
    if (mix == 1) len = r % 20 == 0 ? 2 + static_cast<int>(r % 3) : 1;
    if (mix == 2) len = 1 + static_cast<int>(r % 4);
    if (mix == 3) len = 4;
    const uint64_t v = r >> 8;
    char32_t c = 0;
    if (len == 1) c = static_cast<char32_t>(v % 0x80);
    if (len == 2) c = static_cast<char32_t>(0x80 + v % (0x800 - 0x80));
    if (len == 3) {
      c = static_cast<char32_t>(0x800 + v % (0x10000 - 0x800));
      if (c >= 0xD800 && c < 0xE000) c -= 0x800;  // no surrogates
    }
    if (len == 4) c = static_cast<char32_t>(0x10000 + v % (0x110000 - 0x10000));
    AppendUtf8(c, &s);
  }
  if (starts != nullptr) starts->push_back(s.size());
  return s;
}

TEST(CodePointsTest, AdvanceMatchesTheReferenceOnRandomText) {
  std::mt19937_64 rng(7);
  for (int round = 0; round < 4000; ++round) {
    const int mix = round % 4;
    const size_t n = rng() % (round % 10 == 0 ? 400 : 80);
    std::vector<size_t> starts;
    const std::string text = RandomText(&rng, n, mix, &starts);
    Utf8Position fast, reference;
    // Ascending targets, some repeated, some past the end.
    uint32_t target = 0;
    while (target <= n + 3) {
      Utf8Position before = fast;
      AdvanceToCodePoint(text, target, &fast);
      internal::AdvanceToCodePointScalar(text, target, &reference);
      ASSERT_EQ(fast.byte, reference.byte)
          << "round " << round << " target " << target << " from " << before.byte;
      ASSERT_EQ(fast.cp, reference.cp) << "round " << round << " target " << target;
      ASSERT_EQ(fast.byte, starts[std::min<size_t>(target, n)]);
      target += static_cast<uint32_t>(rng() % (rng() % 4 == 0 ? 70 : 6));
    }
  }
}

TEST(CodePointsTest, EdgeSizesAndTargets) {
  EXPECT_EQ(
      [] {
        Utf8Position p;
        AdvanceToCodePoint("", 5, &p);
        return p.byte + p.cp;
      }(),
      0u);
  std::mt19937_64 rng(11);
  for (const size_t n : {1, 7, 8, 9, 15, 16, 31, 32, 33, 63, 64, 65, 100}) {
    for (int mix = 0; mix < 4; ++mix) {
      std::vector<size_t> starts;
      const std::string text = RandomText(&rng, n, mix, &starts);
      for (uint32_t from = 0; from <= n; ++from) {
        for (uint32_t target = 0; target <= n + 1; ++target) {
          Utf8Position p{starts[from], from};
          AdvanceToCodePoint(text, target, &p);
          const uint32_t want = std::max(from, std::min<uint32_t>(target, static_cast<uint32_t>(n)));
          ASSERT_EQ(p.cp, want) << n << " " << mix << " " << from << " " << target;
          ASSERT_EQ(p.byte, starts[want]) << n << " " << mix << " " << from << " " << target;
        }
      }
    }
  }
}

TEST(CodePointsTest, PiecesAndRemovedSpansCutAtCodePoints) {
  std::mt19937_64 rng(5);
  for (int round = 0; round < 500; ++round) {
    const size_t n = rng() % 300;
    std::vector<size_t> starts;
    const std::string text = RandomText(&rng, n, round % 4, &starts);
    // Sorted, non-overlapping spans (some empty, some touching, one possibly past the end).
    std::vector<BoilerplateSpan> spans;
    uint32_t at = 0;
    while (at < n + 2 && spans.size() < 6) {
      BoilerplateSpan s{};
      s.start = at + static_cast<uint32_t>(rng() % 40);
      s.end = s.start + static_cast<uint32_t>(rng() % 30);
      spans.push_back(s);
      at = s.end + static_cast<uint32_t>(rng() % 3);
    }
    auto byte_of = [&](uint32_t cp) { return starts[std::min<size_t>(cp, n)]; };
    std::string expected;
    size_t kept_from = 0;
    for (const BoilerplateSpan& s : spans) {
      if (byte_of(s.start) > kept_from) expected += text.substr(kept_from, byte_of(s.start) - kept_from);
      kept_from = std::max(kept_from, byte_of(s.end));
    }
    expected += text.substr(std::min(kept_from, text.size()));
    EXPECT_EQ(RemoveSpans(text, spans), expected) << round;

    const std::vector<CodePointRange> ranges = KeptRanges(static_cast<uint32_t>(n), spans);
    std::vector<TextPiece> pieces;
    PiecesOf(text, ranges, &pieces);
    ASSERT_EQ(pieces.size(), ranges.size());
    std::string joined;
    for (size_t i = 0; i < pieces.size(); ++i) {
      EXPECT_EQ(pieces[i].cp_start, ranges[i].first);
      EXPECT_EQ(pieces[i].bytes,
                text.substr(byte_of(ranges[i].first), byte_of(ranges[i].second) - byte_of(ranges[i].first)));
      joined += pieces[i].bytes;
    }
    EXPECT_EQ(joined, expected) << round;
  }
}

}  // namespace
}  // namespace neardup
