// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Boilerplate on re-wrapped text, headlines and lightly edited copies:
//  - a line of a paragraph re-wrapped at a fixed width can be the tail of a sentence ("comment.",
//    "email.", "Tuesday.") that a whole-line rule or a learned template would take for furniture;
//  - a line that is nothing but the document's title (from a title field) is the headline;
//  - lightly edited copies of one article in one source (re-wrapped, reworded, sentences dropped or
//    added) count as one article.
// Every text here is invented for the test.

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "pipeline/boilerplate/boilerplate.h"
#include "pipeline/boilerplate/templates.h"
#include "tests/boilerplate_test_util.h"

namespace neardup {
namespace {

using boilerplate_internal::MaskUnit;
using boilerplate_internal::SplitUnits;
using boilerplate_internal::TitleMask;

std::string Clean(const std::vector<Doc>& docs, const BoilerplateResult& r, size_t doc) {
  return RemoveSpans(docs[doc].text, r.spans[doc]);
}

// Greedy wrap at `width` columns, the way text dumps and some sites re-wrap paragraphs.
std::string Wrap(const std::string& paragraph, size_t width) {
  std::istringstream words(paragraph);
  std::string out, line, word;
  while (words >> word) {
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      out += line + "\n";
      line.clear();
    }
    if (!line.empty()) line += ' ';
    line += word;
  }
  return out + line;
}

// `lead` and `tail` as one paragraph wrapped at `width`, with filler words added to the lead until the
// wrap leaves `tail` alone on the last line: the fragment the rules must not take for furniture.
std::string WrappedEndingWith(const std::string& lead, const std::string& tail, size_t width) {
  static const char* kFiller[] = {"again", "this", "week", "as", "the", "harbor", "board", "met"};
  std::string text = lead;
  for (size_t k = 0;; ++k) {
    const std::string wrapped = Wrap(text + " " + tail, width);
    const size_t last = wrapped.rfind('\n');
    if (last != std::string::npos && wrapped.substr(last + 1) == tail) return wrapped;
    // Insert before the final clause so the sentence still ends with the tail.
    text += std::string(" ") + kFiller[k % 8];
  }
}

// Sentence tails that are, on a line of their own, what some rule matches whole: a comment count, a
// share button, a date stamp, a byline, a newsletter prompt, an ad label, a related-box header, a
// cookie button.
struct Fragment {
  std::string lead, tail;
};
const std::vector<Fragment>& Fragments() {
  static const std::vector<Fragment> f = {
      {"The harbor authority, which runs the ferry link to Gull Island, did not immediately answer "
       "requests for",
       "comment."},
      {"\"We were never told about the second inspection,\" the skipper of the supply boat wrote in an",
       "email."},
      {"Engineers at the port first reported cracks in the loading ramp of the northern pier in",
       "December 2017."},
      {"The council postponed its vote on the tram contract twice and now expects to decide on", "Tuesday."},
      {"The full list of the inspection findings, some forty pages long, was compiled and signed",
       "by Mara Quill."},
      {"Residents who want the weekly timetable by post were asked by the island's community council to",
       "subscribe."},
      {"Asked about the cost of the repairs, the operator said it had no further figures to", "share."},
      {"The trading standards office said it would look again at the wording of the ferry company's",
       "advertisement."},
      {"Investigators are still trying to establish whether the two fires at the boatyard were", "related."},
      {"A spokeswoman for the port said the new booking site would ask every visitor to", "accept cookies."},
      {"The petition against the new tram timetable, posted on the council's website, drew", "14 comments."},
      {"Photographs of the damaged pier were first shared by the skipper's daughter on", "Facebook."},
      {"The ferry operator said the new summer timetable would be published in full on", "March 4, 2026."},
  };
  return f;
}

TEST(BoilerplateWrapTest, SoftBreaksJoinAWrappedParagraphIntoOneUnit) {
  const std::string p1 = WrappedEndingWith(Fragments()[0].lead, Fragments()[0].tail, 72);
  const std::string p2 = WrappedEndingWith(Fragments()[1].lead, Fragments()[1].tail, 72);
  const std::string text = "Ferry link suspended\n\n" + p1 + "\n\n" + p2 + "\n\nADVERTISEMENT\n";
  bool sentences = true;
  const auto units = SplitUnits(text, &sentences);
  EXPECT_FALSE(sentences);
  // Title, blank, paragraph, blank, paragraph, blank, label.
  ASSERT_EQ(units.size(), 7u);
  EXPECT_FALSE(units[0].joined);
  EXPECT_TRUE(units[2].joined);
  EXPECT_EQ(text.substr(units[2].text_begin, units[2].text_end - units[2].text_begin), p1);
  EXPECT_TRUE(units[4].joined);
  EXPECT_FALSE(units[6].joined);
  EXPECT_EQ(text.substr(units[6].text_begin, units[6].text_end - units[6].text_begin), "ADVERTISEMENT");
}

TEST(BoilerplateWrapTest, AStackOfFurnitureLinesIsNotAWrappedParagraph) {
  // Lines of similar lengths, none ending like a sentence, one under the other: a header, a related box
  // of link titles, a tip line above a lower-case byline. Each stays a unit of its own.
  const std::string text =
      "Home \xE2\x80\xBA Islands \xE2\x80\xBA Ferry link suspended after storm damage\n"
      "The Gullport Ledger newsroom tip line: 0300 5501 any time\n"
      "by Mara Quill, Senior Transport Correspondent\n"
      "\n"
      "The ferry between Gullport and Gull Island will not run until the loading ramp is repaired.\n"
      "\n"
      "You might also like\n"
      "Tram line vote splits the council once again\n"
      "Library volunteers move six thousand books\n"
      "Orchard growers brace for a second dry summer\n";
  bool sentences = true;
  const auto units = SplitUnits(text, &sentences);
  for (const auto& u : units) EXPECT_FALSE(u.joined) << text.substr(u.text_begin, u.text_end - u.text_begin);
}

TEST(BoilerplateWrapTest, SentenceTailsOnALineOfTheirOwnAreContent) {
  // One site, one article (rules only): every fragment stays, every real piece of furniture goes.
  std::string body;
  for (const Fragment& f : Fragments()) body += WrappedEndingWith(f.lead, f.tail, 72) + "\n\n";
  const std::string text = "Ferry link suspended after storm\n\nBy Ilse Varga | June 2, 2026\n\n" + body +
                           "Share this article\n\n\xC2\xA9 2026 The Gullport Ledger. All rights reserved.\n";
  const std::vector<Doc> docs = {{text, "Ferry link suspended after storm", "ledger"}};
  const BoilerplateResult r = Find(docs);
  const std::string clean = Clean(docs, r, 0);
  EXPECT_EQ(clean, "Ferry link suspended after storm\n\n" + body.substr(0, body.size() - 2) + "\n");
}

TEST(BoilerplateWrapTest, SentenceTailsAreNotLearnedAsTemplates) {
  // Four articles of one site end paragraphs just above the footer with the same tail fragments; as
  // lines of their own they would recur at the edge in every article, like a footer does.
  static const char* kNoComment[] = {
      "The owners of the boatyard, where the storm sank two moored boats on Sunday night, did not "
      "immediately answer requests for",
      "Asked whether the tram depot would reopen before the summer, a spokesman for the operator declined "
      "to",
      "The orchard growers' cooperative, which asked for night-time pumping from the river, did not reply "
      "to a request for",
      "Lawyers for the former harbor master, who resigned in March after the audit, could not be reached "
      "for",
  };
  static const char* kEmail[] = {
      ("A neighbour said she had sent photographs of the flooded road to the council twice, most recently "
       "in an"),
      "The head teacher told parents about the closure of the east wing in a short letter sent by",
      "The library's director thanked the volunteers who carried the books back in a long and warm",
      "Two councillors said they learned of the decision to cancel the vote only from a colleague's",
  };
  static const char* kTitles[] = {"Storm sinks boats at the boatyard", "Tram depot stays closed",
                                  "Growers ask for night pumping", "Harbor master resigns after audit"};
  std::vector<Doc> docs;
  for (int i = 0; i < 4; ++i) {
    std::string text = std::string(kTitles[i]) + "\n\n";
    text += WrappedEndingWith(kNoComment[i], "comment.", 72) + "\n\n";
    text += WrappedEndingWith(kEmail[i], "email.", 72) + "\n\n";
    text += "The Gullport Ledger \xE2\x80\x94 printed on recycled paper, edition " +
            std::to_string(4100 + i) + "\n";
    docs.push_back({text, kTitles[i], "ledger"});
  }
  const BoilerplateResult r = Find(docs);
  for (size_t d = 0; d < docs.size(); ++d) {
    const std::string clean = Clean(docs, r, d);
    EXPECT_NE(clean.find("\ncomment.\n"), std::string::npos) << clean;
    EXPECT_NE(clean.find("\nemail.\n"), std::string::npos) << clean;
    EXPECT_EQ(clean.find("recycled paper"), std::string::npos) << clean;  // the footer is learned
  }
}

TEST(BoilerplateWrapTest, WrappedFurnitureIsMatchedAsOneLine) {
  // A cookie notice and a copyright notice wrapped over two lines each are found whole; a dateline
  // lead-in is found across a soft break.
  const std::string notice = Wrap(
      "We use cookies to give you the best experience on our website. If you continue without changing "
      "your settings, we will assume that you are happy with it.",
      60);
  const std::string rights = Wrap(
      "\xC2\xA9 2026 The Gullport Ledger and its licensors. All rights reserved. Do not reproduce without "
      "permission.",
      60);
  std::string body;
  for (size_t k = 0; k < 3; ++k) {
    body += WrappedEndingWith(Fragments()[k].lead, Fragments()[k].tail, 60) + "\n\n";
  }
  const std::string lead = Wrap(
      "GULLPORT (Coast Wire) \xE2\x80\x94 the ferry between Gullport and Gull Island carried its first "
      "passengers in three weeks on Monday.",
      60);
  const std::string text = lead + "\n\n" + body + notice + "\n\n" + rights + "\n";
  ASSERT_NE(notice.find('\n'), std::string::npos);
  ASSERT_NE(rights.find('\n'), std::string::npos);
  const std::vector<Doc> docs = {{text, "Ferry returns", "wire"}};
  const BoilerplateResult r = Find(docs);
  std::string expected_lead = lead.substr(std::string("GULLPORT (Coast Wire) \xE2\x80\x94 ").size());
  EXPECT_EQ(Clean(docs, r, 0), expected_lead + "\n\n" + body.substr(0, body.size() - 2) + "\n");
}

// `lead_text` wrapped at `width` opens a document of four wrapped paragraphs; the wrapped lead must start
// with `dateline`, and the dateline, and nothing else, is stripped as an attribution lead-in.
void ExpectWrappedDatelineStripped(const std::string& lead_text, const std::string& dateline, size_t width) {
  const std::string lead = Wrap(lead_text, width);
  ASSERT_EQ(lead.rfind(dateline, 0), 0u) << lead;
  std::string body;
  for (size_t k = 0; k < 4; ++k)
    body += "\n\n" + WrappedEndingWith(Fragments()[k].lead, Fragments()[k].tail, width);
  const std::vector<Doc> docs = {{lead + body + "\n", "Ferry returns", "wire"}};
  const BoilerplateResult r = Find(docs);
  EXPECT_EQ(Clean(docs, r, 0), lead.substr(dateline.size()) + body + "\n");
  ASSERT_EQ(r.spans[0].size(), 1u);
  EXPECT_EQ(r.reasons[r.spans[0][0].reason], "rule:attribution");
}

TEST(BoilerplateWrapTest, ALeadInBrokenAcrossLinesIsFoundWhole) {
  // Wrapped at 36 columns, the dateline breaks inside the agency's name; the span covers the break.
  ExpectWrappedDatelineStripped(
      "GULLPORT, March 4 (Harbor Wire Service) \xE2\x80\x94 the ferry between Gullport and Gull Island "
      "carried its first passengers in three weeks on Monday.",
      "GULLPORT, March 4 (Harbor Wire\nService) \xE2\x80\x94 ", 36);
}

TEST(BoilerplateWrapTest, ADatelineCityBrokenAcrossLinesIsMatchedOnTheJoinedLines) {
  // The break falls between two words of the city's name, where the dateline rule wants a space, a
  // slash or a hyphen: only the unit's lines joined (one space for the break) match it, so this pins
  // the path that matches lead-ins of joined units on the joined text and maps the end back.
  const std::string city = "SAINT-ANSELME-DE-GULLPORT-SUR-LA-MER";
  ExpectWrappedDatelineStripped(city +
                                    " HARBOR, March 4 (Harbor Wire) \xE2\x80\x94 the ferry between Gullport "
                                    "and Gull Island carried its first passengers in three weeks on Monday.",
                                city + "\nHARBOR, March 4 (Harbor Wire) \xE2\x80\x94 ", 40);
}

TEST(BoilerplateWrapTest, TightWrappedParagraphsWithoutBlankLines) {
  // Paragraphs separated by single line breaks, every line wrapped: a sentence tail ends a paragraph and
  // the next paragraph starts on the line below.
  std::string text = "Council delays the tram vote\n";
  for (size_t k = 2; k < 8; ++k)
    text += WrappedEndingWith(Fragments()[k].lead, Fragments()[k].tail, 70) + "\n";
  text += "Leave a comment\n";
  const std::vector<Doc> docs = {{text, "Council delays the tram vote", "courier"}};
  const BoilerplateResult r = Find(docs);
  const std::string clean = Clean(docs, r, 0);
  EXPECT_EQ(clean, text.substr(0, text.size() - std::string("Leave a comment\n").size()));
}

// ---------------------------------------------------------------- headlines

TEST(BoilerplateHeadlineTest, GuillemetsInATitleAreNotSegmentSeparators) {
  const TitleMask title(
      "\xD0\x9F\xD1\x80\xD0\xBE\xD0\xB5\xD0\xBA\xD1\x82 \xC2\xAB\xD0\x9B\xD0\xB8\xD0\xB4\xD0\xB0\xC2\xBB: "
      "\xD1\x81\xD0\xBF\xD0\xBE\xD1\x80 \xD0\xBF\xD1\x80\xD0\xBE\xD0\xB4\xD0\xBE\xD0\xBB\xD0\xB6\xD0\xB0"
      "\xD0\xB5\xD1\x82\xD1\x81\xD1\x8F | \xD0\x93\xD0\xB0\xD0\xB7\xD0\xB5\xD1\x82\xD0\xB0");
  // The headline segment (before " | ") with straight quotes instead of guillemets.
  EXPECT_TRUE(
      MaskUnit("\xD0\x9F\xD1\x80\xD0\xBE\xD0\xB5\xD0\xBA\xD1\x82 \"\xD0\x9B\xD0\xB8\xD0\xB4\xD0\xB0\": "
               "\xD1\x81\xD0\xBF\xD0\xBE\xD1\x80 \xD0\xBF\xD1\x80\xD0\xBE\xD0\xB4\xD0\xBE\xD0\xBB"
               "\xD0\xB6\xD0\xB0\xD0\xB5\xD1\x82\xD1\x81\xD1\x8F",
               title)
          .pure_title);
  // A breadcrumb separator still splits a title.
  const TitleMask crumbs("Islands \xC2\xBB Ferry link to Gull Island suspended");
  EXPECT_TRUE(MaskUnit("Ferry link to Gull Island suspended", crumbs).pure_title);
}

TEST(BoilerplateHeadlineTest, TheHeadlineLineIsNeverATemplate) {
  // A live story updated three times: three distinct texts under one headline, which opens each of
  // them. The title field has the site's suffix; the line is the headline alone.
  std::vector<Doc> docs;
  static const char* kUpdates[] = {
      "Crews reopened the northern lane of the harbor bridge at noon, two days after a barge struck one "
      "of its supports during the storm.",
      "Inspectors said on Tuesday evening that the damaged support would need a temporary brace before "
      "lorries could cross again.",
      "The bridge will close overnight on Thursday so that divers can check the foundations of the three "
      "supports nearest the channel.",
  };
  for (int i = 0; i < 3; ++i) {
    docs.push_back({"Live: harbor bridge reopens after barge strike\n\n" + std::string(kUpdates[i]) +
                        "\n\nLeave a comment\n",
                    "Live: harbor bridge reopens after barge strike | The Gullport Ledger", "ledger"});
  }
  const BoilerplateResult r = Find(docs);
  for (size_t d = 0; d < docs.size(); ++d) {
    EXPECT_EQ(Clean(docs, r, d).rfind("Live: harbor bridge reopens after barge strike\n\n", 0), 0u)
        << Clean(docs, r, d);
  }
  for (const BoilerplatePattern& p : r.patterns) EXPECT_NE(p.pattern, "<title>");
}

// ---------------------------------------------------------------- copies

// An invented article of eight sentences; `variant` edits it the way copies differ: re-wrapped at
// another width or not at all, straight instead of curly quotes, one sentence dropped, one added,
// a few words replaced.
std::string ArticleCopy(int variant) {
  std::vector<std::string> s = {
      "The island council voted on Tuesday to buy a second supply boat for the Gull Island route, ending "
      "a dispute that had run since the winter storms.",
      "The new vessel, a converted fishing trawler from the northern yards, will carry freight and up to "
      "forty passengers when the ferry is out of service.",
      "\xE2\x80\x9CWe cannot leave nine hundred people waiting for a weekly boat again,\xE2\x80\x9D the "
      "council leader told the meeting, which ran past midnight.",
      "Opposition members argued that the money should go to repairing the loading ramp at Northwind "
      "Point instead, and two of them voted against the purchase.",
      "The harbor authority said the trawler would need about six weeks of refitting before it could be "
      "certified for passengers by the maritime inspectors.",
      "Residents of the island have relied on a chartered cargo boat since the ferry was withdrawn, and "
      "the island school has been closed on two days a week.",
      "The council expects the refit to be paid from the regional transport fund, which still has most "
      "of its budget for this year unspent, officials said.",
      "A public meeting on the new timetable is planned for the community hall on Gull Island at the end "
      "of next month, the council leader added.",
  };
  if (variant == 1) {
    s.erase(s.begin() + 5);  // a sentence dropped
    s[2] =
        "\"We cannot leave nine hundred people waiting for a weekly boat again,\" the council leader "
        "told the meeting, which ran past midnight.";
  } else if (variant == 2) {
    s.push_back(
        "The trawler's previous owners, a fishing cooperative from the north, sold it after two "
        "poor seasons, according to the port register.");
    s[1] =
        "The new vessel, a converted trawler from the northern yards, will carry cargo and up to forty "
        "passengers whenever the ferry is out of service.";
  } else if (variant == 3) {
    s[6] = "The council expects the refit to be paid for from the regional transport fund, officials said.";
  }
  std::string paragraph;
  for (const std::string& sentence : s) paragraph += (paragraph.empty() ? "" : " ") + sentence;
  // Two paragraphs, wrapped at a width of the copy's own (or not at all).
  const size_t half = paragraph.find(" Opposition members");
  const std::string a = paragraph.substr(0, half), b = paragraph.substr(half + 1);
  const size_t width = variant == 0 ? 0 : variant == 1 ? 72 : variant == 2 ? 66 : 78;
  return width == 0 ? a + "\n\n" + b : Wrap(a, width) + "\n\n" + Wrap(b, width);
}

TEST(BoilerplateCopiesTest, LightlyEditedCopiesAreOneArticle) {
  // One site: four lightly edited copies of one article (re-wrapped differently, quotes changed,
  // sentences dropped, added or reworded), then two other articles. Every document has the site's
  // footer; the copies share a closing line that is theirs, short and at the edge of the page, just
  // like a footer line: counted four times it would be learned as one.
  std::vector<Doc> docs;
  const std::string closing = "Fares on the island route stay unchanged for now.";
  for (int v = 0; v < 4; ++v) {
    docs.push_back({"Second supply boat for Gull Island\n\n" + ArticleCopy(v) + "\n\n" + closing +
                        "\n\nThe Gullport Ledger \xE2\x80\x94 printed on recycled paper\n",
                    "Second supply boat for Gull Island | The Gullport Ledger", "ledger"});
  }
  static const char* kOthers[][2] = {
      {"Growers ask the water board for night pumping",
       "The orchard growers' cooperative asked the water board on Monday to allow night-time pumping from "
       "the river, after the driest spring in a decade left the reservoirs half empty."},
      {"Books return to the old harbor library",
       "Volunteers carried more than six thousand books back into the old harbor library on Saturday, "
       "eighteen months after its roof was damaged in a storm."},
  };
  for (const auto& [headline, body] : kOthers) {
    docs.push_back({std::string(headline) + "\n\n" + body +
                        "\n\nThe Gullport Ledger \xE2\x80\x94 printed on recycled paper\n",
                    std::string(headline) + " | The Gullport Ledger", "ledger"});
  }
  const BoilerplateResult r = Find(docs);
  for (size_t d = 0; d < docs.size(); ++d) {
    const std::string clean = Clean(docs, r, d);
    if (d < 4) {
      EXPECT_NE(clean.find(closing), std::string::npos) << d << ": " << clean;
    }
    // Three distinct articles carry the footer: it is learned.
    EXPECT_EQ(clean.find("recycled paper"), std::string::npos) << d << ": " << clean;
  }
}

}  // namespace
}  // namespace neardup
