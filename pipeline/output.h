// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Writing outputs: atomic files (a temporary name in the same directory, renamed into place on Commit)
// and the small JSON formatting helpers every output shares, so that numbers look the same everywhere.

#ifndef NEARDUP_PIPELINE_OUTPUT_H_
#define NEARDUP_PIPELINE_OUTPUT_H_

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "neardup/status.h"

namespace neardup {

// Every file name a run may write into OUTDIR. A run removes those of them it does not write.
const std::vector<std::string>& OutputFileNames();

// A file written under a temporary name and renamed to its final name by Commit(). If the object is
// destroyed without Commit(), the temporary file is removed and the final name is untouched.
//
// Finish() ends the writing (flush, fsync, close) without the rename, so that a file can be made
// durable well before the run decides to publish it; Commit() finishes the file if Finish() was not
// called, then renames it. Finish() may run on another thread than the appends, but not at the same
// time as them.
class AtomicFile {
 public:
  AtomicFile() = default;
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  Status Open(const std::string& dir, const std::string& name);
  Status Append(std::string_view bytes);
  Status Finish();
  Status Commit();

 private:
  // Asks the kernel to start writing what was appended so far to disk, without waiting, so that
  // Commit's fsync has little left to wait for: the disk works while the next lines are formatted.
  void StartWriteback();

  std::FILE* file_ = nullptr;
  uint64_t appended_ = 0;      // bytes appended
  uint64_t written_back_ = 0;  // bytes whose writeback was started
  std::string tmp_path_;
  std::string final_path_;
  bool failed_ = false;
  bool finished_ = false;  // Finish() succeeded: the temporary file is complete, closed and on disk
};

// Creates `dir` (and parents) if needed.
Status EnsureDirectory(const std::string& dir);
// Removes dir/name if it exists.
Status RemoveIfExists(const std::string& dir, const std::string& name);

// Appends x rounded to 4 decimals in its shortest form with at least one decimal: 0.8 → "0.8",
// 1 → "1.0", 0.81234 → "0.8123".
void AppendRounded4(double x, std::string* out);
// Appends x with 3 decimals (timings).
void AppendFixed3(double x, std::string* out);
void AppendUint(uint64_t x, std::string* out);
void AppendInt(int64_t x, std::string* out);

// The same formats written at `out`, which has room for the most they write; each returns the end of
// what it wrote. The writers put a whole passage span or boilerplate span into a buffer on the stack
// with these and append it once: a dozen appends per span cost more than its formatting.
constexpr size_t kMaxUintChars = 20;
// "%.4f" of the largest double is 315 characters: sign, 309 digits, point, 4 decimals.
constexpr size_t kMaxRounded4Chars = 320;
char* PutUint(uint64_t x, char* out);
char* PutRounded4(double x, char* out);
// Copies the bytes of a string literal (without its terminating zero).
template <size_t N>
char* PutLiteral(const char (&literal)[N], char* out) {
  std::memcpy(out, literal, N - 1);
  return out + N - 1;
}

}  // namespace neardup

#endif  // NEARDUP_PIPELINE_OUTPUT_H_
