// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// The template tokenizer at the places its bitmaps change: words that end at, or run across, the end of a
// 64-byte block, that go on with a non-ASCII letter there, and units read in place (`padded`), whose text
// goes on after them. A unit's template, its token hashes and its words must be the unit's own: the same
// whether it is read in place or copied, and the same as the reference tokenizer's.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/boilerplate/ascii_scan.h"
#include "pipeline/boilerplate/templates.h"
#include "tests/boilerplate_paths_util.h"

namespace neardup {
namespace {

using boilerplate_internal::kScanPadding;
using boilerplate_internal::MaskUnit;
using boilerplate_internal::Template;
using boilerplate_internal::TitleMask;
using boilerplate_internal::UnitWords;
using boilerplate_testing::ExpectSameTemplate;
using boilerplate_testing::ExpectSameWords;
using boilerplate_testing::ReferencePaths;

// Units whose last word ends at every offset around the first two block ends (60..70 and 124..132 bytes),
// with a capitalized name, a month and a number among the words.
std::vector<std::string> Units() {
  std::vector<std::string> units;
  const std::string words[] = {"Posted", "by", "Greta", "Holm",   "on",
                               "March",  "4",  "2025",  "harbor", "ledger"};
  for (const size_t target : {60, 61, 62, 63, 64, 65, 66, 70, 124, 127, 128, 129, 132}) {
    std::string u;
    for (size_t k = 0; u.size() < target; ++k) {
      if (!u.empty()) u.push_back(' ');
      u += words[k % std::size(words)];
    }
    // The last word ends exactly at `target`: cut it there (a word cut short is still a word).
    u.resize(target);
    while (!u.empty() && u.back() == ' ') u.back() = 'x';
    units.push_back(u);
  }
  return units;
}

TEST(BoilerplateTokenizerTest, UnitReadInPlaceIgnoresTheTextAfterIt) {
  const TitleMask title("Ferry service to Gull Island resumes");
  // What may follow a unit in its text: digits, letters, non-ASCII letters, a '$'.
  const std::string afters[] = {"2024 and more", "abc def", "\xC3\xA9t\xC3\xA9 plus", "$5 off",
                                "\xC2\xA9 2024"};
  size_t compared = 0;
  for (const std::string& unit : Units()) {
    for (const std::string& after : afters) {
      std::string buffer = unit + after;
      buffer.append(kScanPadding, ' ');
      const std::string_view in_place(buffer.data(), unit.size());
      std::vector<uint64_t> in_place_hashes, copied_hashes;
      UnitWords in_place_words, copied_words;
      const Template a = MaskUnit(in_place, title, nullptr, &in_place_hashes, &in_place_words, true);
      const std::string copy(unit);
      const Template b = MaskUnit(copy, title, nullptr, &copied_hashes, &copied_words, false);
      const std::string what = "'" + unit + "' + '" + after + "'";
      ExpectSameTemplate(a, b, what);
      EXPECT_EQ(in_place_hashes, copied_hashes) << what;
      ExpectSameWords(in_place_words, copied_words, what);
      ++compared;
    }
  }
  EXPECT_EQ(compared, 13u * 5u);
}

TEST(BoilerplateTokenizerTest, WordsAtBlockEndsMatchTheReference) {
  const TitleMask none;
  // After the units: nothing, a non-ASCII letter glued on (the word goes on in the code-point path), a
  // digit glued on, and a symbol.
  const std::string tails[] = {"", "\xC3\xA9", "\xC3\xA9t\xC3\xA9", "7", "\xC2\xA9", " \xC2\xBB Home"};
  size_t compared = 0;
  for (const std::string& unit : Units()) {
    for (const std::string& tail : tails) {
      const std::string text = unit + tail;
      std::vector<uint64_t> fast_hashes, reference_hashes;
      const Template fast = MaskUnit(text, none, nullptr, &fast_hashes);
      Template reference;
      {
        ReferencePaths on;
        reference = MaskUnit(text, none, nullptr, &reference_hashes);
      }
      ExpectSameTemplate(fast, reference, text);
      EXPECT_EQ(fast_hashes, reference_hashes) << text;
      ++compared;
    }
  }
  EXPECT_EQ(compared, 13u * 6u);
}

}  // namespace
}  // namespace neardup
