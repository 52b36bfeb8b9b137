// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// neardup-datagen and the quality benchmark's reference.
//  - The generator (run as a binary): the committed sample is exactly what it generates (regenerate
//    and re-commit datasets/sample/ when the generator changes, see datasets/README.md); output is a pure
//    function of the seed; every record and truth line has the documented fields; the intended Jaccard
//    of near-duplicates covers 0.5–1.0 and agrees with the Jaccard neardup's own tokenizer measures.
//  - bench/quality_reference.h on small hand-made cases: exact all-pairs Jaccard, star clustering as the
//    contract defines it, the adjusted Rand index, pair comparison, and the text repairs.

#include <gtest/gtest.h>
#include <simdjson.h>
#include <stdlib.h>
#include <sys/wait.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "bench/quality_reference.h"
#include "kernels/minhash.h"
#include "kernels/tokenize.h"
#include "pipeline/io/utf8.h"

namespace neardup {
namespace {

namespace fs = std::filesystem;
namespace q = quality;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> Lines(const std::string& data) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < data.size()) {
    size_t end = data.find('\n', start);
    if (end == std::string::npos) end = data.size();
    lines.push_back(data.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

fs::path MakeTempDir() {
  std::string tmpl = (fs::path(testing::TempDir()) / "datagen_test.XXXXXX").string();
  const char* dir = ::mkdtemp(tmpl.data());
  EXPECT_NE(dir, nullptr);
  return fs::path(tmpl);
}

// Runs neardup-datagen; returns its exit status.
int RunDatagen(const std::string& args) {
  const std::string cmd = std::string("'") + NEARDUP_DATAGEN_BINARY + "' " + args + " -q";
  return std::system(cmd.c_str());
}

struct Generated {
  std::string corpus;
  std::string truth;
};

Generated Generate(const fs::path& dir, const std::string& name, uint64_t docs, uint64_t seed,
                   const std::string& extra = "") {
  const fs::path corpus = dir / (name + ".jsonl");
  const fs::path truth = dir / (name + ".truth.jsonl");
  const std::string args = "--docs " + std::to_string(docs) + " --seed " + std::to_string(seed) + " --out '" +
                           corpus.string() + "' --truth '" + truth.string() + "' " + extra;
  EXPECT_EQ(RunDatagen(args), 0) << args;
  return Generated{ReadFile(corpus), ReadFile(truth)};
}

// ------------------------------------------------------------------------------------------------
// The generator

TEST(Datagen, CommittedSampleIsWhatTheGeneratorWrites) {
  // The exact command is in datasets/README.md. If this fails after a change to datasets/gen/,
  // regenerate the sample with that command and commit it with the change.
  const fs::path dir = MakeTempDir();
  const Generated g = Generate(dir, "sample", 400, 1);
  const fs::path sample = fs::path(NEARDUP_SOURCE_DIR) / "datasets" / "sample";
  EXPECT_TRUE(g.corpus == ReadFile(sample / "news.jsonl"))
      << "datasets/sample/news.jsonl differs from `neardup-datagen --docs 400 --seed 1`";
  EXPECT_TRUE(g.truth == ReadFile(sample / "truth.jsonl"))
      << "datasets/sample/truth.jsonl differs from `neardup-datagen --docs 400 --seed 1`";
  fs::remove_all(dir);
}

TEST(Datagen, OutputIsAFunctionOfTheSeed) {
  const fs::path dir = MakeTempDir();
  const Generated a1 = Generate(dir, "a1", 300, 11, "--threads 1");
  const Generated a2 = Generate(dir, "a2", 300, 11, "--threads 3");
  const Generated b1 = Generate(dir, "b1", 300, 12, "--threads 2");
  const Generated b2 = Generate(dir, "b2", 300, 12, "--threads 1");
  EXPECT_FALSE(a1.corpus.empty());
  EXPECT_TRUE(a1.corpus == a2.corpus);
  EXPECT_TRUE(a1.truth == a2.truth);
  EXPECT_TRUE(b1.corpus == b2.corpus);
  EXPECT_TRUE(b1.truth == b2.truth);
  EXPECT_FALSE(a1.corpus == b1.corpus);
  EXPECT_EQ(Lines(a1.corpus).size(), 300u);
  EXPECT_EQ(Lines(a1.truth).size(), 300u);
  fs::remove_all(dir);
}

// The "bench" preset (bench/README-signature.md): deterministic, ~30% near-duplicates, English only,
// site furniture and quoted statements in the text, and the same records as "dedup" would write for no
// part of it (it is a recipe of its own).
TEST(Datagen, BenchPresetIsTheDocumentedRecipe) {
  const fs::path dir = MakeTempDir();
  const Generated a = Generate(dir, "a", 2000, 1, "--preset bench --threads 1");
  const Generated b = Generate(dir, "b", 2000, 1, "--preset bench --threads 2");
  EXPECT_TRUE(a.corpus == b.corpus);
  EXPECT_TRUE(a.truth == b.truth);
  const std::vector<std::string> truth = Lines(a.truth);
  ASSERT_EQ(truth.size(), 2000u);
  size_t near = 0, english = 0;
  for (const std::string& line : truth) {
    near += line.find("\"kind\":\"near_duplicate\"") != std::string::npos;
    english += line.find("\"lang\":\"en\"") != std::string::npos;
  }
  EXPECT_NEAR(static_cast<double>(near) / truth.size(), 0.30, 0.05);
  EXPECT_EQ(english, truth.size());
  // Furniture (the copyright footer of some sites) and quoted statements are in the texts.
  EXPECT_NE(a.corpus.find("All rights reserved."), std::string::npos);
  EXPECT_NE(a.corpus.find("The statement reads in full: "), std::string::npos);
  // About 3.4 KB per record, so that 300,000 records are about 1 GB.
  EXPECT_NEAR(static_cast<double>(a.corpus.size()) / truth.size(), 3400, 600);
  fs::remove_all(dir);
}

TEST(Datagen, LangWritesEveryStoryInOneLanguage) {
  const fs::path dir = MakeTempDir();
  const Generated g = Generate(dir, "ru", 200, 3, "--lang ru");
  size_t russian = 0, articles = 0;
  for (const std::string& line : Lines(g.truth)) {
    if (line.find("\"kind\":\"short\"") != std::string::npos ||
        line.find("\"kind\":\"empty\"") != std::string::npos) {
      continue;  // those are English in every preset
    }
    ++articles;
    russian += line.find("\"lang\":\"ru\"") != std::string::npos;
  }
  EXPECT_GT(articles, 150u);
  EXPECT_EQ(russian, articles);
  EXPECT_EQ(WEXITSTATUS(RunDatagen("--docs 10 --lang xx --out /dev/null")), 2);
  fs::remove_all(dir);
}

// Lines of `corpus` holding code point `cp` written either as UTF-8 or as a JSON \u escape (sites that
// escape every non-ASCII character).
size_t LinesWith(const std::string& corpus, char32_t cp) {
  std::string utf8;
  AppendUtf8(cp, &utf8);
  char escaped[8];
  std::snprintf(escaped, sizeof(escaped), "\\u%04x", static_cast<unsigned>(cp));
  size_t n = 0;
  for (const std::string& line : Lines(corpus)) {
    n += line.find(utf8) != std::string::npos || line.find(escaped) != std::string::npos;
  }
  return n;
}

TEST(Datagen, LangWritesArabicWithArabicPunctuationAndSometimesArabicIndicDigits) {
  const fs::path dir = MakeTempDir();
  const Generated g = Generate(dir, "ar", 300, 3, "--lang ar");
  size_t arabic = 0, articles = 0;
  for (const std::string& line : Lines(g.truth)) {
    if (line.find("\"kind\":\"short\"") != std::string::npos ||
        line.find("\"kind\":\"empty\"") != std::string::npos) {
      continue;  // those are English in every preset
    }
    ++articles;
    arabic += line.find("\"lang\":\"ar\"") != std::string::npos;
  }
  EXPECT_GT(articles, 200u);
  EXPECT_EQ(arabic, articles);
  EXPECT_GT(LinesWith(g.corpus, U'\u0627'), 200u);  // ا ALEF
  EXPECT_GT(LinesWith(g.corpus, U'\u060C'), 150u);  // ، ARABIC COMMA
  EXPECT_GT(LinesWith(g.corpus, U'\u061B'), 50u);   // ؛ ARABIC SEMICOLON
  EXPECT_GT(LinesWith(g.corpus, U'\u061F'), 20u);   // ؟ ARABIC QUESTION MARK
  EXPECT_GT(LinesWith(g.corpus, U'\u064B'), 50u);   // tanween (a combining mark), as in أيضاً
  // Some stories write Arabic-Indic digits, the others ASCII digits.
  size_t indic = 0, ascii = 0;
  simdjson::dom::parser parser;
  for (const std::string& line : Lines(g.corpus)) {
    std::string_view text;
    ASSERT_EQ(parser.parse(line)["text"].get_string().get(text), simdjson::SUCCESS);
    if (text.find("\xD8\xA7") == std::string_view::npos) continue;  // an English short record
    bool has_indic = false;
    for (size_t i = 0; i + 1 < text.size(); ++i) {
      has_indic |= text[i] == '\xD9' && static_cast<unsigned char>(text[i + 1]) >= 0xA0 &&
                   static_cast<unsigned char>(text[i + 1]) <= 0xA9;
    }
    indic += has_indic;
    ascii += text.find_first_of("0123456789") != std::string_view::npos;
  }
  EXPECT_GT(indic, 30u);
  EXPECT_GT(ascii, 30u);
  // Arabic is written only on request: the mixed-language draw is unchanged.
  const Generated mixed = Generate(dir, "mixed", 400, 3, "--non-english 1");
  EXPECT_EQ(LinesWith(mixed.corpus, U'\u060C'), 0u);
  fs::remove_all(dir);
}

TEST(Datagen, RejectsBadUsage) {
  EXPECT_EQ(WEXITSTATUS(RunDatagen("--docs 10 --preset nonsense --out /dev/null")), 2);
  EXPECT_EQ(WEXITSTATUS(RunDatagen("--docs 10")), 2);  // no --out
  EXPECT_EQ(WEXITSTATUS(RunDatagen("--docs 10 --jaccard-min 0.9 --jaccard-max 0.6 --out /dev/null")), 2);
  EXPECT_EQ(WEXITSTATUS(RunDatagen("--docs 10 --out /nonexistent-dir/x.jsonl")), 1);
}

// One 2000-document corpus shared by the checks below.
class Corpus2000 : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(MakeTempDir());
    data_ = new Generated(Generate(*dir_, "c2000", 2000, 5));
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
    delete data_;
  }
  static fs::path* dir_;
  static Generated* data_;
};
fs::path* Corpus2000::dir_ = nullptr;
Generated* Corpus2000::data_ = nullptr;

TEST_F(Corpus2000, EveryLineIsARecordWithTheDocumentedFields) {
  const std::vector<std::string> corpus = Lines(data_->corpus);
  const std::vector<std::string> truth = Lines(data_->truth);
  ASSERT_EQ(corpus.size(), 2000u);
  ASSERT_EQ(truth.size(), 2000u);
  simdjson::dom::parser parser;
  std::set<std::string> ids;
  std::map<std::string, int> kinds;
  std::vector<std::string> originals;
  int with_meta = 0, non_english = 0, empty_text = 0, non_ascii_escaped = 0;
  for (size_t i = 0; i < corpus.size(); ++i) {
    simdjson::dom::element rec;
    ASSERT_EQ(parser.parse(corpus[i]).get(rec), simdjson::SUCCESS) << "line " << i + 1;
    std::string_view id, url, title, text, published;
    ASSERT_EQ(rec["id"].get(id), simdjson::SUCCESS) << i;
    ASSERT_EQ(rec["url"].get(url), simdjson::SUCCESS) << i;
    ASSERT_EQ(rec["title"].get(title), simdjson::SUCCESS) << i;
    ASSERT_EQ(rec["text"].get(text), simdjson::SUCCESS) << i;
    ASSERT_EQ(rec["published"].get(published), simdjson::SUCCESS) << i;
    EXPECT_EQ(url.substr(0, 8), "https://") << url;
    EXPECT_EQ(published.substr(0, 3), "202") << published;
    EXPECT_TRUE(ids.insert(std::string(id)).second) << "repeated id " << id;
    simdjson::dom::object meta;
    if (rec["meta"].get(meta) == simdjson::SUCCESS) {
      ++with_meta;
      std::string_view lang;
      EXPECT_EQ(meta["lang"].get(lang), simdjson::SUCCESS);
    }
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) ++empty_text;
    non_ascii_escaped += corpus[i].find("\\u00") != std::string::npos;

    simdjson::dom::element t;
    ASSERT_EQ(parser.parse(truth[i]).get(t), simdjson::SUCCESS) << "truth line " << i + 1;
    std::string_view tid, kind, lang;
    ASSERT_EQ(t["id"].get(tid), simdjson::SUCCESS);
    EXPECT_EQ(tid, id) << "truth line " << i + 1 << " is not about corpus line " << i + 1;
    ASSERT_EQ(t["kind"].get(kind), simdjson::SUCCESS);
    ++kinds[std::string(kind)];
    ASSERT_EQ(t["lang"].get(lang), simdjson::SUCCESS);
    non_english += lang != "en";
    simdjson::dom::object edits;
    EXPECT_EQ(t["edits"].get(edits), simdjson::SUCCESS);
    const bool is_copy = kind == "near_duplicate";
    std::string_view original;
    if (is_copy || kind == "hard_negative") {
      ASSERT_EQ(t["original"].get(original), simdjson::SUCCESS) << tid;
      originals.emplace_back(original);
    } else {
      EXPECT_TRUE(t["original"].is_null()) << tid;
    }
    if (is_copy) {
      double j = -1;
      ASSERT_EQ(t["intended_jaccard"].get(j), simdjson::SUCCESS) << tid;
      EXPECT_GE(j, 0.0);
      EXPECT_LE(j, 1.0);
      std::string_view style;
      EXPECT_EQ(edits["style"].get(style), simdjson::SUCCESS);
    } else {
      EXPECT_TRUE(t["intended_jaccard"].is_null()) << tid;
    }
  }
  for (const std::string& o : originals)
    EXPECT_TRUE(ids.count(o)) << "original " << o << " is not in the corpus";
  for (const char* k : {"original", "near_duplicate", "hard_negative", "unrelated", "short", "empty"}) {
    EXPECT_GT(kinds[k], 0) << k;
  }
  EXPECT_EQ(kinds.size(), 6u);
  EXPECT_GE(empty_text, 2);
  EXPECT_GT(with_meta, 0);
  EXPECT_GT(non_english, 20);  // about 5%
  EXPECT_LT(non_english, 250);
  EXPECT_GT(non_ascii_escaped, 0);  // some sites' exporters escape non-ASCII
}

TEST_F(Corpus2000, IntendedJaccardCoversHalfToOne) {
  simdjson::dom::parser parser;
  int bins[5] = {};
  int copies = 0;
  for (const std::string& line : Lines(data_->truth)) {
    simdjson::dom::element t;
    ASSERT_EQ(parser.parse(line).get(t), simdjson::SUCCESS);
    double j = -1;
    if (t["intended_jaccard"].get(j) != simdjson::SUCCESS) continue;
    ++copies;
    if (j >= 0.5) ++bins[std::min(4, static_cast<int>((j - 0.5) * 10))];
  }
  ASSERT_GT(copies, 500);
  for (int b = 0; b < 5; ++b) {
    EXPECT_GT(bins[b], copies / 10) << "bin [" << 0.5 + b / 10.0 << ", " << 0.6 + b / 10.0 << ")";
  }
}

// The generator steers Jaccard with its own word keys; neardup's tokenizer must see the same words.
TEST_F(Corpus2000, IntendedJaccardIsWhatNeardupMeasures) {
  simdjson::dom::parser parser;
  std::map<std::string, std::string> text_of;
  std::map<std::string, std::string> lang_of;
  for (const std::string& line : Lines(data_->corpus)) {
    simdjson::dom::element rec;
    ASSERT_EQ(parser.parse(line).get(rec), simdjson::SUCCESS);
    std::string_view id, text;
    ASSERT_EQ(rec["id"].get(id), simdjson::SUCCESS);
    ASSERT_EQ(rec["text"].get(text), simdjson::SUCCESS);
    text_of[std::string(id)] = std::string(text);
  }
  WordTokenizer tokenizer(WordTokenizer::Mode::kIcuOnly);
  int checked = 0, close = 0, spaced_far = 0;
  double total_error = 0;
  for (const std::string& line : Lines(data_->truth)) {
    simdjson::dom::element t;
    ASSERT_EQ(parser.parse(line).get(t), simdjson::SUCCESS);
    double intended = -1;
    std::string_view id, original, lang;
    if (t["intended_jaccard"].get(intended) != simdjson::SUCCESS) continue;
    ASSERT_EQ(t["id"].get(id), simdjson::SUCCESS);
    ASSERT_EQ(t["original"].get(original), simdjson::SUCCESS);
    ASSERT_EQ(t["lang"].get(lang), simdjson::SUCCESS);
    std::vector<uint64_t> a, b;
    q::ShingleSet(&tokenizer, text_of[std::string(original)], {}, 5, &a);
    q::ShingleSet(&tokenizer, text_of[std::string(id)], {}, 5, &b);
    const double exact = ExactJaccard(a.data(), a.size(), b.data(), b.size());
    const double error = std::fabs(exact - intended);
    ++checked;
    total_error += error;
    close += error <= 0.02;
    // Only Chinese may differ: ICU segments Han text with its dictionary, the generator by its words.
    if (lang != "zh" && error > 0.0001) ++spaced_far;
  }
  ASSERT_GT(checked, 500);
  EXPECT_EQ(spaced_far, 0) << "intended Jaccard differs from neardup's for languages written with spaces";
  EXPECT_GT(close, checked * 98 / 100);
  EXPECT_LT(total_error / checked, 0.005);
}

// ------------------------------------------------------------------------------------------------
// The reference of bench_quality

TEST(QualityReference, AdjustedRandIndex) {
  EXPECT_DOUBLE_EQ(q::AdjustedRandIndex({0, 0, 1, 1, 2}, {0, 0, 1, 1, 2}), 1.0);
  // Relabeling does not matter.
  EXPECT_DOUBLE_EQ(q::AdjustedRandIndex({0, 0, 1, 1, 2}, {7, 7, -3, -3, 9}), 1.0);
  // Worked by hand: contingency [[2,1,0],[0,1,2]]: index 2, expected 6*3/15 = 1.2, max 4.5.
  EXPECT_NEAR(q::AdjustedRandIndex({0, 0, 0, 1, 1, 1}, {0, 0, 1, 1, 2, 2}), 0.8 / 3.3, 1e-12);
  // All singletons on both sides: identical trivial partitions.
  EXPECT_DOUBLE_EQ(q::AdjustedRandIndex({0, 1, 2, 3}, {5, 6, 7, 8}), 1.0);
  // All singletons against one cluster: no agreement beyond chance.
  EXPECT_DOUBLE_EQ(q::AdjustedRandIndex({0, 1, 2, 3}, {1, 1, 1, 1}), 0.0);
  // Symmetric.
  EXPECT_DOUBLE_EQ(q::AdjustedRandIndex({0, 0, 1, 2, 2, 2}, {0, 1, 1, 2, 2, 3}),
                   q::AdjustedRandIndex({0, 1, 1, 2, 2, 3}, {0, 0, 1, 2, 2, 2}));
}

TEST(QualityReference, ExactPairsAgreeWithBruteForce) {
  // Small random sets over a small universe, so that many pairs share shingles.
  uint64_t state = 42;
  auto next = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return state >> 33;
  };
  std::vector<std::vector<uint64_t>> sets(60);
  for (auto& s : sets) {
    const size_t n = next() % 25;
    for (size_t i = 0; i < n; ++i)
      s.push_back((next() % 80) * 0x9E3779B97F4A7C15ULL);  // spread over all bits
    s.resize(SortUnique(s.data(), s.size()));
  }
  const std::vector<q::RefPair> pairs = q::ExactPairs(sets, 0.0);
  std::vector<q::RefPair> brute;
  for (uint32_t a = 0; a < sets.size(); ++a) {
    for (uint32_t b = a + 1; b < sets.size(); ++b) {
      const size_t common = IntersectionSize(sets[a].data(), sets[a].size(), sets[b].data(), sets[b].size());
      if (common == 0) continue;
      brute.push_back(
          q::RefPair{a, b, static_cast<uint32_t>(common), 0,
                     ExactJaccard(sets[a].data(), sets[a].size(), sets[b].data(), sets[b].size())});
    }
  }
  ASSERT_EQ(pairs.size(), brute.size());
  for (size_t i = 0; i < pairs.size(); ++i) {
    EXPECT_EQ(pairs[i].a, brute[i].a);
    EXPECT_EQ(pairs[i].b, brute[i].b);
    EXPECT_EQ(pairs[i].common, brute[i].common);
    EXPECT_EQ(pairs[i].jaccard, brute[i].jaccard);  // the same division as ExactJaccard
  }
  // A threshold keeps exactly the pairs at or above it.
  size_t above = 0;
  for (const auto& p : brute) above += p.jaccard >= 0.3;
  EXPECT_EQ(q::ExactPairs(sets, 0.3).size(), above);
}

q::RefPair Pair(uint32_t a, uint32_t b, uint32_t common, uint32_t uni) {
  return q::RefPair{a, b, common, uni, static_cast<double>(common) / uni};
}

TEST(QualityReference, StarClustersJoinTheMostSimilarEarlierRepresentative) {
  // 1 joins 0. 2 is most similar to 1, but 1 is not a representative, so 2 joins 0. 3 is below the
  // threshold with 2 and starts its own cluster; 4 joins 3 at exactly the threshold.
  const std::vector<q::RefPair> pairs = {Pair(0, 1, 9, 10), Pair(0, 2, 17, 20), Pair(1, 2, 19, 20),
                                         Pair(2, 3, 1, 2), Pair(3, 4, 4, 5)};
  EXPECT_EQ(q::StarClusters(5, pairs, {1, 1, 1, 1, 1}, 0.8), (std::vector<uint32_t>{0, 0, 0, 3, 3}));
  // Between two representatives the more similar one wins.
  EXPECT_EQ(q::StarClusters(3, {Pair(0, 2, 8, 10), Pair(1, 2, 9, 10)}, {1, 1, 1}, 0.8),
            (std::vector<uint32_t>{0, 1, 1}));
  // Equal Jaccard (9/10 and 18/20): the earlier representative.
  EXPECT_EQ(q::StarClusters(3, {Pair(0, 2, 9, 10), Pair(1, 2, 18, 20)}, {1, 1, 1}, 0.8),
            (std::vector<uint32_t>{0, 1, 0}));
  // A document without words is similar to nothing, in either direction.
  EXPECT_EQ(q::StarClusters(3, {Pair(0, 1, 1, 1), Pair(1, 2, 1, 1)}, {1, 0, 1}, 0.8),
            (std::vector<uint32_t>{0, 1, 2}));
}

TEST(QualityReference, ComparePairs) {
  // Reference at threshold 0.8: three pairs, one in each bin.
  const std::vector<q::RefPair> ref = {Pair(0, 1, 41, 50), Pair(0, 2, 87, 100), Pair(1, 2, 19, 20)};
  auto exact = [](uint32_t a, uint32_t b) { return a == 2 && b == 3 ? 0.5 : 0.0; };
  const q::PairMetrics m = q::ComparePairs(ref,
                                           {{2, 1, 0.95},    // found, reported b before a
                                            {0, 2, 0.8700},  // found
                                            {2, 3, 0.5}},    // below the threshold: a false positive
                                           0.8, exact);
  ASSERT_EQ(m.bins.size(), 3u);
  EXPECT_EQ(m.bins[0].reference, 1u);
  EXPECT_EQ(m.bins[0].found, 0u);
  EXPECT_EQ(m.bins[1].found, 1u);
  EXPECT_EQ(m.bins[2].found, 1u);
  EXPECT_EQ(m.reference, 3u);
  EXPECT_EQ(m.found, 2u);
  EXPECT_EQ(m.reported, 3u);
  EXPECT_EQ(m.false_positives, 1u);
  EXPECT_EQ(m.misordered, 1u);
  EXPECT_EQ(m.jaccard_mismatches, 0u);
  EXPECT_NEAR(m.precision(), 2.0 / 3.0, 1e-12);
  // A value that is not the exact one rounded to 4 decimals is caught.
  EXPECT_EQ(q::ComparePairs(ref, {{0, 1, 0.8201}}, 0.8, exact).jaccard_mismatches, 1u);
  EXPECT_EQ(q::ComparePairs(ref, {{0, 1, 0.82}}, 0.8, exact).jaccard_mismatches, 0u);
}

TEST(QualityReference, ShingleSetsUseNeardupWords) {
  WordTokenizer tokenizer(WordTokenizer::Mode::kIcuOnly);
  std::vector<uint64_t> a, b, c;
  q::ShingleSet(&tokenizer, "Alpha beta gamma delta epsilon zeta", {}, 5, &a);
  q::ShingleSet(&tokenizer, "alpha  BETA, gamma\u00a0delta — epsilon eta.", {}, 5, &b);
  EXPECT_EQ(a.size(), 2u);
  EXPECT_NEAR(ExactJaccard(a.data(), a.size(), b.data(), b.size()), 1.0 / 3.0, 1e-12);
  // Leaving out a span: the first line (with its line ending) is 12 code points.
  q::ShingleSet(&tokenizer, "Home · News\nAlpha beta gamma delta epsilon zeta", {{0, 12}}, 5, &c);
  EXPECT_EQ(a, c);
  // No words, no shingles; fewer words than n, one shingle.
  EXPECT_EQ(q::ShingleSet(&tokenizer, " \n\t", {}, 5, &c), 0u);
  EXPECT_TRUE(c.empty());
  q::ShingleSet(&tokenizer, "Breaking news", {}, 5, &c);
  EXPECT_EQ(c.size(), 1u);
}

TEST(QualityReference, TextRepairsFollowTheContract) {
  EXPECT_EQ(q::RepairUtf8("a\xff"
                          "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(q::RepairUtf8("x\xE2\x82"), "x\xEF\xBF\xBD");  // a truncated sequence is one U+FFFD
  EXPECT_EQ(q::RepairUtf8("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // as Python does
  EXPECT_EQ(q::RepairUtf8("caf\xC3\xA9"), "caf\xC3\xA9");
  EXPECT_EQ(q::ReplaceLoneSurrogateEscapes(R"({"t":"a\ud800b"})"), R"({"t":"a\ufffdb"})");
  EXPECT_EQ(q::ReplaceLoneSurrogateEscapes(R"({"t":"\ud83d\ude00"})"), R"({"t":"\ud83d\ude00"})");
  EXPECT_EQ(q::ReplaceLoneSurrogateEscapes(R"({"t":"\\ud800"})"), R"({"t":"\\ud800"})");
  EXPECT_EQ(q::ReplaceLoneSurrogateEscapes(R"({"t":"\udc00x"})"), R"({"t":"\ufffdx"})");
}

}  // namespace
}  // namespace neardup
