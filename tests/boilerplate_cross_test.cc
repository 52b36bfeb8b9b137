// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Boilerplate learned across sources and furniture recognised by its neighbours: a site with one article
// strips a slogan line other sites of the same shape taught (names masked), and a line no rule knows
// between two pieces of furniture; what sources share as content (a syndicated paragraph, a stock
// sentence, a subheading, a short closing paragraph) stays. Every text here is made up for the test.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pipeline/boilerplate/boilerplate.h"
#include "pipeline/boilerplate/templates.h"
#include "tests/boilerplate_test_util.h"

namespace neardup {
namespace {

using boilerplate_internal::MaskUnit;
using boilerplate_internal::TitleMask;

// The text of each span of document `doc`, with its reason.
std::vector<std::pair<std::string, std::string>> SpanTexts(const std::vector<Doc>& docs, const BoilerplateResult& r,
                                                           size_t doc) {
  std::vector<std::pair<std::string, std::string>> out;
  const std::string& text = docs[doc].text;
  for (const BoilerplateSpan& s : r.spans[doc]) {
    const std::string from_start = RemoveSpans(text, {{0, s.start, 0, 0}});
    const std::string from_end = RemoveSpans(text, {{0, s.end, 0, 0}});
    out.emplace_back(from_start.substr(0, from_start.size() - from_end.size()), r.reasons[s.reason]);
  }
  return out;
}

bool Stripped(const std::vector<Doc>& docs, const BoilerplateResult& r, size_t doc, const std::string& line) {
  for (const auto& [text, reason] : SpanTexts(docs, r, doc)) {
    if (text.find(line) != std::string::npos) return true;
  }
  return false;
}

std::string ReasonOf(const std::vector<Doc>& docs, const BoilerplateResult& r, size_t doc, const std::string& line) {
  for (const auto& [text, reason] : SpanTexts(docs, r, doc)) {
    if (text.find(line) != std::string::npos) return reason;
  }
  return "";
}

// Distinct invented article paragraphs.
std::string Paragraph(const std::string& site, int article, int k) {
  static const char* const kVerbs[] = {"weighed", "postponed", "reviewed", "questioned", "welcomed", "opposed"};
  static const char* const kThings[] = {"the ferry timetable", "a grain levy", "the bridge tolls", "the orchard census",
                                        "a harbour dredging plan", "the moorland fencing"};
  return "Delegates in " + site + " " + kVerbs[(article + k) % 6] + " " + kThings[(article * 5 + k) % 6] +
         " on session " + std::to_string(article * 10 + k) + ", and members of panel " + std::string(1, 'A' + k) +
         std::to_string(article) + " asked for figures on " + kThings[(article + 2 * k + 1) % 6] + " before voting.";
}

// Headlines that differ in words (numbers are masked), one per article number.
std::string Headline(const std::string& site, int article) {
  static const char* const kWhat[] = {"Ferry", "Levy", "Bridge", "Orchard", "Harbour", "Moorland", "Quarry"};
  static const char* const kHow[] = {"plan delayed", "vote called", "repairs approved", "census begins", "talks stall"};
  return site + " " + kWhat[article % 7] + " " + kHow[(article / 7) % 5];
}

// Page `a` of site `name`: `head`, the article's four paragraphs (`after_first` between the first and
// the second), `tail`, then the site's copyright line.
Doc SitePage(const std::string& name, int a, const std::string& head, const std::string& after_first,
             const std::string& tail) {
  Doc d;
  d.source = name;
  d.title = Headline(name, a);
  d.text = head + Paragraph(name, a, 0) + "\n\n" + after_first;
  for (int k = 1; k < 4; ++k) d.text += Paragraph(name, a, k) + "\n\n";
  d.text += tail + "\xC2\xA9 2026 The " + name + " Clarion. All rights reserved.\n";
  return d;
}

// A site: `articles` pages, each with a slogan of one shape (the site's name in it) at the head and a
// copyright line at the end, around distinct articles.
void AddSite(const std::string& name, int articles, std::vector<Doc>* docs, int first_article = 0) {
  for (int a = first_article; a < first_article + articles; ++a) {
    const std::string slogan =
        "The " + name + " Clarion \xE2\x80\x94 plain reporting from the " + name + " fells";
    docs->push_back(SitePage(name, a, slogan + "\n\n" + Headline(name, a) + "\n\n", "", ""));
  }
}

TEST(BoilerplateCrossSiteTest, NamesAreMaskedInTheCrossSiteTemplate) {
  const TitleMask none;
  const auto a = MaskUnit("The Alder Clarion \xE2\x80\x94 plain reporting from the Alder fells", none);
  const auto b = MaskUnit("The Mossbank Clarion \xE2\x80\x94 plain reporting from the Mossbank fells", none);
  EXPECT_NE(a.key, b.key);
  EXPECT_EQ(a.cross_key, b.cross_key);
  EXPECT_NE(a.cross_key, 0u);
  // A sentence's first word is not a name; a line of names only has no such template.
  EXPECT_NE(MaskUnit("Delegates weighed the levy", none).cross_key,
            MaskUnit("Officials weighed the levy", none).cross_key);
  EXPECT_EQ(MaskUnit("Sign Up For Updates", none).cross_key, 0u);
  EXPECT_EQ(MaskUnit("Greta Holm desk", none).cross_key, MaskUnit("Ilse Varga Metro desk", none).cross_key);
  EXPECT_EQ(MaskUnit("Greta Holm desk", none).cross_words, 1u);
}

TEST(BoilerplateCrossSiteTest, ASiteWithOneArticleStripsWhatOtherSitesLearned) {
  std::vector<Doc> docs;
  for (const std::string site : {"Alder", "Birchmoor", "Cotterdale", "Dunmere"}) AddSite(site, 4, &docs);
  AddSite("Mossbank", 1, &docs);
  const BoilerplateResult r = Find(docs);
  const size_t lone = docs.size() - 1;
  const std::string slogan = "The Mossbank Clarion \xE2\x80\x94 plain reporting from the Mossbank fells";
  ASSERT_TRUE(Stripped(docs, r, lone, slogan));
  // Learned as furniture in the sixteen pages of four other sites.
  EXPECT_EQ(ReasonOf(docs, r, lone, slogan), "repeated:16");
  for (int k = 0; k < 4; ++k) EXPECT_FALSE(Stripped(docs, r, lone, Paragraph("Mossbank", 0, k)));
}

TEST(BoilerplateCrossSiteTest, ALineOfOneWordBesideNumbersIsCarriedAcrossSites) {
  // "Issue <n> · <day>" under each site's header: one word once numbers and days are masked, enough for a
  // line of its own; the lone site's article keeps a sentence of one word beside a number.
  std::vector<Doc> docs;
  int issue = 100;
  for (const std::string site : {"Alder", "Birchmoor", "Cotterdale", "Dunmere", "Mossbank"}) {
    const int articles = site == "Mossbank" ? 1 : 4;
    for (int a = 0; a < articles; ++a) {
      Doc d;
      d.source = site;
      d.title = Headline(site, a);
      d.text = "\xC2\xA9 2026 The " + site + " Clarion. All rights reserved.\nIssue " + std::to_string(++issue) +
               " \xC2\xB7 Tuesday\n\n" + d.title + "\n\n";
      for (int k = 0; k < 3; ++k) d.text += Paragraph(site, a, k) + "\n\n";
      d.text += "Twelve.\n\nShare this article\n";
      docs.push_back(d);
    }
  }
  const BoilerplateResult r = Find(docs);
  const size_t lone = docs.size() - 1;
  EXPECT_EQ(ReasonOf(docs, r, lone, "Issue 117"), "repeated:16");
  EXPECT_FALSE(Stripped(docs, r, lone, "Twelve."));
}

TEST(BoilerplateCrossSiteTest, ALearnedLineInTheMiddleOfAnArticleIsNotTaken) {
  // The slogan's shape, but in the middle of the lone site's article, far from any furniture.
  std::vector<Doc> docs;
  for (const std::string site : {"Alder", "Birchmoor", "Cotterdale", "Dunmere"}) AddSite(site, 4, &docs);
  Doc d;
  d.source = "Mossbank";
  d.title = "Mossbank council story";
  d.text = d.title + "\n\n" + Paragraph("Mossbank", 0, 0) + "\n\n" + Paragraph("Mossbank", 0, 1) +
           "\n\nThe Mossbank Clarion \xE2\x80\x94 plain reporting from the Mossbank fells\n\n" +
           Paragraph("Mossbank", 0, 2) + "\n\n" + Paragraph("Mossbank", 0, 3) + "\n";
  docs.push_back(d);
  const BoilerplateResult r = Find(docs);
  EXPECT_TRUE(r.spans.back().empty());
}

TEST(BoilerplateCrossSiteTest, SyndicatedParagraphsAndStockSentencesStay) {
  std::vector<Doc> docs;
  // Three sites end three of their articles with one stock sentence, right above the footer: they learn
  // it as furniture (a known cost, RULES.md). Ten other pages use it inside their articles, and a
  // syndicated paragraph runs, last, on eight sites.
  const std::string stock = "Nobody was hurt in the incident.";
  const std::string wire =
      "The regional ferry operator said on Tuesday that crossings to the northern islands would resume "
      "once inspectors had signed off on the repaired loading ramps.";
  for (const std::string site : {"Alder", "Birchmoor", "Cotterdale"}) {
    for (int a = 0; a < 3; ++a) {
      Doc d;
      d.source = site;
      d.title = Headline(site, a);
      d.text = d.title + "\n\n" + Paragraph(site, a, 0) + "\n\n" + Paragraph(site, a, 1) + "\n\n" + stock +
               "\n\n\xC2\xA9 2026 The " + site + " Clarion. All rights reserved.\n";
      docs.push_back(d);
    }
  }
  for (int a = 0; a < 10; ++a) {
    Doc d;
    d.source = "Wide" + std::to_string(a);
    d.title = Headline("Wide", a);
    d.text = d.title + "\n\n" + Paragraph("Wide", a, 0) + "\n\n" + stock + " " + Paragraph("Wide", a, 1) +
             "\n\n" + stock + "\n\n" + Paragraph("Wide", a, 2) + "\n";
    docs.push_back(d);
  }
  for (int s = 0; s < 8; ++s) {
    Doc d;
    d.source = "Wire" + std::to_string(s);
    d.title = "Ferry crossings to resume";
    d.text = d.title + "\n\n" + Paragraph("Wire", s, 0) + "\n\n" + wire + "\n\n\xC2\xA9 2026 Wire" +
             std::to_string(s) + " Media. All rights reserved.\n";
    docs.push_back(d);
  }
  Doc lone;
  lone.source = "Mossbank";
  lone.title = "Mossbank council story";
  lone.text = lone.title + "\n\n" + Paragraph("Mossbank", 0, 0) + "\n\n" + wire + "\n\n" + stock +
              "\n\n\xC2\xA9 2026 The Mossbank Clarion. All rights reserved.\n";
  docs.push_back(lone);
  const BoilerplateResult r = Find(docs);
  for (size_t d = 9; d < docs.size(); ++d) {
    EXPECT_FALSE(Stripped(docs, r, d, stock)) << docs[d].text;
    EXPECT_FALSE(Stripped(docs, r, d, wire)) << docs[d].text;
  }
}

TEST(BoilerplateCrossSiteTest, ALineWhoseNamesVaryIsLearnedWithNamesMasked) {
  // Every page has a desk line whose reporter and section vary (no two pages share it word for word), and
  // ends with a sentence of one shape whose names vary: the line is furniture, the sentence is not.
  static const char* const kPeople[] = {"Ilse Varga", "Tobias Fenn", "Greta Holm", "Oskar Brandt", "Clara Novak"};
  static const char* const kDesks[] = {"Metro", "Harbour", "Valley", "Courts", "Schools"};
  std::vector<Doc> docs;
  for (int a = 0; a < 5; ++a) {
    Doc d;
    d.source = "fenwick";
    d.title = Headline("Fenwick", a);
    d.text = std::string(kPeople[a]) + " filing for the " + kDesks[a] + " pages\n\n" + d.title + "\n\n";
    for (int k = 0; k < 3; ++k) d.text += Paragraph("Fenwick", a, k) + "\n\n";
    d.text += std::string(kPeople[(a + 2) % 5]) + " spoke to the " + kDesks[(a + 1) % 5] + " committee.\n\n";
    d.text += "\xC2\xA9 2026 Fenwick Weekly. All rights reserved.\n";
    docs.push_back(d);
  }
  const BoilerplateResult r = Find(docs);
  for (size_t d = 0; d < docs.size(); ++d) {
    EXPECT_EQ(ReasonOf(docs, r, d, std::string(kPeople[d]) + " filing for the"), "repeated:5");
    EXPECT_FALSE(Stripped(docs, r, d, " spoke to the ")) << docs[d].text;
  }
}

TEST(BoilerplateCrossSiteTest, ALeadInThatOpensMostArticlesIsLearnedWithNamesMasked) {
  // Four of five articles open with the site's lead-in naming a varying source; the fifth opens with a
  // phrase ending in a comma too, as articles do.
  static const char* const kAgencies[] = {"Coast Radio", "Valley Wire", "Northern Desk", "Island Post"};
  std::vector<Doc> docs;
  for (int a = 0; a < 5; ++a) {
    Doc d;
    d.source = "fenwick";
    d.title = Headline("Fenwick", a);
    const std::string lead =
        a < 4 ? "As the Fenwick Weekly learned from " + std::string(kAgencies[a]) + ", " : "In a short statement, ";
    d.text = d.title + "\n\n" + lead + "d" + Paragraph("Fenwick", a, 0).substr(1) + "\n\n";
    for (int k = 1; k < 4; ++k) d.text += Paragraph("Fenwick", a, k) + "\n\n";
    d.text += "\xC2\xA9 2026 Fenwick Weekly. All rights reserved.\n";
    docs.push_back(d);
  }
  const BoilerplateResult r = Find(docs);
  for (int a = 0; a < 4; ++a) {
    const auto spans = SpanTexts(docs, r, static_cast<size_t>(a));
    ASSERT_EQ(spans.size(), 2u);
    EXPECT_EQ(spans[0].first, "As the Fenwick Weekly learned from " + std::string(kAgencies[a]) + ", ");
    EXPECT_EQ(spans[0].second, "repeated:4");
  }
  EXPECT_EQ(SpanTexts(docs, r, 4).size(), 1u);  // the copyright line only
}

TEST(BoilerplateCrossSiteTest, AQuoteThatOpensMostArticlesIsNotALeadIn) {
  static const char* const kPeople[] = {"Ilse Varga", "Tobias Fenn", "Greta Holm", "Oskar Brandt", "Clara Novak"};
  std::vector<Doc> docs;
  for (int a = 0; a < 5; ++a) {
    Doc d;
    d.source = "fenwick";
    d.title = Headline("Fenwick", a);
    d.text = d.title + "\n\n\"We will appeal,\" said " + std::string(kPeople[a]) + ", as d" +
             Paragraph("Fenwick", a, 0).substr(1) + "\n\n";
    for (int k = 1; k < 4; ++k) d.text += Paragraph("Fenwick", a, k) + "\n\n";
    d.text += "\xC2\xA9 2026 Fenwick Weekly. All rights reserved.\n";
    docs.push_back(d);
  }
  const BoilerplateResult r = Find(docs);
  for (size_t d = 0; d < docs.size(); ++d) EXPECT_EQ(SpanTexts(docs, r, d).size(), 1u) << SpanTexts(docs, r, d)[0].first;
}

TEST(BoilerplateCrossSiteTest, AShortLineThatRecursInTheMiddleOfArticlesIsFurniture) {
  // A promotion line no rule knows, in the middle of three of five articles; each article has a
  // subheading of its own, and a stock sentence (ending like one) in the middle of three.
  static const char* const kSubheads[] = {"What the levy pays for", "Who pays the tolls", "The orchard count",
                                          "Dredging the harbour", "Fences on the moor"};
  const std::string promo = "Our reporting is funded by readers like you";
  const std::string stock = "The inquiry is continuing.";
  std::vector<Doc> docs;
  for (int a = 0; a < 5; ++a) {
    Doc d;
    d.source = "fenwick";
    d.title = Headline("Fenwick", a);
    d.text = d.title + "\n\n" + Paragraph("Fenwick", a, 0) + "\n\n" + (a < 3 ? promo + "\n\n" : "") +
             Paragraph("Fenwick", a, 1) + "\n\n" + kSubheads[a] + "\n\n" + Paragraph("Fenwick", a, 2) + "\n\n" +
             (a >= 2 ? stock + "\n\n" : "") + Paragraph("Fenwick", a, 3) + "\n";
    docs.push_back(d);
  }
  const BoilerplateResult r = Find(docs);
  for (size_t d = 0; d < docs.size(); ++d) {
    const auto spans = SpanTexts(docs, r, d);
    ASSERT_EQ(spans.size(), d < 3 ? 1u : 0u);
    if (d < 3) {
      EXPECT_EQ(spans[0], std::make_pair(promo + "\n\n", std::string("repeated:3")));
    }
  }
}

TEST(BoilerplateCrossSiteTest, LearnedFurnitureGluedToASentenceIsCutOff) {
  // A page without line breaks whose slogan (learned on four other sites) runs into its first sentence,
  // and whose last sentence opens with words a slogan also starts with.
  std::vector<Doc> docs;
  for (const std::string site : {"Alder", "Birchmoor", "Cotterdale", "Dunmere"}) AddSite(site, 4, &docs);
  Doc d;
  d.source = "Mossbank";
  d.title = Headline("Mossbank", 0);
  const std::string slogan = "The Mossbank Clarion \xE2\x80\x94 plain reporting from the Mossbank fells";
  const std::string last = "The Mossbank Clarion reported from the fells twice, and the council took note.";
  d.text = slogan + " " + Paragraph("Mossbank", 0, 0) + " " + Paragraph("Mossbank", 0, 1) + " " + last + "\n";
  docs.push_back(d);
  const BoilerplateResult r = Find(docs);
  const std::string clean = RemoveSpans(docs.back().text, r.spans.back());
  EXPECT_EQ(clean, Paragraph("Mossbank", 0, 0) + " " + Paragraph("Mossbank", 0, 1) + " " + last + "\n");
  EXPECT_EQ(ReasonOf(docs, r, docs.size() - 1, slogan), "repeated:16");
}

// ---------------------------------------------------------------- between two pieces of furniture

TEST(BoilerplateAdjacentTest, ALineNoRuleKnowsBetweenFurnitureIsStripped) {
  const std::vector<Doc> docs = {
      {"Home \xC2\xBB Politics \xC2\xBB Quarry permit hearing moved to spring\n"
       "Fenwick Weekly: the valley's own paper\n"
       "By Ilse Varga | March 3, 2026\n\n"
       "Quarry permit hearing moved to spring\n\n" +
           Paragraph("Fenwick", 0, 0) + "\n\n" + Paragraph("Fenwick", 0, 1) +
           "\n\nShare this article\n"
           "Tips and corrections go to the night desk\n"
           "\xC2\xA9 2026 Fenwick Weekly. All rights reserved.\n",
       "Quarry permit hearing moved to spring", "fenwick"}};
  const BoilerplateResult r = Find(docs);
  EXPECT_EQ(ReasonOf(docs, r, 0, "Fenwick Weekly: the valley's own paper"), "rule:adjacent");
  EXPECT_EQ(ReasonOf(docs, r, 0, "Tips and corrections go to the night desk"), "rule:adjacent");
  EXPECT_FALSE(Stripped(docs, r, 0, Paragraph("Fenwick", 0, 1)));
  bool listed = false;
  for (const BoilerplatePattern& p : r.patterns) listed |= p.reason == "rule:adjacent" && p.pattern == "adjacent";
  EXPECT_TRUE(listed);
}

TEST(BoilerplateAdjacentTest, SubheadingsAndShortParagraphsNextToFurnitureStay) {
  const std::string dek = "What the new permit means for the valley";
  const std::string closing = "More hearings are planned";
  const std::string between = "Residents weigh in";
  const std::vector<Doc> docs = {
      // A dek between the headline and a byline; a closing line right above the footer.
      {"Quarry permit hearing moved to spring\n\n" + dek + "\n\nBy Ilse Varga | March 3, 2026\n\n" +
           Paragraph("Fenwick", 0, 0) + "\n\n" + Paragraph("Fenwick", 0, 1) + "\n\n" + closing +
           "\n\nShare this article\n\xC2\xA9 2026 Fenwick Weekly. All rights reserved.\n",
       "Quarry permit hearing moved to spring", "fenwick"},
      // A subheading between an advertisement and the article's text; two short paragraphs of the
      // article's in a row between two pieces of furniture (lines that end like sentences: a run of
      // short lines that do not, such as a box of links, is furniture there).
      {"Harbour levy vote delayed again\n\n" + Paragraph("Fenwick", 1, 0) + "\n\nADVERTISEMENT\n\n" + between +
           "\n\n" + Paragraph("Fenwick", 1, 1) + "\n\nShare this article\nA note from the editors follows.\n"
           "Corrections policy and contacts are below.\n\xC2\xA9 2026 Fenwick Weekly. All rights reserved.\n",
       "Harbour levy vote delayed again", "fenwick2"}};
  const BoilerplateResult r = Find(docs);
  EXPECT_FALSE(Stripped(docs, r, 0, dek));
  EXPECT_FALSE(Stripped(docs, r, 0, closing));
  EXPECT_TRUE(Stripped(docs, r, 0, "Share this article"));
  EXPECT_FALSE(Stripped(docs, r, 1, between));
  EXPECT_FALSE(Stripped(docs, r, 1, "A note from the editors"));
  EXPECT_FALSE(Stripped(docs, r, 1, "Corrections policy and contacts"));
}

// Sites whose pages open with a section trail that ends with the headline, in a shape no rule knows
// ("<Section> · <Desk> · <title>"), the section varying from page to page.
void AddTrailSite(const std::string& name, int articles, std::vector<Doc>* docs, bool trail_in_middle = false) {
  static const char* const kSections[] = {"Weather", "Farming", "Transport", "Schools", "Courts"};
  static const char* const kDesks[] = {"North", "Valley", "Coast"};
  for (int a = 0; a < articles; ++a) {
    const std::string title = Headline(name, a);
    const std::string trail =
        std::string(kSections[(a + name.size()) % 5]) + " \xC2\xB7 " + kDesks[a % 3] + " \xC2\xB7 " + title;
    docs->push_back(trail_in_middle ? SitePage(name, a, title + "\n\n", trail + "\n\n", "")
                                    : SitePage(name, a, trail + "\n\n", "", ""));
  }
}

TEST(BoilerplateCrossSiteTest, ATrailEndingWithTheHeadlineIsCarriedAcrossSites) {
  // Every word of the trail but the headline is a name: its template with names masked is
  // "<name> <title>", which the four sites with four pages learn, and the lone site's page then sheds.
  std::vector<Doc> docs;
  for (const std::string site : {"Alder", "Birchmoor", "Cotterdale", "Dunmere"}) AddTrailSite(site, 4, &docs);
  AddTrailSite("Mossbank", 1, &docs);
  const BoilerplateResult r = Find(docs);
  const size_t lone = docs.size() - 1;
  EXPECT_TRUE(Stripped(docs, r, lone, " \xC2\xB7 North \xC2\xB7 " + docs[lone].title)) << docs[lone].text;
  for (int k = 0; k < 4; ++k) EXPECT_FALSE(Stripped(docs, r, lone, Paragraph("Mossbank", 0, k)));
}

TEST(BoilerplateCrossSiteTest, ATrailShapedLineInTheMiddleOfAnArticleStays) {
  // The same shape between two paragraphs of the lone site's article, far from any furniture.
  std::vector<Doc> docs;
  for (const std::string site : {"Alder", "Birchmoor", "Cotterdale", "Dunmere"}) AddTrailSite(site, 4, &docs);
  AddTrailSite("Mossbank", 1, &docs, /*trail_in_middle=*/true);
  const BoilerplateResult r = Find(docs);
  const size_t lone = docs.size() - 1;
  EXPECT_FALSE(Stripped(docs, r, lone, " \xC2\xB7 North \xC2\xB7 " + docs[lone].title)) << docs[lone].text;
}

// Sites whose articles open with a lead-in no rule knows, in one shape with the site's own name and an
// agency's in it; `lead_paragraph` is the paragraph it opens (0: the first).
void AddLeadInSite(const std::string& name, int articles, std::vector<Doc>* docs, int lead_paragraph = 0) {
  static const char* const kAgencies[] = {"Valley Press", "Coast Wire", "Northern Radio"};
  for (int a = 0; a < articles; ++a) {
    Doc d;
    d.source = name;
    d.title = Headline(name, a);
    d.text = d.title + "\n\n";
    for (int k = 0; k < 4; ++k) {
      std::string p = Paragraph(name, a, k);
      if (k == lead_paragraph) {
        p[0] = 'd';  // "delegates in ...", as the lead-in runs into the sentence
        p = "The " + name + " Clarion learned from " + kAgencies[(a + k) % 3] + ", " + p;
      }
      d.text += p + "\n\n";
    }
    docs->push_back(d);
  }
}

TEST(BoilerplateCrossSiteTest, ALeadInLearnedOnSeveralSitesOpensALoneSitesArticle) {
  std::vector<Doc> docs;
  for (const std::string site : {"Alder", "Birchmoor", "Cotterdale", "Dunmere"}) AddLeadInSite(site, 4, &docs);
  AddLeadInSite("Mossbank", 1, &docs);
  const BoilerplateResult r = Find(docs);
  const size_t lone = docs.size() - 1;
  EXPECT_TRUE(Stripped(docs, r, lone, "The Mossbank Clarion learned from Valley Press, ")) << docs[lone].text;
  EXPECT_FALSE(Stripped(docs, r, lone, "delegates in Mossbank"));
}

TEST(BoilerplateCrossSiteTest, ALeadInShapeLaterInALoneSitesArticleStays) {
  // The same shape opening the lone site's third paragraph is the article's sentence, not its lead-in.
  std::vector<Doc> docs;
  for (const std::string site : {"Alder", "Birchmoor", "Cotterdale", "Dunmere"}) AddLeadInSite(site, 4, &docs);
  AddLeadInSite("Mossbank", 1, &docs, /*lead_paragraph=*/2);
  const BoilerplateResult r = Find(docs);
  const size_t lone = docs.size() - 1;
  EXPECT_FALSE(Stripped(docs, r, lone, "The Mossbank Clarion learned from")) << docs[lone].text;
}

TEST(BoilerplateCrossSiteTest, APrepositionOpeningALineIsNoName) {
  // "By <Name>": the names vary, "by" stays, so bylines of one shape share a template; "The <Name>" is a
  // name as before.
  const TitleMask none;
  const auto a = MaskUnit("By Greta Holm, Staff Writer", none);
  const auto b = MaskUnit("By Ilse Varga, Staff Writer", none);
  EXPECT_EQ(a.cross_key, b.cross_key);
  EXPECT_NE(a.cross_key, 0u);
  EXPECT_EQ(a.cross_words, 1u);
  EXPECT_EQ(MaskUnit("The Alder Clarion", none).cross_key, 0u);
}

// Sites whose pages open with a byline of one shape, the author varying; with the byline rules off, only
// what was learned can take it. `byline_in_middle`: between two paragraphs instead.
std::vector<Doc> BylineSites(bool byline_in_middle) {
  static const char* const kAuthors[] = {"Greta Holm", "Ilse Varga", "Tobias Fenn", "Mara Quill", "Lena Okafor"};
  std::vector<Doc> docs;
  for (const std::string site : {"Alder", "Birchmoor", "Cotterdale", "Dunmere", "Mossbank"}) {
    const int articles = site == "Mossbank" ? 1 : 4;
    for (int a = 0; a < articles; ++a) {
      Doc d;
      d.source = site;
      d.title = Headline(site, a);
      const std::string byline = std::string("By ") + kAuthors[(a + site.size()) % 5] + ", Staff Writer";
      d.text = byline_in_middle && site == "Mossbank" ? d.title + "\n\n" + Paragraph(site, a, 0) + "\n\n" + byline + "\n\n"
                                                      : byline + "\n\n" + d.title + "\n\n" + Paragraph(site, a, 0) + "\n\n";
      for (int k = 1; k < 4; ++k) d.text += Paragraph(site, a, k) + "\n\n";
      d.text += "\xC2\xA9 2026 The " + site + " Clarion. All rights reserved.\n";
      docs.push_back(d);
    }
  }
  return docs;
}

BoilerplateResult FindWithout(const std::vector<Doc>& docs, const std::string& disabled) {
  std::vector<BoilerplateInput> in;
  for (const Doc& d : docs) in.push_back({d.text, d.title, d.source});
  BoilerplateOptions options;
  options.disabled_rules = {disabled};
  BoilerplateResult r;
  EXPECT_TRUE(FindBoilerplate(in, options, &r).ok());
  return r;
}

TEST(BoilerplateCrossSiteTest, ABylineNoRuleKnowsIsCarriedAcrossSites) {
  const std::vector<Doc> docs = BylineSites(false);
  const BoilerplateResult r = FindWithout(docs, "byline");
  const size_t lone = docs.size() - 1;
  EXPECT_TRUE(Stripped(docs, r, lone, ", Staff Writer")) << docs[lone].text;
}

TEST(BoilerplateCrossSiteTest, ABylineShapeInTheMiddleOfAnArticleStays) {
  const std::vector<Doc> docs = BylineSites(true);
  const BoilerplateResult r = FindWithout(docs, "byline");
  const size_t lone = docs.size() - 1;
  EXPECT_FALSE(Stripped(docs, r, lone, ", Staff Writer")) << docs[lone].text;
}

// A page whose tail has a box of short lines no rule knows (three headlines) under a share prompt,
// then, unless `at_end`, the copyright line.
Doc BoxPage(size_t lines, bool at_end) {
  static const char* const kLinks[] = {"Harbour master retires after forty years", "Island school gets a new roof",
                                       "Quay market moves indoors for the winter", "Lifeboat crew wins a medal",
                                       "Tide tables for the spring", "Pier railings to be replaced"};
  Doc d;
  d.source = "isles";
  d.title = "Ferry crews vote to end the winter strike";
  d.text = d.title + "\n\n" + Paragraph("Mossbank", 0, 0) + "\n\n" + Paragraph("Mossbank", 0, 1) +
           "\n\nShare this article\n";
  for (size_t k = 0; k < lines; ++k) d.text += std::string(kLinks[k]) + "\n";
  if (!at_end) d.text += "\xC2\xA9 2026 The Island Post. All rights reserved.\n";
  return d;
}

TEST(BoilerplateCrossSiteTest, ABoxOfShortLinesBetweenTwoPiecesOfFurnitureIsTaken) {
  for (const bool at_end : {false, true}) {
    const std::vector<Doc> docs = {BoxPage(3, at_end)};
    const BoilerplateResult r = Find(docs);
    EXPECT_TRUE(Stripped(docs, r, 0, "Island school gets a new roof")) << at_end;
    EXPECT_TRUE(Stripped(docs, r, 0, "Harbour master retires after forty years")) << at_end;
    EXPECT_FALSE(Stripped(docs, r, 0, Paragraph("Mossbank", 0, 1))) << at_end;
  }
}

TEST(BoilerplateCrossSiteTest, ALongerListOrOneLineAtTheEndStays) {
  // Six short lines are no box of links; one line closing the page under furniture may be the
  // article's own.
  const std::vector<Doc> docs = {BoxPage(6, false), BoxPage(1, true)};
  const BoilerplateResult r = Find(docs);
  EXPECT_FALSE(Stripped(docs, r, 0, "Lifeboat crew wins a medal"));
  EXPECT_FALSE(Stripped(docs, r, 1, "Harbour master retires after forty years"));
}

// A headline of a box's link, in words that rarely recur from page to page.
std::string BoxLink(const std::string& site, int article, int j) {
  static const char* const kWho[] = {"ferrymen", "beekeepers", "cyclists", "anglers", "choirs", "bakers", "rowers"};
  static const char* const kWhat[] = {"lament", "celebrate", "rethink", "map", "rebuild", "count", "defend"};
  static const char* const kWhere[] = {"old quays", "hill farms", "tide pools", "village greens", "salt marshes"};
  const size_t k = site.size() * 7 + static_cast<size_t>(article) * 3 + static_cast<size_t>(j);
  return std::string("How ") + kWho[k % 7] + " " + kWhat[(k / 7) % 7] + " the " + kWhere[(k / 3) % 5];
}

// Sites whose pages end with a box no rule knows: a header line, headlines, then the copyright line.
void AddBoxSite(const std::string& name, int articles, std::vector<Doc>* docs) {
  for (int a = 0; a < articles; ++a) {
    std::string box = "Elsewhere on the site\n";
    for (int j = 0; j < 3; ++j) box += BoxLink(name, a, j) + "\n";
    docs->push_back(SitePage(name, a, Headline(name, a) + "\n\n", "", box));
  }
}

TEST(BoilerplateCrossSiteTest, ABoxHeaderOtherSitesTaughtIsTakenAboveItsLinks) {
  // On the lone site, the header is furniture by what the other sites learned; it sits above its links,
  // short lines that do not end the tail zone, and the links are then a run between two pieces of
  // furniture.
  std::vector<Doc> docs;
  for (const std::string site : {"Alder", "Birchmoor", "Cotterdale", "Dunmere"}) AddBoxSite(site, 4, &docs);
  AddBoxSite("Mossbank", 1, &docs);
  const BoilerplateResult r = Find(docs);
  const size_t lone = docs.size() - 1;
  EXPECT_TRUE(Stripped(docs, r, lone, "Elsewhere on the site")) << docs[lone].text;
  EXPECT_TRUE(Stripped(docs, r, lone, BoxLink("Mossbank", 0, 1)));
  for (int k = 0; k < 4; ++k) EXPECT_FALSE(Stripped(docs, r, lone, Paragraph("Mossbank", 0, k)));
}

TEST(BoilerplateCrossSiteTest, ALearnedLeadInStopsBeforeTheSentencesSubject) {
  // Nine articles open with a lead-in no rule knows; two of them go on with a name and a comma ("...
  // learned from Coast Wire, Lena Okafor, the harbour master, said ..."). With names masked, "Coast
  // Wire, Lena Okafor" is one run of names: the lead-in must still stop at its own comma.
  std::vector<Doc> docs;
  AddLeadInSite("Alder", 9, &docs);
  for (const size_t a : {2u, 5u}) {
    std::string& text = docs[a].text;
    const size_t at = text.find(", delegates in ");
    ASSERT_NE(at, std::string::npos);
    text.replace(at, 15, ", Lena Okafor, the harbour master, said delegates in ");
  }
  const BoilerplateResult r = Find(docs);
  for (size_t a = 0; a < docs.size(); ++a) {
    EXPECT_TRUE(Stripped(docs, r, a, "Clarion learned from ")) << a;
  }
  EXPECT_FALSE(Stripped(docs, r, 2, "Lena Okafor")) << docs[2].text;
  EXPECT_FALSE(Stripped(docs, r, 5, "Lena Okafor")) << docs[5].text;
}

}  // namespace
}  // namespace neardup
