// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// The fast paths of the boilerplate stage against the plain ones they replace, which must give the same
// results on any text:
//  - the tokenizer that finds ASCII words with byte-class bitmaps, against the one that decodes one code
//    point at a time;
//  - the rule prefilter (words each built-in rule needs before its regular expression runs), against
//    running every rule on every unit;
//  - and the whole stage through both, on the benchmark's generated corpus.
// The texts are the generated corpus (tuning and held-out wordings, re-wrapped and flattened sites), the
// invented furniture and article sentences of the other tests, and variants of the furniture that a
// prefilter could get wrong: other cases, letters glued on, digits, long forms, non-ASCII look-alikes.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "bench/boilerplate_corpus.h"
#include "pipeline/boilerplate/boilerplate.h"
#include "pipeline/boilerplate/rules.h"
#include "pipeline/boilerplate/templates.h"
#include "tests/boilerplate_paths_util.h"

namespace neardup {
namespace {

using boilerplate_internal::MaskUnit;
using boilerplate_internal::SplitSentences;
using boilerplate_internal::Template;
using boilerplate_internal::TitleMask;
using boilerplate_testing::ExpectSameTemplate;
using boilerplate_testing::ReferencePaths;

// Turns the reference paths on for the scope.
// Invented furniture (every category, several wordings) and article sentences that share its words.
const std::vector<std::string>& Furniture() {
  static const std::vector<std::string> lines = {
      "\xC2\xA9 2026 The Harbor Ledger. All rights reserved.",
      "(c) 2025 Gullport Media Group",
      "Copyright 2019-2026 Gullport Media Group",
      "Copyright2026 The Ledger",
      "All Rights Reserved.",
      "This article may not be reproduced in whole or in part without written permission.",
      "No part of this publication may be copied, stored or transmitted without the prior written consent "
      "of the publisher.",
      "Please do not reproduce our articles without permission of the editors.",
      "Reproduction of this content is strictly prohibited without consent.",
      "Privacy Policy | Terms of Use | Contact Us | About Us | Advertise with us",
      "Ad blocker detected",
      "An ad-blocker is enabled!",
      "We noticed you are using an ad blocker. Please whitelist our site so we can keep reporting.",
      "Please whitelist gullport.info to keep reading.",
      "Leave a Reply Cancel reply",
      "Leave a commentCancel reply",
      "14 Comments",
      "No comments yet.",
      "Comments (3)",
      "Comments are closed for this article.",
      "You must be logged in to post a comment.",
      "Your email address will not be published. Required fields are marked *",
      "Name *",
      "Save my name, email, and website in this browser for the next time I comment.",
      "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
      "Join the conversation below!",
      "Be the first to comment on this story.",
      "View all 12 comments (12)",
      "How would you fix the ferry timetable? Tell us in the comments below!",
      "You might also like",
      "Related Stories",
      "More from the Ledger on the harbor",
      "Most read this week",
      "Read more: Orchard growers brace for a second dry summer",
      "In case you missed it",
      "Up next",
      "Home \xE2\x80\xBA Islands \xE2\x80\xBA Ferry service resumes",
      "Home > News > Ferry service resumes",
      "Homepage &gt; News &gt; Ferry",
      "You are here: Local / Transport",
      "Islands \xC2\xBB Gull Island \xC2\xBB Ferry link",
      "News > Islands > Ferry link > Timetable",
      "By Mara Quill, Senior Transport Correspondent",
      "Written by Tobias Fenn | March 4, 2026",
      "Ilse Varga, Political Reporter",
      "Mara Quill \xE2\x80\x94 the senior white house breaking news social media correspondent at the Gull "
      "Island Harbor Ledger.",
      "Updated 3 hours ago \xC2\xB7 4 min read",
      "UpdatedMarch 4, 2026",
      "Published: Tuesday, 10:45 am GMT",
      "Mon, Mar 4, 2026",
      "3 hours agoby Mara Quill",
      "an hour ago",
      "4 min read",
      "five-minute read",
      "Reading time: 6 minutes",
      "Share this: Facebook | X | Email",
      "FacebookTwitterEmail",
      "e-mail print",
      "Share this article on WhatsApp",
      "Click to share on WhatsApp (Opens in new window)",
      "1.2k shares",
      "Follow us on Instagram and Threads for more",
      "Sign up for our free morning newsletter.",
      "Get the best of the Ledger delivered to your inbox every Friday.",
      "Enter your email address",
      "Subscribe now!",
      "Thank you for subscribing!",
      "By signing up you agree to our privacy policy.",
      "Never miss a story. Sign up today.",
      "This website uses cookies to improve your experience. You can opt out if you wish.",
      "We and our 812 partners use cookies and similar technologies.",
      "We value your privacy",
      "By continuing to browse this site, you agree to our use of cookies.",
      "Accept all cookies",
      "Acceptand close",
      "I agree",
      "Got it",
      "Do not sell or share my personal information",
      "Download our free app for breaking news alerts.",
      "Available on the App Store and Google Play",
      "App Store | Google Play",
      "Read this story in our app.",
      "The best way to follow the harbor news is with our app.",
      "ADVERTISEMENT",
      "- Story continues below advertisement -",
      "Sponsored Content",
      "From our partners",
      "Report this ad",
      "Leave a comment. Comments are closed.",
  };
  return lines;
}

const std::vector<std::string>& ArticleSentences() {
  static const std::vector<std::string> lines = {
      "A draft copyright law would also cover photographs that residents post online, the council said.",
      "The minister's comments on the ferry contract drew sharp criticism from the harbor union.",
      "Subscribers to the council's newsletter were told of the timetable change by email.",
      "Share prices of the ferry operator rose 4 percent after the announcement.",
      "By Thursday the water had receded from the lower streets of Gullport.",
      "Home prices on the island rose 6 percent last year, according to the registry.",
      "Residents can download the city's app to report broken street lights, officials said.",
      "Advertising revenue at the regional paper fell for a third straight year.",
      "Related charges against the skipper were dropped in March.",
      "Users who disable ad blockers see twice as many banners, the study found.",
      "Critics say the harbor dredging was rushed through without a proper study of the costs.",
      "A public meeting on the ferry timetable is planned for Monday evening in the community hall.",
      "\xE2\x80\x9CWe were never consulted,\xE2\x80\x9D said Ilse Varga, who has lived in Gullport for 40 "
      "years.",
      "Caf\xC3\xA9 owners in Saint-\xC3\x89tienne said the \xC2\xAB\xC2\xA0plan\xC2\xA0\xC2\xBB was rushed.",
      "\xD0\x9F\xD1\x80\xD0\xBE\xD0\xB5\xD0\xBA\xD1\x82 "
      "\xC2\xAB\xD0\xA0\xD0\xBE\xD1\x81\xD0\xBC\xD0\xBE\xD1\x80"
      "\xC2\xBB: \xD0\xBC\xD0\xBD\xD0\xB5\xD0\xBD\xD0\xB8\xD1\x8F "
      "\xD1\x80\xD0\xB0\xD0\xB7\xD0\xB4\xD0\xB5\xD0\xBB"
      "\xD0\xB8\xD0\xBB\xD0\xB8\xD1\x81\xD1\x8C",
      "Prices rose 3.5% to $1,200 \xE2\x82\xAC in 2024 (\xC2\xBD of that in May).",
      "The fare is \xC2\xA3"
      "4.50, or $6, the operator said.",
      "Z\xC3\xBC"
      "rich-based analysts expect cuts; na\xC3\xAFve, some say.",
      "e\xCC\x81"
      "cole du port",  // a combining accent
  };
  return lines;
}

// Variants of a text that a prefilter could mistake: other cases, a letter or digits glued on, doubled
// spaces and tabs, a bullet in front, and the non-ASCII letters (?i) takes for ASCII ones.
std::vector<std::string> Variants(const std::string& text) {
  std::vector<std::string> out = {text};
  std::string upper = text, lower = text;
  for (char& c : upper) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  out.push_back(upper);
  out.push_back(lower);
  out.push_back("x" + text);
  out.push_back(text + "x");
  out.push_back("2026" + text);
  out.push_back("\xE2\x80\xA2 " + text);
  std::string spaced;
  for (const char c : text) spaced += c == ' ' ? std::string("  \t") : std::string(1, c);
  out.push_back(spaced);
  // ſ (U+017F) for each 's', K (U+212A) for each 'k'.
  std::string folded;
  for (const char c : text) {
    if (c == 's') {
      folded += "\xC5\xBF";
    } else if (c == 'k') {
      folded += "\xE2\x84\xAA";
    } else {
      folded += c;
    }
  }
  if (folded != text) out.push_back(folded);
  return out;
}

// Every text the comparisons run on.
std::vector<std::string> Texts() {
  std::vector<std::string> texts;
  for (const std::string& t : Furniture()) {
    for (const std::string& v : Variants(t)) texts.push_back(v);
  }
  for (const std::string& t : ArticleSentences()) {
    for (const std::string& v : Variants(t)) texts.push_back(v);
  }
  bench::BoilerplateCorpusOptions options;
  options.sites = 60;
  options.wrapped = 0.25;
  for (const std::string& line : bench::MakeBoilerplateCorpusLines(options)) {
    if (line.empty()) continue;
    texts.push_back(line);
    for (const auto& s : SplitSentences(line)) {
      if (s.text_end > s.text_begin) texts.push_back(line.substr(s.text_begin, s.text_end - s.text_begin));
    }
  }
  return texts;
}

TEST(BoilerplateFastPathTest, TokenizerMatchesTheReference) {
  const std::vector<std::string> texts = Texts();
  const TitleMask titles[] = {TitleMask(), TitleMask("Ferry service to Gull Island resumes after storm"),
                              TitleMask("Critics say the harbor dredging | The Ledger")};
  size_t compared = 0;
  for (const std::string& text : texts) {
    for (const TitleMask& title : titles) {
      std::vector<uint64_t> fast_hashes, reference_hashes;
      const Template fast = MaskUnit(text, title, nullptr, &fast_hashes);
      Template reference;
      {
        ReferencePaths on;
        reference = MaskUnit(text, title, nullptr, &reference_hashes);
      }
      ExpectSameTemplate(fast, reference, text);
      ASSERT_EQ(fast_hashes, reference_hashes) << text;
      ASSERT_FALSE(::testing::Test::HasFailure()) << text;
      ++compared;
    }
  }
  EXPECT_GT(compared, 10000u);
}

TEST(BoilerplateFastPathTest, EveryBuiltinRuleHasAGate) {
  const Status s = BoilerplateRules::CheckBuiltinPrefilter();
  EXPECT_TRUE(s.ok()) << s.ToString();
}

TEST(BoilerplateFastPathTest, PrefilterNeverHidesAMatch) {
  std::unique_ptr<BoilerplateRules> rules;
  ASSERT_TRUE(BoilerplateRules::Build({}, &rules).ok());
  size_t matched = 0;
  for (const std::string& text : Texts()) {
    const int gated = rules->MatchWhole(text), plain = rules->MatchWholeUnfiltered(text);
    ASSERT_EQ(gated, plain) << text;
    matched += plain >= 0;
    // A line of several sentences, each furniture, is classified through the same gates.
    const int classified = rules->Classify(text);
    int reference;
    {
      ReferencePaths on;
      reference = rules->Classify(text);
    }
    ASSERT_EQ(classified, reference) << text;
  }
  // Every piece of invented furniture is matched, in each of its variants but the glued ones.
  for (const std::string& line : Furniture()) EXPECT_GE(rules->Classify(line), 0) << line;
  EXPECT_GT(matched, 1000u);
}

TEST(BoilerplateFastPathTest, SameSpansAsTheReferencePaths) {
  bench::BoilerplateCorpusOptions options;
  options.sites = 80;
  options.wrapped = 0.25;
  const std::vector<bench::LabelledDoc> docs = bench::MakeBoilerplateCorpus(options);
  std::vector<BoilerplateInput> in;
  for (const bench::LabelledDoc& d : docs) in.push_back({d.text, d.title, d.source});
  BoilerplateResult fast, reference;
  ASSERT_TRUE(FindBoilerplate(in, {}, &fast).ok());
  {
    ReferencePaths on;
    ASSERT_TRUE(FindBoilerplate(in, {}, &reference).ok());
  }
  ASSERT_EQ(fast.spans.size(), reference.spans.size());
  for (size_t d = 0; d < docs.size(); ++d) {
    ASSERT_EQ(fast.spans[d].size(), reference.spans[d].size()) << docs[d].id;
    for (size_t k = 0; k < fast.spans[d].size(); ++k) {
      EXPECT_EQ(fast.spans[d][k].start, reference.spans[d][k].start) << docs[d].id;
      EXPECT_EQ(fast.spans[d][k].end, reference.spans[d][k].end) << docs[d].id;
      EXPECT_EQ(fast.reasons[fast.spans[d][k].reason], reference.reasons[reference.spans[d][k].reason]);
      EXPECT_EQ(fast.spans[d][k].pattern, reference.spans[d][k].pattern);
    }
  }
  ASSERT_EQ(fast.patterns.size(), reference.patterns.size());
  for (size_t p = 0; p < fast.patterns.size(); ++p) {
    EXPECT_EQ(fast.patterns[p].pattern, reference.patterns[p].pattern);
    EXPECT_EQ(fast.patterns[p].example, reference.patterns[p].example);
    EXPECT_EQ(fast.patterns[p].reason, reference.patterns[p].reason);
    EXPECT_EQ(fast.patterns[p].documents, reference.patterns[p].documents);
  }
  EXPECT_GT(fast.span_count, 1000u);
}

}  // namespace
}  // namespace neardup
