// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Helpers shared by the tests: temporary directories, files, running the CLI, reading JSONL outputs.

#ifndef NEARDUP_TESTS_TEST_UTIL_H_
#define NEARDUP_TESTS_TEST_UTIL_H_

#include <cstdint>
#include <string>
#include <vector>

namespace neardup::testing_util {

// A fresh directory under the test temp dir, removed with its contents when the object dies.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

void WriteFile(const std::string& path, const std::string& contents);
std::string ReadFile(const std::string& path);
bool FileExists(const std::string& path);
std::vector<std::string> ReadLines(const std::string& path);

struct CliResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};
// Runs build/neardup with the arguments (each shell-quoted), optionally feeding `stdin_path` to it.
CliResult RunNeardup(const std::vector<std::string>& args, const std::string& stdin_path = "");

// Deterministic filler text: `words` words drawn from a vocabulary of made-up words by `seed`.
std::string MakeText(uint64_t seed, size_t words);
// `text` with every `every`-th word replaced by a word derived from `seed`.
std::string EditWords(const std::string& text, size_t every, uint64_t seed);

}  // namespace neardup::testing_util

#endif  // NEARDUP_TESTS_TEST_UTIL_H_
