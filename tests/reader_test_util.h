// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Fixtures shared by the reader tests: a scratch folder, compressed files made with zlib and libzstd
// in the test itself, and a ReadCorpus wrapper that collects everything delivered.

#ifndef NEARDUP_TESTS_READER_TEST_UTIL_H_
#define NEARDUP_TESTS_READER_TEST_UTIL_H_

#include <gtest/gtest.h>
#include <zlib.h>
#include <zstd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "pipeline/io/reader.h"

namespace neardup::testing_util {

// A fresh folder under the test temp dir, removed with its contents at destruction.
class ScratchDir {
 public:
  ScratchDir() {
    std::string pattern = ::testing::TempDir() + "neardup_reader_XXXXXX";
    char* made = mkdtemp(pattern.data());
    EXPECT_NE(made, nullptr);
    path_ = pattern;
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::string& path() const { return path_; }

  // Writes `bytes` to path()/relative (creating folders) and returns the full path.
  std::string Write(const std::string& relative, const std::string& bytes) const {
    const std::filesystem::path full = std::filesystem::path(path_) / relative;
    std::filesystem::create_directories(full.parent_path());
    std::ofstream out(full, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    EXPECT_TRUE(out.good()) << full;
    return full.string();
  }

 private:
  std::string path_;
};

// One complete gzip member holding `data`.
inline std::string Gzip(const std::string& data) {
  z_stream zs{};
  EXPECT_EQ(deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&zs, data.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

// One complete zstd frame holding `data`.
inline std::string Zstd(const std::string& data) {
  std::string out(ZSTD_compressBound(data.size()), '\0');
  const size_t n = ZSTD_compress(out.data(), out.size(), data.data(), data.size(), 3);
  EXPECT_FALSE(ZSTD_isError(n));
  out.resize(n);
  return out;
}

// Everything one ReadCorpus call delivered.
struct ReadResult {
  Status status;
  std::vector<Record> records;
  std::vector<RecordIssue> issues;
  ReadStats stats;
  size_t batches = 0;
};

inline ReadResult ReadAll(const InputOptions& options) {
  ReadResult result;
  result.status = ReadCorpus(
      options,
      [&](std::vector<Record>& batch) {
        ++result.batches;
        for (Record& r : batch) result.records.push_back(std::move(r));
      },
      [&](const RecordIssue& issue) { result.issues.push_back(issue); }, &result.stats);
  return result;
}

inline ReadResult ReadInputs(const std::vector<std::string>& inputs) {
  InputOptions options;
  options.inputs = inputs;
  return ReadAll(options);
}

inline std::vector<std::string> Texts(const ReadResult& result) {
  std::vector<std::string> texts;
  for (const Record& r : result.records) texts.emplace_back(r.text);
  return texts;
}

// The line a JSONL record was read from, rebuilt (empty for .txt documents).
inline std::string Raw(const Record& r) {
  std::string line;
  if (!r.from_txt) r.AppendLine(&line);
  return line;
}

// The text field's token as it was in the line.
inline std::string TokenOf(const Record& r) {
  std::string token;
  r.AppendTextToken(&token);
  return token;
}

// The input file a record came from.
inline std::string FileOf(const ReadResult& result, const Record& r) { return result.stats.file_names.at(r.file); }

inline std::vector<std::string> IdJsons(const ReadResult& result) {
  std::vector<std::string> ids;
  for (const Record& r : result.records) ids.push_back(r.id.json);
  return ids;
}

inline std::vector<std::string> IssueSummaries(const ReadResult& result) {
  std::vector<std::string> out;
  for (const RecordIssue& i : result.issues) out.push_back(i.kind + "@" + std::to_string(i.line));
  return out;
}

}  // namespace neardup::testing_util

#endif  // NEARDUP_TESTS_READER_TEST_UTIL_H_
