// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Byte-class bitmaps of 64 bytes at a time, for the scanners of the boilerplate stage (the rule
// prefilter and the template tokenizer). Finding where words start and end one byte at a time costs a
// mispredicted branch per word; with one bit per byte, words are visited with count-trailing-zeros and
// the branches follow the words, not the bytes. The bitmaps come from a kernel (kernels/byte_classes.h,
// ScanBytes*), a whole text's blocks in one call.

#ifndef NEARDUP_PIPELINE_BOILERPLATE_ASCII_SCAN_H_
#define NEARDUP_PIPELINE_BOILERPLATE_ASCII_SCAN_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include "kernels/byte_classes.h"
#include "kernels/minhash.h"  // ActiveKernel

namespace neardup::boilerplate_internal {

// The masks of the `blocks` 64-byte blocks at `p` (readable for 64 * blocks bytes), from the active
// kernel (KernelTable::scan_bytes: AVX-512, AVX2 or the scalar loop) in one call, in `local` when they fit
// in its `capacity`, else in a buffer of the thread's. Bit i of a mask describes byte i of its block.
inline const ScanMasks* ScanMasksOf(const char* p, size_t blocks, ScanMasks* local, size_t capacity) {
  static const ScanBytesFn scan = ActiveKernel().scan_bytes;
  ScanMasks* out = local;
  if (blocks > capacity) {
    thread_local std::vector<ScanMasks> heap;
    if (heap.size() < blocks) heap.resize(blocks);
    out = heap.data();
  }
  scan(reinterpret_cast<const unsigned char*>(p), blocks, out);
  return out;
}

// Bytes the scanners may read past the end of a text: a block of 64 and a word key of 16.
inline constexpr size_t kScanPadding = 80;

// The bits of a block starting at `base` that lie before `end`.
inline uint64_t ValidBits(size_t base, size_t end) {
  return end - base >= 64 ? ~uint64_t{0} : (uint64_t{1} << (end - base)) - 1;
}

// The lower-cased ASCII letters of a word of 1..16 bytes at `p` (readable for 16 bytes), zero-padded,
// as two words: a key that compares in two instructions.
inline void LowerKey(const char* p, size_t len, uint64_t* lo, uint64_t* hi) {
  uint64_t a, b;
  std::memcpy(&a, p, 8);
  std::memcpy(&b, p + 8, 8);
  constexpr uint64_t kCase = 0x2020202020202020ULL;
  a |= kCase;
  b |= kCase;
  if (len < 8) {
    *lo = a & ((uint64_t{1} << (8 * len)) - 1);
    *hi = 0;
  } else {
    *lo = a;
    *hi = len >= 16 ? b : b & ((uint64_t{1} << (8 * (len - 8))) - 1);
  }
}

}  // namespace neardup::boilerplate_internal

#endif  // NEARDUP_PIPELINE_BOILERPLATE_ASCII_SCAN_H_
