// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// What the tests of the boilerplate stage's fast paths share: switching the reference paths on for a
// scope, comparing a template or a unit's words field by field, so a failure names the field, the
// prefilter's words computed a byte at a time, every check of the tokenizer's fast paths on one unit,
// and MatchLeadIn with its gates against the reference paths.

#ifndef NEARDUP_TESTS_BOILERPLATE_PATHS_UTIL_H_
#define NEARDUP_TESTS_BOILERPLATE_PATHS_UTIL_H_

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/boilerplate/rules.h"
#include "pipeline/boilerplate/templates.h"

namespace neardup::boilerplate_testing {

// The reference paths (a code point at a time, every rule on every unit) while the object lives.
class ReferencePaths {
 public:
  ReferencePaths() { boilerplate_internal::SetReferencePathsForTesting(true); }
  ~ReferencePaths() { boilerplate_internal::SetReferencePathsForTesting(false); }
  ReferencePaths(const ReferencePaths&) = delete;
  ReferencePaths& operator=(const ReferencePaths&) = delete;
};

inline void ExpectSameTemplate(const boilerplate_internal::Template& a,
                               const boilerplate_internal::Template& b, const std::string& what) {
  EXPECT_EQ(a.key, b.key) << what;
  EXPECT_EQ(a.tokens, b.tokens) << what;
  EXPECT_EQ(a.words, b.words) << what;
  EXPECT_EQ(a.has_title, b.has_title) << what;
  EXPECT_EQ(a.pure_title, b.pure_title) << what;
  EXPECT_EQ(a.cross_key, b.cross_key) << what;
  EXPECT_EQ(a.cross_words, b.cross_words) << what;
}

// Every field of a unit's words (ScanWords, ConcatenateWords, the tokenizer's words).
inline void ExpectSameWords(const boilerplate_internal::UnitWords& a,
                            const boilerplate_internal::UnitWords& b, const std::string& what) {
  EXPECT_EQ(a.words, b.words) << what;
  EXPECT_EQ(a.first_lo, b.first_lo) << what;
  EXPECT_EQ(a.first_hi, b.first_hi) << what;
  EXPECT_EQ(a.first_len, b.first_len) << what;
  EXPECT_EQ(a.chunks, b.chunks) << what;
  EXPECT_EQ(a.lead_digit, b.lead_digit) << what;
  EXPECT_EQ(a.lead_number, b.lead_number) << what;
  EXPECT_EQ(a.gt, b.gt) << what;
  EXPECT_EQ(a.chevron, b.chevron) << what;
  EXPECT_EQ(a.copyright, b.copyright) << what;
  EXPECT_EQ(a.fold_sensitive, b.fold_sensitive) << what;
}

inline bool PlainLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline char PlainLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; }
inline bool PlainSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

// The rule prefilter's words of `text` (ScanWords' definition: maximal runs of ASCII letters, lower-cased
// and hashed, the runs between whitespace, the flags), a byte at a time: the fast paths' reference.
inline boilerplate_internal::UnitWords PlainWords(std::string_view text) {
  boilerplate_internal::UnitWords w;
  for (size_t i = 0; i < text.size();) {
    if (!PlainLetter(text[i])) {
      ++i;
      continue;
    }
    std::string word;
    while (i < text.size() && PlainLetter(text[i])) word.push_back(PlainLower(text[i++]));
    if (w.words.empty()) {
      w.first_len = static_cast<uint32_t>(word.size());
      char key[16] = {};
      std::memcpy(key, word.data(), std::min<size_t>(16, word.size()));
      std::memcpy(&w.first_lo, key, 8);
      std::memcpy(&w.first_hi, key + 8, 8);
    }
    w.words.push_back(boilerplate_internal::HashBytes(word));
  }
  for (size_t i = 0; i < text.size(); ++i) {
    w.chunks += !PlainSpace(text[i]) && (i == 0 || PlainSpace(text[i - 1]));
  }
  if (!text.empty()) {
    w.lead_digit = text[0] >= '0' && text[0] <= '9';
    w.lead_number = w.lead_digit || text[0] == '.' || text[0] == ',';
  }
  w.gt = text.find('>') != std::string_view::npos;
  auto has = [&](std::string_view bytes) { return text.find(bytes) != std::string_view::npos; };
  w.chevron = has("\xC2\xBB") || has("\xE2\x80\xBA");
  w.copyright = has("\xC2\xA9");
  w.fold_sensitive = has("\xC5\xBF") || has("\xE2\x84\xAA");
  return w;
}

// Every check of the fast paths on one unit: its words against the byte loop (ScanWords, and MaskUnit's
// read in place, followed by `trailer`, and copied), its template and hashes read in place against
// copied and against the reference tokenizer's. `trailer` (at least kScanPadding bytes) holds bytes that
// would change a token or a flag if the tokenizer read past the unit.
inline void CheckFastPaths(std::string_view text, const boilerplate_internal::TitleMask& title,
                           std::string_view trailer) {
  const std::string what = "unit [" + std::string(text) + "]";
  const boilerplate_internal::UnitWords want = PlainWords(text);
  boilerplate_internal::UnitWords scanned;
  boilerplate_internal::ScanWords(text, &scanned);
  ExpectSameWords(scanned, want, "ScanWords of " + what);

  std::string padded(text);
  padded += trailer;
  const std::string_view in_place(padded.data(), text.size());
  boilerplate_internal::UnitWords fast_words;
  std::vector<uint64_t> fast_hashes, plain_hashes;
  const boilerplate_internal::Template fast =
      boilerplate_internal::MaskUnit(in_place, title, nullptr, &fast_hashes, &fast_words, true);
  ExpectSameWords(fast_words, want, "MaskUnit's words (in place) of " + what);
  boilerplate_internal::UnitWords copied_words;
  std::vector<uint64_t> copied_hashes;
  const boilerplate_internal::Template copied =
      boilerplate_internal::MaskUnit(text, title, nullptr, &copied_hashes, &copied_words, false);
  ExpectSameWords(copied_words, want, "MaskUnit's words (copied) of " + what);
  ExpectSameTemplate(copied, fast, "copied and in place, " + what);
  EXPECT_EQ(copied_hashes, fast_hashes) << what;

  boilerplate_internal::Template plain;
  {
    ReferencePaths reference;
    plain = boilerplate_internal::MaskUnit(text, title, nullptr, &plain_hashes);
  }
  ExpectSameTemplate(fast, plain, "fast and reference, " + what);
  EXPECT_EQ(fast_hashes, plain_hashes) << what;
}

// MatchLeadIn with the gates and without them (the reference paths), on `texts`: expects the same rule
// and length for each, and returns how many matched (only those matched by the rule named `rule`, when
// it is not empty).
inline size_t CompareLeadInWithReference(const BoilerplateRules& rules, const std::vector<std::string>& texts,
                                         std::string_view rule = {}) {
  size_t matched = 0;
  for (const std::string& text : texts) {
    size_t gated_len = 0, reference_len = 0;
    const int gated = rules.MatchLeadIn(text, &gated_len);
    int reference;
    {
      ReferencePaths on;
      reference = rules.MatchLeadIn(text, &reference_len);
    }
    EXPECT_EQ(gated, reference) << text;
    if (gated >= 0 && reference >= 0) {
      EXPECT_EQ(gated_len, reference_len) << text;
    }
    matched += reference >= 0 && (rule.empty() || rules.rule(reference).name == rule);
  }
  return matched;
}

}  // namespace neardup::boilerplate_testing

#endif  // NEARDUP_TESTS_BOILERPLATE_PATHS_UTIL_H_
