// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// The sort of copy detection's (shingle, document) keys (SortKeys): a bucketing pass on the top bits and
// one insertion sort over the whole array must give std::sort's order for any input, spread or not:
// random hashes with documents in order (as BuildSourceModel makes them), repeated keys, every key in one
// bucket, keys in reverse, and more keys than buckets (the bucket bits stop at 20).
//
// A title without a separator is tokenized once (TitleMask): its variants must be what the title's
// segments give, with separators or without: the whole title, and the longest segment when it differs.
//
// The words of a sentence of a line are taken from the line's own words (PieceWords) rather than
// scanned again: every field must be ScanWords's of the sentence alone, and Classify with the line's
// words (as the stage calls it) must give what it gives scanning each sentence.

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/boilerplate/rules.h"
#include "pipeline/boilerplate/sort_keys.h"
#include "pipeline/boilerplate/templates.h"
#include "tests/boilerplate_paths_util.h"

namespace neardup {
namespace {

using boilerplate_internal::SortKeys;

void ExpectSorted(std::vector<uint64_t> keys) {
  std::vector<uint64_t> want = keys;
  std::sort(want.begin(), want.end());
  SortKeys(keys.data(), keys.size());
  ASSERT_EQ(keys.size(), want.size());
  EXPECT_TRUE(keys == want) << "first difference at "
                            << std::mismatch(keys.begin(), keys.end(), want.begin()).first - keys.begin();
}

// Shingles of `docs` documents in document order: each holds `per_doc` hashes, some of them repeated in
// the document, some shared with other documents.
std::vector<uint64_t> SourceKeys(std::mt19937_64* rng, uint32_t docs, uint32_t per_doc) {
  std::vector<uint32_t> common(64);
  for (uint32_t& c : common) c = static_cast<uint32_t>((*rng)());
  std::vector<uint64_t> keys;
  for (uint32_t m = 0; m < docs; ++m) {
    for (uint32_t k = 0; k < per_doc; ++k) {
      const uint64_t r = (*rng)();
      uint32_t shingle = static_cast<uint32_t>(r >> 32);
      if (r % 5 == 0) shingle = common[r % common.size()];
      keys.push_back(uint64_t{shingle} << 32 | m);
      if (r % 11 == 0) keys.push_back(keys.back());  // a shingle repeated in its document
    }
  }
  return keys;
}

TEST(BoilerplateSortKeysTest, SourcesOfEverySize) {
  std::mt19937_64 rng(5);
  for (const uint32_t docs : {0u, 1u, 2u, 3u, 17u, 200u, 3000u}) {
    for (const uint32_t per_doc : {1u, 7u, 60u}) ExpectSorted(SourceKeys(&rng, docs, per_doc));
  }
}

TEST(BoilerplateSortKeysTest, MoreKeysThanBuckets) {
  // Over 2^20 keys: several per bucket.
  std::mt19937_64 rng(7);
  ExpectSorted(SourceKeys(&rng, 40000, 40));
}

TEST(BoilerplateSortKeysTest, EdgeInputs) {
  std::mt19937_64 rng(11);
  ExpectSorted({});
  ExpectSorted({42});
  ExpectSorted({~uint64_t{0}, 0});
  ExpectSorted({5, 5, 5, 5});
  // One shingle in every document, and one bucket for every key (small top bits), in document order
  // and in reverse.
  std::vector<uint64_t> same, low, reversed;
  for (uint32_t m = 0; m < 5000; ++m) {
    same.push_back(uint64_t{0x9E3779B9} << 32 | m);
    low.push_back(uint64_t{static_cast<uint32_t>(rng()) & 0xFFFFF} << 32 | m);
    reversed.push_back(~(uint64_t{static_cast<uint32_t>(rng())} << 32 | m));
  }
  ExpectSorted(same);
  ExpectSorted(low);
  ExpectSorted(reversed);
  std::sort(reversed.begin(), reversed.end(), std::greater<>());
  ExpectSorted(reversed);
  // Random words, top bits and all; and few distinct upper halves with the lower ones in any order (the
  // sort is by the whole key, not only by the shingle).
  std::vector<uint64_t> any(10000), few(10000);
  for (uint64_t& k : any) k = rng();
  for (uint64_t& k : few) k = (rng() % 7) << 61 | (rng() & 0xFFFF);
  ExpectSorted(any);
  ExpectSorted(few);
}

// The variants a title's segments give: the whole title's tokens, and those of its longest segment
// (each tokenized alone, as a title of its own) when they differ. Segments of fewer than
// kMinTitleTokens tokens give none.
std::vector<std::vector<uint64_t>> ReferenceVariants(const std::string& title,
                                                     const std::vector<std::string>& segments) {
  using boilerplate_internal::TitleMask;
  auto tokens = [](const std::string& text) {
    const TitleMask alone(text);
    return alone.variants().empty() ? std::vector<uint64_t>() : alone.variants()[0];
  };
  std::vector<std::vector<uint64_t>> want;
  const std::vector<uint64_t> whole = tokens(title);
  std::vector<uint64_t> longest;
  for (const std::string& s : segments) {
    const std::vector<uint64_t> seg = tokens(s);
    if (seg.size() > longest.size()) longest = seg;
  }
  if (!whole.empty()) want.push_back(whole);
  if (!longest.empty() && longest != whole) want.push_back(longest);
  return want;
}

TEST(BoilerplateTitleMaskTest, SegmentsWithAndWithoutSeparators) {
  using boilerplate_internal::TitleMask;
  const struct {
    std::string title;
    std::vector<std::string> segments;
  } cases[] = {
      {"Council approves the harbor budget", {"Council approves the harbor budget"}},
      {"  Council approves the harbor budget on May 5  ", {"Council approves the harbor budget on May 5"}},
      {"Council approves the harbor budget | The Harbor Ledger",
       {"Council approves the harbor budget", "The Harbor Ledger"}},
      {"News \xC2\xBB Council approves the harbor budget", {"News", "Council approves the harbor budget"}},
      {"Local - Council approves budget - The Ledger", {"Local", "Council approves budget", "The Ledger"}},
      {"A B | C D E F G", {"A B", "C D E F G"}},
      {"Two words", {"Two words"}},
      {"One", {"One"}},
      {"", {}},
      {"Harbor::Council approves the harbor budget", {"Harbor", "Council approves the harbor budget"}},
  };
  for (const auto& c : cases) {
    const TitleMask mask(c.title);
    EXPECT_EQ(mask.variants(), ReferenceVariants(c.title, c.segments)) << c.title;
  }
}

// A text of words, numbers, punctuation and whitespace of every kind the tokenizer knows, with some
// non-ASCII characters when `ascii` is false.
std::string RandomText(std::mt19937_64* rng, size_t pieces, bool ascii) {
  static const char* const kPieces[] = {"Share",
                                        "this",
                                        "article",
                                        "on",
                                        "Facebook.",
                                        "Read",
                                        "more:",
                                        "2024",
                                        "a1b2",
                                        "x9",
                                        "10:45",
                                        "$5",
                                        ">",
                                        ">>",
                                        "Home",
                                        "/",
                                        "News",
                                        "\"Quoted\"",
                                        "(c)",
                                        "all-rights",
                                        "e-mail",
                                        ",",
                                        ".",
                                        "...",
                                        "!",
                                        "?",
                                        "'s",
                                        "ABCDEFGHIJKLMNOPQRSTU",
                                        "sixteenletters!!",
                                        "seventeenletters",
                                        "x"};
  static const char* const kSpaces[] = {" ", " ", " ", "  ", "\t", "\n", "\f", "\r", "\v", ""};
  static const char* const kWide[] = {"caf\xC3\xA9", "\xC2\xBB",     "\xE2\x80\xBA", "\xC2\xA9",
                                      "\xC5\xBF",    "\xE2\x84\xAA", "na\xC3\xAFve", "\xE2\x80\x9C"};
  std::string text;
  for (size_t k = 0; k < pieces; ++k) {
    if (!ascii && (*rng)() % 6 == 0) {
      text += kWide[(*rng)() % std::size(kWide)];
    } else {
      text += kPieces[(*rng)() % std::size(kPieces)];
    }
    text += kSpaces[(*rng)() % std::size(kSpaces)];
  }
  return text;
}

TEST(BoilerplatePieceWordsTest, SameAsScanningThePiece) {
  using boilerplate_internal::CountLetterRuns;
  using boilerplate_internal::PieceWords;
  using boilerplate_internal::ScanWords;
  using boilerplate_internal::UnitWords;
  std::mt19937_64 rng(17);
  UnitWords whole, piece, scanned;
  size_t sliced = 0;
  for (int round = 0; round < 3000; ++round) {
    const std::string text = RandomText(&rng, 1 + rng() % 40, round % 3 != 0);
    ScanWords(text, &whole);
    ASSERT_EQ(CountLetterRuns(text, 0, text.size()), whole.words.size()) << text;
    // Pieces at any bytes: a piece that cuts a word or holds a non-ASCII byte is refused.
    for (int p = 0; p < 8; ++p) {
      size_t begin = rng() % (text.size() + 1), end = rng() % (text.size() + 1);
      if (begin > end) std::swap(begin, end);
      // At character boundaries (the pieces are valid UTF-8).
      auto continuation = [&](size_t k) {
        return k < text.size() && (static_cast<unsigned char>(text[k]) & 0xC0) == 0x80;
      };
      while (continuation(begin)) ++begin;
      while (continuation(end)) ++end;
      end = std::max(begin, end);
      const std::string_view view = std::string_view(text).substr(begin, end - begin);
      auto letter = [&](size_t k) { return std::isalpha(static_cast<unsigned char>(text[k])) != 0; };
      const bool cuts =
          begin < end && ((begin > 0 && letter(begin - 1)) || (end < text.size() && letter(end)));
      const bool ok = PieceWords(text, whole, CountLetterRuns(text, 0, begin), begin, end, &piece);
      EXPECT_EQ(ok, begin >= end || !cuts) << text << " [" << begin << ", " << end << ")";
      if (!ok) continue;
      ++sliced;
      ScanWords(view, &scanned);
      boilerplate_testing::ExpectSameWords(piece, scanned, std::string(view));
    }
  }
  EXPECT_GT(sliced, 3000u);
}

TEST(BoilerplatePieceWordsTest, ClassifyWithTheLinesWords) {
  std::unique_ptr<BoilerplateRules> rules;
  ASSERT_TRUE(BoilerplateRules::Build(BoilerplateOptions(), &rules).ok());
  const std::string lines[] = {
      "We use cookies. If you continue, we assume you agree. Read our policy.",
      "Share this article. Follow us on Twitter. Leave a comment below!",
      "Please turn off your ad blocker. It helps us. Thank you.",
      "Home / News. The council met on Monday. Read more: the budget.",
      "\xC2\xA9 2024 The Harbor Ledger. All rights reserved. Terms of use.",
      "Share on Facebook. Share on Twitter. \xC2\xBB More news.",
      "Subscribe to our newsletter. Get the news first. Sign up now.",
      "Related: Council approves budget. Read more. Comments (3).",
      "The council met. It approved the plan. Residents may comment.",
  };
  std::mt19937_64 rng(23);
  std::vector<std::string> texts(std::begin(lines), std::end(lines));
  for (int k = 0; k < 400; ++k) {
    std::string text;
    for (int s = 0; s < 2 + static_cast<int>(rng() % 3); ++s) {
      const std::string& line = lines[rng() % std::size(lines)];
      text += (text.empty() ? "" : " ") +
              line.substr(0, line.find(". ") == std::string::npos ? line.size() : line.find(". ") + 1);
    }
    texts.push_back(text);
  }
  for (const std::string& text : texts) {
    boilerplate_internal::UnitWords words;
    boilerplate_internal::MaskUnit(text, boilerplate_internal::TitleMask(), nullptr, nullptr, &words);
    EXPECT_EQ(rules->Classify(text, &words), rules->Classify(text)) << text;
  }
}

}  // namespace
}  // namespace neardup
