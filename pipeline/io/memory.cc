// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.

#include "pipeline/io/memory.h"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <new>
#include <utility>

#include "pipeline/io/spill.h"

namespace neardup {
namespace {

constexpr size_t kHugePage = 2 << 20;
constexpr size_t kMapAtLeast = 1 << 20;

}  // namespace

ByteBlock::ByteBlock(size_t capacity) : capacity_(capacity) {
  if (capacity < kMapAtLeast) {
    data_ = new char[std::max<size_t>(capacity, 1)];
    return;
  }
  // Mapped with a huge page of slack, so that the block can start on a huge page boundary.
  const size_t rounded = (capacity + kHugePage - 1) / kHugePage * kHugePage;
  const size_t length = rounded + kHugePage;
  void* p = mmap(nullptr, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) throw std::bad_alloc();
  const auto start = reinterpret_cast<uintptr_t>(p);
  const uintptr_t aligned = (start + kHugePage - 1) / kHugePage * kHugePage;
  if (aligned > start) munmap(p, aligned - start);
  const uintptr_t end = start + length;
  if (end > aligned + rounded) munmap(reinterpret_cast<void*>(aligned + rounded), end - aligned - rounded);
  data_ = reinterpret_cast<char*>(aligned);
  mapped_ = rounded;
#ifdef MADV_HUGEPAGE
  madvise(data_, mapped_, MADV_HUGEPAGE);  // advice only: without it the block works the same
#endif
}

ByteBlock::~ByteBlock() {
  if (spill_ != nullptr) spill_->Forget(data_);
  if (mapped_ != 0) {
    munmap(data_, mapped_);
  } else {
    delete[] data_;
  }
}

bool ByteBlock::MoveTo(const std::shared_ptr<SpillFile>& spill, size_t used) {
  if (mapped_ == 0 || spill_ != nullptr || used == 0 || !spill->Store(data_, used)) return false;
  spill_ = spill;
  // Pages past the stored ones (the slack of the last reservation) held nothing that is kept.
  const size_t page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  const size_t stored = (used + page - 1) / page * page;
  if (stored < mapped_) madvise(data_ + stored, mapped_ - stored, MADV_DONTNEED);
  return true;
}

std::unique_ptr<ByteBlock> BlockPool::Get(size_t capacity) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (auto it = kept_.begin(); it != kept_.end(); ++it) {
      if ((*it)->capacity() >= capacity) {
        std::unique_ptr<ByteBlock> block = std::move(*it);
        kept_.erase(it);
        return block;
      }
    }
  }
  return std::make_unique<ByteBlock>(capacity);
}

void BlockPool::Put(std::unique_ptr<ByteBlock> block) {
  if (block == nullptr) return;
  std::lock_guard<std::mutex> lock(mu_);
  if (kept_.size() < max_kept_) kept_.push_back(std::move(block));
}

RecordArena::~RecordArena() { Seal(); }

void RecordArena::Seal() {
  if (spill_ != nullptr && block_ != nullptr) block_->MoveTo(spill_, used_);
}

char* RecordArena::Reserve(size_t bytes) {
  if (capacity_ - used_ < bytes) {
    Seal();
    block_ = std::make_shared<ByteBlock>(std::max(bytes, spill_ != nullptr ? kSpillBlockBytes : kBlockBytes));
    data_ = block_->data();
    capacity_ = block_->capacity();
    used_ = 0;
    owner_ = block_;
  }
  return data_ + used_;
}

}  // namespace neardup
