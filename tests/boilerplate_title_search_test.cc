// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// MaskTitle's search for the next token that may open the title (FindOpening, templates.cc: four tokens
// a step, one compare a token for a title of one variant), held to the reference paths (a token at a
// time) through MaskUnit, on random units of the titles' words with the titles at every offset.

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "pipeline/boilerplate/templates.h"
#include "tests/boilerplate_paths_util.h"

namespace neardup {
namespace {

TEST(BoilerplateTitleSearchTest, TitleOpeningsAtEveryOffset) {
  using boilerplate_internal::MaskUnit;
  using boilerplate_internal::TitleMask;
  // One variant; two (the whole title and its longest segment), with different first words; two with
  // the same first word.
  const TitleMask titles[] = {TitleMask("Ferry service to Gull Island resumes"),
                              TitleMask("Ferry resumes | The Harbor Ledger Daily"),
                              TitleMask("Harbor news | Harbor ledger daily edition")};
  ASSERT_EQ(titles[0].variants().size(), 1u);
  ASSERT_EQ(titles[1].variants().size(), 2u);
  ASSERT_EQ(titles[2].variants().size(), 2u);
  const std::vector<std::string> words = {"Ferry",  "service", "to",    "Gull", "Island",  "resumes", "The",
                                          "Harbor", "Ledger",  "Daily", "news", "edition", "2024",    "May",
                                          "ferry",  "x",       "Ã©tÃ©", "|",    "Â©"};
  const std::vector<std::string> inserts = {"Ferry service to Gull Island resumes", "The Harbor Ledger Daily",
                                            "Ferry resumes The Harbor Ledger Daily",
                                            "Harbor ledger daily edition", "Ferry service to Gull"};
  std::mt19937 rng(1313);
  size_t with_title = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string unit;
    const size_t count = rng() % 24;
    const size_t at = rng() % (count + 1);
    for (size_t k = 0; k <= count; ++k) {
      if (k == at && rng() % 2 == 0) {
        if (!unit.empty()) unit += ' ';
        unit += inserts[rng() % inserts.size()];
      }
      if (k == count) break;
      if (!unit.empty()) unit += ' ';
      unit += words[rng() % words.size()];
    }
    for (const TitleMask& title : titles) {
      std::vector<uint64_t> fast_hashes, plain_hashes;
      const auto fast = MaskUnit(unit, title, nullptr, &fast_hashes);
      boilerplate_internal::Template plain;
      {
        boilerplate_testing::ReferencePaths on;
        plain = MaskUnit(unit, title, nullptr, &plain_hashes);
      }
      boilerplate_testing::ExpectSameTemplate(fast, plain, unit);
      ASSERT_EQ(fast_hashes, plain_hashes) << unit;
      with_title += plain.has_title;
    }
  }
  EXPECT_GT(with_title, 5000u);
}

}  // namespace
}  // namespace neardup
