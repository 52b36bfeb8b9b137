// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Text without line breaks, issue 3's third round: a related link's headline that runs into the
// sentence after it, in the middle of the text. Each behaviour has a counter-example that must stay.
// Every text here is made up for the test.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/boilerplate/boilerplate.h"
#include "tests/boilerplate_test_util.h"

namespace neardup {
namespace {

std::string Clean(const Doc& doc, const BoilerplateResult& r, size_t i) { return RemoveSpans(doc.text, r.spans[i]); }

const char kTitle[] = "Orchard growers win a delay on the water levy";
const char kA[] = "Growers in the upper valley won a six-month delay on the new water levy on Tuesday.";
const char kB[] = "The levy would have doubled what the smallest farms pay for irrigation each summer.";
const char kC[] = "Several growers said they had already cut back on planting because of the cost.";
const char kD[] = "Wendell Orr, who farms apples near the dam, said the delay gave families time to plan.";
const char kE[] = "The regional board will publish a revised proposal before the end of the year.";
const char kF[] = "A hearing on the revised levy is set for the spring in the valley's town hall.";

TEST(BoilerplateRecallTest, ARelatedHeadlineRunIntoTheNextSentenceIsCutWhereTheSentenceStarts) {
  // "Read more: <headline>" between two paragraphs of a page without line breaks: the headline has no
  // full stop, and the sentence after it opens with a capitalized word. The document's title is in
  // sentence case, so the site's headlines are: the link ends before the first word that is not in
  // lower case after one that is.
  const std::string text = std::string(kTitle) + " " + kA + " " + kB +
                           " Read more: Dam operator raises summer release targets " + kC + " " + kD + " " + kE +
                           " " + kF;
  const std::vector<Doc> docs = {{text, kTitle, "valley"}};
  const BoilerplateResult r = Find(docs);
  const std::string clean = Clean(docs[0], r, 0);
  EXPECT_EQ(clean, std::string(kTitle) + " " + kA + " " + kB + " " + kC + " " + kD + " " + kE + " " + kF) << clean;
}

TEST(BoilerplateRecallTest, ARelatedHeadlineWithANameEndsEarlyAndTakesNoSentence) {
  // Counter-example: a headline with a name after a word in lower case ("... near Wendell Dam") ends
  // before that name, so its last words stay; the article sentence after it is never taken.
  const std::string text = std::string(kTitle) + " " + kA + " " + kB +
                           " Related: Levy vote delayed near Wendell Dam " + kD + " " + kE + " " + kF;
  const std::vector<Doc> docs = {{text, kTitle, "valley"}};
  const BoilerplateResult r = Find(docs);
  const std::string clean = Clean(docs[0], r, 0);
  EXPECT_NE(clean.find(kD), std::string::npos) << clean;
  EXPECT_EQ(clean.find("Related: Levy vote"), std::string::npos) << clean;
}

TEST(BoilerplateRecallTest, InTitleCaseSitesTheHeadlineIsNotDelimited) {
  // Counter-example: where the titles are in title case, a headline's words are all capitalized and the
  // first word after one in lower case is inside the article sentence ("Several growers said ... Tuesday"):
  // only the link's shortest match is taken, never the sentence.
  const char title[] = "Orchard Growers Win A Delay On The Water Levy";
  const std::string text = std::string(title) + " " + kA + " " + kB +
                           " Read more: Dam Operator Raises Summer Release Targets Several growers said on " +
                           "Tuesday that they had cut back. " + kD + " " + kE + " " + kF;
  const std::vector<Doc> docs = {{text, title, "valley"}};
  const BoilerplateResult r = Find(docs);
  const std::string clean = Clean(docs[0], r, 0);
  EXPECT_NE(clean.find("Several growers said on Tuesday that they had cut back."), std::string::npos) << clean;
}

TEST(BoilerplateRecallTest, AnArticleSentenceOpeningWithRelatedIsNotALink) {
  // Counter-example: "Related" opening an article sentence, with no separator after it, is no link.
  const char sentence[] = "Related charges against the levy board were dropped in March, Orr said.";
  const std::string text = std::string(kTitle) + " " + kA + " " + kB + " " + sentence + " " + kD + " " + kE;
  const std::vector<Doc> docs = {{text, kTitle, "valley"}};
  const BoilerplateResult r = Find(docs);
  const std::string clean = Clean(docs[0], r, 0);
  EXPECT_NE(clean.find(sentence), std::string::npos) << clean;
}

}  // namespace
}  // namespace neardup
