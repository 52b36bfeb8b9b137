// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Round 16 of the boilerplate stage's speed work: MaskUnit's fold of a short unit (the key, the counts
// and the template with names masked in one pass, the first token apart, the word-like tokens counted in
// the counts' shift) against the plain fold of MaskTokens' tokens, one branch per decision.

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/boilerplate/templates.h"

namespace neardup {
namespace {

using boilerplate_internal::MaskedToken;
using boilerplate_internal::MaskedTokens;
using boilerplate_internal::Template;

struct Plain {
  Template t;
  std::vector<uint64_t> hashes;
};

// Every field of MaskUnit's template, from MaskTokens' tokens by the definitions in templates.h.
Plain PlainTemplate(std::string_view unit, const boilerplate_internal::TitleMask& title) {
  std::vector<MaskedToken> toks;
  boilerplate_internal::MaskTokens(unit, title, &toks);
  Plain p;
  uint64_t key = MaskedTokens::kSeed;
  for (const MaskedToken& tok : toks) {
    key = (key ^ tok.hash) * MaskedTokens::kStep;
    p.hashes.push_back(tok.hash);
    // Numbers and full date words are always masked: the word-like tokens are the words.
    if (tok.word) ++p.t.words;
    if (tok.title) p.t.has_title = true;
  }
  p.t.key = MaskedTokens::Key(key);
  p.t.tokens = static_cast<uint32_t>(toks.size());
  p.t.pure_title = p.t.has_title && p.t.words == 0;
  if (toks.size() > boilerplate_internal::kMaxCrossTokens) return p;
  bool first_name = false;
  if (toks.size() > 1 && toks[1].word && toks[1].cap) {
    const bool preposition =
        toks[0].cap && toks[0].end - toks[0].begin <= 4 && boilerplate_internal::OpensNoName(toks[0].hash);
    first_name = !preposition;
  }
  uint64_t fold = MaskedTokens::kCrossSeed;
  bool in_name = false;
  uint32_t plain = 0;
  for (size_t k = 0; k < toks.size(); ++k) {
    const bool name = toks[k].word && toks[k].cap && (k > 0 || first_name);
    if (!(name && in_name))
      fold = (fold ^ (name ? MaskedTokens::NameMask() : toks[k].hash)) * MaskedTokens::kStep;
    in_name = name;
    if (!name && toks[k].word) ++plain;
  }
  p.t.cross_key = plain > 0 || p.t.has_title ? MaskedTokens::CrossKey(fold) : 0;
  p.t.cross_words = plain;
  return p;
}

void ExpectSame(std::string_view unit, const boilerplate_internal::TitleMask& title) {
  const Plain want = PlainTemplate(unit, title);
  std::vector<uint64_t> hashes = {1, 2, 3};
  boilerplate_internal::UnitWords words;
  for (const bool with_hashes : {true, false}) {
    const Template got = boilerplate_internal::MaskUnit(unit, title, nullptr, with_hashes ? &hashes : nullptr,
                                                        with_hashes ? &words : nullptr);
    ASSERT_EQ(got.key, want.t.key) << unit;
    ASSERT_EQ(got.tokens, want.t.tokens) << unit;
    ASSERT_EQ(got.words, want.t.words) << unit;
    ASSERT_EQ(got.has_title, want.t.has_title) << unit;
    ASSERT_EQ(got.pure_title, want.t.pure_title) << unit;
    ASSERT_EQ(got.cross_key, want.t.cross_key) << unit;
    ASSERT_EQ(got.cross_words, want.t.cross_words) << unit;
    if (with_hashes) {
      ASSERT_EQ(hashes, want.hashes) << unit;
    }
  }
}

TEST(BoilerplateMaskUnitFoldTest, IsThePlainFold) {
  const std::string title = "Harbor Council Approves Budget";
  const boilerplate_internal::TitleMask mask(title);
  // Words, names, the prepositions that open no name, date and clock words, numbers, symbols,
  // punctuation, the title and its words, letters beyond ASCII.
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
                                           "\xE2\x82\xAC",
                                           "|",
                                           "-",
                                           "\xC2\xBB",
                                           ",",
                                           title,
                                           "Approves",
                                           "Budget",
                                           "O'Neil",
                                           "\xC3\x89lise",
                                           "\xC3\xA9t\xC3\xA9",
                                           "McKay",
                                           "AP",
                                           ":",
                                           ".",
                                           "x"};
  std::mt19937_64 rng(16);
  size_t named = 0;
  ExpectSame("", mask);
  ExpectSame(title, mask);
  for (const std::string& piece : pieces) ExpectSame(piece, mask);
  for (int i = 0; i < 20000; ++i) {
    std::string unit;
    // Mostly short units (the fold with names masked), every tenth one around and past its bound of
    // kMaxCrossTokens tokens.
    const size_t n = i % 10 == 0 ? 30 + rng() % 20 : 1 + rng() % 12;
    for (size_t w = 0; w < n; ++w) {
      if (w > 0) unit += ' ';
      unit += pieces[rng() % pieces.size()];
    }
    ExpectSame(unit, mask);
    ExpectSame(unit, boilerplate_internal::TitleMask());
    const Plain want = PlainTemplate(unit, mask);
    named += want.t.cross_key != 0 && want.t.cross_words + 1 < n;
  }
  EXPECT_GT(named, 2000u);  // names were masked in many of them
}

TEST(BoilerplateMaskUnitFoldTest, AtTheCrossBound) {
  // Exactly kMaxCrossTokens - 1, kMaxCrossTokens and one more words, capitalized or not, with the title.
  const boilerplate_internal::TitleMask mask("Harbor Council Approves Budget");
  for (const std::string word : {"word", "Name"}) {
    for (size_t n = boilerplate_internal::kMaxCrossTokens - 1; n <= boilerplate_internal::kMaxCrossTokens + 1;
         ++n) {
      std::string unit;
      for (size_t w = 0; w < n; ++w) unit += (w > 0 ? " " : "") + word;
      ExpectSame(unit, mask);
      ExpectSame("Harbor Council Approves Budget " + unit, mask);
    }
  }
}

}  // namespace
}  // namespace neardup
