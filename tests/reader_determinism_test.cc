// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// What ReadCorpus delivers does not depend on thread count or batch size; huge records work.

#include <gtest/gtest.h>
#include <oneapi/tbb/global_control.h>

#include <string>
#include <vector>

#include "pipeline/io/reader.h"
#include "tests/reader_test_util.h"

namespace neardup {
namespace {

using testing_util::Gzip;
using testing_util::ReadAll;
using testing_util::ReadResult;
using testing_util::ScratchDir;
using testing_util::Zstd;

// Every field of every record and issue, in delivery order.
std::string Serialize(const ReadResult& result) {
  std::string out = result.status.ToString() + "\n";
  for (const Record& r : result.records) {
    out += result.stats.file_names.at(r.file) + "|" + std::to_string(r.line) + "|" + (r.from_txt ? "t" : "j") +
           "|" + testing_util::Raw(r) + "|" + std::to_string(r.json_head.size()) + "|" +
           testing_util::TokenOf(r) + "|" + std::string(r.text) + "|" + r.id.json + "|" + r.id.key + "|" +
           std::string(r.title) + "|" + std::string(r.source) + "|" + std::to_string(r.replacements) + "\n";
  }
  for (const RecordIssue& i : result.issues) {
    out += i.file + "|" + std::to_string(i.line) + "|" + i.kind + "|" + i.message + "|" +
           (i.skipped ? "s" : "k") + "\n";
  }
  out += std::to_string(result.stats.bytes) + "/" + std::to_string(result.stats.files) + "/" +
         std::to_string(result.stats.replacements) + "\n";
  return out;
}

// Where two serializations part, briefly: full dumps hold megabytes.
std::string FirstDifference(const std::string& a, const std::string& b) {
  size_t i = 0;
  while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
  const size_t from = i < 80 ? 0 : i - 80;
  return "at byte " + std::to_string(i) + ": ..." + a.substr(from, 160) + "... vs ..." + b.substr(from, 160) +
         "...";
}

std::vector<std::string> BuildCorpus(const ScratchDir& dir) {
  std::string jsonl;
  for (int i = 0; i < 400; ++i) {
    const std::string id =
        i % 7 == 0 ? "\"dup\"" : (i % 11 == 0 ? std::to_string(i % 3) : "\"d" + std::to_string(i) + "\"");
    switch (i % 13) {
      case 3:
        jsonl += "{\"text\": broken\n";
        break;
      case 5:
        jsonl += "{\"id\":" + id + ",\"body\":\"no text\"}\n";
        break;
      case 8:
        jsonl += "\n";
        break;
      case 9:
        jsonl += "{\"id\":" + id + ",\"text\":\"bad \xC3 utf8 \\ud800 " + std::to_string(i) + "\"}\r\n";
        break;
      case 10:
        jsonl += "{\"id\":1.5,\"text\":\"" + std::string(5000 + i, 'w') + "\"}\n";
        break;
      default:
        jsonl += "{\"id\":" + id + ",\"url\":\"https://www.s" + std::to_string(i % 4) +
                 ".com/\",\"text\":\"Line " + std::to_string(i) + "\\nsecond line\"}\n";
    }
  }
  std::vector<std::string> inputs;
  inputs.push_back(dir.Write("plain.jsonl", jsonl));
  inputs.push_back(dir.Write("two_members.jsonl.gz", Gzip(jsonl.substr(0, 7777)) + Gzip(jsonl.substr(7777))));
  inputs.push_back(dir.Write("cut.jsonl.zst", Zstd(jsonl).substr(0, Zstd(jsonl).size() * 2 / 3)));
  for (int i = 0; i < 30; ++i) {
    dir.Write(
        "folder/s" + std::to_string(i % 3) + "/doc" + std::to_string(i) + ".txt",
        (i % 4 == 0 ? "\xEF\xBB\xBF" : "") + std::string("Title ") + std::to_string(i) + "\r\nbody \xFF\n");
  }
  dir.Write("folder/inner.jsonl", jsonl.substr(0, 3000));
  inputs.push_back(dir.path() + "/folder");
  inputs.push_back(inputs[0]);  // the same file twice: every id repeats
  return inputs;
}

TEST(ReaderDeterminismTest, SameOutputForAnyThreadCountAndBatchSize) {
  ScratchDir dir;
  InputOptions options;
  options.inputs = BuildCorpus(dir);
  std::string baseline;
  size_t baseline_batches = 0;
  for (const int threads : {1, 2, 8}) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
    for (const size_t batch_bytes : {size_t{1}, InputOptions().batch_bytes, size_t{1000}}) {
      options.batch_bytes = batch_bytes;
      const ReadResult result = ReadAll(options);
      ASSERT_TRUE(result.status.ok()) << result.status.ToString();
      const std::string serialized = Serialize(result);
      if (baseline.empty()) {
        baseline = serialized;
        baseline_batches = result.batches;
        EXPECT_GT(result.records.size(), 900u);
        EXPECT_GT(result.issues.size(), 100u);
      } else {
        EXPECT_TRUE(serialized == baseline) << "threads " << threads << ", batch_bytes " << batch_bytes
                                            << ": " << FirstDifference(serialized, baseline);
      }
      if (batch_bytes == 1) {
        EXPECT_EQ(result.batches, baseline_batches);
      }
      if (batch_bytes == InputOptions().batch_bytes) {
        EXPECT_LT(result.batches, 10u);
      }
    }
  }
}

TEST(ReaderDeterminismTest, FiftyMegabyteDocumentInOneLine) {
  std::string text;
  text.reserve(50u << 20);
  std::string expected;
  expected.reserve(50u << 20);
  const std::string chunk = "Lorem ipsum dolor sit amet, caf\xC3\xA9 \\\"quoted\\\" \\u00e9\\n";
  const std::string decoded_chunk = "Lorem ipsum dolor sit amet, caf\xC3\xA9 \"quoted\" \xC3\xA9\n";
  while (text.size() < (50u << 20)) {
    text += chunk;
    expected += decoded_chunk;
  }
  ScratchDir dir;
  const std::string head = "{\"id\":\"big\",\"meta\":{\"n\":[1,2,3]},\"text\":";
  const std::string path = dir.Write("huge.jsonl", "{\"text\":\"small before\"}\n" + head + "\"" + text +
                                                       "\",\"after\":true}\n{\"text\":\"small after\"}\n");
  text.clear();
  text.shrink_to_fit();
  for (const size_t batch_bytes : {size_t{1000}, InputOptions().batch_bytes}) {
    InputOptions options;
    options.inputs = {path};
    options.batch_bytes = batch_bytes;
    const ReadResult result = ReadAll(options);
    ASSERT_TRUE(result.status.ok());
    ASSERT_TRUE(result.issues.empty()) << result.issues[0].message;
    ASSERT_EQ(result.records.size(), 3u);
    const Record& big = result.records[1];
    EXPECT_EQ(big.id.json, "\"big\"");
    EXPECT_EQ(big.line, 2u);
    EXPECT_TRUE(big.text == expected)
        << "decoded text differs; sizes " << big.text.size() << " vs " << expected.size();
    EXPECT_EQ(big.json_head, head);
    EXPECT_EQ(big.json_tail, ",\"after\":true}");
    EXPECT_EQ(big.title, "Lorem ipsum dolor sit amet, caf\xC3\xA9 \"quoted\" \xC3\xA9");
    EXPECT_EQ(result.records[2].text, "small after");
  }
}

}  // namespace
}  // namespace neardup
