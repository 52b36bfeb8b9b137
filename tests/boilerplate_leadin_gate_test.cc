// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// The gates of the built-in lead-in rules (rules.cc, LeadInGates): MatchLeadIn skips a rule when the
// unit holds none of the literal pieces every text the rule matches contains (a dateline's "("), or none
// of its verbs opens one of its second to fifth words (attribution.citing; boilerplate_speed10_test.cc
// tries outlets of every length and the spaces between their words). With the gates, the answers must be
// those of running every lead-in rule on every unit (the reference paths), on lead-ins of each wording the
// rules know, on near misses, and on the first lines of the benchmark's corpus.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "bench/boilerplate_corpus.h"
#include "pipeline/boilerplate/rules.h"
#include "pipeline/boilerplate/templates.h"
#include "tests/boilerplate_paths_util.h"

namespace neardup {
namespace {

using boilerplate_testing::CompareLeadInWithReference;

// Lead-ins in every wording of the attribution rules, and texts that only look like them.
std::vector<std::string> LeadInTexts() {
  std::vector<std::string> texts;
  const char* const outlets[] = {"Island Radio", "gullport.info", "The Harbor Ledger"};
  const char* const verbs[] = {"informs", "reports",     "writes", "relays",    "notes",
                               "learned", "has learned", "learnt", "has learnt"};
  const char* const links[] = {"citing", "quoting", "with reference to",  "referring to",
                               "Citing", "QUOTING", "with  reference to", "refering to"};
  for (const char* outlet : outlets) {
    for (const char* verb : verbs) {
      for (const char* link : links) {
        const std::string lead = std::string(outlet) + " " + verb + ", " + link + " Harbor Daily, ";
        texts.push_back(lead + "the ferry will run twice a day.");
        texts.push_back(lead + "that the ferry will run.");
        texts.push_back(std::string(outlet) + " " + verb + " " + link + " local media, the port reopened.");
      }
    }
  }
  for (const std::string dateline :
       {"GULLPORT (Harbor Wire) \xE2\x80\x94 ", "GULLPORT, Maine (Harbor Wire) - ", "(Harbor Wire) -- ",
        "NEW PORT, Bay State, March 4, 2026 (AP) : ", "GULLPORT Harbor Wire \xE2\x80\x94 ",
        "GULLPORT [Harbor Wire] \xE2\x80\x94 ", "Gullport (Harbor Wire) \xE2\x80\x94 "}) {
    texts.push_back(dateline + "The ferry resumed service on Monday.");
  }
  texts.push_back("According to Island Radio, the ferry will run twice a day.");
  texts.push_back("The council (which met on Monday) approved the plan, citing costs, officials said.");
  texts.push_back("Officials, quoting the report, said the port would reopen (in part) next week.");
  return texts;
}

// The first lines (and sentences of text without line breaks) of the benchmark's generated documents.
std::vector<std::string> CorpusOpenings() {
  std::vector<std::string> texts;
  bench::BoilerplateCorpusOptions options;
  options.sites = 60;
  options.wrapped = 0.25;
  for (const bench::LabelledDoc& d : bench::MakeBoilerplateCorpus(options)) {
    size_t pos = 0;
    for (int line = 0; line < 8 && pos < d.text.size(); ++line) {
      size_t eol = d.text.find('\n', pos);
      if (eol == std::string::npos) eol = d.text.size();
      if (eol > pos) texts.push_back(d.text.substr(pos, eol - pos));
      pos = eol + 1;
    }
  }
  return texts;
}

TEST(BoilerplateLeadInGateTest, SameMatchesAsWithoutGates) {
  std::unique_ptr<BoilerplateRules> rules;
  ASSERT_TRUE(BoilerplateRules::Build({}, &rules).ok());
  const std::vector<std::string> texts = LeadInTexts();
  const size_t matched = CompareLeadInWithReference(*rules, texts);
  // Lead-ins of both rules and of each linking phrase are among them (not only near misses).
  EXPECT_GT(matched, 100u);
  EXPECT_LT(matched, texts.size());
}

TEST(BoilerplateLeadInGateTest, SameMatchesOnTheCorpusOpenings) {
  std::unique_ptr<BoilerplateRules> rules;
  ASSERT_TRUE(BoilerplateRules::Build({}, &rules).ok());
  const std::vector<std::string> texts = CorpusOpenings();
  ASSERT_GT(texts.size(), 1000u);
  CompareLeadInWithReference(*rules, texts);
}

TEST(BoilerplateLeadInGateTest, EachGatedRuleStillMatches) {
  // A lead-in per rule, matched with the gates on: the gate of a rule lets its own lead-ins through.
  std::unique_ptr<BoilerplateRules> rules;
  ASSERT_TRUE(BoilerplateRules::Build({}, &rules).ok());
  size_t len = 0;
  const int citing =
      rules->MatchLeadIn("Island Radio reports, quoting Harbor Daily, the ferry will run.", &len);
  ASSERT_GE(citing, 0);
  EXPECT_EQ(rules->rule(citing).name, "attribution.citing");
  const int dateline = rules->MatchLeadIn("GULLPORT (Harbor Wire) \xE2\x80\x94 The ferry resumed.", &len);
  ASSERT_GE(dateline, 0);
  EXPECT_EQ(rules->rule(dateline).name, "attribution.dateline");
}

}  // namespace
}  // namespace neardup
