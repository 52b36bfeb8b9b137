// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Head lead-ins of pages without line breaks: furniture at the head of the page that no rule knows runs
// into the article's first sentence ("Tide Sheet <n> · <day> with <Name> Harbour Correspondent Ferry
// crews ..."), or ends with the headline ("Front Desk :: <Section> :: <title>"). A source learns it from
// its pages: the longest masked prefix of the first content unit that opens a third of its articles and
// is followed by words that differ from page to page. Two counter-examples must stay: a syndicated
// article whose first sentence recurs on several pages of a site, and articles that open with the same
// phrase of prose ("The council said on Monday: Mayor ..."). Every text here is made up for the test.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/boilerplate/boilerplate.h"
#include "tests/boilerplate_test_util.h"

namespace neardup {
namespace {

std::string Clean(const Doc& doc, const BoilerplateResult& r, size_t i) { return RemoveSpans(doc.text, r.spans[i]); }

const char* const kDays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
const char* const kAuthors[] = {"Orla Brenn", "Tamsin Vey", "Orla Brenn", "Jory Penhale", "Tamsin Vey", "Orla Brenn"};

TEST(BoilerplateHeadTest, ASitesHeadLeadInGluedToTheFirstSentenceIsCut) {
  // Every page opens with the site's own sheet line and a byline that no rule knows, run into the
  // article's first sentence: the masked prefix is the same on every page, what follows differs.
  std::vector<Doc> docs;
  for (size_t a = 0; a < 6; ++a) {
    const std::string lead = "Tide Sheet " + std::to_string(40 + a) + " \xC2\xB7 " + kDays[a] + " with " +
                             kAuthors[a] + " Harbour Correspondent ";
    docs.push_back({lead + kArticles[a].text, kArticles[a].title, "tidesheet.example"});
  }
  const BoilerplateResult r = Find(docs);
  for (size_t a = 0; a < docs.size(); ++a) {
    EXPECT_EQ(Clean(docs[a], r, a), kArticles[a].text) << a;
  }
}

TEST(BoilerplateHeadTest, ATrailEndingWithTheHeadlineIsCut) {
  // A trail to the page whose wording no rule knows ("Front Desk :: <Section> :: <title>"), then the
  // article: a unit that ends with the title, the same with names masked on every page. (The space
  // after it stays, as after a trail a rule takes.)
  const char* const sections[] = {"Transport", "Heritage", "Business", "Coast", "Sport", "Food"};
  std::vector<Doc> docs;
  for (size_t a = 0; a < 6; ++a) {
    const std::string head = std::string("Front Desk :: ") + sections[a] + " :: " + kArticles[a].title + " ";
    docs.push_back({head + kArticles[a].text, kArticles[a].title, "frontdesk.example"});
  }
  const BoilerplateResult r = Find(docs);
  for (size_t a = 0; a < docs.size(); ++a) {
    EXPECT_EQ(Clean(docs[a], r, a), std::string(" ") + kArticles[a].text) << a;
  }
}

TEST(BoilerplateHeadTest, ASyndicatedArticlesFirstSentenceIsNoLeadIn) {
  // Counter-example: a site publishes one agency story on two pages (lightly edited: one article), and
  // opens four follow-ups with the agency's first sentence, a dateline and all ("PORT CALDER — Ferry
  // services ..."), before text of their own. The first sentence opens most of the site's articles, but
  // the same word follows its opening everywhere: the pages' continuations do not diverge there, so
  // nothing of it is taken.
  const std::string first =
      "PORT CALDER \xE2\x80\x94 Ferry services between the islands were suspended after a crane collapsed "
      "onto the main berth. ";
  const std::string story = first +
                            "Nobody was hurt, the harbour authority said. Engineers expect the berth to reopen "
                            "within a fortnight once the crane has been lifted clear.";
  const std::string edited = first +
                             "Nobody was injured, the harbour authority said. Engineers expect the berth to "
                             "reopen within a fortnight once the crane has been lifted clear.";
  std::vector<Doc> docs = {
      {story, "Crane collapse halts island ferries", "calderwire.example"},
      {edited, "Island ferries halted after crane collapse", "calderwire.example"},
  };
  for (size_t a = 2; a < 6; ++a) docs.push_back({first + kArticles[a].text, kArticles[a].title, "calderwire.example"});
  const BoilerplateResult r = Find(docs);
  for (size_t a = 0; a < docs.size(); ++a) {
    EXPECT_EQ(Clean(docs[a], r, a), docs[a].text) << a;
  }
}

TEST(BoilerplateHeadTest, AnOpeningPhraseOfProseSharedByArticlesStays) {
  // Counter-example: most of a site's articles open with the same phrase of prose, and a capitalized
  // word follows it where the articles differ ("The council said on Monday: Mayor ..."). A lead-in
  // ends after a mask, a symbol or a capitalized word, with no run of more than two words in lower
  // case: "council said on" is a sentence's, so nothing is taken.
  const char* const openings[] = {
      "The council said on Monday: Mayor Ines Valk would chair the harbour review herself. ",
      "The council said on Monday: Harbour Master Oskar Lund had approved the new mooring fees. ",
      "The council said on Monday: Deputy Mayor Rhea Sand would meet the ferry operator in May. ",
      "The council said on Monday: Councillor Piet Dorn had withdrawn his motion on parking. ",
      "The council said on Monday: Treasurer Agnes Holt expected a surplus for the third year. ",
      "The council said on Monday: Engineer Bram Tessel would inspect the sea wall again. ",
  };
  std::vector<Doc> docs;
  for (size_t a = 0; a < 6; ++a) {
    docs.push_back({std::string(openings[a]) + kArticles[a].text, kArticles[a].title, "councilnotes.example"});
  }
  const BoilerplateResult r = Find(docs);
  for (size_t a = 0; a < docs.size(); ++a) {
    EXPECT_EQ(Clean(docs[a], r, a), docs[a].text) << a;
  }
}

// What follows an opening clause or lead-in in the six articles' first lines (lower case: the opening
// and its comma start the sentence).
const char* const kOpeningRests[] = {
    "ferry crews voted to end their overtime ban after a week of talks with the operator.",
    "volunteers spent two winters restoring the keepers' cottage below the old lighthouse.",
    "traders at the fish market will move their stalls to the north quay in April.",
    "repairs to the eastern sea wall fell behind after three storms in a fortnight.",
    "oarsmen from the harbour rowing club took first place in the estuary regatta.",
    "bread has been baked on the same site on Quay Street for a hundred years.",
};

TEST(BoilerplateHeadTest, AClauseWithoutANameOpeningMostArticlesStays) {
  // Counter-example for learned lead-ins: most of a site's articles open with the same clause and a
  // comma ("The council said on Monday, ..."), with line breaks. A lead-in names who tells ("<Outlet>
  // informs, citing <Agency>, "); a clause without a name is the sentence's own.
  std::vector<Doc> docs;
  for (size_t a = 0; a < 6; ++a) {
    docs.push_back({std::string(kArticles[a].title) + "\n\nThe council said on " + kDays[a] + ", " +
                        kOpeningRests[a] + "\n\n" + kArticles[a].text + "\n",
                    kArticles[a].title, "councilnotes.example"});
  }
  const BoilerplateResult r = Find(docs);
  for (size_t a = 0; a < docs.size(); ++a) {
    EXPECT_NE(Clean(docs[a], r, a).find(std::string("The council said on ") + kDays[a] + ", "), std::string::npos)
        << Clean(docs[a], r, a);
  }
}

TEST(BoilerplateHeadTest, ALeadInNamingItsSourceOpeningMostArticlesIsCut) {
  // The same site, its articles opening with a lead-in that names who tells.
  const char* const agencies[] = {"Coast Wire", "Valley Press", "Northern Radio"};
  std::vector<Doc> docs;
  for (size_t a = 0; a < 6; ++a) {
    docs.push_back({std::string(kArticles[a].title) + "\n\nCouncil Notes reports, citing " + agencies[a % 3] +
                        ", " + kOpeningRests[a] + "\n\n" + kArticles[a].text + "\n",
                    kArticles[a].title, "councilnotes.example"});
  }
  const BoilerplateResult r = Find(docs);
  for (size_t a = 0; a < docs.size(); ++a) {
    const std::string clean = Clean(docs[a], r, a);
    EXPECT_EQ(clean.find("Council Notes reports"), std::string::npos) << clean;
    EXPECT_NE(clean.find(kOpeningRests[a]), std::string::npos) << clean;
  }
}

}  // namespace
}  // namespace neardup
