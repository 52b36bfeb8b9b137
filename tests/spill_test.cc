// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// The spill file (pipeline/io/spill.h): blocks moved to it keep their bytes at their addresses after
// every page has been dropped, the reader gives the same records with and without it (JSONL, .txt,
// compressed), a full disk keeps the bytes in memory with the reason, and a run gives the same outputs
// with and without spilling.

#include "pipeline/io/spill.h"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "pipeline/io/memory.h"
#include "pipeline/io/reader.h"
#include "tests/reader_test_util.h"
#include "tests/test_util.h"

namespace neardup {
namespace {

using testing_util::ReadAll;
using testing_util::ReadResult;
using testing_util::ScratchDir;

// The bytes a record holds, all of them, as one comparable string.
std::string Describe(const Record& r) {
  std::string out;
  out += r.id.json + "|" + std::to_string(r.line) + "|" + std::to_string(r.file) + "|";
  out += std::string(r.text) + "|" + std::string(r.title) + "|" + std::string(r.source) + "|";
  out += std::to_string(r.code_points) + "|" + std::to_string(r.replacements) + "|";
  if (!r.from_txt) r.AppendLine(&out);
  return out;
}

std::vector<std::string> DescribeAll(const ReadResult& result) {
  std::vector<std::string> out;
  for (const Record& r : result.records) out.push_back(Describe(r));
  return out;
}

TEST(SpillTest, StoredBlockKeepsItsBytesAfterPagesAreDropped) {
  ScratchDir dir;
  std::shared_ptr<SpillFile> spill;
  ASSERT_TRUE(SpillFile::Create(dir.path(), &spill).ok());
  std::vector<std::unique_ptr<ByteBlock>> blocks;
  std::vector<std::string> expected;
  // Sizes around page boundaries, and larger than one write (1 MB: spill.cc's kWriteBytes), a whole
  // number of writes and not.
  for (size_t used :
       {size_t{1}, size_t{4095}, size_t{4096}, size_t{4097}, (size_t{1} << 20) + 4097, size_t{3} << 20}) {
    auto block = std::make_unique<ByteBlock>(std::max<size_t>(used, 1 << 20));
    std::string bytes(used, '\0');
    for (size_t i = 0; i < used; ++i) bytes[i] = static_cast<char>('a' + (i * 7 + used) % 26);
    std::memcpy(block->data(), bytes.data(), used);
    ASSERT_TRUE(block->MoveTo(spill, used));
    EXPECT_FALSE(block->MoveTo(spill, used)) << "a block moves once";
    blocks.push_back(std::move(block));
    expected.push_back(bytes);
  }
  EXPECT_EQ(spill->failed(), "");
  EXPECT_GE(spill->bytes(), (size_t{4} << 20) + 6 * 4096);
  spill->ReleaseResident();
  for (size_t i = 0; i < blocks.size(); ++i) {
    EXPECT_EQ(std::string(blocks[i]->data(), expected[i].size()), expected[i]) << i;
  }
  // The releasing thread drops pages while they are read.
  spill->StartReleasing(1, 0);
  for (int round = 0; round < 50; ++round) {
    for (size_t i = 0; i < blocks.size(); ++i) {
      ASSERT_EQ(std::string(blocks[i]->data(), expected[i].size()), expected[i]) << i;
    }
  }
  spill->StopReleasing();
  blocks.clear();  // unmapped; the file goes with the last reference
}

TEST(SpillTest, SmallHeapBlocksStayInMemory) {
  ScratchDir dir;
  std::shared_ptr<SpillFile> spill;
  ASSERT_TRUE(SpillFile::Create(dir.path(), &spill).ok());
  ByteBlock small(100);  // from the heap, not page-aligned: not movable
  std::memcpy(small.data(), "kept", 4);
  EXPECT_FALSE(small.MoveTo(spill, 4));
  EXPECT_EQ(std::string(small.data(), 4), "kept");
  EXPECT_EQ(spill->failed(), "");
}

TEST(SpillTest, MissingDirectoryIsAnIOErrorNamingIt) {
  std::shared_ptr<SpillFile> spill;
  const Status st = SpillFile::Create("/nonexistent/neardup-tmp", &spill);
  EXPECT_EQ(st.code(), Status::Code::kIOError);
  EXPECT_NE(st.message().find("/nonexistent/neardup-tmp"), std::string::npos) << st.message();
  EXPECT_EQ(spill, nullptr);
}

// Filler text for a JSON string: MakeText's line breaks escaped.
std::string JsonFiller(uint64_t seed, size_t words) {
  std::string out;
  for (char c : testing_util::MakeText(seed, words)) {
    if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

// A corpus touching every reader path: JSONL with escapes, invalid UTF-8 and a missing text, big
// records, a folder of .txt files, and gzip.
std::vector<std::string> WriteCorpus(const ScratchDir& dir) {
  std::string jsonl;
  for (int i = 0; i < 3000; ++i) {
    jsonl += "{\"id\":" + std::to_string(i) + ",\"url\":\"https://site" + std::to_string(i % 7) +
             ".example/a\",\"text\":\"Line " + std::to_string(i) + " caf\\u00e9 \\\"q\\\"\\n" +
             JsonFiller(static_cast<uint64_t>(i), 40 + i % 300) + "\"}\n";
    if (i % 500 == 0) jsonl += "{\"id\":\"bad\",\"text\":17}\n";
    if (i % 700 == 0) jsonl += "{\"id\":\"u" + std::to_string(i) + "\",\"text\":\"bad \xFF byte\"}\n";
  }
  // One record larger than an arena block.
  jsonl += "{\"id\":\"huge\",\"text\":\"" + JsonFiller(7, 1200000) + "\"}\n";
  const std::string a = dir.Write("a.jsonl", jsonl);
  const std::string b = dir.Write("b.jsonl.gz", testing_util::Gzip(jsonl.substr(0, 200000)));
  dir.Write("txt/site1/one.txt", "\xEF\xBB\xBFTitle one\nbody \xFE text\n");
  dir.Write("txt/site2/two.txt", testing_util::MakeText(3, 5000));
  return {a, b, dir.path() + "/txt"};
}

TEST(SpillTest, ReaderGivesTheSameRecordsWithAndWithoutSpilling) {
  ScratchDir dir;
  InputOptions options;
  options.inputs = WriteCorpus(dir);
  options.batch_bytes = 64 << 10;  // many batches and arena blocks
  const ReadResult plain = ReadAll(options);
  ASSERT_TRUE(plain.status.ok()) << plain.status.ToString();
  // a.jsonl: 3,000 records, 5 with invalid UTF-8 and the huge one; 2 .txt files; the gzip file holds the
  // first 200,000 bytes of a.jsonl: 207 whole records and a cut one.
  ASSERT_EQ(plain.records.size(), 3000u + 5 + 1 + 2 + 207);

  ASSERT_TRUE(SpillFile::Create(dir.path(), &options.spill).ok());
  std::shared_ptr<SpillFile> spill = options.spill;
  const ReadResult spilled = ReadAll(options);
  ASSERT_TRUE(spilled.status.ok()) << spilled.status.ToString();
  EXPECT_EQ(spill->failed(), "");
  EXPECT_GT(spill->bytes(), 0u);
  spill->ReleaseResident();
  ASSERT_EQ(spilled.records.size(), plain.records.size());
  EXPECT_EQ(DescribeAll(spilled), DescribeAll(plain));
  EXPECT_EQ(testing_util::IssueSummaries(spilled), testing_util::IssueSummaries(plain));
}

// A full disk, simulated with a file size limit (writes past it fail with EFBIG once SIGXFSZ is
// ignored), in a child process so that the limit touches nothing else: the records are all there,
// from memory, and the reason is reported.
TEST(SpillTest, FullDiskKeepsTheRecordsInMemory) {
  ScratchDir dir;
  InputOptions options;
  options.inputs = WriteCorpus(dir);
  options.batch_bytes = 64 << 10;
  const ReadResult plain = ReadAll(options);
  ASSERT_TRUE(plain.status.ok());
  const std::vector<std::string> expected = DescribeAll(plain);
  EXPECT_EXIT(
      {
        std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit{};
        limit.rlim_cur = limit.rlim_max = 6 << 20;  // room for a block or two, not for the corpus
        if (setrlimit(RLIMIT_FSIZE, &limit) != 0) std::_Exit(3);
        if (!SpillFile::Create(dir.path(), &options.spill).ok()) std::_Exit(4);
        const ReadResult spilled = ReadAll(options);
        if (!spilled.status.ok()) std::_Exit(5);
        if (options.spill->failed().find("cannot write the spill file") == std::string::npos) std::_Exit(6);
        if (options.spill->bytes() == 0) std::_Exit(7);
        options.spill->ReleaseResident();
        std::_Exit(DescribeAll(spilled) == expected ? 0 : 8);
      },
      ::testing::ExitedWithCode(0), "");
}

TEST(SpillTest, RunGivesTheSameOutputsWithAndWithoutSpilling) {
  testing_util::TempDir tmp;
  std::string corpus;
  for (int i = 0; i < 400; ++i) {
    const std::string body = JsonFiller(static_cast<uint64_t>(i % 150), 120);
    corpus += "{\"id\":\"d" + std::to_string(i) + "\",\"source\":\"s" + std::to_string(i % 5) +
              "\",\"text\":\"Headline " + std::to_string(i) + "\\n" + body +
              "\\nAll rights reserved. Share this article.\"}\n";
  }
  testing_util::WriteFile(tmp / "in.jsonl", corpus);
  const testing_util::CliResult spilled =
      testing_util::RunNeardup({"run", tmp / "in.jsonl", "-o", tmp / "spilled", "--tmpdir", tmp.path()});
  ASSERT_EQ(spilled.exit_code, 0) << spilled.err;
  const testing_util::CliResult memory =
      testing_util::RunNeardup({"run", tmp / "in.jsonl", "-o", tmp / "memory", "--no-spill"});
  ASSERT_EQ(memory.exit_code, 0) << memory.err;
  for (const char* name : {"clean.jsonl", "annotations.jsonl", "clusters.jsonl", "boilerplate.jsonl", "passages.jsonl"}) {
    EXPECT_EQ(testing_util::ReadFile(tmp / (std::string("spilled/") + name)),
              testing_util::ReadFile(tmp / (std::string("memory/") + name)))
        << name;
  }
  // The texts went to the spill file (stats.json's timing says how much); with --no-spill they did not.
  EXPECT_EQ(testing_util::ReadFile(tmp / "spilled/stats.json").find("\"spill_mb\": 0.000"), std::string::npos);
  EXPECT_NE(testing_util::ReadFile(tmp / "memory/stats.json").find("\"spill_mb\": 0.000"), std::string::npos);
  // A --tmpdir that cannot be used is an error naming it, before anything is written.
  const testing_util::CliResult bad =
      testing_util::RunNeardup({"run", tmp / "in.jsonl", "-o", tmp / "bad", "--tmpdir", tmp / "missing"});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find(tmp / "missing"), std::string::npos) << bad.err;
  EXPECT_FALSE(testing_util::FileExists(tmp / "bad/stats.json"));
}

}  // namespace
}  // namespace neardup
