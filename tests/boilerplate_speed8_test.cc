// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// The template tokenizer's code-point path (tokens with bytes beyond ASCII, symbols, separators), which
// runs apart from the ASCII path's loop (bench/README-boilerplate.md, "Speed, round 8"): on random units
// mixing ASCII words, letters beyond ASCII, digits beyond ASCII, symbols and separators, a unit's template
// and token hashes must be the reference tokenizer's, and its words those of a plain scan, whether the
// unit is read in place (text after it) or copied.

#include <gtest/gtest.h>

#include <cctype>
#include <random>
#include <string>
#include <vector>

#include "pipeline/boilerplate/ascii_scan.h"
#include "pipeline/boilerplate/templates.h"
#include "tests/boilerplate_paths_util.h"

namespace neardup {
namespace {

using boilerplate_internal::HashBytes;
using boilerplate_internal::kScanPadding;
using boilerplate_internal::MaskUnit;
using boilerplate_internal::Template;
using boilerplate_internal::TitleMask;
using boilerplate_internal::UnitWords;
using boilerplate_testing::ExpectSameTemplate;
using boilerplate_testing::ReferencePaths;

// The prefilter's words of `text`, plainly: every maximal run of ASCII letters, lower-cased, hashed.
std::vector<uint64_t> PlainWords(const std::string& text) {
  std::vector<uint64_t> words;
  size_t i = 0;
  while (i < text.size()) {
    if (!std::isalpha(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    std::string word;
    while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i]))) {
      word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(text[i]))));
      ++i;
    }
    words.push_back(HashBytes(word));
  }
  return words;
}

bool Contains(const std::string& text, const char* what) { return text.find(what) != std::string::npos; }

// A random unit of 1 to 30 pieces. Among them: numbers and month names (dates to mask, some written
// with digits beyond ASCII or glued to a letter beyond ASCII, so that the first number is found by the
// code-point path), words the title opens with, words beyond ASCII in both cases (with ſ and the Kelvin
// sign), symbols, » and ›, and the separators between them.
std::string RandomUnit(std::mt19937* rng) {
  static const char* const kPieces[] = {"Posted",
                                        "by",
                                        "harbor",
                                        "Ledger",
                                        "March",
                                        "4",
                                        "2025",
                                        "am",
                                        "Nov",
                                        "ago",
                                        "Ferry",
                                        "service",
                                        "caf\xC3\xA9",
                                        "\xC3\x89t\xC3\xA9",
                                        "na\xC3\xAFve",
                                        "\xC3\x86r\xC3\xB8",
                                        "\xCE\x94\xCE\xB5\xCE\xBB\xCF\x84\xCE\xB1",
                                        "\xE6\x9D\xB1\xE4\xBA\xAC",
                                        "\xD9\xA2\xD9\xA0\xD9\xA2\xD9\xA4",
                                        "2024\xC3\xA9",
                                        "\xC3\xA9"
                                        "7",
                                        "Ma\xC5\xBFs",
                                        "\xE2\x84\xAA"
                                        "elvin",
                                        "\xC2\xA9",
                                        "\xE2\x82\xAC"
                                        "5",
                                        "$5",
                                        "\xC2\xBB",
                                        "\xE2\x80\xBA",
                                        "\xE2\x80\x94",
                                        "\xE2\x80\x99s",
                                        "\xCC\x81"
                                        "acute",
                                        "ab\xCC\x81",
                                        "x1y2",
                                        "Gull",
                                        "Island"};
  static const char* const kSeparators[] = {" ", " ", " ", ", ", " - ", "", ": ", " | ", "\xC2\xA0"};
  std::uniform_int_distribution<size_t> pieces(1, 30);
  std::uniform_int_distribution<size_t> piece(0, std::size(kPieces) - 1);
  std::uniform_int_distribution<size_t> separator(0, std::size(kSeparators) - 1);
  std::string unit;
  const size_t count = pieces(*rng);
  for (size_t k = 0; k < count; ++k) {
    if (k > 0) unit += kSeparators[separator(*rng)];
    unit += kPieces[piece(*rng)];
  }
  return unit;
}

TEST(BoilerplateCodePointPathTest, TokensAndWordsAreThoseOfTheReference) {
  // Titles that open with an ASCII word, a word beyond ASCII, and a number (masked: "<n> ...").
  const TitleMask titles[] = {TitleMask(), TitleMask("Ferry service to Gull Island resumes"),
                              TitleMask("caf\xC3\xA9 harbor Ledger news today"),
                              TitleMask("2025 Gull Island harbor report")};
  std::mt19937 rng(8);
  std::uniform_int_distribution<size_t> pick(0, std::size(titles) - 1);
  for (int trial = 0; trial < 20000; ++trial) {
    const std::string unit = RandomUnit(&rng);
    const TitleMask& title = titles[pick(rng)];
    std::vector<uint64_t> fast_hashes, in_place_hashes, reference_hashes;
    UnitWords fast_words, in_place_words;
    const Template fast = MaskUnit(unit, title, nullptr, &fast_hashes, &fast_words);
    std::string buffer = unit + "\xC3\xA9t\xC3\xA9 2024";  // the text after a unit read in place
    buffer.append(kScanPadding, 'x');
    const Template in_place = MaskUnit(std::string_view(buffer.data(), unit.size()), title, nullptr,
                                       &in_place_hashes, &in_place_words, /*padded=*/true);
    Template reference;
    {
      ReferencePaths on;
      reference = MaskUnit(unit, title, nullptr, &reference_hashes);
    }
    ExpectSameTemplate(fast, reference, unit);
    ExpectSameTemplate(in_place, reference, unit);
    EXPECT_EQ(fast_hashes, reference_hashes) << unit;
    EXPECT_EQ(in_place_hashes, reference_hashes) << unit;
    const std::vector<uint64_t> plain = PlainWords(unit);
    const std::vector<uint64_t> fast_list(fast_words.words.begin(), fast_words.words.end());
    const std::vector<uint64_t> in_place_list(in_place_words.words.begin(), in_place_words.words.end());
    EXPECT_EQ(fast_list, plain) << unit;
    EXPECT_EQ(in_place_list, plain) << unit;
    EXPECT_EQ(fast_words.copyright, Contains(unit, "\xC2\xA9")) << unit;
    EXPECT_EQ(fast_words.chevron, Contains(unit, "\xC2\xBB") || Contains(unit, "\xE2\x80\xBA")) << unit;
    EXPECT_EQ(fast_words.fold_sensitive, Contains(unit, "\xC5\xBF") || Contains(unit, "\xE2\x84\xAA"))
        << unit;
    EXPECT_EQ(in_place_words.copyright, fast_words.copyright) << unit;
    EXPECT_EQ(in_place_words.chevron, fast_words.chevron) << unit;
    EXPECT_EQ(in_place_words.fold_sensitive, fast_words.fold_sensitive) << unit;
    if (::testing::Test::HasFailure()) break;  // one unit's differences say enough
  }
}

}  // namespace
}  // namespace neardup
