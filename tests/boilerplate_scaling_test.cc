// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// The vocabulary lines (LearnVocabularyLines), learned in parallel per source and per fixed chunk of
// documents and units, against the plain serial loops they replace: a random corpus of many sites in
// random order, several chunks of documents and of learned units, where the vocabulary carries some
// footers to sites with one article. The whole result is the same for 1, 2 and 8 threads, and its digest is
// the one the serial loops gave (recorded from main at b23064c). Every text here is made up for the test.

#include <gtest/gtest.h>
#include <tbb/global_control.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "pipeline/boilerplate/boilerplate.h"
#include "tests/boilerplate_test_util.h"

namespace neardup {
namespace {

// Every field of the result, in order.
std::string Serialize(const BoilerplateResult& r) {
  std::string out;
  for (const std::string& reason : r.reasons) out += reason + "\n";
  for (const BoilerplatePattern& p : r.patterns) {
    out += p.pattern + "|" + p.example + "|" + p.reason + "|" + std::to_string(p.documents) + "|" +
           std::to_string(p.sources) + "\n";
  }
  for (size_t d = 0; d < r.spans.size(); ++d) {
    out += std::to_string(d) + ":";
    for (const BoilerplateSpan& s : r.spans[d]) {
      out += " " + std::to_string(s.start) + "-" + std::to_string(s.end) + "/" + std::to_string(s.reason) +
             "/" + std::to_string(s.pattern);
    }
    out += "\n";
  }
  out += std::to_string(r.span_count) + " " + std::to_string(r.chars_removed) + "\n";
  return out;
}

uint64_t Fnv1a(const std::string& s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (const unsigned char c : s) h = (h ^ c) * 0x100000001b3ULL;
  return h;
}

// A made-up name of three or four syllables, capitalized (a word: no digits, which names masking
// would not take for a name).
std::string PlaceName(std::mt19937_64* rng) {
  static const char* const kSyllables[] = {"tor", "wick", "ham", "bel", "dun", "mar", "sel", "ford",
                                           "lin", "cas",  "ver", "ton", "ash", "bry", "pen", "hol"};
  std::string name;
  const int n = 3 + static_cast<int>((*rng)() % 2);
  for (int k = 0; k < n; ++k) name += kSyllables[(*rng)() % 16];
  name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
  return name;
}

// Sentences of invented local news, distinct per (article, sentence).
std::string Sentence(std::mt19937_64* rng, const std::string& place, int a, int k) {
  static const char* const kSubjects[] = {"Ferry crews", "Volunteers", "Traders",  "Engineers",
                                          "Oarsmen",     "Bakers",     "Teachers", "Nurses"};
  static const char* const kVerbs[] = {"voted to end a long dispute",      "restored the old cottage",
                                       "moved their stalls to the quay",   "found gravel under the wall",
                                       "won the regatta by a boat length", "lit the ovens before dawn"};
  return std::string(kSubjects[(*rng)() % 8]) + " in " + place + " " + kVerbs[(*rng)() % 6] + " on day " +
         std::to_string(a * 7 + k) + " of the season, number " + std::to_string((*rng)() % 100000) + ".";
}

// A footer of fixed title-case wording with the site's name in it, as in boilerplate_vocabulary_test:
// names masking takes the whole line for one name, so only the vocabulary carries it to a lone site.
// Each group of sites has its own fixed words.
std::string Footer(const std::vector<std::string>& words, const std::string& place) {
  return "The " + place + " " + words[0] + " Group. " + words[1] + " On " + words[2] + " " + words[3] + ".";
}

// Groups of sites in random order: in each, six sites of four to six articles teach the group's footer
// and one site has one article with it.
std::vector<Doc> RandomCorpus(uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<Doc> docs;
  std::set<std::string> names;
  auto fresh_name = [&]() {
    std::string name;
    do {
      name = PlaceName(&rng);
    } while (!names.insert(name).second);
    return name;
  };
  for (int group = 0; group < 300; ++group) {
    std::vector<std::string> words;
    for (int k = 0; k < 4; ++k) words.push_back(fresh_name());
    for (int site = 0; site < 7; ++site) {
      const std::string place = fresh_name();
      std::string source = place + words[0] + ".example";
      for (char& c : source) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      const int articles = site == 6 ? 1 : 4 + static_cast<int>(rng() % 3);
      for (int a = 0; a < articles; ++a) {
        const std::string title = "News " + std::to_string(a) + " from " + place;
        std::string text = title + "\n\n";
        for (int k = 0; k < 3; ++k) text += Sentence(&rng, place, a, k) + "\n\n";
        text += Footer(words, place) + "\n";
        docs.push_back({text, title, source});
      }
    }
  }
  std::shuffle(docs.begin(), docs.end(), rng);
  return docs;
}

TEST(BoilerplateScalingTest, VocabularyLinesAsTheSerialLoopsForAnyThreadCount) {
  const std::vector<Doc> docs = RandomCorpus(14);
  ASSERT_GT(docs.size(), 2u * 1024u);  // several chunks of documents
  std::string baseline;
  for (const int threads : {1, 2, 8}) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
    const std::string serialized = Serialize(Find(docs));
    if (baseline.empty()) {
      baseline = serialized;
    } else {
      EXPECT_TRUE(serialized == baseline) << "threads " << threads;
    }
  }
  // Some footers were carried to sites with one article (none are without the vocabulary lines, and the
  // digest differs): the loops under test are at work.
  const BoilerplateResult r = Find(docs);
  std::map<std::string, size_t> articles;  // by source
  for (const Doc& doc : docs) ++articles[doc.source];
  size_t carried = 0;
  for (size_t d = 0; d < docs.size(); ++d) {
    if (articles[docs[d].source] != 1) continue;
    const std::string clean = RemoveSpans(docs[d].text, r.spans[d]);
    if (clean.find(" Group. ") == std::string::npos) {
      ++carried;
    }
  }
  EXPECT_GT(carried, 0u);
  EXPECT_EQ(Fnv1a(baseline), 0x11010ac445658eb2ULL) << std::hex << Fnv1a(baseline);
}

}  // namespace
}  // namespace neardup
