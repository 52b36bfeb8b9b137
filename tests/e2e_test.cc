// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// End-to-end tests of `neardup run`: the CLI on small corpora of our own, every output checked
// field by field against the contract.

#include <gtest/gtest.h>
#include <simdjson.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "pipeline/io/reader.h"
#include "pipeline/output.h"
#include "tests/test_util.h"

namespace neardup {
namespace {

using testing_util::CliResult;
using testing_util::EditWords;
using testing_util::FileExists;
using testing_util::MakeText;
using testing_util::ReadFile;
using testing_util::ReadLines;
using testing_util::RunNeardup;
using testing_util::TempDir;
using testing_util::WriteFile;

std::string JsonLine(const std::string& id, const std::string& text, const std::string& extra = "") {
  std::string line = "{\"id\":";
  AppendJsonString(id, &line);
  line += ",\"text\":";
  AppendJsonString(text, &line);
  line += extra + "}\n";
  return line;
}

// Parsed output lines: one DOM parser per line keeps every element valid for the object's lifetime.
class JsonLines {
 public:
  explicit JsonLines(const std::string& path) {
    for (const std::string& line : ReadLines(path)) {
      parsers_.push_back(std::make_unique<simdjson::dom::parser>());
      simdjson::dom::element e;
      if (parsers_.back()->parse(line).get(e)) {
        ADD_FAILURE() << path << ": invalid JSON line: " << line;
        parsers_.pop_back();
        continue;
      }
      elements_.push_back(e);
    }
  }
  size_t size() const { return elements_.size(); }
  simdjson::dom::element operator[](size_t i) const { return elements_.at(i); }

 private:
  std::vector<std::unique_ptr<simdjson::dom::parser>> parsers_;
  std::vector<simdjson::dom::element> elements_;
};

std::string Str(simdjson::dom::element e) { return std::string(std::string_view(e)); }

// A corpus with known answers: 0 and 1 are near-duplicates (one word in 80 changed), 2 is an exact
// copy of 0, 3 is unrelated, 4 is empty, 5 is punctuation only, 6 is near 3 but below the threshold.
struct SmallCorpus {
  std::string base = MakeText(1, 400);
  std::string other = MakeText(2, 200);
  std::string jsonl = JsonLine("a", base, ",\"url\":\"https://news.example/x\",\"meta\":{\"k\":[1,2]}") +
                      JsonLine("b", EditWords(base, 80, 5)) + JsonLine("c", base) + JsonLine("d", other) +
                      JsonLine("e", "") + JsonLine("f", "... !!! ---") + JsonLine("g", EditWords(other, 4, 9));
};

TEST(EndToEndTest, SmallCorpusOutputsFieldByField) {
  TempDir dir;
  SmallCorpus corpus;
  WriteFile(dir / "in.jsonl", corpus.jsonl);
  const CliResult r = RunNeardup({"run", dir / "in.jsonl", "-o", dir / "out", "--pairs", "--threads", "2"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("7 documents"), std::string::npos) << r.out;

  JsonLines ann(dir / "out/annotations.jsonl");
  ASSERT_EQ(ann.size(), 7u);
  const std::vector<std::string> ids = {"a", "b", "c", "d", "e", "f", "g"};
  for (size_t i = 0; i < ids.size(); ++i) EXPECT_EQ(Str(ann[i]["id"]), ids[i]);
  // a: representative of cluster 0.
  EXPECT_TRUE(bool(ann[0]["kept"]));
  EXPECT_TRUE(ann[0]["dropped"].is_null());
  EXPECT_EQ(int64_t(ann[0]["cluster"]), 0);
  EXPECT_TRUE(ann[0]["duplicate_of"].is_null());
  EXPECT_TRUE(ann[0]["similarity"].is_null());
  // b: a near-duplicate of a, similarity below 1.
  EXPECT_FALSE(bool(ann[1]["kept"]));
  EXPECT_EQ(Str(ann[1]["dropped"]), "duplicate");
  EXPECT_EQ(int64_t(ann[1]["cluster"]), 0);
  EXPECT_EQ(Str(ann[1]["duplicate_of"]), "a");
  const double sim_b = double(ann[1]["similarity"]);
  EXPECT_GE(sim_b, 0.8);
  EXPECT_LT(sim_b, 1.0);
  // c: exact copy of a.
  EXPECT_EQ(Str(ann[2]["duplicate_of"]), "a");
  EXPECT_EQ(double(ann[2]["similarity"]), 1.0);
  // d: unrelated, kept, in no cluster; g edits every 4th word of d: far below 0.8.
  EXPECT_TRUE(bool(ann[3]["kept"]));
  EXPECT_TRUE(ann[3]["cluster"].is_null());
  EXPECT_TRUE(bool(ann[6]["kept"]));
  EXPECT_TRUE(ann[6]["cluster"].is_null());
  // e, f: no words.
  for (size_t i : {4u, 5u}) {
    EXPECT_FALSE(bool(ann[i]["kept"]));
    EXPECT_EQ(Str(ann[i]["dropped"]), "empty");
    EXPECT_TRUE(ann[i]["cluster"].is_null());
  }
  // No furniture and no shared passages outside the cluster in this corpus.
  for (size_t i = 0; i < ids.size(); ++i) {
    EXPECT_EQ(simdjson::dom::array(ann[i]["boilerplate"]).size(), 0u);
    EXPECT_EQ(int64_t(ann[i]["passages"]), 0);
  }

  const std::vector<std::string> clean = ReadLines(dir / "out/clean.jsonl");
  ASSERT_EQ(clean.size(), 3u);
  // Untouched: the kept record is byte for byte the input line, unknown fields included.
  EXPECT_EQ(clean[0] + "\n", corpus.jsonl.substr(0, corpus.jsonl.find('\n') + 1));

  JsonLines clusters(dir / "out/clusters.jsonl");
  ASSERT_EQ(clusters.size(), 1u);
  EXPECT_EQ(int64_t(clusters[0]["cluster"]), 0);
  EXPECT_EQ(Str(clusters[0]["representative"]), "a");
  simdjson::dom::array members = clusters[0]["members"];
  std::vector<std::string> member_ids;
  for (auto m : members) member_ids.push_back(Str(m["id"]));
  EXPECT_EQ(member_ids, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(double(members.at(0)["similarity"]), 1.0);
  EXPECT_EQ(double(members.at(1)["similarity"]), sim_b);

  JsonLines pairs(dir / "out/pairs.jsonl");
  ASSERT_EQ(pairs.size(), 3u);  // a-b, a-c, b-c
  EXPECT_EQ(Str(pairs[0]["a"]), "a");
  EXPECT_EQ(Str(pairs[0]["b"]), "b");
  EXPECT_EQ(double(pairs[0]["jaccard"]), sim_b);
  EXPECT_EQ(Str(pairs[1]["b"]), "c");
  EXPECT_EQ(Str(pairs[2]["a"]), "b");

  simdjson::dom::parser parser;
  simdjson::dom::element stats = parser.load(dir / "out/stats.json");
  EXPECT_EQ(uint64_t(stats["counts"]["documents"]), 7u);
  EXPECT_EQ(uint64_t(stats["counts"]["kept"]), 3u);
  EXPECT_EQ(uint64_t(stats["counts"]["duplicates"]), 2u);
  EXPECT_EQ(uint64_t(stats["counts"]["empty"]), 2u);
  EXPECT_EQ(uint64_t(stats["counts"]["clusters"]), 1u);
  EXPECT_EQ(uint64_t(stats["counts"]["pairs_similar"]), 3u);
  EXPECT_EQ(uint64_t(stats["parameters"]["bands"]), 16u);
  EXPECT_EQ(uint64_t(stats["parameters"]["rows"]), 8u);
  EXPECT_GE(double(stats["parameters"]["detection_probability_at_threshold"]), 0.9);
  // Each stage's system time and minor page faults are its own share of the run's: they sum to no more.
  simdjson::dom::element timing = stats["timing"];
  const double system_seconds = double(timing["system_seconds"]);
  const uint64_t minor_faults = uint64_t(timing["minor_faults"]);
  EXPECT_GE(system_seconds, 0.0);
  EXPECT_LE(system_seconds, double(timing["cpu_seconds"]) + 0.001);
  EXPECT_GT(minor_faults, 0u);
  double stage_system = 0;
  uint64_t stage_faults = 0;
  for (simdjson::dom::element stage : simdjson::dom::array(timing["stages"])) {
    EXPECT_GE(double(stage["system_seconds"]), 0.0) << Str(stage["stage"]);
    stage_system += double(stage["system_seconds"]);
    stage_faults += uint64_t(stage["minor_faults"]);
  }
  EXPECT_GT(stage_faults, 0u);
  EXPECT_LE(stage_faults, minor_faults);
  EXPECT_LE(stage_system, system_seconds + 0.01);
  EXPECT_EQ(ReadFile(dir / "out/passages.jsonl"), "");
  EXPECT_EQ(ReadFile(dir / "out/boilerplate.jsonl"), "");
}

TEST(EndToEndTest, NoBoilerplateNoPassagesLeaveTheirFilesOut) {
  TempDir dir;
  SmallCorpus corpus;
  WriteFile(dir / "in.jsonl", corpus.jsonl);
  const CliResult r = RunNeardup({"run", dir / "in.jsonl", "-o", dir / "out", "--no-boilerplate", "--no-passages"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(FileExists(dir / "out/passages.jsonl"));
  EXPECT_FALSE(FileExists(dir / "out/boilerplate.jsonl"));
  const std::vector<std::string> ann = ReadLines(dir / "out/annotations.jsonl");
  ASSERT_EQ(ann.size(), 7u);
  EXPECT_EQ(ann[0].find("boilerplate"), std::string::npos) << ann[0];
  EXPECT_EQ(ann[0].find("passages"), std::string::npos) << ann[0];
}

TEST(EndToEndTest, KeepDuplicatesAddsNeardupField) {
  TempDir dir;
  SmallCorpus corpus;
  WriteFile(dir / "in.jsonl", corpus.jsonl);
  const CliResult r = RunNeardup({"run", dir / "in.jsonl", "-o", dir / "out", "--keep-duplicates", "-q"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  JsonLines clean(dir / "out/clean.jsonl");
  ASSERT_EQ(clean.size(), 5u);  // a b c d g
  EXPECT_EQ(Str(clean[1]["id"]), "b");
  EXPECT_EQ(Str(clean[1]["neardup"]["duplicate_of"]), "a");
  EXPECT_GE(double(clean[1]["neardup"]["similarity"]), 0.8);
  JsonLines ann(dir / "out/annotations.jsonl");
  EXPECT_TRUE(bool(ann[1]["kept"]));
  EXPECT_TRUE(ann[1]["dropped"].is_null());
  EXPECT_EQ(Str(ann[1]["duplicate_of"]), "a");
}

TEST(EndToEndTest, KeepLongestPicksTheLongestAsRepresentative) {
  TempDir dir;
  const std::string base = MakeText(11, 300);
  const std::string longer = base + " " + MakeText(12, 20);
  WriteFile(dir / "in.jsonl", JsonLine("short", base) + JsonLine("long", longer));
  const CliResult r = RunNeardup({"run", dir / "in.jsonl", "-o", dir / "out", "--keep", "longest"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  JsonLines clusters(dir / "out/clusters.jsonl");
  ASSERT_EQ(clusters.size(), 1u);
  EXPECT_EQ(Str(clusters[0]["representative"]), "long");
  JsonLines ann(dir / "out/annotations.jsonl");
  EXPECT_EQ(Str(ann[0]["duplicate_of"]), "long");
}

TEST(EndToEndTest, StdinTxtFolderAndIntegerIds) {
  TempDir dir;
  const std::string base = MakeText(21, 150);
  WriteFile(dir / "in.jsonl", "{\"id\":17,\"text\":" + [&] {
    std::string s;
    AppendJsonString(base, &s);
    return s;
  }() + "}\n");
  WriteFile(dir / "docs/site/one.txt", base);
  WriteFile(dir / "docs/two.txt", MakeText(22, 150));
  const CliResult r = RunNeardup({"run", "-", dir / "docs", "-o", dir / "out", "--pairs"}, dir / "in.jsonl");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::vector<std::string> ann = ReadLines(dir / "out/annotations.jsonl");
  ASSERT_EQ(ann.size(), 3u);
  EXPECT_EQ(ann[0].rfind("{\"id\":17,", 0), 0u) << ann[0];
  EXPECT_NE(ann[1].find("\"id\":\"site/one\""), std::string::npos) << ann[1];
  EXPECT_NE(ann[1].find("\"duplicate_of\":17"), std::string::npos) << ann[1];
  EXPECT_NE(ann[2].find("\"id\":\"two\""), std::string::npos) << ann[2];
  const std::vector<std::string> clean = ReadLines(dir / "out/clean.jsonl");
  ASSERT_EQ(clean.size(), 2u);
  std::string expected = "{\"id\":\"two\",\"text\":";
  AppendJsonString(MakeText(22, 150), &expected);
  EXPECT_EQ(clean[1], expected + "}");
}

TEST(EndToEndTest, RunReplacesTheWholeSetOfOutputs) {
  TempDir dir;
  SmallCorpus corpus;
  WriteFile(dir / "in.jsonl", corpus.jsonl);
  ASSERT_EQ(RunNeardup({"run", dir / "in.jsonl", "-o", dir / "out", "--pairs"}).exit_code, 0);
  ASSERT_TRUE(FileExists(dir / "out/pairs.jsonl"));
  WriteFile(dir / "out/report.html", "stale\n");
  WriteFile(dir / "out/unrelated.txt", "a user's file\n");
  ASSERT_EQ(RunNeardup({"run", dir / "in.jsonl", "-o", dir / "out"}).exit_code, 0);
  EXPECT_FALSE(FileExists(dir / "out/pairs.jsonl"));
  EXPECT_NE(ReadFile(dir / "out/report.html"), "stale\n");  // written anew, not left over
  EXPECT_TRUE(FileExists(dir / "out/unrelated.txt"));
  EXPECT_TRUE(FileExists(dir / "out/stats.json"));
  for (const auto& entry : std::filesystem::directory_iterator(dir / "out")) {
    EXPECT_EQ(entry.path().filename().string().find(".tmp"), std::string::npos) << entry.path();
  }
}

TEST(EndToEndTest, BadRecordsAreReportedAndSkippedOrFail) {
  TempDir dir;
  SmallCorpus corpus;
  WriteFile(dir / "in.jsonl", JsonLine("a", MakeText(1, 50)) + "{\"id\": \"broken\", \"text\": \n" +
                                  "{\"id\":\"n\",\"text\":42}\n" + JsonLine("z", MakeText(3, 50)));
  CliResult r = RunNeardup({"run", dir / "in.jsonl", "-o", dir / "out"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("in.jsonl:2:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("in.jsonl:3:"), std::string::npos) << r.err;
  EXPECT_EQ(ReadLines(dir / "out/annotations.jsonl").size(), 2u);
  simdjson::dom::parser parser;
  simdjson::dom::element stats = parser.load(dir / "out/stats.json");
  EXPECT_EQ(uint64_t(stats["counts"]["bad_records"]["invalid_json"]), 1u);
  EXPECT_EQ(uint64_t(stats["counts"]["bad_records"]["non_string_text"]), 1u);

  r = RunNeardup({"run", dir / "in.jsonl", "-o", dir / "failed", "--on-error=fail"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("in.jsonl:2:"), std::string::npos) << r.err;
  EXPECT_FALSE(FileExists(dir / "failed/annotations.jsonl"));
  EXPECT_FALSE(FileExists(dir / "failed/stats.json"));
}

TEST(EndToEndTest, UsageErrorsExitTwoAndRuntimeErrorsOne) {
  TempDir dir;
  EXPECT_EQ(RunNeardup({"run"}).exit_code, 2);
  EXPECT_EQ(RunNeardup({"run", "x.jsonl"}).exit_code, 2);  // no -o
  EXPECT_EQ(RunNeardup({"run", "x.jsonl", "-o", dir / "o", "--threshold", "1.5"}).exit_code, 2);
  EXPECT_EQ(RunNeardup({"run", "x.jsonl", "-o", dir / "o", "--keep", "newest"}).exit_code, 2);
  EXPECT_EQ(RunNeardup({"frobnicate"}).exit_code, 2);
  const CliResult missing = RunNeardup({"run", dir / "does-not-exist.jsonl", "-o", dir / "o"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("does-not-exist.jsonl"), std::string::npos) << missing.err;
}

TEST(EndToEndTest, HelpVersionAndParams) {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"--help"}, {"run", "--help"}, {"params", "--help"}}) {
    const CliResult r = RunNeardup(args);
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(r.out.find("--"), std::string::npos);
  }
  const CliResult v = RunNeardup({"--version"});
  EXPECT_EQ(v.exit_code, 0);
  EXPECT_NE(v.out.find("neardup 0.1.0 (kernel: "), std::string::npos) << v.out;
  const CliResult p = RunNeardup({"params", "--threshold", "0.8"});
  EXPECT_EQ(p.exit_code, 0);
  EXPECT_NE(p.out.find("16 bands x 8 rows"), std::string::npos) << p.out;
}

// Everything but stats.json's timing is byte-identical for any thread count, with chunks small enough
// that every stage splits the work many ways.
TEST(EndToEndTest, DeterminismAcrossThreadCounts) {
  TempDir dir;
  const std::string corpus = std::string(NEARDUP_SOURCE_DIR) + "/datasets/sample/news.jsonl";
  ASSERT_TRUE(FileExists(corpus));
  std::map<std::string, std::string> first;
  for (const char* threads : {"1", "2", "8"}) {
    const std::string out = dir / (std::string("out") + threads);
    const CliResult r = RunNeardup({"run", corpus, "-o", out, "--pairs", "--keep-duplicates", "--threads", threads,
                                    "--batch-bytes", "4096", "--chunk-docs", "3"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    for (const char* name : {"clean.jsonl", "annotations.jsonl", "clusters.jsonl", "pairs.jsonl", "boilerplate.jsonl",
                             "passages.jsonl", "report.html", "stats.json"}) {
      std::string contents = ReadFile(out + "/" + name);
      if (std::string(name) == "stats.json") contents = contents.substr(0, contents.find("\"timing\""));
      if (std::string(name) == "report.html") {
        // Its timing block is the one part allowed to differ.
        const size_t begin = contents.find("<!-- neardup:timing:begin -->");
        const size_t end = contents.find("<!-- neardup:timing:end -->");
        ASSERT_NE(begin, std::string::npos);
        ASSERT_NE(end, std::string::npos);
        contents.erase(begin, end - begin);
      }
      if (first.count(name) == 0) {
        ASSERT_FALSE(contents.empty()) << name;
        first[name] = contents;
      } else {
        EXPECT_EQ(contents, first[name]) << name << " differs with --threads " << threads;
      }
    }
  }
  EXPECT_GT(ReadLines(dir / "out1/clusters.jsonl").size(), 5u);
  EXPECT_GT(ReadLines(dir / "out1/passages.jsonl").size(), 5u);
}

}  // namespace
}  // namespace neardup

namespace neardup {
namespace {

// Code point slice [start, end) of valid UTF-8, as Python's text[start:end].
std::string CodePointSlice(const std::string& s, size_t start, size_t end) {
  std::string out;
  size_t cp = 0;
  for (size_t i = 0; i < s.size();) {
    size_t len = 1;
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0xF0) len = 4;
    else if (c >= 0xE0) len = 3;
    else if (c >= 0xC0) len = 2;
    if (cp >= start && cp < end) out.append(s, i, len);
    i += len;
    ++cp;
  }
  return out;
}

// Boilerplate and passages through the CLI: spans point at the furniture in the original text (code
// points, with non-ASCII text before them), clean.jsonl is the text minus exactly those spans, and a
// paragraph quoted by another site is reported at the right offsets in both documents.
TEST(EndToEndTest, BoilerplateAndPassagesThroughTheCli) {
  TempDir dir;
  const std::string quoted = MakeText(500, 40);
  std::string jsonl;
  std::vector<std::string> texts;
  for (int i = 0; i < 4; ++i) {
    std::string text = "Zoë Brontë’s café “" + MakeText(800 + i, 8) + "”\n\n" + MakeText(600 + i, 120) + "\n\n";
    if (i == 0) text += quoted + "\n\n";
    text += "© 202" + std::to_string(i) + " The Daily Invented. All rights reserved.\n";
    texts.push_back(text);
    jsonl += JsonLine("alpha-" + std::to_string(i), text, ",\"url\":\"https://www.alpha.example/a/" +
                                                           std::to_string(i) + "\"");
  }
  const std::string quoting = MakeText(700, 80) + "\n\nAs the paper put it: " + EditWords(quoted, 13, 3) + "\n";
  texts.push_back(quoting);
  jsonl += JsonLine("beta-0", quoting, ",\"url\":\"https://beta.example/x\"");
  WriteFile(dir / "in.jsonl", jsonl);

  const CliResult r = RunNeardup({"run", dir / "in.jsonl", "-o", dir / "out", "--threads", "2"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  JsonLines ann(dir / "out/annotations.jsonl");
  JsonLines clean(dir / "out/clean.jsonl");
  ASSERT_EQ(ann.size(), 5u);
  ASSERT_EQ(clean.size(), 5u);
  for (size_t i = 0; i < 4; ++i) {
    simdjson::dom::array spans = ann[i]["boilerplate"];
    ASSERT_EQ(spans.size(), 1u) << "document " << i;
    const uint64_t start = spans.at(0)["start"];
    const uint64_t end = spans.at(0)["end"];
    // The span is the copyright line with its line ending, plus the blank line before it at the end of
    // the text (removal leaves no blank hole).
    EXPECT_EQ(CodePointSlice(texts[i], start, end),
              "\n© 202" + std::to_string(i) + " The Daily Invented. All rights reserved.\n");
    EXPECT_EQ(Str(spans.at(0)["reason"]), "rule:copyright");
    // The clean text is the original minus the span and nothing else.
    EXPECT_EQ(Str(clean[i]["text"]), CodePointSlice(texts[i], 0, start) + CodePointSlice(texts[i], end, SIZE_MAX));
    EXPECT_EQ(Str(clean[i]["url"]).rfind("https://www.alpha.example/", 0), 0u);
  }
  EXPECT_EQ(simdjson::dom::array(ann[4]["boilerplate"]).size(), 0u);

  JsonLines passages(dir / "out/passages.jsonl");
  ASSERT_EQ(passages.size(), 1u);
  EXPECT_EQ(Str(passages[0]["a"]), "alpha-0");
  EXPECT_EQ(Str(passages[0]["b"]), "beta-0");
  simdjson::dom::array spans = passages[0]["spans"];
  ASSERT_EQ(spans.size(), 1u);  // maximal: one passage, one span pair
  const std::string a_text = CodePointSlice(texts[0], uint64_t(spans.at(0)["a_start"]), uint64_t(spans.at(0)["a_end"]));
  const std::string b_text = CodePointSlice(texts[4], uint64_t(spans.at(0)["b_start"]), uint64_t(spans.at(0)["b_end"]));
  // The spans cover most of the quoted paragraph on both sides and stay inside it.
  EXPECT_NE(quoted.find(a_text), std::string::npos) << a_text;
  EXPECT_GT(a_text.size(), quoted.size() * 8 / 10);
  EXPECT_NE(EditWords(quoted, 13, 3).find(b_text), std::string::npos) << b_text;
  EXPECT_GT(double(spans.at(0)["similarity"]), 0.85);
  EXPECT_EQ(int64_t(ann[0]["passages"]), 1);
  EXPECT_EQ(int64_t(ann[4]["passages"]), 1);
  EXPECT_EQ(int64_t(ann[1]["passages"]), 0);
}

}  // namespace
}  // namespace neardup

namespace neardup {
namespace {

// Documents shorter than the shingle size still get a signature of their own: many different short
// documents never collapse into one cluster, while repeated short documents do cluster.
TEST(EndToEndTest, ShortDocumentsDoNotCollapse) {
  TempDir dir;
  std::string jsonl;
  for (int i = 0; i < 60; ++i) jsonl += JsonLine("s" + std::to_string(i), MakeText(900 + i, 1 + i % 4));
  jsonl += JsonLine("again", MakeText(900, 1));  // the same words as s0
  WriteFile(dir / "in.jsonl", jsonl);
  const CliResult r = RunNeardup({"run", dir / "in.jsonl", "-o", dir / "out", "--pairs", "--no-passages"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  JsonLines clusters(dir / "out/clusters.jsonl");
  ASSERT_EQ(clusters.size(), 1u);
  EXPECT_EQ(Str(clusters[0]["representative"]), "s0");
  EXPECT_EQ(simdjson::dom::array(clusters[0]["members"]).size(), 2u);
}

// Text without spaces (Chinese) is split into real words, so a lightly edited copy is a near-duplicate
// and a different article on the same subject is not.
TEST(EndToEndTest, ChineseNearDuplicates) {
  TempDir dir;
  const std::string a =
      "市政府今天宣布新的交通计划，将在明年春天开始建设三条地铁线路。官员表示，这个项目将改善城市北部居民的出行条件，"
      "并减少道路拥堵。根据计划，第一条线路预计在两年内完工，总投资约为一百二十亿元。许多市民对此表示欢迎，"
      "但也有人担心施工期间的噪音和交通管制会影响日常生活。专家认为，城市需要更多公共交通，以应对不断增长的人口。"
      "市长在新闻发布会上说，政府将定期公布工程进展，并听取居民的意见。";
  std::string b = a;
  b.replace(b.find("一百二十亿元"), std::string("一百二十亿元").size(), "一百三十亿元");
  const std::string c =
      "市议会昨天讨论了城市公园的改造方案，多名议员支持增加儿童游乐设施和自行车道。有居民在听证会上表示，"
      "公园的照明需要改善，晚上散步的人越来越多。负责该项目的部门说，改造工程将分三个阶段进行，预计明年秋天结束。";
  WriteFile(dir / "in.jsonl", JsonLine("a", a) + JsonLine("b", b) + JsonLine("c", c));
  const CliResult r = RunNeardup({"run", dir / "in.jsonl", "-o", dir / "out", "--pairs", "--no-passages"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  JsonLines pairs(dir / "out/pairs.jsonl");
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(Str(pairs[0]["a"]), "a");
  EXPECT_EQ(Str(pairs[0]["b"]), "b");
  EXPECT_GE(double(pairs[0]["jaccard"]), 0.8);
  EXPECT_LT(double(pairs[0]["jaccard"]), 1.0);
}

TEST(EndToEndTest, AFileSizeLimitIsAnErrorNamingTheOutputNotACrash) {
  // Under `ulimit -f`, writing past the limit raises SIGXFSZ, which would kill the run: the spill file
  // must fall back to memory with a warning, and the output that cannot be written must be an error
  // naming it (exit code 1). No file is renamed until every output is written, so the previous run's
  // outputs in the directory stay as they were, stats.json with them, and no partial output is left.
  TempDir dir;
  std::string corpus;
  for (int i = 0; i < 600; ++i) {
    std::string text = MakeText(1000 + i, 120);
    for (size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at))
      text.replace(at, 1, "\\n");
    corpus += "{\"id\": " + std::to_string(i) + ", \"text\": \"" + text + "\"}\n";
  }
  WriteFile(dir / "in.jsonl", corpus);
  ASSERT_GT(corpus.size(), 300u * 1024);
  WriteFile(dir / "small.jsonl", corpus.substr(0, corpus.find('\n', 20 * 1024) + 1));
  const CliResult first = RunNeardup({"run", dir / "small.jsonl", "-o", dir / "out"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  std::map<std::string, std::string> before;
  for (const auto& entry : std::filesystem::directory_iterator(dir / "out")) {
    before[entry.path().filename().string()] = ReadFile(entry.path().string());
  }
  ASSERT_EQ(before.size(), OutputFileNames().size() - 1) << "every output but pairs.jsonl";

  const std::string cmd = "ulimit -f 200 && exec " + std::string(NEARDUP_BINARY) + " run '" +
                          dir / "in.jsonl" + "' -o '" + dir / "out" + "' --tmpdir '" + dir.path() + "' 2>'" +
                          dir / "err" + "'";
  const int status = std::system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(status)) << "killed by signal " << WTERMSIG(status);
  EXPECT_EQ(WEXITSTATUS(status), 1);
  const std::string err = ReadFile(dir / "err");
  EXPECT_NE(err.find("cannot write the spill file"), std::string::npos) << err;
  EXPECT_NE(err.find("clean.jsonl: write failed"), std::string::npos) << err;
  std::map<std::string, std::string> after;
  for (const auto& entry : std::filesystem::directory_iterator(dir / "out")) {
    after[entry.path().filename().string()] = ReadFile(entry.path().string());
  }
  EXPECT_EQ(after.size(), before.size());
  for (const auto& [name, bytes] : after) {
    EXPECT_EQ(name.find(".tmp."), std::string::npos) << name;
    EXPECT_TRUE(before.count(name) && before[name] == bytes) << name << " changed";
  }
}

}  // namespace
}  // namespace neardup
