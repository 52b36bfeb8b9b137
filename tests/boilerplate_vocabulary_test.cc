// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Lines of fixed title-case wording with the site's name in them ("The <Site> Group. Printed On
// Recycled Paper."): names masking takes the whole line for one name, so no template of it is shared
// across sites. The capitalized words that many sites' learned furniture holds, and that are not the
// site's own name (in its domain), are a vocabulary: kept in a line's template, they let a site with
// one article shed the line other sites taught. Counter-example: the same line inside an article, far
// from any furniture, stays. Every text here is made up for the test.

#include <gtest/gtest.h>

#include <cctype>
#include <string>
#include <vector>

#include "pipeline/boilerplate/boilerplate.h"
#include "tests/boilerplate_test_util.h"

namespace neardup {
namespace {

std::string Clean(const Doc& doc, const BoilerplateResult& r, size_t i) {
  return RemoveSpans(doc.text, r.spans[i]);
}

const char* const kPlaces[] = {"Tide", "Quay", "Gull", "Brine", "Marsh", "Heron", "Pier"};

// Paragraphs of distinct articles (article `a`, paragraph `k`), the place named in the first.
std::string Paragraph(const std::string& place, int a, int k) {
  static const char* const kTexts[][3] = {
      {"Ferry crews in PLACE voted to end their overtime ban after a week of talks with the operator.",
       "The union said the new rota would give every deckhand two full weekends off each month.",
       "Sailings to the outer islands resume on the first timetable of the season."},
      {"Volunteers in PLACE spent two winters restoring the keepers' cottage below the old lighthouse.",
       "Its kitchen still holds the cast iron range that warmed three generations of keepers.",
       "Entry is free for children under twelve until the autumn."},
      {"Traders at the PLACE fish market will move their stalls to the north quay in April.",
       "Refrigerated units there replace the ice boxes that lined the old slipway for decades.",
       "Parking near the quay is limited to short stays while the work goes on."},
      {"Repairs to the PLACE sea wall fell behind after three storms in a fortnight.",
       "Engineers found that waves had scoured gravel from beneath two of the concrete sections.",
       "A temporary barrier of rock armour now protects the promenade."},
      {"Oarsmen from the PLACE rowing club took first place in the estuary regatta on Saturday.",
       "Their coxless four beat a crew from upriver by less than a boat length.",
       "The club hopes to enter the national championships next summer."},
      {"Bread has been baked on the same site in PLACE for a hundred years this month.",
       "The fourth generation of the founding family still rises before dawn to light the ovens.",
       "Customers queued around the corner for the anniversary loaves."},
  };
  std::string text = kTexts[a % 6][k];
  const size_t at = text.find("PLACE");
  if (at != std::string::npos) text.replace(at, 5, place);
  return text;
}

// The footer line of the site in `place`: its name, and fixed words in title case.
std::string Footer(const std::string& place) {
  return "The " + place + " Clarion Group. Printed On Recycled Paper.";
}

// Page `a` of the site in `place`: headline, three paragraphs (`middle` after the first), the footer.
Doc Page(const std::string& place, int a, const std::string& middle = "") {
  static const char* const kTitles[] = {"Ferry crews end their ban", "Keepers' cottage opens",
                                        "Fish market moves north",   "Sea wall repairs delayed",
                                        "Rowing club wins regatta",  "Bakery celebrates a century"};
  const std::string title = std::string(kTitles[a % 6]) + " in " + place;
  std::string text = title + "\n\n" + Paragraph(place, a, 0) + "\n\n" + middle;
  for (int k = 1; k < 3; ++k) text += Paragraph(place, a, k) + "\n\n";
  text += Footer(place) + "\n";
  std::string source = place + "clarion.example";
  for (char& c : source) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return {text, title, source};
}

// Six sites of four articles each teach the footer.
std::vector<Doc> TeachingSites() {
  std::vector<Doc> docs;
  for (int s = 0; s < 6; ++s) {
    for (int a = 0; a < 4; ++a) docs.push_back(Page(kPlaces[s], a + s));
  }
  return docs;
}

TEST(BoilerplateVocabularyTest, ATitleCaseLineWithTheSitesNameIsCarriedToALoneSite) {
  std::vector<Doc> docs = TeachingSites();
  docs.push_back(Page(kPlaces[6], 2));
  const BoilerplateResult r = Find(docs);
  for (size_t d = 0; d < docs.size(); ++d) {
    EXPECT_EQ(Clean(docs[d], r, d).find("Printed On Recycled Paper"), std::string::npos) << d;
  }
  // The lone site's article keeps its paragraphs.
  const std::string clean = Clean(docs.back(), r, docs.size() - 1);
  for (int k = 0; k < 3; ++k) EXPECT_NE(clean.find(Paragraph(kPlaces[6], 2, k)), std::string::npos) << k;
}

TEST(BoilerplateVocabularyTest, TheSameLineInsideAnArticleStays) {
  // The lone site quotes the line in the middle of its article (a caption), between two paragraphs: far
  // from any furniture, it is the article's.
  std::vector<Doc> docs = TeachingSites();
  Doc lone = Page(kPlaces[6], 2, "The Heron Mill Group. Printed On Recycled Paper.\n\n");
  docs.push_back(lone);
  const BoilerplateResult r = Find(docs);
  EXPECT_NE(Clean(docs.back(), r, docs.size() - 1).find("The Heron Mill Group. Printed On Recycled Paper."),
            std::string::npos);
}

}  // namespace
}  // namespace neardup
