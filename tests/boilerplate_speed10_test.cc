// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// CountCodePoints (kernels/tokenize.h), which the boilerplate stage now calls for its code point offsets
// and wrap widths, 16 bytes a step, held to a byte loop on random bytes of every value at every length and
// offset, and on runs of continuation bytes long enough to fill its byte lanes.
//
// The gate of attribution.citing (rules.cc, LeadInGates): MatchLeadIn runs the rule only on a text whose
// second to fifth word (runs of bytes between RE2's \s) opens with one of the rule's verbs. Held to
// running every lead-in rule on every text (the reference paths), on lead-ins with outlets of one to
// five words, each kind of space between the words (and bytes that look like spaces but are not \s to
// RE2: \v, a no-break space), leading space, and on random texts of outlet words, verbs, linking phrases
// and sources.

#include <gtest/gtest.h>

#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "kernels/tokenize.h"
#include "pipeline/boilerplate/rules.h"
#include "tests/boilerplate_paths_util.h"

namespace neardup {
namespace {

using boilerplate_testing::CompareLeadInWithReference;

size_t PlainCodePointCount(const char* p, size_t n) {
  size_t count = 0;
  for (size_t i = 0; i < n; ++i) count += (static_cast<unsigned char>(p[i]) & 0xC0) != 0x80;
  return count;
}

TEST(BoilerplateSpeed10Test, CountCodePointsIsTheByteLoop) {
  std::mt19937 rng(7);
  // Bytes of every value, ASCII most often (as in text), at every offset of a 16-byte step.
  std::string bytes(6000, ' ');
  for (char& c : bytes) c = static_cast<char>(rng() % 3 == 0 ? rng() % 256 : 'a' + rng() % 26);
  for (size_t begin = 0; begin < 40; ++begin) {
    for (size_t n = 0; begin + n <= bytes.size(); n += 1 + (n > 600 ? rng() % 97 : 0)) {
      ASSERT_EQ(CountCodePoints(std::string_view(bytes.data() + begin, n)),
                PlainCodePointCount(bytes.data() + begin, n))
          << begin << " " << n;
    }
  }
  // Every byte a continuation byte (each step adds one to every lane) or none, past 255 steps of 16.
  for (const char c : {'\x80', '\xBF', '\xC0', '\x7F', '\xFF'}) {
    const std::string run(16 * 600 + 7, c);
    for (const size_t n : {size_t{16 * 255}, size_t{16 * 255 + 16}, size_t{16 * 256 + 3}, run.size()}) {
      EXPECT_EQ(CountCodePoints(std::string_view(run.data(), n)), PlainCodePointCount(run.data(), n))
          << static_cast<int>(static_cast<unsigned char>(c)) << " " << n;
    }
  }
}

TEST(BoilerplateSpeed10Test, CitingGateOnOutletsOfEveryLength) {
  std::unique_ptr<BoilerplateRules> rules;
  ASSERT_TRUE(BoilerplateRules::Build({}, &rules).ok());
  const char* const outlets[] = {"Island",
                                 "Island Radio",
                                 "The Harbor Ledger",
                                 "The Harbor Ledger Daily",
                                 "The Harbor Ledger Daily Online",
                                 "gullport.info",
                                 "gullport.info Harbor",
                                 "Radio Gull\xE2\x80\x99s A&B",
                                 "U.S. News-Wire",
                                 "\xC3\x89"
                                 "cho Radio"};
  const char* const verbs[] = {"informs", "reports",     "writes",     "relays", "notes",    "learned",
                               "learnt",  "has learned", "has learnt", "has",    "informed", "says"};
  const char* const spaces[] = {" ", "  ", "\t", "\f", "\r", "\n", " \t ", "\v", "\xC2\xA0"};
  std::vector<std::string> texts;
  for (const char* outlet : outlets) {
    for (const char* verb : verbs) {
      for (const char* space : spaces) {
        // The outlet's words, and the verb after them, separated by `space`.
        std::string lead;
        for (const char* c = outlet; *c != '\0'; ++c) {
          if (*c == ' ') {
            lead += space;
          } else {
            lead += *c;
          }
        }
        lead += space;
        lead += verb;
        for (const char* rest :
             {", citing Harbor Daily, the ferry will run twice a day.",
              " quoting local media, the port reopened.", ", citing Harbor Daily, that it ran.",
              ",citing Harbor Daily, the ferry ran."}) {
          texts.push_back(lead + rest);
          texts.push_back(std::string(space) + lead + rest);
          texts.push_back("\"" + lead + rest);
        }
      }
    }
  }
  const size_t citing = CompareLeadInWithReference(*rules, texts, "attribution.citing");
  // Lead-ins of every outlet length the rule takes are among them, not only near misses.
  EXPECT_GT(citing, 500u);
  EXPECT_LT(citing, texts.size() / 2);
  size_t len = 0;
  const int four =
      rules->MatchLeadIn("The Harbor Ledger Daily reports, citing Harbor Daily, the ferry ran.", &len);
  ASSERT_GE(four, 0);
  EXPECT_EQ(rules->rule(four).name, "attribution.citing");
}

TEST(BoilerplateSpeed10Test, CitingGateOnRandomTexts) {
  std::unique_ptr<BoilerplateRules> rules;
  ASSERT_TRUE(BoilerplateRules::Build({}, &rules).ok());
  // A lead-in's parts in order, each drawn from words that fit there and words that do not.
  const std::vector<std::vector<std::string>> slots = {
      {"Island", "Radio", "The", "Harbor", "gullport.info", "the", "U.S.",
       "\xC3\x89"
       "cho",
       "Gull\xE2\x80\x99s", "\"Island", "(AP)", "informs", "has"},
      {"informs", "reports", "writes", "relays", "notes", "learned", "learnt", "has", "has learned", "hasn't",
       "reportsX", "learning", "writer", "said", "Radio"},
      {"", ",", ", ", ":"},
      {"citing", "quoting", "with reference to", "referring to", "Citing", "that", "told"},
      {"Harbor Daily", "local media", "the Ledger", "sources", "them"},
      {",", ", ", ";", ""},
      {"the ferry ran.", "that it ran.", "thatch fell.", "t", "\xE2\x80\x94 the port reopened."}};
  const std::vector<std::string> gaps = {" ",  " ",  " ",  " ",  "  ",       "\t",
                                         "\n", "\f", "\r", "\v", "\xC2\xA0", ""};
  std::mt19937 rng(20261207);
  std::vector<std::string> texts;
  for (int n = 0; n < 30000; ++n) {
    std::string text = rng() % 8 == 0 ? gaps[rng() % gaps.size()] : "";
    // The outlet: one to five words.
    const size_t outlet_words = 1 + rng() % 5;
    for (size_t w = 0; w < outlet_words; ++w) {
      if (w > 0) text += gaps[rng() % gaps.size()];
      text += slots[0][rng() % slots[0].size()];
    }
    for (size_t k = 1; k < slots.size(); ++k) {
      if (k != 2 && k != 5) text += gaps[rng() % gaps.size()];
      text += slots[k][rng() % slots[k].size()];
    }
    texts.push_back(text);
  }
  const size_t citing = CompareLeadInWithReference(*rules, texts, "attribution.citing");
  EXPECT_GT(citing, 100u);
}

}  // namespace
}  // namespace neardup
