// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Boilerplate in text without line breaks: furniture that runs into the sentence after it is cut off
// at the title and around the stretches a rule matches, without taking the article's words. Every text
// here is made up for the test.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/boilerplate/boilerplate.h"
#include "tests/boilerplate_test_util.h"

namespace neardup {
namespace {

std::string Clean(const Doc& doc, const BoilerplateResult& r, size_t i) { return RemoveSpans(doc.text, r.spans[i]); }

const char kTitle[] = "Orchards brace for a dry summer";
const char kFirst[] =
    "The growers in the upper valley said on Tuesday that the reservoir would not last past August.";
const char kMiddle[] =
    "Comments by the water board were later withdrawn. Lena Okafor said the quotas had been set too "
    "late in the season.";
const char kLast[] = "A meeting with the growers is planned for Thursday evening in the market hall.";

TEST(BoilerplateSentenceTest, HeaderAndFooterGluedToTheArticleAreCutOff) {
  // One page whose line breaks were lost: breadcrumb (up to the title), byline, an advertisement, a
  // comment prompt and the footer all run into the sentences around them.
  const std::string text = std::string("Home \xC2\xBB Weather \xC2\xBB ") + kTitle + " by Ilse Varga " + kFirst +
                           " ADVERTISEMENT " + kMiddle + " " + kLast +
                           " Leave a comment Sign up for our newsletter \xC2\xA9 2026 Valley Courier. All rights "
                           "reserved.";
  const std::vector<Doc> docs = {{text, kTitle, "courier"}};
  const BoilerplateResult r = Find(docs);
  const std::string clean = Clean(docs[0], r, 0);
  EXPECT_EQ(clean, std::string(kFirst) + " " + kMiddle + " " + kLast) << clean;
}

TEST(BoilerplateSentenceTest, ASentenceOpeningWithANameAfterABylineKeepsIt) {
  // "by <Name>" followed by a sentence that opens with another name: the name stays with its sentence
  // (a name that ends a byline and one that opens a sentence look alike; the sentence wins).
  const std::string text = std::string(kTitle) + " Posted on June 2, 2026 by Greta Holm " + kMiddle + " " + kFirst +
                           " " + kLast;
  const std::vector<Doc> docs = {{text, kTitle, "courier"}};
  const BoilerplateResult r = Find(docs);
  const std::string clean = Clean(docs[0], r, 0);
  EXPECT_NE(clean.find(kMiddle), std::string::npos) << clean;
  EXPECT_EQ(clean.find("Greta"), std::string::npos) << clean;
  EXPECT_EQ(clean.find("Posted"), std::string::npos) << clean;
}

TEST(BoilerplateSentenceTest, FurnitureBeforeAQuotationIsCutOff) {
  // An ad label before a sentence that opens with a quotation: no name runs on into a quote, so the
  // label's last capitalized word is not kept for it.
  const char quote[] = "\"We were never asked,\" said Ilse Varga, who farms near the dam.";
  const std::string text = std::string(kTitle) + " " + kFirst + " " + kMiddle + " Sponsored Content " + quote + " " +
                           kLast + " " + kFirst + " " + kLast;
  const std::vector<Doc> docs = {{text, kTitle, "courier"}};
  const BoilerplateResult r = Find(docs);
  const std::string clean = Clean(docs[0], r, 0);
  EXPECT_EQ(clean.find("Sponsored"), std::string::npos) << clean;
  EXPECT_NE(clean.find(quote), std::string::npos) << clean;
}

TEST(BoilerplateSentenceTest, ArticleSentencesWithFurnitureWordsStay) {
  // Sentences that start like furniture ("Comments by", "Share prices", "By March") are content, at the
  // start, in the middle and at the end of a text without line breaks.
  const std::string body =
      "Comments by the harbor master were later withdrawn. Share prices of the port operator rose four "
      "percent after the announcement. By March the bridge at Redfen was open to traffic again. Related "
      "charges against Tobias Fenn were dropped in May. Home prices in Saltmere rose six percent last year.";
  const std::vector<Doc> docs = {{body, "Harbor master withdraws his remarks", "courier"}};
  const BoilerplateResult r = Find(docs);
  EXPECT_TRUE(r.spans[0].empty()) << Clean(docs[0], r, 0);
}

TEST(BoilerplateSentenceTest, ATemplateLineIsLearnedOnceCutOffByTheTitle) {
  // A slogan no rule knows opens every page of a site, glued to the title: the cut at the title makes
  // it a unit of its own, which the site's pages then share.
  std::vector<Doc> docs;
  const std::vector<std::string> titles = {"Council delays the ferry timetable plan", "Port reopens the market hall lease",
                                           "Union backs the new tram line plan", "Court halts the school budget cuts"};
  const std::vector<std::string> bodies = {
      "The council said the ferry timetable would be reviewed. Residents have complained for months.",
      "The market hall will reopen in spring. Traders said the rent was still too high.",
      "The tram line will run from the harbor to the hospital. The vote was close.",
      "The court said the cuts had been rushed through. Teachers welcomed the ruling."};
  for (size_t i = 0; i < titles.size(); ++i) {
    docs.push_back({"Harbor Ledger \xE2\x80\x94 independent news for the coast " + titles[i] + " " + bodies[i],
                    titles[i], "ledger"});
  }
  const BoilerplateResult r = Find(docs);
  for (size_t i = 0; i < docs.size(); ++i) {
    EXPECT_EQ(Clean(docs[i], r, i), titles[i] + " " + bodies[i]) << i;
  }
}

}  // namespace
}  // namespace neardup
