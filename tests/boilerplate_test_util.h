// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// What the boilerplate tests share: a document as text, title and source, and FindBoilerplate with
// default options over a list of them.

#ifndef NEARDUP_TESTS_BOILERPLATE_TEST_UTIL_H_
#define NEARDUP_TESTS_BOILERPLATE_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/boilerplate/boilerplate.h"

namespace neardup {

struct Doc {
  std::string text, title, source;
};

inline BoilerplateResult Find(const std::vector<Doc>& docs) {
  std::vector<BoilerplateInput> in;
  for (const Doc& d : docs) in.push_back({d.text, d.title, d.source});
  BoilerplateResult r;
  const Status s = FindBoilerplate(in, {}, &r);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return r;
}

}  // namespace neardup

#endif  // NEARDUP_TESTS_BOILERPLATE_TEST_UTIL_H_
