// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Memory of the input layer. The reader fills a lot of fresh memory — batch buffers, and the storage
// of every record it delivers — and at 4 KB per page fault the kernel's share of that would cost about
// as much as parsing. Large blocks are therefore mapped directly with transparent huge pages requested
// (one fault per 2 MB where the system allows it), and batch buffers are recycled.

#ifndef NEARDUP_PIPELINE_IO_MEMORY_H_
#define NEARDUP_PIPELINE_IO_MEMORY_H_

#include <cstddef>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace neardup {

class SpillFile;

// A fixed block of bytes, uninitialized. Blocks of 1 MB and more are mapped with huge pages
// requested; smaller ones come from the heap. Throws std::bad_alloc when memory is exhausted.
class ByteBlock {
 public:
  explicit ByteBlock(size_t capacity);
  ~ByteBlock();
  ByteBlock(const ByteBlock&) = delete;
  ByteBlock& operator=(const ByteBlock&) = delete;

  char* data() const { return data_; }
  size_t capacity() const { return capacity_; }

  // Moves the first `used` bytes to `spill` (SpillFile::Store): they stay at the same addresses,
  // read-only from now on, and the memory under them is given back. False when the block is not a
  // mapped one or the spill file cannot take it; the bytes then stay in memory.
  bool MoveTo(const std::shared_ptr<SpillFile>& spill, size_t used);

 private:
  char* data_ = nullptr;
  size_t capacity_ = 0;
  size_t mapped_ = 0;  ///< bytes mapped (0: heap)
  std::shared_ptr<SpillFile> spill_;  ///< where the block's bytes were moved, if they were
};

// Recycles blocks: Get returns a kept block at least `capacity` large, or a new one. Thread-safe.
class BlockPool {
 public:
  explicit BlockPool(size_t max_kept) : max_kept_(max_kept) {}
  std::unique_ptr<ByteBlock> Get(size_t capacity);
  void Put(std::unique_ptr<ByteBlock> block);

 private:
  std::mutex mu_;
  const size_t max_kept_;
  std::vector<std::unique_ptr<ByteBlock>> kept_;
};

// Storage for records, filled by one thread: a bump allocator over shared blocks. A record reserves
// room for the most it can need, writes, and commits what it used; owner() then keeps the block
// holding those bytes alive for as long as any record refers to it. With a spill file set, each block
// is moved to it once it is full, and the last one when the arena is destroyed (see spill.h). Not
// thread-safe.
class RecordArena {
 public:
  // Blocks are this large unless one record needs more.
  static constexpr size_t kBlockBytes = 4 << 20;
  // With a spill file, larger: each stored block is two kernel mappings (its stored pages, and the rest),
  // and a process may have about 65,000, so 16 MB blocks carry inputs of several hundred GB.
  static constexpr size_t kSpillBlockBytes = 16 << 20;

  RecordArena() = default;
  ~RecordArena();
  RecordArena(const RecordArena&) = delete;
  RecordArena& operator=(const RecordArena&) = delete;

  void set_spill(std::shared_ptr<SpillFile> spill) { spill_ = std::move(spill); }

  // Returns room for at least `bytes` bytes, in the block owner() names until the next Reserve.
  char* Reserve(size_t bytes);
  // Marks the first `used` bytes of the last reservation as taken.
  void Commit(size_t used) { used_ += used; }
  const std::shared_ptr<const void>& owner() const { return owner_; }

 private:
  void Seal();  // moves the current block to the spill file, if there is one

  std::shared_ptr<SpillFile> spill_;
  std::shared_ptr<ByteBlock> block_;
  std::shared_ptr<const void> owner_;
  char* data_ = nullptr;
  size_t capacity_ = 0;
  size_t used_ = 0;
};

}  // namespace neardup

#endif  // NEARDUP_PIPELINE_IO_MEMORY_H_
