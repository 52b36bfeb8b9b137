// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Head lead-ins of pages without line breaks, learned across sources: a site with one or two articles
// learns no head lead-in of its own, but its page may open with furniture of a shape that several other
// sites taught ("<Site> Desk :: <Section> :: <title> <first sentence>", names only before the headline,
// which no cross-site template of a unit keeps). Counter-examples: the same shape opening more pages as
// their article's own words than as furniture (a syndicated review that opens with the book's name
// before its headline), and a shape only two sites learned. Every text here is made up for the test.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/boilerplate/boilerplate.h"
#include "tests/boilerplate_test_util.h"

namespace neardup {
namespace {

std::string Clean(const Doc& doc, const BoilerplateResult& r, size_t i) {
  return RemoveSpans(doc.text, r.spans[i]);
}

const char* const kSites[] = {"Tide", "Quay", "Gull", "Brine", "Pier"};
const char* const kSections[] = {"Transport", "Heritage", "Business", "Coast", "Sport", "Food"};

// `sites` sites (from kSites[first]) of `articles` pages each, without line breaks, every page opening
// with the site's trail to the article (its section varies) run into the headline and the text.
void AddDeskSites(size_t first, size_t sites, size_t articles, std::vector<Doc>* docs) {
  for (size_t s = first; s < first + sites; ++s) {
    for (size_t a = 0; a < articles; ++a) {
      const size_t k = (a + s) % kArticleCount;
      const std::string lead =
          std::string(kSites[s]) + " Desk :: " + kSections[k] + " :: " + kArticles[k].title + " ";
      docs->push_back(
          {lead + kArticles[k].text, kArticles[k].title, std::string(kSites[s]) + "desk.example"});
    }
  }
}

// A site with one page (it learns nothing of its own) that opens with the desk sites' trail.
Doc LonePierPage() {
  return {std::string("Pier Desk :: Food :: ") + kArticles[5].title + " " + kArticles[5].text,
          kArticles[5].title, "pierdesk.example"};
}

TEST(BoilerplateCrossHeadTest, AHeadLeadInThreeSitesLearnedOpensALoneSitesPage) {
  std::vector<Doc> docs;
  AddDeskSites(0, 3, 4, &docs);
  docs.push_back(LonePierPage());
  const BoilerplateResult r = Find(docs);
  for (size_t d = 0; d < docs.size(); ++d) {
    const std::string clean = Clean(docs[d], r, d);
    EXPECT_EQ(clean.find("Desk ::"), std::string::npos) << d << ": " << clean;
  }
  EXPECT_EQ(Clean(docs.back(), r, docs.size() - 1),
            std::string(" ") + kArticles[5].text);  // as after a trail a rule takes
}

TEST(BoilerplateCrossHeadTest, AShapeOnlyTwoSitesLearnedStays) {
  // Two sites are not enough: what two sources share may be one syndication partner's habit.
  std::vector<Doc> docs;
  AddDeskSites(0, 2, 4, &docs);
  docs.push_back(LonePierPage());
  const BoilerplateResult r = Find(docs);
  EXPECT_EQ(Clean(docs.back(), r, docs.size() - 1), docs.back().text);
}

TEST(BoilerplateCrossHeadTest, AShapeThatOpensMorePagesAsTheirOwnWordsStays) {
  // Three sites teach the trail (nine pages); a review syndicated to twelve sites of one article each
  // opens with the book's name before its headline, the same shape with names masked: the shape is
  // furniture in fewer than half of the pages where it opens the text, and the review keeps its words.
  std::vector<Doc> docs;
  AddDeskSites(0, 3, 3, &docs);
  const std::string review =
      "Salt Roads :: Poems from the ferries Poems about the ferry crossings fill the first half of the "
      "collection. The author worked on the boats for twenty years before she wrote a line. Readers who "
      "know the crossing will recognise every gull and every rope in it.";
  for (int s = 0; s < 12; ++s) {
    docs.push_back({review, "Poems from the ferries", "review" + std::to_string(s) + ".example"});
  }
  const BoilerplateResult r = Find(docs);
  for (size_t d = 9; d < docs.size(); ++d) EXPECT_EQ(Clean(docs[d], r, d), review) << d;
}

// Reporters of the sites below, one per page.
const char* const kReporters[] = {"Ivo Marsh", "Nell Arden", "Bram Colt", "Edda Prys", "Owen Tarr"};

// `sites` sites of `articles` pages each, without line breaks, every page opening with the site's
// dispatch line: a reporter's name and job title, run into the article's first sentence. The lead-in
// ends after a capitalized word ("Correspondent") inside a run of them that names masking takes for one
// name ("<Name> Harbour Correspondent Ferry").
void AddDispatchSites(size_t sites, size_t articles, std::vector<Doc>* docs) {
  for (size_t s = 0; s < sites; ++s) {
    for (size_t a = 0; a < articles; ++a) {
      const size_t k = (a + s) % kArticleCount;
      const std::string lead =
          std::string("Quay dispatch: ") + kReporters[(a + 2 * s) % 5] + " Harbour Correspondent ";
      docs->push_back(
          {lead + kArticles[k].text, kArticles[k].title, std::string(kSites[s]) + "post.example"});
    }
  }
}

// An article whose first sentence opens with a two-word name.
constexpr const char* kSkipper =
    "Tamsin Vey, skipper of the morning ferry, counted forty gulls on the rail before the crossing. She "
    "said the birds follow the boat for the scraps the deckhands throw from the stern. Passengers are "
    "asked not to feed them.";

TEST(BoilerplateCrossHeadTest, ALeadInEndingWithAJobTitleKeepsTheNameThatOpensTheSentence) {
  // Three sites teach a lead-in that ends with the job title, before the first sentence's first word.
  // A lone site's page has it before a sentence that opens with a name: the cut goes after the title,
  // where the other sites' lead-ins end, and the name stays whole ("Tamsin Vey, skipper ...").
  std::vector<Doc> docs;
  AddDispatchSites(3, 4, &docs);
  docs.push_back({std::string("Quay dispatch: Tess Hale Harbour Correspondent ") + kSkipper,
                  "Gulls follow the morning ferry", "pierpost.example"});
  const BoilerplateResult r = Find(docs);
  for (size_t d = 0; d + 1 < docs.size(); ++d) {
    const std::string clean = Clean(docs[d], r, d);
    EXPECT_EQ(clean.find("Correspondent"), std::string::npos) << d << ": " << clean;
  }
  EXPECT_EQ(Clean(docs.back(), r, docs.size() - 1), kSkipper);
}

TEST(BoilerplateCrossHeadTest, ARunOfNamesWithoutTheLearnedTitleWordIsNotCut) {
  // The same shape with names masked, but the run ends with another word: which of its capitalized
  // words ends the furniture and which opens the sentence, the other sites do not say, and the
  // template alone would cut at its last bound, inside the name ("Tamsin | Vey, skipper ..."). The page
  // keeps its words.
  std::vector<Doc> docs;
  AddDispatchSites(3, 4, &docs);
  const std::string page = std::string("Quay dispatch: Tess Hale Harbour Pilot ") + kSkipper;
  docs.push_back({page, "Gulls follow the morning ferry", "pierpost.example"});
  const BoilerplateResult r = Find(docs);
  EXPECT_EQ(Clean(docs.back(), r, docs.size() - 1), page);
}

}  // namespace
}  // namespace neardup
