// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// MaskUnit's counts of words and of the title's masks (both from one shift a token, added up in the two
// halves of one integer, templates.cc) against a plain count over the same tokens as MaskTokens gives
// them (a word: not a mask, not a symbol; the title's mask), on random units of words, numbers, date and
// clock words, symbols and the title, shorter and longer than kMaxCrossTokens (MaskUnit's two loops).
// AddShingles (a pointer loop out of line, boilerplate.cc) against the shingles computed plainly, window
// by window, from their definition (shingles.h).

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "pipeline/boilerplate/shingles.h"
#include "pipeline/boilerplate/templates.h"

namespace neardup {
namespace {

TEST(BoilerplateSpeed14Test, WordAndTitleCountsMatchAPlainCount) {
  using boilerplate_internal::MaskedToken;
  using boilerplate_internal::MaskTokens;
  using boilerplate_internal::MaskUnit;
  using boilerplate_internal::TitleMask;
  const TitleMask titles[] = {TitleMask(), TitleMask("Ferry service to Gull Island resumes"),
                              TitleMask("Ferry resumes | The Harbor Ledger Daily")};
  const std::vector<std::string> words = {
      "Ferry", "service", "to",  "Gull", "Island", "resumes", "The", "Harbor", "Ledger", "Daily", "news",
      "2024",  "May",     "May", "Nov",  "March",  "Monday",  "am",  "pm",     "ago",    "5",     "3:30",
      "$",     "$5",      "©",   "®",    "€",      "été",     "x",   "|",      "-",      "»",     "by"};
  const std::vector<std::string> inserts = {"Ferry service to Gull Island resumes", "The Harbor Ledger Daily",
                                            "Ferry resumes"};
  std::mt19937 rng(1414);
  size_t with_title = 0, pure = 0, long_units = 0, no_words = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string unit;
    const size_t count = rng() % 3 == 0 ? 30 + rng() % 40 : rng() % 12;
    for (size_t k = 0; k < count; ++k) {
      if (!unit.empty()) unit += ' ';
      unit += rng() % 8 == 0 ? inserts[rng() % inserts.size()] : words[rng() % words.size()];
    }
    for (const TitleMask& title : titles) {
      const boilerplate_internal::Template t = MaskUnit(unit, title);
      std::vector<MaskedToken> toks;
      MaskTokens(unit, title, &toks);
      uint32_t plain_words = 0;
      bool plain_title = false;
      for (const MaskedToken& tok : toks) {
        plain_words += tok.word;
        plain_title |= tok.title;
      }
      ASSERT_EQ(t.tokens, toks.size()) << unit;
      ASSERT_EQ(t.words, plain_words) << unit;
      ASSERT_EQ(t.has_title, plain_title) << unit;
      ASSERT_EQ(t.pure_title, plain_title && plain_words == 0) << unit;
      with_title += plain_title;
      pure += t.pure_title;
      long_units += toks.size() > boilerplate_internal::kMaxCrossTokens;
      no_words += plain_words == 0;
    }
  }
  EXPECT_GT(with_title, 5000u);
  EXPECT_GT(pure, 100u);
  EXPECT_GT(long_units, 5000u);
  EXPECT_GT(no_words, 100u);
}

// Each window's polynomial computed whole (no rolling), mixed, and kept when bit 20 of the mix is clear.
std::vector<uint32_t> PlainShingles(const std::vector<uint64_t>& hashes) {
  constexpr uint64_t kBase = 0x9E3779B97F4A7C15ULL;
  std::vector<uint32_t> out;
  for (size_t i = 0; i + 5 <= hashes.size(); ++i) {
    uint64_t x = 0;
    for (size_t k = 0; k < 5; ++k) {
      uint64_t power = 1;
      for (size_t j = k; j < 4; ++j) power *= kBase;
      x += hashes[i + k] * power;
    }
    uint64_t h = (x ^ (x >> 29)) * 0xBF58476D1CE4E5B9ULL;
    h ^= h >> 32;
    if (((h >> 20) & 1) == 0) out.push_back(static_cast<uint32_t>(h >> 32));
  }
  return out;
}

TEST(BoilerplateSpeed14Test, ShinglesMatchTheirDefinition) {
  std::mt19937_64 rng(1415);
  size_t kept = 0, written = 0;
  for (int n = 0; n < 20000; ++n) {
    // Hashes from a few values too, so that windows repeat.
    std::vector<uint64_t> hashes(rng() % 40);
    for (uint64_t& h : hashes) h = rng() % 3 == 0 ? rng() % 4 : rng();
    // Appended after the shingles of an earlier unit, as AnalyzeDoc gathers a document's.
    std::vector<uint32_t> shingles(rng() % 3, 7u);
    const std::vector<uint32_t> before = shingles;
    boilerplate_internal::AddShingles(hashes, &shingles);
    std::vector<uint32_t> expected = before;
    const std::vector<uint32_t> plain = PlainShingles(hashes);
    expected.insert(expected.end(), plain.begin(), plain.end());
    ASSERT_EQ(shingles, expected) << "hashes: " << hashes.size();
    kept += plain.size();
    written += hashes.size() >= 5 ? hashes.size() - 4 : 0;
  }
  // About one in two kept.
  EXPECT_GT(kept, written / 3);
  EXPECT_LT(kept, 2 * written / 3);
}

}  // namespace
}  // namespace neardup
