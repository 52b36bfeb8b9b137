// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Dates masked after the first one: MaskDates keeps each run of tokens up to the next number or date word
// in one move (moved down once a clock word was dropped before it), and the fast tokenizer tells it where
// the first such token is. Units with several dates, drops between them and plain words after them must
// give the masked form the rules say, and the fast path the reference path's template.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/boilerplate/templates.h"
#include "tests/boilerplate_paths_util.h"

namespace neardup {
namespace {

using boilerplate_internal::MaskUnit;
using boilerplate_internal::Template;
using boilerplate_internal::TitleMask;
using boilerplate_testing::ExpectSameTemplate;
using boilerplate_testing::ReferencePaths;

TEST(BoilerplateMaskDatesTest, WordsAfterDroppedClockWordsMoveDownInOrder) {
  const TitleMask none;
  std::string shown;
  // "hours ago" and "am" are dropped after their masks; the words between and after the dates stay, in
  // order, moved down over the dropped ones.
  MaskUnit("Updated 3 hours ago by Ann Lee, posted Monday at 10 am in the city news desk", none, &shown);
  EXPECT_EQ(shown, "updated <n> by ann lee posted <n> at <n> in the city news desk");
  // A run of masks is one; an abbreviated month is masked next to a number only.
  MaskUnit("May 5, 2024 Residents may vote on June 3 or 4 days later, said Nov officials", none, &shown);
  EXPECT_EQ(shown, "<n> residents may vote on <n> or <n> later said nov officials");
  // A clock word that follows no mask stays.
  MaskUnit("Ago and hours 7 min read before the day ends", none, &shown);
  EXPECT_EQ(shown, "ago and hours <n> read before the day ends");
  // Nothing before the first date changes, nor a unit without one.
  MaskUnit("Council members said the plan would pass", none, &shown);
  EXPECT_EQ(shown, "council members said the plan would pass");
}

TEST(BoilerplateMaskDatesTest, FastPathGivesTheReferenceTemplate) {
  const TitleMask title("Harbor council approves the new ferry timetable");
  const std::vector<std::string> units = {
      "Updated 3 hours ago by Ann Lee, posted Monday at 10 am in the city news desk",
      "May 5, 2024 Residents may vote on June 3 or 4 days later, said Nov officials",
      "Ago and hours 7 min read before the day ends",
      "Posted Tue 12 Nov 2024 10:45 GMT Harbor council approves the new ferry timetable 2 min read",
      "Edition 12 \xC2\xB7 Thursday \xC2\xB7 Caf\xC3\xA9 news 4 hours ago, 5 comments",
      "Published Thursday by the news desk, updated at 10 am",
      "Caf\xC3\xA9 d\xC3\xA9j\xC3\xA0 vu opens Tuesday at 9 am, 12 hours ago",
      "No date here at all, only words and \xC2\xA9 symbols",
      "2024 2025 2026",
      "",
  };
  for (const std::string& u : units) {
    std::vector<uint64_t> fast_hashes, ref_hashes;
    const Template fast = MaskUnit(u, title, nullptr, &fast_hashes);
    Template ref;
    {
      ReferencePaths reference;
      ref = MaskUnit(u, title, nullptr, &ref_hashes);
    }
    ExpectSameTemplate(fast, ref, u);
    EXPECT_EQ(fast_hashes, ref_hashes) << u;
  }
}

}  // namespace
}  // namespace neardup
