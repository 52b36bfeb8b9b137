// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Boilerplate: masking, rules (each category on invented furniture, and invented article sentences that
// mention the same words and must stay), lead-ins, per-source learning, the two kinds of reused content
// that must not be stripped, tidy removal, and rules files. Every text here is made up for the test.

#include "pipeline/boilerplate/boilerplate.h"

#include <gtest/gtest.h>
#include <tbb/global_control.h>

#include <string>
#include <vector>

#include "pipeline/boilerplate/rules.h"
#include "pipeline/boilerplate/templates.h"
#include "tests/test_util.h"

namespace neardup {
namespace {

using boilerplate_internal::MaskUnit;
using boilerplate_internal::SplitUnits;
using boilerplate_internal::TitleMask;

// ---------------------------------------------------------------- helpers

struct Doc {
  std::string text, title, source;
};

BoilerplateResult Find(const std::vector<Doc>& docs, BoilerplateOptions options = {}) {
  std::vector<BoilerplateInput> in;
  for (const Doc& d : docs) in.push_back({d.text, d.title, d.source});
  BoilerplateResult r;
  const Status s = FindBoilerplate(in, options, &r);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return r;
}

// The text of each span, with its reason.
std::vector<std::pair<std::string, std::string>> SpanTexts(const std::string& text,
                                                           const BoilerplateResult& r, size_t doc) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const BoilerplateSpan& s : r.spans[doc]) {
    std::vector<BoilerplateSpan> before = {{0, s.start, 0, 0}}, after = {{0, s.end, 0, 0}};
    const std::string rest_from_start = RemoveSpans(text, before);  // text[start:]
    const std::string rest_from_end = RemoveSpans(text, after);     // text[end:]
    out.emplace_back(rest_from_start.substr(0, rest_from_start.size() - rest_from_end.size()),
                     r.reasons[s.reason]);
  }
  return out;
}

std::string Clean(const std::vector<Doc>& docs, const BoilerplateResult& r, size_t doc) {
  return RemoveSpans(docs[doc].text, r.spans[doc]);
}

std::string CategoryOf(const BoilerplateRules& rules, const std::string& line) {
  const int r = rules.Classify(line);
  return r < 0 ? "" : rules.rule(r).category;
}

std::unique_ptr<BoilerplateRules> BuiltinRules() {
  std::unique_ptr<BoilerplateRules> rules;
  const Status s = BoilerplateRules::Build({}, &rules);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return rules;
}

// ---------------------------------------------------------------- masking

TEST(BoilerplateMaskTest, NumbersDatesAndMonthsAreMasked) {
  const TitleMask none;
  std::string a, b;
  MaskUnit("\xC2\xA9 2024 The Harbor Ledger. All rights reserved.", none, &a);
  MaskUnit("(c) 2025 the harbor ledger - all rights reserved", none, &b);
  EXPECT_EQ(MaskUnit("\xC2\xA9 2024 The Harbor Ledger. All rights reserved.", none).key,
            MaskUnit("\xC2\xA9 2025 The Harbor Ledger. All rights reserved.", none).key);
  EXPECT_EQ(a, "\xC2\xA9 <n> the harbor ledger all rights reserved");
  EXPECT_EQ(b, "c <n> the harbor ledger all rights reserved");

  std::string d1, d2;
  const auto t1 = MaskUnit("Updated Tuesday, March 4, 2025 at 10:45 am", none, &d1);
  const auto t2 = MaskUnit("Updated Friday, November 21, 2025 at 7:05 pm", none, &d2);
  EXPECT_EQ(t1.key, t2.key) << d1 << " vs " << d2;
  EXPECT_EQ(d1, "updated <n> at <n>");
  EXPECT_EQ(MaskUnit("Posted 3 hours ago", none).key, MaskUnit("Posted 12 days ago", none).key);
  // "May" is a month only next to a number: "you may also like" keeps its verb.
  std::string may;
  MaskUnit("You may also like", none, &may);
  EXPECT_EQ(may, "you may also like");
  EXPECT_EQ(MaskUnit("Published May 3", none).key, MaskUnit("Published Nov. 28", none).key);
}

TEST(BoilerplateMaskTest, TitleIsMaskedAndATitleLineIsPureTitle) {
  const TitleMask title("Ferry service to Gull Island resumes after storm");
  std::string shown;
  const auto crumb = MaskUnit(
      "Home \xC2\xBB Islands \xC2\xBB Ferry service to Gull Island resumes after storm", title, &shown);
  EXPECT_TRUE(crumb.has_title);
  EXPECT_FALSE(crumb.pure_title);
  EXPECT_EQ(shown, "home islands <title>");
  const TitleMask other("Orchard growers brace for a second dry summer");
  EXPECT_EQ(
      crumb.key,
      MaskUnit("Home \xC2\xBB Islands \xC2\xBB Orchard growers brace for a second dry summer", other).key);
  EXPECT_TRUE(MaskUnit("Ferry Service To Gull Island Resumes After Storm", title).pure_title);
  // A segmented title ("Headline | Site") is also found by its headline alone.
  const TitleMask segmented("Ferry service to Gull Island resumes after storm | The Harbor Ledger");
  EXPECT_TRUE(MaskUnit("Ferry service to Gull Island resumes after storm", segmented).pure_title);
  // A title of fewer than three words is not masked (it would mask common words everywhere).
  EXPECT_FALSE(MaskUnit("Home \xC2\xBB Weather", TitleMask("Weather")).has_title);
}

TEST(BoilerplateMaskTest, UnitsAreLinesOrSentences) {
  bool sentences = false;
  auto units = SplitUnits("one\r\ntwo\n\nthree", &sentences);
  EXPECT_FALSE(sentences);
  ASSERT_EQ(units.size(), 4u);
  EXPECT_EQ(units[0].region_end, 5u);  // "one\r\n"
  EXPECT_TRUE(units[2].blank());
  units =
      SplitUnits("The tram opens in May. Riders pay 2.50 each, e.g. the elderly pay less. Leave a comment.\n",
                 &sentences);
  EXPECT_TRUE(sentences);
  ASSERT_EQ(units.size(), 3u);
  EXPECT_EQ(units[0].text_end - units[0].text_begin, std::string("The tram opens in May.").size());
}

// ---------------------------------------------------------------- rules

TEST(BoilerplateRulesTest, EachCategoryMatchesInventedFurniture) {
  const auto rules = BuiltinRules();
  const std::vector<std::pair<std::string, std::string>> furniture = {
      {"\xC2\xA9 2026 The Harbor Ledger. All rights reserved.", "copyright"},
      {"Copyright 2019-2026 Gullport Media Group", "copyright"},
      {"All Rights Reserved.", "copyright"},
      {"This article may not be reproduced in whole or in part without written permission.", "copyright"},
      {"Privacy Policy | Terms of Use | Contact Us", "copyright"},
      {"Ad blocker detected", "adblock"},
      {"We noticed you are using an ad blocker. Please whitelist our site so we can keep reporting.",
       "adblock"},
      {"Leave a Reply Cancel reply", "comments"},
      {"14 Comments", "comments"},
      {"Comments are closed.", "comments"},
      {"Your email address will not be published. Required fields are marked *", "comments"},
      {"How would you fix the ferry timetable? Tell us in the comments below!", "comments"},
      {"You might also like", "related"},
      {"Related Stories", "related"},
      {"Read more: Orchard growers brace for a second dry summer", "related"},
      {"Home \xE2\x80\xBA Islands \xE2\x80\xBA Ferry service resumes", "breadcrumb"},
      {"You are here: Local / Transport", "breadcrumb"},
      {"By Mara Quill, Senior Transport Correspondent", "byline"},
      {"Written by Tobias Fenn | March 4, 2026", "byline"},
      {"Ilse Varga, Political Reporter", "byline"},
      {"Updated 3 hours ago \xC2\xB7 4 min read", "byline"},
      {"Share this: Facebook | X | Email", "share"},
      {"Click to share on WhatsApp (Opens in new window)", "share"},
      {"Follow us on Instagram and Threads for more", "share"},
      {"Sign up for our free morning newsletter.", "newsletter"},
      {"Get the best of the Ledger delivered to your inbox every Friday.", "newsletter"},
      {"Thank you for subscribing!", "newsletter"},
      {"This website uses cookies to improve your experience. You can opt out if you wish.", "cookie"},
      {"Accept all cookies", "cookie"},
      {"By continuing to browse this site, you agree to our use of cookies.", "cookie"},
      {"Download our free app for breaking news alerts.", "app"},
      {"Available on the App Store and Google Play", "app"},
      {"ADVERTISEMENT", "advertisement"},
      {"- Story continues below advertisement -", "advertisement"},
      {"Sponsored Content", "advertisement"},
      // A line of several pieces of furniture, each covered by a rule.
      {"Leave a comment. Comments are closed.", "comments"},
  };
  for (const auto& [line, category] : furniture) EXPECT_EQ(CategoryOf(*rules, line), category) << line;
}

TEST(BoilerplateRulesTest, ArticleSentencesWithTheSameWordsAreContent) {
  const auto rules = BuiltinRules();
  const std::vector<std::string> content = {
      "A draft copyright law would also cover photographs that residents post online, the council said.",
      "Copyright claims against the island's only cinema were dismissed on Monday.",
      "The minister's comments on the ferry contract drew sharp criticism from the harbor union.",
      "Comments from the public will be accepted until the end of the month.",
      "Subscribers to the council's newsletter were told of the timetable change by email.",
      "Share prices of the ferry operator rose 4 percent after the announcement.",
      "By Thursday the water had receded from the lower streets of Gullport.",
      "By Tuesday, Fenn said, the crews would be back at work.",
      "Home prices on the island rose 6 percent last year, according to the registry.",
      "Residents can download the city's app to report broken street lights, officials said.",
      "Advertising revenue at the regional paper fell for a third straight year.",
      "The bakery sold more than 2,000 oatmeal cookies during the festival.",
      "Related charges against the skipper were dropped in March.",
      "Users who disable ad blockers see twice as many banners, the study found.",
      "All rights to the harbor land reserved for the port were transferred in 1998.",
      "Mara Quill, a senior analyst at the port authority, said the delay was avoidable.",
      "The app was downloaded 40,000 times in its first week, the operator said.",
      "Sign language interpreters will attend every council meeting from April.",
      "Leave was cancelled for all ferry crews until the backlog clears.",
      "Follow-up inspections are planned for the spring.",
      "Reuters reported, citing two officials, that the talks had stalled.",
  };
  for (const std::string& line : content) EXPECT_EQ(CategoryOf(*rules, line), "") << line;
}

TEST(BoilerplateRulesTest, AttributionLeadInIsASpanInsideTheLine) {
  const auto rules = BuiltinRules();
  size_t len = 0;
  const std::string line =
      "Gullport.info informs, citing Island Radio, the ferry will run twice a day from Monday.";
  const int r = rules->MatchLeadIn(line, &len);
  ASSERT_GE(r, 0);
  EXPECT_EQ(rules->rule(r).category, "attribution");
  EXPECT_EQ(line.substr(0, len), "Gullport.info informs, citing Island Radio, ");
  const std::string wire = "GULLPORT (Coast Wire) \xE2\x80\x94 The ferry will run twice a day.";
  ASSERT_GE(rules->MatchLeadIn(wire, &len), 0);
  EXPECT_EQ(wire.substr(0, len), "GULLPORT (Coast Wire) \xE2\x80\x94 ");
  // Reported speech after the citation is the article's own sentence.
  EXPECT_LT(rules->MatchLeadIn("Island Radio reports, citing Harbor Daily, that the ferry will run.", &len),
            0);
  EXPECT_LT(rules->MatchLeadIn("According to Island Radio, the ferry will run twice a day.", &len), 0);

  const std::vector<Doc> docs = {{"Ferry returns\n" + line + "\nMore details later today from the port.\n",
                                  "Ferry returns", "gullport.info"}};
  const BoilerplateResult res = Find(docs);
  ASSERT_EQ(res.spans[0].size(), 1u);
  EXPECT_EQ(SpanTexts(docs[0].text, res, 0)[0],
            std::make_pair(std::string("Gullport.info informs, citing Island Radio, "),
                           std::string("rule:attribution")));
  EXPECT_EQ(Clean(docs, res, 0),
            "Ferry returns\nthe ferry will run twice a day from Monday.\nMore details later today from the "
            "port.\n");
}

TEST(BoilerplateRulesTest, RulesFileAddsRulesAndBadRulesNameTheirLine) {
  testing_util::TempDir dir;
  testing_util::WriteFile(dir / "ok.rules",
                          "# house rules\n"
                          "\n"
                          "ledger.slogan\tcopyright\t(?i)the harbor ledger: news from the north shore\n"
                          "ledger.via\tattribution\t(Via the wire desk:\\s*)\n");
  BoilerplateOptions options;
  options.rules_file = dir / "ok.rules";
  std::unique_ptr<BoilerplateRules> rules;
  ASSERT_TRUE(BoilerplateRules::Build(options, &rules).ok());
  EXPECT_EQ(CategoryOf(*rules, "The Harbor Ledger: news from the north shore"), "copyright");
  size_t len = 0;
  EXPECT_GE(rules->MatchLeadIn("Via the wire desk: the ferry runs again.", &len), 0);
  EXPECT_EQ(len, std::string("Via the wire desk: ").size());

  const std::vector<std::pair<std::string, std::string>> bad = {
      {"a\tcopyright\t(unclosed",
       "bad.rules:1: rule 'a': bad pattern: missing ): (unclosed (at '(unclosed')"},
      {"# c\nb\tcopyrigth\tx", "bad.rules:2: rule 'b': unknown category 'copyrigth'"},
      {"only-two\tcopyright", "bad.rules:1: expected NAME<TAB>CATEGORY<TAB>PATTERN"},
      {"c\tcomments\t.*", "bad.rules:1: rule 'c': pattern '.*' matches an empty line"},
      {"d\tshare\tx\nd\tshare\ty", "bad.rules:2: rule 'd' is defined twice"},
      {"copyright.symbol\tcopyright\tx", "bad.rules:1: rule 'copyright.symbol' is a built-in rule name"},
      {"e f\tshare\tx", "bad.rules:1: bad rule name 'e f'"},
      {"g\tshare\tx{2000}",
       "bad.rules:1: rule 'g': bad pattern: invalid repetition size: {2000} (at '{2000}')"},
  };
  for (const auto& [text, message] : bad) {
    testing_util::WriteFile(dir / "bad.rules", text);
    options.rules_file = dir / "bad.rules";
    const Status s = BoilerplateRules::Build(options, &rules);
    EXPECT_EQ(s.code(), Status::Code::kInvalidArgument) << text;
    EXPECT_NE(s.message().find(message), std::string::npos) << s.message();
    // The pipeline entry points report the same error.
    BoilerplateResult result;
    EXPECT_EQ(FindBoilerplate({}, options, &result).code(), Status::Code::kInvalidArgument);
  }
  options.rules_file = dir / "missing.rules";
  EXPECT_EQ(BoilerplateRules::Build(options, &rules).code(), Status::Code::kIOError);
}

TEST(BoilerplateRulesTest, DisableByNameOrCategoryAndList) {
  BoilerplateOptions options;
  std::string listing;
  ASSERT_TRUE(ListRules(options, &listing).ok());
  EXPECT_NE(listing.find("copyright.symbol\tcopyright\t"), std::string::npos);
  EXPECT_NE(listing.find("attribution.citing\tattribution\t"), std::string::npos);

  const std::vector<Doc> docs = {
      {"Ferry returns\nThe ferry runs again from Monday, the port said.\n"
       "Leave a comment\n\xC2\xA9 2026 The Harbor Ledger\n",
       "Ferry returns", "ledger"}};
  options.disabled_rules = {"comments.leave"};
  BoilerplateResult r = Find(docs, options);
  ASSERT_EQ(r.spans[0].size(), 1u);
  EXPECT_EQ(r.reasons[r.spans[0][0].reason], "rule:copyright");
  options.disabled_rules = {"copyright", "comments"};
  r = Find(docs, options);
  EXPECT_TRUE(r.spans[0].empty());
  ASSERT_TRUE(ListRules(options, &listing).ok());
  EXPECT_EQ(listing.find("\tcopyright\t"), std::string::npos);
  EXPECT_EQ(listing.find("\tcomments\t"), std::string::npos);
  EXPECT_NE(listing.find("\tshare\t"), std::string::npos);

  options.disabled_rules = {"no-such-rule"};
  EXPECT_EQ(ListRules(options, &listing).code(), Status::Code::kInvalidArgument);
}

// ---------------------------------------------------------------- tidy spans

TEST(BoilerplateSpanTest, RemovalLeavesNoBlankHoles) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"p1\n\nADVERTISEMENT\n\np2", "p1\n\np2"},
      {"p1\nADVERTISEMENT\np2\n", "p1\np2\n"},
      {"p1\n\nADVERTISEMENT\n\nSponsored Content\n\np2\n", "p1\n\np2\n"},
      {"ADVERTISEMENT\n\np1\n\np2\n", "p1\n\np2\n"},
      {"\n\nADVERTISEMENT\n\np1\n", "p1\n"},
      {"p1\n\np2\n\nLeave a comment\n\n\xC2\xA9 2026 The Harbor Ledger", "p1\n\np2\n"},
      {"p1\r\n\r\nADVERTISEMENT\r\n\r\np2\r\n", "p1\r\n\r\np2\r\n"},
      {"ADVERTISEMENT\n", ""},
      // Without line breaks, sentences are the units.
      {"The ferry runs again. Leave a comment. The port is open. All rights reserved.",
       "The ferry runs again. The port is open."},
  };
  for (const auto& [text, clean] : cases) {
    const std::vector<Doc> docs = {{text, "", "s"}};
    const BoilerplateResult r = Find(docs);
    EXPECT_EQ(Clean(docs, r, 0), clean) << text;
  }
}

TEST(BoilerplateSpanTest, OffsetsAreCodePointsAndLineSpansIncludeTheLineEnding) {
  const std::vector<Doc> docs = {
      {"\xC3\x89t\xC3\xA9 \xE2\x80\x94 caf\xC3\xA9\nADVERTISEMENT\nfin\n", "", "s"}};
  const BoilerplateResult r = Find(docs);
  ASSERT_EQ(r.spans[0].size(), 1u);
  EXPECT_EQ(r.spans[0][0].start, 11u);  // "Été — café\n" is 11 code points
  EXPECT_EQ(r.spans[0][0].end, 25u);    // "ADVERTISEMENT\n"
  EXPECT_EQ(r.chars_removed, 14u);
  EXPECT_EQ(r.span_count, 1u);
}

// ---------------------------------------------------------------- learning per source

// Distinct invented headlines (they must differ in words, not only in numbers, which are masked).
std::string Headline(size_t i) {
  static constexpr const char* kWhat[] = {"Ferry",  "Tram",   "Library", "Orchard",
                                          "Harbor", "Bridge", "School",  "Market"};
  static constexpr const char* kHow[] = {"plan delayed again", "budget approved",  "reopens to readers",
                                         "faces dry summer",   "dredging resumes", "repairs finished"};
  return std::string(kWhat[i % 8]) + " " + kHow[(i / 8 + i) % 6] + " in " + (i < 48 ? "Gullport" : "Redfen");
}

// Invented site furniture: header and footer lines with variable parts that no rule knows.
std::string Slogan(int n) { return "The Gullport Ledger \xE2\x80\x94 Edition " + std::to_string(4100 + n); }
std::string Footer(int n) {
  return "Printed by Northwind Press for the Ledger, issue " + std::to_string(n) + " of the year";
}

// A made-up paragraph: one line of `words` invented words, capitalized, ending with a period.
std::string Paragraph(uint64_t seed, size_t words) {
  static constexpr const char* kSyllables[] = {"ka",  "lo",  "mi", "ren", "sta", "vo",  "der", "fin",
                                               "gul", "har", "bo", "tre", "nor", "pel", "qua", "sil"};
  uint64_t state = seed * 0x9E3779B97F4A7C15ULL + 12345;
  std::string text;
  for (size_t w = 0; w < words; ++w) {
    if (w > 0) text += ' ';
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    const int syllables = 1 + static_cast<int>((state >> 60) % 3);
    for (int k = 0; k < syllables; ++k) {
      state = state * 6364136223846793005ULL + 1442695040888963407ULL;
      text += kSyllables[(state >> 59) % 16];
    }
  }
  text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text + ".";
}

// A made-up article of `paragraphs` paragraphs of 40 words, each followed by a blank line.
std::string Body(uint64_t seed, int paragraphs) {
  std::string body;
  for (int p = 0; p < paragraphs; ++p) body += Paragraph(seed * 100 + p, 40) + "\n\n";
  return body;
}

std::string LedgerDoc(int n, const std::string& title, const std::string& body) {
  return Slogan(n) + "\n\n" + title + "\n\n" + body + Footer(n) + "\n";
}

TEST(BoilerplateLearnTest, SiteTemplateIsLearnedPerSourceWithItsCounts) {
  std::vector<Doc> docs;
  for (int i = 0; i < 5; ++i) {
    const std::string title =
        "Harbor story number " + std::string(1, static_cast<char>('A' + i)) + " of the week";
    docs.push_back({LedgerDoc(i, title, Body(i + 1, 3)), title, "ledger"});
  }
  // The same lines in two documents of another source are not enough there.
  for (int i = 0; i < 2; ++i) docs.push_back({LedgerDoc(i, "Other", Body(i + 50, 3)), "Other", "courier"});
  const BoilerplateResult r = Find(docs);
  for (int i = 0; i < 5; ++i) {
    const auto spans = SpanTexts(docs[i].text, r, i);
    ASSERT_EQ(spans.size(), 2u) << i;
    EXPECT_EQ(spans[0].first, Slogan(i) + "\n\n");
    EXPECT_EQ(spans[0].second, "repeated:5");
    EXPECT_EQ(spans[1].first, "\n" + Footer(i) + "\n");  // the blank line before it goes too
    EXPECT_EQ(Clean(docs, r, i).rfind(docs[i].title + "\n\n", 0), 0u);
  }
  EXPECT_TRUE(r.spans[5].empty());
  EXPECT_TRUE(r.spans[6].empty());
  ASSERT_EQ(r.patterns.size(), 2u);
  EXPECT_EQ(r.patterns[0].documents, 5u);
  EXPECT_EQ(r.patterns[0].sources, 1u);
  EXPECT_EQ(r.patterns[0].reason, "repeated:5");
  EXPECT_EQ(r.patterns[1].pattern, "the gullport ledger edition <n>");
  EXPECT_EQ(r.patterns[1].example, Slogan(0));

  // --min-repeats raises the bar.
  BoilerplateOptions options;
  options.min_repeats = 6;
  EXPECT_TRUE(Find(docs, options).spans[0].empty());
}

TEST(BoilerplateLearnTest, AFirstLineEveryPageSharesIsNotProtectedAsTheTitle) {
  // Without a title field the title is the first non-empty line; when that is the site's own furniture,
  // it is still learned as furniture. Real headlines (the second line here) stay.
  std::vector<Doc> docs;
  for (int i = 0; i < 4; ++i) {
    const std::string headline = Headline(static_cast<size_t>(i));
    docs.push_back(
        {"Skip to main content\n\n" + headline + "\n\n" + Body(60 + i, 3), "Skip to main content", "s"});
  }
  const BoilerplateResult r = Find(docs);
  for (size_t i = 0; i < docs.size(); ++i) {
    const auto spans = SpanTexts(docs[i].text, r, i);
    ASSERT_EQ(spans.size(), 1u) << i;
    EXPECT_EQ(spans[0], std::make_pair(std::string("Skip to main content\n\n"), std::string("repeated:4")));
  }
}

TEST(BoilerplateLearnTest, AnArticlePublishedTwiceOrSyndicatedIsContent) {
  const std::string story = Body(7, 5);
  const std::string story_lines = story.substr(0, story.size() - 1);  // the blank line after it may go
  std::vector<Doc> docs;
  // One site publishes the story three times (an update, a repost) among its other articles...
  for (int i = 0; i < 6; ++i) {
    const bool copy = i % 2 == 0;
    const std::string title = copy ? "Tram line approved" : Headline(static_cast<size_t>(i));
    docs.push_back({LedgerDoc(i, title, copy ? story : Body(20 + i, 3)), title, "ledger"});
  }
  // ...and four other sources syndicate it, each three times.
  for (int s = 0; s < 4; ++s) {
    for (int k = 0; k < 3; ++k) {
      docs.push_back({"Site " + std::to_string(s) + " front page\n\n" + story + "Site " + std::to_string(s) +
                          " newsroom, all stories\n",
                      "Tram line approved", "site" + std::to_string(s)});
    }
  }
  for (const size_t min_repeats : {size_t{2}, size_t{3}}) {
    BoilerplateOptions options;
    options.min_repeats = min_repeats;
    const BoilerplateResult r = Find(docs, options);
    for (size_t d = 0; d < docs.size(); ++d) {
      const std::string clean = Clean(docs, r, d);
      if (d % 2 == 0 || d >= 6) {
        EXPECT_NE(clean.find(story_lines), std::string::npos) << "doc " << d << ": " << clean;
      }
    }
    // The ledger's template is still learned from its distinct articles.
    EXPECT_EQ(SpanTexts(docs[1].text, r, 1).size(), 2u);
  }
  // The whole input as one source: the copies of the story are still one article.
  std::vector<Doc> one = docs;
  for (Doc& d : one) d.source = "";
  const BoilerplateResult r = Find(one);
  for (size_t d = 0; d < one.size(); ++d) {
    if (d % 2 == 0 || d >= 6) {
      EXPECT_NE(Clean(one, r, d).find(story_lines), std::string::npos) << d;
    }
  }
}

TEST(BoilerplateLearnTest, ABackgroundParagraphReusedInFollowUpsIsContent) {
  // A site reuses one background paragraph in three follow-ups, once as the last paragraph, next to
  // its footer. That is reuse, for the passages to report; the site's template is still stripped.
  const std::string background =
      "The ferry link to Gull Island was suspended in January after a storm damaged the pier at "
      "Northwind Point, leaving about nine hundred residents dependent on a weekly supply boat run by "
      "the port authority.\n\n";
  std::vector<Doc> docs;
  const std::vector<std::string> bodies = {Body(31, 3), background + Body(32, 2),
                                           Body(33, 1) + background + Body(34, 1), Body(35, 2) + background,
                                           Body(36, 3)};
  for (size_t i = 0; i < bodies.size(); ++i) {
    const std::string title = Headline(i + 10);
    docs.push_back({LedgerDoc(static_cast<int>(i), title, bodies[i]), title, "ledger"});
  }
  const BoilerplateResult r = Find(docs);
  for (size_t i = 0; i < docs.size(); ++i) {
    const std::string clean = Clean(docs, r, i);
    EXPECT_EQ(clean.find(Slogan(static_cast<int>(i))), std::string::npos) << i;
    EXPECT_EQ(clean.find(Footer(static_cast<int>(i))), std::string::npos) << i;
    if (i >= 1 && i <= 3) {
      EXPECT_NE(clean.find(background.substr(0, background.size() - 2)), std::string::npos) << i;
    }
  }
}

TEST(BoilerplateLearnTest, ASiteWithOneArticleIsCarriedByRules) {
  const std::vector<Doc> docs = {
      {"Home \xC2\xBB Weather \xC2\xBB Orchards brace for a dry summer\n\nOrchards brace for a dry summer\n\n"
       "By Ilse Varga | June 2, 2026\n\n" +
           Body(41, 2) + "ADVERTISEMENT\n\n" + Body(42, 2) +
           "You might also like\n\nTram line approved after long debate\nLibrary reopens its reading room\n\n"
           "Sign up for our free morning newsletter.\n\n\xC2\xA9 2026 Valley Courier. All rights reserved.\n",
       "Orchards brace for a dry summer", "courier"}};
  const BoilerplateResult r = Find(docs);
  const std::string last = Body(42, 2);
  EXPECT_EQ(Clean(docs, r, 0),
            "Orchards brace for a dry summer\n\n" + Body(41, 2) + last.substr(0, last.size() - 1));
  std::vector<std::string> reasons;
  for (const auto& [text, reason] : SpanTexts(docs[0].text, r, 0)) reasons.push_back(reason);
  EXPECT_EQ(reasons, (std::vector<std::string>{"rule:breadcrumb", "rule:byline", "rule:advertisement",
                                               "rule:related", "rule:newsletter", "rule:copyright"}));
}

TEST(BoilerplateLearnTest, SameResultForAnyThreadCount) {
  std::vector<Doc> docs;
  for (int i = 0; i < 40; ++i) {
    std::string title = "Story ";
    title += std::to_string(i);
    title += " about the harbor";
    const std::string source(1, static_cast<char>('a' + i % 3));
    docs.push_back({LedgerDoc(i, title, Body(i + 100, 2)) + "Leave a comment\n", title, source});
  }
  BoilerplateOptions options;
  options.chunk_docs = 1;
  BoilerplateResult one, many;
  {
    tbb::global_control c(tbb::global_control::max_allowed_parallelism, 1);
    one = Find(docs, options);
  }
  {
    tbb::global_control c(tbb::global_control::max_allowed_parallelism, 4);
    many = Find(docs, options);
  }
  ASSERT_EQ(one.spans.size(), many.spans.size());
  for (size_t d = 0; d < docs.size(); ++d) {
    ASSERT_EQ(one.spans[d].size(), many.spans[d].size());
    for (size_t k = 0; k < one.spans[d].size(); ++k) {
      EXPECT_EQ(one.spans[d][k].start, many.spans[d][k].start);
      EXPECT_EQ(one.spans[d][k].end, many.spans[d][k].end);
      EXPECT_EQ(one.reasons[one.spans[d][k].reason], many.reasons[many.spans[d][k].reason]);
      EXPECT_EQ(one.spans[d][k].pattern, many.spans[d][k].pattern);
    }
  }
  ASSERT_EQ(one.patterns.size(), many.patterns.size());
  for (size_t p = 0; p < one.patterns.size(); ++p)
    EXPECT_EQ(one.patterns[p].pattern, many.patterns[p].pattern);
}

}  // namespace
}  // namespace neardup
