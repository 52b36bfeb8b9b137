// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Compressed inputs: detection by magic bytes, multi-member and multi-frame streams, and damaged
// streams that must give up every complete record before the damage.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "pipeline/io/byte_source.h"
#include "pipeline/io/reader.h"
#include "tests/reader_test_util.h"

namespace neardup {
namespace {

using testing_util::Gzip;
using testing_util::ReadInputs;
using testing_util::ReadResult;
using testing_util::ScratchDir;
using testing_util::Texts;
using testing_util::Zstd;

// Every test runs twice: with the gzip library the build chose (ISA-L where found) and with zlib forced.
class ReaderCompressionTest : public ::testing::TestWithParam<const char*> {
 protected:
  void SetUp() override {
    if (std::string(GetParam()) == "zlib") {
      setenv("NEARDUP_FORCE_GZIP", "zlib", 1);
    } else {
      unsetenv("NEARDUP_FORCE_GZIP");
    }
  }
  void TearDown() override { unsetenv("NEARDUP_FORCE_GZIP"); }
};

INSTANTIATE_TEST_SUITE_P(GzipLibrary, ReaderCompressionTest, ::testing::Values("default", "zlib"));

// `n` JSONL lines whose texts are not trivially compressible, so a cut lands mid-stream.
std::string ManyLines(int n, std::vector<std::string>* texts) {
  std::string out;
  uint64_t x = 12345;
  for (int i = 0; i < n; ++i) {
    std::string text = "record " + std::to_string(i) + ":";
    for (int w = 0; w < 12; ++w) {
      x = x * 6364136223846793005ULL + 1442695040888963407ULL;
      text += " w" + std::to_string(x >> 45);
    }
    texts->push_back(text);
    out += "{\"id\":" + std::to_string(i) + ",\"text\":\"" + text + "\"}\n";
  }
  return out;
}

// A zstd skippable frame (ignored by decoders) carrying `payload`.
std::string SkippableFrame(const std::string& payload) {
  std::string frame = "\x50\x2A\x4D\x18";
  const uint32_t size = static_cast<uint32_t>(payload.size());
  for (int i = 0; i < 4; ++i) frame.push_back(static_cast<char>((size >> (8 * i)) & 0xFF));
  return frame + payload;
}

TEST_P(ReaderCompressionTest, DetectsCompressionFromBytesNotNames) {
  ScratchDir dir;
  const std::string jsonl = "{\"text\":\"one\"}\n{\"text\":\"two\"}\n";
  const std::vector<std::string> inputs = {
      dir.Write("real.jsonl.gz", Gzip(jsonl)),    dir.Write("real.jsonl.zst", Zstd(jsonl)),
      dir.Write("gzip_named.jsonl", Gzip(jsonl)), dir.Write("zstd_named.jsonl.gz", Zstd(jsonl)),
      dir.Write("plain_named.jsonl.gz", jsonl),   dir.Write("plain_named.jsonl.zst", jsonl),
  };
  for (const std::string& input : inputs) {
    const ReadResult result = ReadInputs({input});
    ASSERT_TRUE(result.status.ok()) << input << ": " << result.status.ToString();
    EXPECT_EQ(Texts(result), (std::vector<std::string>{"one", "two"})) << input;
    EXPECT_TRUE(result.issues.empty()) << input;
    EXPECT_EQ(result.stats.bytes, jsonl.size()) << input;
  }
  EXPECT_EQ(DetectCompression("\x1F\x8B"), Compression::kGzip);
  EXPECT_EQ(DetectCompression("\x28\xB5\x2F\xFD"), Compression::kZstd);
  EXPECT_EQ(DetectCompression("\x28\xB5\x2F"), Compression::kNone);
  EXPECT_EQ(DetectCompression("{\"te"), Compression::kNone);
  EXPECT_EQ(DetectCompression(""), Compression::kNone);
}

TEST_P(ReaderCompressionTest, ConcatenatedGzipMembersAreOneStream) {
  ScratchDir dir;
  // The line "b" is split across the two members.
  const std::string path =
      dir.Write("multi.jsonl.gz", Gzip("{\"text\":\"a\"}\n{\"text\":") + Gzip("\"b\"}\n") + Gzip("") +
                                      Gzip("{\"text\":\"c\"}\n"));
  const ReadResult result = ReadInputs({path});
  ASSERT_TRUE(result.status.ok());
  EXPECT_EQ(Texts(result), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_TRUE(result.issues.empty());
  EXPECT_EQ(result.records[2].line, 3u);
}

TEST_P(ReaderCompressionTest, GzipZeroPaddingIsIgnoredButGarbageIsReported) {
  ScratchDir dir;
  const std::string padded =
      dir.Write("padded.jsonl.gz", Gzip("{\"text\":\"a\"}\n") + std::string(1000, '\0'));
  const ReadResult ok = ReadInputs({padded});
  EXPECT_EQ(Texts(ok), (std::vector<std::string>{"a"}));
  EXPECT_TRUE(ok.issues.empty());

  const std::string garbage = dir.Write("garbage.jsonl.gz", Gzip("{\"text\":\"a\"}\n") + "garbage");
  const ReadResult bad = ReadInputs({garbage});
  EXPECT_EQ(Texts(bad), (std::vector<std::string>{"a"}));
  ASSERT_EQ(bad.issues.size(), 1u);
  EXPECT_EQ(bad.issues[0].kind, "truncated_input");
  EXPECT_EQ(bad.issues[0].line, 2u);
}

TEST_P(ReaderCompressionTest, ConcatenatedZstdFramesAndSkippableFrames) {
  ScratchDir dir;
  const std::string path =
      dir.Write("multi.jsonl.zst", SkippableFrame("meta") + Zstd("{\"text\":\"a\"}\n{\"te") +
                                       Zstd("xt\":\"b\"}\n") + SkippableFrame("") + Zstd("{\"text\":\"c\"}"));
  const ReadResult result = ReadInputs({path});
  ASSERT_TRUE(result.status.ok());
  EXPECT_EQ(Texts(result), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_TRUE(result.issues.empty());
}

TEST_P(ReaderCompressionTest, HighlyCompressibleStreamsExpandAcrossManyReads) {
  // Far more output than one read buffer per input buffer: the decoders must be drained even when
  // all compressed input has been consumed.
  std::string jsonl;
  const std::string line = "{\"text\":\"" + std::string(4000, 'x') + "\"}\n";
  for (int i = 0; i < 5000; ++i) jsonl += line;
  ScratchDir dir;
  for (const std::string& path :
       {dir.Write("big.jsonl.gz", Gzip(jsonl)), dir.Write("big.jsonl.zst", Zstd(jsonl))}) {
    const ReadResult result = ReadInputs({path});
    ASSERT_TRUE(result.status.ok());
    EXPECT_EQ(result.records.size(), 5000u) << path;
    EXPECT_TRUE(result.issues.empty()) << path;
    EXPECT_EQ(result.stats.bytes, jsonl.size());
  }
}

// Cuts a compressed stream at several places; each time the records delivered must be exactly the
// complete lines before the damage, followed by one truncated_input issue at the next line.
void ExpectTruncationHandled(const std::string& compressed, const std::vector<std::string>& texts,
                             const std::string& name) {
  ScratchDir dir;
  for (const double fraction : {0.1, 0.5, 0.93}) {
    const size_t cut = static_cast<size_t>(static_cast<double>(compressed.size()) * fraction);
    const std::string path = dir.Write(name, compressed.substr(0, cut));
    const ReadResult result = ReadInputs({path});
    ASSERT_TRUE(result.status.ok()) << result.status.ToString();
    ASSERT_LT(result.records.size(), texts.size());
    for (size_t i = 0; i < result.records.size(); ++i) {
      ASSERT_EQ(result.records[i].text, texts[i]);
      ASSERT_EQ(result.records[i].line, i + 1);
    }
    ASSERT_EQ(result.issues.size(), 1u) << "cut at " << cut;
    const RecordIssue& issue = result.issues[0];
    EXPECT_EQ(issue.kind, "truncated_input");
    EXPECT_TRUE(issue.skipped);
    EXPECT_EQ(issue.file, path);
    EXPECT_EQ(issue.line, result.records.size() + 1);
    EXPECT_EQ(issue.message.rfind(path + ":" + std::to_string(issue.line) + ": ", 0), 0u) << issue.message;
    EXPECT_NE(issue.message.find("truncated"), std::string::npos) << issue.message;
  }
}

TEST_P(ReaderCompressionTest, TruncatedGzipDeliversRecordsBeforeTheDamage) {
  std::vector<std::string> texts;
  const std::string jsonl = ManyLines(3000, &texts);
  ExpectTruncationHandled(Gzip(jsonl), texts, "cut.jsonl.gz");
}

TEST_P(ReaderCompressionTest, TruncatedZstdDeliversRecordsBeforeTheDamage) {
  std::vector<std::string> texts;
  const std::string jsonl = ManyLines(3000, &texts);
  ExpectTruncationHandled(Zstd(jsonl), texts, "cut.jsonl.zst");
}

TEST_P(ReaderCompressionTest, TruncationAtAMemberBoundary) {
  ScratchDir dir;
  const std::string second = Gzip("{\"text\":\"b\"}\n");
  const std::string path = dir.Write("cut.jsonl.gz", Gzip("{\"text\":\"a\"}\n") + second.substr(0, 12));
  const ReadResult result = ReadInputs({path});
  EXPECT_EQ(Texts(result), (std::vector<std::string>{"a"}));
  ASSERT_EQ(result.issues.size(), 1u);
  EXPECT_EQ(result.issues[0].line, 2u);
}

TEST_P(ReaderCompressionTest, CorruptGzipIsReportedOnceAndReadingGoesOn) {
  std::vector<std::string> texts;
  std::string compressed = Gzip(ManyLines(3000, &texts));
  for (size_t i = compressed.size() / 2; i < compressed.size() / 2 + 64; ++i) compressed[i] ^= 0x5A;
  ScratchDir dir;
  const std::string damaged = dir.Write("corrupt.jsonl.gz", compressed);
  const std::string next = dir.Write("next.jsonl", "{\"text\":\"after\"}\n");
  const ReadResult result = ReadInputs({damaged, next});
  ASSERT_TRUE(result.status.ok());
  ASSERT_GE(result.records.size(), 2u);
  EXPECT_EQ(result.records.back().text, "after");
  // Damage inside the compressed data can surface as garbled lines before zlib notices; whatever it
  // was, the stream ends with one truncated_input issue and the next input is read.
  size_t truncations = 0;
  for (const RecordIssue& issue : result.issues) {
    if (issue.kind == "truncated_input") {
      ++truncations;
      EXPECT_EQ(issue.file, damaged);
      EXPECT_NE(issue.message.find("gzip"), std::string::npos) << issue.message;
    }
  }
  EXPECT_EQ(truncations, 1u);
}

TEST_P(ReaderCompressionTest, TruncatedPlainTwoByteGzipHeader) {
  ScratchDir dir;
  const std::string path = dir.Write("tiny.jsonl", "\x1F\x8B");
  const ReadResult result = ReadInputs({path});
  ASSERT_TRUE(result.status.ok());
  EXPECT_TRUE(result.records.empty());
  ASSERT_EQ(result.issues.size(), 1u);
  EXPECT_EQ(result.issues[0].kind, "truncated_input");
  EXPECT_EQ(result.issues[0].line, 1u);
}

TEST_P(ReaderCompressionTest, LibraryIsTheOneSelected) {
  if (std::string(GetParam()) == "zlib") {
    EXPECT_STREQ(GzipLibrary(), "zlib");
  }
  // Whatever the library, a stream of a few members of random-looking lines reads back whole.
  std::vector<std::string> texts;
  const std::string jsonl = ManyLines(2000, &texts);
  ScratchDir dir;
  const std::string path = dir.Write(
      "members.jsonl.gz", Gzip(jsonl.substr(0, 1000)) + Gzip(jsonl.substr(1000, 50000)) + Gzip(jsonl.substr(51000)));
  const ReadResult result = ReadInputs({path});
  ASSERT_TRUE(result.status.ok());
  EXPECT_TRUE(result.issues.empty());
  EXPECT_EQ(Texts(result), texts);
  EXPECT_EQ(result.stats.bytes, jsonl.size());
}

// The two libraries agree on every cut of a multi-member stream: the same records, and the same
// truncated_input issue at the same line with the same message. Only how much of the partial line before
// the cut they decode (counted in ReadStats::bytes, never a record) may differ a little.
TEST(ReaderGzipLibrariesTest, SameRecordsAndIssuesForEveryCut) {
  std::vector<std::string> texts;
  const std::string jsonl = ManyLines(300, &texts);
  const std::string compressed = Gzip(jsonl.substr(0, 7000)) + Gzip(jsonl.substr(7000)) + std::string(5, '\0');
  ScratchDir dir;
  auto serialize = [](const ReadResult& r) {
    std::string out = r.status.ToString() + "\n";
    for (const Record& record : r.records) out += std::string(record.text) + "\n";
    for (const RecordIssue& issue : r.issues) out += issue.message + "\n";
    return out;
  };
  const size_t step = compressed.size() / 97 + 1;
  for (size_t cut = 0; cut <= compressed.size(); cut += (cut < 40 || compressed.size() - cut < 40) ? 1 : step) {
    const std::string path = dir.Write("cut.jsonl.gz", compressed.substr(0, cut));
    unsetenv("NEARDUP_FORCE_GZIP");
    const ReadResult chosen = ReadInputs({path});
    setenv("NEARDUP_FORCE_GZIP", "zlib", 1);
    const ReadResult zlib = ReadInputs({path});
    unsetenv("NEARDUP_FORCE_GZIP");
    ASSERT_EQ(serialize(chosen), serialize(zlib)) << "cut at " << cut << " of " << compressed.size();
    EXPECT_LE(std::max(chosen.stats.bytes, zlib.stats.bytes) - std::min(chosen.stats.bytes, zlib.stats.bytes),
              1024u)
        << "cut at " << cut;
    if (cut == compressed.size()) {
      EXPECT_EQ(chosen.stats.bytes, jsonl.size());
      EXPECT_EQ(zlib.stats.bytes, jsonl.size());
    }
  }
}

}  // namespace
}  // namespace neardup
