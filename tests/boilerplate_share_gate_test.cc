// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// The prefilter's gate of share.this for text that opens with a number (rules.cc, GateSpecs): such a text
// can only be a share count, so it must hold the word "shares" or "share", or the count's k or m glued to
// it ("1.2kshares"). With the gate, MatchWhole and Classify must answer as without the prefilter, on
// counts of every form the pattern knows, on near misses and on the corpus's lines that open with a digit.

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "bench/boilerplate_corpus.h"
#include "pipeline/boilerplate/rules.h"
#include "pipeline/boilerplate/templates.h"

namespace neardup {
namespace {

using boilerplate_internal::SetReferencePathsForTesting;

std::vector<std::string> Texts() {
  std::vector<std::string> texts;
  const char* const counts[] = {"12", "1.2k", "1.2K", "3m", "3 M", "1,204", ".5", "5.", "12 k"};
  const char* const words[] = {"shares", "share",   "Shares",          "SHARES",
                               "shared", "sharers", "people shared it"};
  const char* const tails[] = {"", ":", ": 15", " 1.2k", ".", " on Facebook", ". Share this article."};
  for (const char* count : counts) {
    for (const char* word : words) {
      for (const char* tail : tails) {
        texts.push_back(std::string(count) + " " + word + tail);
        texts.push_back(std::string(count) + word + tail);
      }
    }
  }
  for (const char* other : {"15 people were rescued from the harbor on Monday, officials said.",
                            "2024 was a year of storms.", "2 comments", "3 min read", "5 pm"}) {
    texts.push_back(other);
  }
  bench::BoilerplateCorpusOptions options;
  options.sites = 40;
  options.wrapped = 0.25;
  for (const std::string& line : bench::MakeBoilerplateCorpusLines(options)) {
    const char c = line.empty() ? ' ' : line[0];
    if ((c >= '0' && c <= '9') || c == '.' || c == ',') texts.push_back(line);
  }
  return texts;
}

struct Answers {
  std::vector<int> whole, classified;
};

// MatchWhole and Classify on `texts`, with the prefilter or on the reference paths, in a thread of their
// own: the rules remember each text's matches per thread, and a match remembered by one side would be
// the other's answer.
Answers Answer(const BoilerplateRules& rules, const std::vector<std::string>& texts, bool reference) {
  Answers a;
  std::thread worker([&] {
    if (reference) SetReferencePathsForTesting(true);
    for (const std::string& text : texts) {
      a.whole.push_back(reference ? rules.MatchWholeUnfiltered(text) : rules.MatchWhole(text));
      a.classified.push_back(rules.Classify(text));
    }
    if (reference) SetReferencePathsForTesting(false);
  });
  worker.join();
  return a;
}

TEST(BoilerplateShareGateTest, SameMatchesAsWithoutThePrefilter) {
  std::unique_ptr<BoilerplateRules> rules;
  ASSERT_TRUE(BoilerplateRules::Build({}, &rules).ok());
  int share_this = -1;
  for (size_t i = 0; i < rules->size(); ++i) {
    if (rules->rule(i).name == "share.this") share_this = static_cast<int>(i);
  }
  ASSERT_GE(share_this, 0);
  const std::vector<std::string> texts = Texts();
  const Answers gated = Answer(*rules, texts, false), reference = Answer(*rules, texts, true);
  size_t matched = 0;
  for (size_t k = 0; k < texts.size(); ++k) {
    EXPECT_EQ(gated.whole[k], reference.whole[k]) << texts[k];
    EXPECT_EQ(gated.classified[k], reference.classified[k]) << texts[k];
    matched += reference.whole[k] == share_this;
  }
  // Counts glued to their k or m and spaced ones are among them, not only near misses.
  EXPECT_GT(matched, 50u);
  EXPECT_LT(matched, texts.size() / 2);
}

}  // namespace
}  // namespace neardup
