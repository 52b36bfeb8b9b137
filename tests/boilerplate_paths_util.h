// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// What the tests of the boilerplate stage's fast paths share: switching the reference paths on for a
// scope, and comparing a template or a unit's words field by field, so a failure names the field.

#ifndef NEARDUP_TESTS_BOILERPLATE_PATHS_UTIL_H_
#define NEARDUP_TESTS_BOILERPLATE_PATHS_UTIL_H_

#include <gtest/gtest.h>

#include <string>

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

}  // namespace neardup::boilerplate_testing

#endif  // NEARDUP_TESTS_BOILERPLATE_PATHS_UTIL_H_
