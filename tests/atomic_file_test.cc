// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// AtomicFile: nothing appears under the final name before Commit, and nothing is left behind by an
// object destroyed without it, whether or not Finish() made the temporary file durable first.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <thread>

#include "pipeline/output.h"
#include "tests/test_util.h"

namespace neardup {
namespace {

using testing_util::FileExists;
using testing_util::ReadFile;
using testing_util::TempDir;
using testing_util::WriteFile;

size_t FilesIn(const std::string& dir) {
  size_t n = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir)) ++n;
  return n;
}

TEST(AtomicFileTest, FinishThenCommitPublishesTheBytes) {
  TempDir dir;
  AtomicFile file;
  ASSERT_TRUE(file.Open(dir.path(), "out.txt").ok());
  ASSERT_TRUE(file.Append("one\n").ok());
  ASSERT_TRUE(file.Append("two\n").ok());
  // Finished on another thread, as the run does, while this one goes on.
  Status finished;
  std::thread([&] { finished = file.Finish(); }).join();
  ASSERT_TRUE(finished.ok()) << finished.message();
  EXPECT_FALSE(FileExists(dir / "out.txt"));
  EXPECT_EQ(FilesIn(dir.path()), 1u);  // the temporary file, complete
  ASSERT_TRUE(file.Commit().ok());
  EXPECT_EQ(ReadFile(dir / "out.txt"), "one\ntwo\n");
  EXPECT_EQ(FilesIn(dir.path()), 1u);
}

TEST(AtomicFileTest, AFinishedFileNeverCommittedLeavesTheOldOneAlone) {
  TempDir dir;
  WriteFile(dir / "out.txt", "previous run\n");
  {
    AtomicFile file;
    ASSERT_TRUE(file.Open(dir.path(), "out.txt").ok());
    ASSERT_TRUE(file.Append("new run\n").ok());
    ASSERT_TRUE(file.Finish().ok());
  }
  EXPECT_EQ(ReadFile(dir / "out.txt"), "previous run\n");
  EXPECT_EQ(FilesIn(dir.path()), 1u);
  {
    AtomicFile file;  // not finished either
    ASSERT_TRUE(file.Open(dir.path(), "out.txt").ok());
    ASSERT_TRUE(file.Append("new run\n").ok());
  }
  EXPECT_EQ(ReadFile(dir / "out.txt"), "previous run\n");
  EXPECT_EQ(FilesIn(dir.path()), 1u);
}

TEST(AtomicFileTest, CommitWithoutFinishAndFinishingTwice) {
  TempDir dir;
  AtomicFile file;
  ASSERT_TRUE(file.Open(dir.path(), "out.txt").ok());
  ASSERT_TRUE(file.Append("bytes").ok());
  ASSERT_TRUE(file.Commit().ok());
  EXPECT_EQ(ReadFile(dir / "out.txt"), "bytes");
  AtomicFile again;
  ASSERT_TRUE(again.Open(dir.path(), "other.txt").ok());
  ASSERT_TRUE(again.Finish().ok());
  const Status second = again.Finish();
  EXPECT_FALSE(second.ok());
  EXPECT_NE(second.message().find("other.txt"), std::string::npos) << second.message();
}

}  // namespace
}  // namespace neardup
