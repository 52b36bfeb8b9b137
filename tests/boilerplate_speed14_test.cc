// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// MaskUnit's counts of words and of the title's masks (both from one shift a token, added up in the two
// halves of one integer, templates.cc) against a plain count over the same tokens as MaskTokens gives
// them (a word: not a mask, not a symbol; the title's mask), on random units of words, numbers, date and
// clock words, symbols and the title, shorter and longer than kMaxCrossTokens (MaskUnit's two loops).

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

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

}  // namespace
}  // namespace neardup
