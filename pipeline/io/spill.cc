// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.

#include "pipeline/io/spill.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <utility>

namespace neardup {
namespace {

size_t PageSize() {
  static const size_t page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  return page;
}

// Ranges the releasing thread drops at each wake-up when it drops any. Every one of them while there
// are fewer (16 MB each: up to 4 GB of input); beyond, a round robin, so that a wake-up costs the same at
// any input size.
constexpr size_t kRangesPerRelease = 256;

// Bytes per pwrite call when a block is stored. A single call for a whole 16 MB block lets the page
// cache take the largest folios it can (2 MB), and on the Firecracker VM this was measured on, the copy
// into them was slow and erratic (the read stage at 0.41 to 0.93 CPU-seconds on the 356 MB corpus, the
// copy up to half of it; most likely because such blocks are often memory the host has taken back and
// must fault in again), while writes of 1 MB ran steadily at the fast end (0.39 to 0.42). 16 calls per
// block cost nothing measurable. bench/README.md, "Memory", has the figures.
constexpr size_t kWriteBytes = 1 << 20;

// Resident file-backed and shared bytes of this process, from an open /proc/self/statm; UINT64_MAX
// when unknown, and then the caller drops pages at every wake-up.
uint64_t SharedResidentBytes(int statm) {
  char buf[128];
  const ssize_t n = statm < 0 ? -1 : pread(statm, buf, sizeof(buf) - 1, 0);
  if (n <= 0) return UINT64_MAX;
  buf[n] = '\0';
  unsigned long long size = 0, resident = 0, shared = 0;
  if (std::sscanf(buf, "%llu %llu %llu", &size, &resident, &shared) != 3) return UINT64_MAX;
  return static_cast<uint64_t>(shared) * PageSize();
}

}  // namespace

Status SpillFile::Create(const std::string& dir, std::shared_ptr<SpillFile>* out) {
  std::string where = dir;
  if (where.empty()) {
    const char* env = std::getenv("TMPDIR");
    where = env != nullptr && *env != '\0' ? env : "/tmp";
  }
  std::string path = where + "/neardup-spill-XXXXXX";
  const int fd = mkstemp(path.data());
  if (fd < 0) {
    return Status::IOError("--tmpdir " + where + ": cannot create a spill file: " + std::strerror(errno));
  }
  unlink(path.c_str());  // the file lives until its descriptor and last mapping are gone
  out->reset(new SpillFile(fd, where));
  return Status::OK();
}

SpillFile::~SpillFile() {
  StopReleasing();
  close(fd_);
}

bool SpillFile::Store(char* data, size_t used) {
  const size_t page = PageSize();
  if (used == 0 || reinterpret_cast<uintptr_t>(data) % page != 0) return false;
  const size_t length = (used + page - 1) / page * page;
  uint64_t offset;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!failed_.empty()) return false;
    offset = reserved_;
    reserved_ += length;
  }
  // The write and the mapping run without the lock: a 16 MB pwrite takes milliseconds, and holding
  // the lock through it would stall the other reader threads' Store calls and the releaser. A failed
  // range leaves a hole in the file.
  auto fail = [&](std::string why) {
    std::lock_guard<std::mutex> lock(mu_);
    if (failed_.empty()) failed_ = std::move(why);
    return false;
  };
  size_t done = 0;
  while (done < length) {
    const size_t size = std::min(kWriteBytes, length - done);
    const ssize_t n = pwrite(fd_, data + done, size, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      return fail("--tmpdir " + dir_ + ": cannot write the spill file at " + std::to_string(offset + done) +
                  " bytes: " + (n < 0 ? std::strerror(errno) : "no progress"));
    }
    done += static_cast<size_t>(n);
  }
  // MAP_FIXED replaces the block's private pages by the file's, which hold the same bytes: the
  // addresses stay valid throughout, for the thread that filled the block is the only one reading it.
  void* p = mmap(data, length, PROT_READ, MAP_SHARED | MAP_FIXED, fd_, static_cast<off_t>(offset));
  if (p == MAP_FAILED) return fail("--tmpdir " + dir_ + ": cannot map the spill file: " + std::strerror(errno));
  std::lock_guard<std::mutex> lock(mu_);
  size_ += length;
  regions_.emplace(data, length);
  return true;
}

void SpillFile::Forget(char* data) {
  std::lock_guard<std::mutex> lock(mu_);
  regions_.erase(data);
}

void SpillFile::ReleaseLocked(size_t most) {
  // Round robin from where the last call stopped, `most` ranges at a time.
  auto it = regions_.lower_bound(release_next_);
  for (size_t k = 0; k < most && !regions_.empty(); ++k) {
    if (it == regions_.end()) it = regions_.begin();
    madvise(it->first, it->second, MADV_DONTNEED);
    ++it;
  }
  release_next_ = it == regions_.end() ? nullptr : it->first;
}

void SpillFile::ReleaseResident() {
  std::lock_guard<std::mutex> lock(mu_);
  ReleaseLocked(regions_.size());
}

void SpillFile::StartReleasing(int period_ms, uint64_t budget_bytes) {
  std::lock_guard<std::mutex> lock(mu_);
  if (releaser_.joinable()) return;
  stopping_ = false;
  releaser_ = std::thread([this, period_ms, budget_bytes] {
    const int statm = open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
    std::unique_lock<std::mutex> lock(mu_);
    while (!wake_.wait_for(lock, std::chrono::milliseconds(period_ms), [this] { return stopping_; })) {
      if (budget_bytes == 0 || SharedResidentBytes(statm) > budget_bytes) ReleaseLocked(kRangesPerRelease);
    }
    if (statm >= 0) close(statm);
  });
}

void SpillFile::StopReleasing() {
  std::thread releaser;
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
    releaser = std::move(releaser_);
  }
  wake_.notify_all();
  if (releaser.joinable()) releaser.join();
}

uint64_t SpillFile::bytes() const {
  std::lock_guard<std::mutex> lock(mu_);
  return size_;
}

std::string SpillFile::failed() const {
  std::lock_guard<std::mutex> lock(mu_);
  return failed_;
}

}  // namespace neardup
