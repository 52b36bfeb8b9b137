// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// AtomicFile::Append writes large appends with write(2) after flushing stdio's buffer, small ones
// through the buffer. The file must hold exactly the appends in order, however they alternate, against
// the plain reference of their concatenation.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "pipeline/output.h"

namespace neardup {
namespace {

std::string ReadWhole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

TEST(OutputAtomicAppendTest, SmallAndLargeAppendsKeepTheirOrder) {
  const std::string dir =
      (std::filesystem::temp_directory_path() / ("neardup-append-" + std::to_string(::getpid()))).string();
  ASSERT_TRUE(EnsureDirectory(dir).ok());
  std::mt19937_64 rng(17);
  // Sizes on both sides of the direct-write threshold (64 KB) and of stdio's 1 MB buffer, and
  // enough bytes in all to start writeback (every 32 MB) a few times.
  const size_t sizes[] = {1, 7, 100, 4095, 65535, 65536, 65537, 300000, 1 << 20, (1 << 20) + 3, 3 << 20};
  for (int round = 0; round < 2; ++round) {
    AtomicFile file;
    ASSERT_TRUE(file.Open(dir, "out.jsonl").ok());
    std::string expected;
    for (int k = 0; k < 80; ++k) {
      const size_t size = sizes[rng() % (sizeof(sizes) / sizeof(sizes[0]))];
      std::string chunk(size, '\0');
      for (char& c : chunk) c = static_cast<char>('a' + rng() % 26);
      chunk.back() = '\n';
      ASSERT_TRUE(file.Append(chunk).ok());
      expected += chunk;
    }
    ASSERT_TRUE(file.Commit().ok());
    ASSERT_EQ(ReadWhole(dir + "/out.jsonl"), expected) << "round " << round;
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace neardup
