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

struct Article {
  const char* title;
  const char* text;
};

// Six articles of one harbour town, each opening with a capitalized word, none a copy of another (the
// head lead-in tests glue furniture before them).
inline const Article kArticles[] = {
    {"Ferry crews end their overtime ban",
     "Ferry crews voted to end their overtime ban after a week of talks with the operator. The union said "
     "the new rota would give every deckhand two full weekends off each month. Sailings to the outer "
     "islands resume on the first timetable of the season."},
    {"Lighthouse keepers' cottage opens as a museum",
     "Volunteers spent two winters restoring the keepers' cottage below the old lighthouse. Its kitchen "
     "still holds the cast iron range that warmed three generations of keepers. Entry is free for children "
     "under twelve until the autumn."},
    {"Fish market moves to the north quay",
     "Traders at the fish market will move their stalls to the north quay in April. Refrigerated units "
     "there replace the ice boxes that lined the old slipway for decades. Parking near the quay is limited "
     "to short stays while the work goes on."},
    {"Sea wall repairs delayed by storms",
     "Repairs to the eastern sea wall fell behind after three storms in a fortnight. Engineers found that "
     "waves had scoured gravel from beneath two of the concrete sections. A temporary barrier of rock "
     "armour now protects the promenade."},
    {"Rowing club wins the estuary regatta",
     "Oarsmen from the harbour rowing club took first place in the estuary regatta on Saturday. Their "
     "coxless four beat a crew from upriver by less than a boat length. The club hopes to enter the "
     "national championships next summer."},
    {"Bakery on Quay Street celebrates a century",
     "Bread has been baked on the same site on Quay Street for a hundred years this month. The fourth "
     "generation of the founding family still rises before dawn to light the ovens. Customers queued "
     "around the corner for the anniversary loaves."},
};
inline constexpr size_t kArticleCount = sizeof(kArticles) / sizeof(kArticles[0]);

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
