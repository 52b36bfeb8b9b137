// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// A spill file: where the records' bytes live during a run, so that document texts are never all held
// in the process's memory at once. The reader fills record storage blocks in memory as before; when a
// block is full (or reading ends) its bytes are written to the end of one unlinked file under --tmpdir
// and the file is mapped, read-only, over the block's own addresses, so every view into it stays valid
// and the block's memory is given back. The stages then read texts through those mappings as if they
// were in memory, and a thread drops every mapped page from the process a few times a second
// (MADV_DONTNEED, which on a file mapping loses nothing: the next read faults the page back in from the
// page cache, or from disk when the kernel has evicted it). So the process holds only the texts it
// touched in the last period whatever the corpus size, and the kernel keeps the rest in its page cache
// while memory is free and drops it when it is not.
//
// Bytes are written with pwrite (1 MB a call: see kWriteBytes in spill.cc), never through the mapping: a full
// disk is an error returned by a call (the block then stays in memory and the run goes on), not a SIGBUS on
// some later page fault. On a tmpfs --tmpdir the file is itself memory (shared memory, not the process's), so
// spilling there only moves the bytes out of the process's resident set.

#ifndef NEARDUP_PIPELINE_IO_SPILL_H_
#define NEARDUP_PIPELINE_IO_SPILL_H_

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "neardup/status.h"

namespace neardup {

// Always owned by a shared_ptr: blocks stored in it keep a reference (see ByteBlock), so the file
// outlives the records that point into it whatever order they are destroyed in. Thread-safe.
class SpillFile {
 public:
  // Creates the file in `dir` (empty: $TMPDIR, else /tmp), unlinked at once so that nothing is left
  // behind whatever happens to the run. Fails with the directory and the system's reason.
  static Status Create(const std::string& dir, std::shared_ptr<SpillFile>* out);
  ~SpillFile();
  SpillFile(const SpillFile&) = delete;
  SpillFile& operator=(const SpillFile&) = delete;

  // Writes the first `used` bytes at `data` (page-aligned, a private mapping of at least `used` bytes
  // rounded up to a page, that no other thread is reading or writing now) to the end of the file and
  // maps them back read-only at the same address. False when that fails (failed() then says why, and
  // every later call fails at once): the bytes are still there, in memory.
  bool Store(char* data, size_t used);
  // Takes a stored range out of the file's list; call it before unmapping the range.
  void Forget(char* data);

  // Drops every stored page from the process's resident set (the bytes stay in the file).
  void ReleaseResident();
  // Starts a thread that wakes up every `period_ms`, until StopReleasing, and drops stored pages when
  // the process holds more than `budget_bytes` of file-backed and shared memory (/proc/self/statm's
  // "shared": the spill file's pages, but also the program's own code); 0: at every wake-up. Dropping
  // pages that another thread uses costs a TLB flush on every core: doing it 40 times a second
  // whatever was touched was about 6% of the boilerplate stage's CPU.
  void StartReleasing(int period_ms, uint64_t budget_bytes);
  void StopReleasing();

  const std::string& directory() const { return dir_; }
  // Bytes stored in the file so far.
  uint64_t bytes() const;
  // The first failure to store ("" when none).
  std::string failed() const;

 private:
  SpillFile(int fd, std::string dir) : fd_(fd), dir_(std::move(dir)) {}
  void ReleaseLocked(size_t most);  // drops `most` stored ranges, round robin

  const int fd_;
  const std::string dir_;

  mutable std::mutex mu_;  // guards everything below
  uint64_t size_ = 0;      // bytes of the file stored (each range starts on a page)
  uint64_t reserved_ = 0;  // bytes of the file given out to Store calls, some perhaps still writing
  std::map<char*, size_t> regions_;  // stored ranges: start, length
  char* release_next_ = nullptr;      // where the next ReleaseLocked starts
  std::string failed_;
  bool stopping_ = false;
  std::condition_variable wake_;
  std::thread releaser_;
};

}  // namespace neardup

#endif  // NEARDUP_PIPELINE_IO_SPILL_H_
