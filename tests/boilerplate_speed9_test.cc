// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// The rule prefilter's candidates (rules.cc, Prefilter::Candidates) against a plain check of every gate
// (every word looked up, every prefix and alternative tried, the subs found with std::string::find in a
// lower-cased copy), with and without the bound on the number of runs. Round 9 finds the subs with
// memmem; the texts put the subs of the gates (" the comment", "cookie", "newsletter", "inbox", "in the
// app", one-byte separators, "signing up") at the start, the end and inside lines, in other cases and
// cut short by a byte, next to the words that open their gates.

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "bench/boilerplate_corpus.h"
#include "pipeline/boilerplate/rules.h"

namespace neardup {
namespace {

// Words of the gates and of their subs, and filler.
const std::vector<std::string>& Pieces() {
  static const std::vector<std::string> pieces = {"the comment",
                                                  "The Comment",
                                                  "THE COMMENT",
                                                  "the commen",
                                                  "he comment",
                                                  "comment",
                                                  "comments",
                                                  "cookie",
                                                  "Cookies",
                                                  "cooki",
                                                  "site",
                                                  "website",
                                                  "we",
                                                  "We",
                                                  "use",
                                                  "newsletter",
                                                  "Newsletter",
                                                  "mail",
                                                  "news alerts",
                                                  "news alert",
                                                  "briefing",
                                                  "digest",
                                                  "bulletin",
                                                  "sign",
                                                  "signup",
                                                  "subscribe",
                                                  "your",
                                                  "inbox",
                                                  "Inbox",
                                                  "inbo",
                                                  "app",
                                                  "in the app",
                                                  "in our app",
                                                  "our app",
                                                  "the app",
                                                  "way",
                                                  "best",
                                                  "home",
                                                  "Home",
                                                  "start",
                                                  "main",
                                                  "you",
                                                  "are",
                                                  "\xC2\xBB",
                                                  "\xE2\x80\xBA",
                                                  ">",
                                                  "/",
                                                  "|",
                                                  "\\",
                                                  "&",
                                                  ":",
                                                  "-",
                                                  "\xE2\x80\x93",
                                                  "\xE2\x80\x94",
                                                  ",",
                                                  "editor",
                                                  "Reporter",
                                                  "staff",
                                                  "by",
                                                  "By",
                                                  "signing up",
                                                  "subscribing",
                                                  "registering",
                                                  "clicking",
                                                  "i",
                                                  "I",
                                                  "accept",
                                                  "agree",
                                                  "Accept",
                                                  "privacy",
                                                  "the",
                                                  "a",
                                                  "of",
                                                  "and",
                                                  "story",
                                                  "read",
                                                  "more",
                                                  "2026",
                                                  "12",
                                                  "\xC2\xA9",
                                                  "x",
                                                  "mar",
                                                  "\xC5\xBF",
                                                  "\xE2\x84\xAA",
                                                  "caf\xC3\xA9",
                                                  "join",
                                                  "get",
                                                  "receive",
                                                  "leave",
                                                  "reply",
                                                  "share"};
  return pieces;
}

// Random lines of 1 to 24 pieces, joined by a space, by nothing or by a separator.
std::vector<std::string> RandomLines(size_t count, uint32_t seed) {
  std::mt19937 rng(seed);
  const auto& pieces = Pieces();
  std::vector<std::string> lines;
  for (size_t n = 0; n < count; ++n) {
    std::string line;
    const size_t k = 1 + rng() % 24;
    for (size_t i = 0; i < k; ++i) {
      if (i > 0) {
        const uint32_t join = rng() % 8;
        line += join == 0 ? "" : join == 1 ? ", " : join == 2 ? "  " : " ";
      }
      line += pieces[rng() % pieces.size()];
    }
    lines.push_back(line);
  }
  return lines;
}

void ExpectSameCandidates(const BoilerplateRules& rules, const std::vector<std::string>& texts) {
  size_t with_candidates = 0;
  for (const std::string& text : texts) {
    for (const bool any_length : {false, true}) {
      const uint64_t fast = rules.BuiltinCandidatesForTesting(text, any_length, /*plain=*/false);
      const uint64_t plain = rules.BuiltinCandidatesForTesting(text, any_length, /*plain=*/true);
      ASSERT_EQ(fast, plain) << "text: '" << text << "' any_length " << any_length;
      with_candidates += fast != 0;
    }
  }
  // The texts must reach the gates, not only be turned away by them.
  EXPECT_GT(with_candidates, texts.size() / 4);
}

TEST(BoilerplateSpeed9Test, CandidatesOfRandomLinesAsThePlainCheck) {
  std::unique_ptr<BoilerplateRules> rules;
  ASSERT_TRUE(BoilerplateRules::Build({}, &rules).ok());
  ExpectSameCandidates(*rules, RandomLines(30000, 9));
}

TEST(BoilerplateSpeed9Test, CandidatesOfCorpusLinesAsThePlainCheck) {
  std::unique_ptr<BoilerplateRules> rules;
  ASSERT_TRUE(BoilerplateRules::Build({}, &rules).ok());
  bench::BoilerplateCorpusOptions options;
  options.sites = 40;
  options.wrapped = 0.25;
  std::vector<std::string> texts;
  for (const std::string& line : bench::MakeBoilerplateCorpusLines(options)) {
    if (!line.empty()) texts.push_back(line);
  }
  ExpectSameCandidates(*rules, texts);
}

}  // namespace
}  // namespace neardup
