// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Memory for what phase 1 of the boilerplate stage keeps of every document until the stage ends (its
// units and shingles: boilerplate.cc, AnalyzeDoc).

#ifndef NEARDUP_PIPELINE_BOILERPLATE_DOC_ARENA_H_
#define NEARDUP_PIPELINE_BOILERPLATE_DOC_ARENA_H_

#include <sys/mman.h>

#include <algorithm>
#include <cstddef>
#include <memory>
#include <new>
#include <span>
#include <type_traits>
#include <utility>
#include <vector>

namespace neardup::boilerplate_internal {

// Items are cut from large blocks in turn and freed only with the arena; one arena per thread. The
// stage's documents keep about 260 MB of units and shingles for 356 MB of input, all of it fresh memory:
// as vectors of their own on the heap, they cost a page fault for every 4 KB (most of the stage's
// faults). The blocks are mapped as candidates for transparent huge pages, which the kernel backs with
// one fault per 2 MB where it has them (on a kernel that gives huge pages only on advice, as this one
// does), and which make fewer TLB misses for phase 2's passes, which jump from document to document of
// a source.
class DocArena {
 public:
  DocArena() = default;
  DocArena(const DocArena&) = delete;
  DocArena& operator=(const DocArena&) = delete;
  ~DocArena() {
    for (const auto& [base, bytes] : blocks_) munmap(base, bytes);
  }

  // `n` value-initialized items (as std::vector's resize makes them), aligned for T.
  template <typename T>
  std::span<T> Make(size_t n) {
    static_assert(std::is_trivially_destructible_v<T> && alignof(T) <= kAlign);
    if (n == 0) return {};
    const size_t bytes = (n * sizeof(T) + kAlign - 1) & ~(kAlign - 1);
    if (bytes > left_) NewBlock(bytes);
    T* items = reinterpret_cast<T*>(next_);
    next_ += bytes;
    left_ -= bytes;
    std::uninitialized_value_construct_n(items, n);
    return {items, n};
  }

  // A copy of `items`.
  template <typename T>
  std::span<const T> Copy(const std::vector<T>& items) {
    const std::span<T> out = Make<T>(items.size());
    std::copy(items.begin(), items.end(), out.begin());
    return out;
  }

  // Bytes mapped so far.
  size_t mapped() const {
    size_t total = 0;
    for (const auto& block : blocks_) total += block.second;
    return total;
  }

  static constexpr size_t kAlign = 8;
  static constexpr size_t kBlockBytes = size_t{32} << 20;

 private:
  // A block of kBlockBytes, or of `bytes` when more; what is left of the current one is not used.
  void NewBlock(size_t bytes) {
    const size_t size = std::max(bytes, kBlockBytes);
    void* base = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (base == MAP_FAILED) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
    madvise(base, size, MADV_HUGEPAGE);  // advice: without huge pages the block has 4 KB pages
#endif
    blocks_.emplace_back(base, size);
    next_ = static_cast<char*>(base);
    left_ = size;
  }

  std::vector<std::pair<void*, size_t>> blocks_;
  char* next_ = nullptr;
  size_t left_ = 0;
};

}  // namespace neardup::boilerplate_internal

#endif  // NEARDUP_PIPELINE_BOILERPLATE_DOC_ARENA_H_
