// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// What the tests of the boilerplate stage's fast paths share: switching the reference paths on for a
// scope, comparing a template or a unit's words field by field, so a failure names the field, and
// MatchLeadIn with its gates against the reference paths.

#ifndef NEARDUP_TESTS_BOILERPLATE_PATHS_UTIL_H_
#define NEARDUP_TESTS_BOILERPLATE_PATHS_UTIL_H_

#include <gtest/gtest.h>

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
