// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Byte classes of text as bit masks, 64 bytes per block: the vectorized first step of the tokenizer's
// fast path (kernels/tokenize_ascii.cc). One bit per byte and class lets the tokenizer find word
// boundaries with shifts and bit scans instead of a loop over bytes. The classes are those of the ASCII
// table in kernels/tokenize_ascii.h; a byte >= 0x80 is only marked `high` (its code point is classified
// by the fast path's table, one piece of text at a time).
//
// ClassifyBytesScalar is the reference; the AVX2 and AVX-512 variants (byte_classes_avx2.cc,
// byte_classes_avx512.cc) must give identical masks. The active one is KernelTable::classify_bytes
// (kernels/minhash.h), chosen with the MinHash kernel, so NEARDUP_FORCE_KERNEL selects both. The same
// holds for the boilerplate stage's scanner (ScanBytesScalar, KernelTable::scan_bytes).

#ifndef NEARDUP_KERNELS_BYTE_CLASSES_H_
#define NEARDUP_KERNELS_BYTE_CLASSES_H_

#include <cstddef>
#include <cstdint>

namespace neardup {

// Classes of the 64 bytes of one block: bit i is byte i of the block.
struct ByteClassMasks {
  uint64_t letter;             ///< A-Z a-z @ (ICU 72 keeps '@' inside words)
  uint64_t digit;              ///< 0-9
  uint64_t extender;           ///< _
  uint64_t mid_letter_number;  ///< . '  (join two letters or two digits)
  uint64_t mid_number;         ///< , ;  (join two digits)
  uint64_t upper;              ///< A-Z
  uint64_t high;               ///< bytes >= 0x80
  uint64_t space;              ///< ASCII whitespace: space \t \n \v \f \r
};

// Signature of a classifier: fills masks[0 .. ceil(size / 64)) for text[0, size). Bits of bytes at or
// past `size` in the last block are zero in every mask. Reads no byte at or past `size`.
using ClassifyBytesFn = void (*)(const unsigned char* text, size_t size, ByteClassMasks* masks);

// The scalar reference.
void ClassifyBytesScalar(const unsigned char* text, size_t size, ByteClassMasks* masks);

// The classes of the boilerplate stage's scanners (pipeline/boilerplate: the template tokenizer and the
// rule prefilter), which follow RE2's classes rather than the word-break table: a letter is A-Z a-z, and
// whitespace is RE2's \s (\v is not).
struct ScanMasks {
  uint64_t letter;  ///< A-Z a-z
  uint64_t digit;   ///< 0-9
  uint64_t space;   ///< \t \n \f \r and space
  uint64_t high;    ///< bytes >= 0x80: part of a multi-byte character
  uint64_t gt;      ///< '>'
  uint64_t dollar;  ///< '$'
};

// Signature of a scanner: fills masks[0 .. blocks) for the 64 * blocks bytes at `text`, which must all be
// readable. Unlike a classifier, it clears no bit past an end: the scanners' texts are padded, and they
// mask what lies past the text themselves. The boilerplate stage scans a unit's blocks with one call
// (not one per block) so that the dispatch costs nothing per block.
using ScanBytesFn = void (*)(const unsigned char* text, size_t blocks, ScanMasks* masks);

// The scalar reference.
void ScanBytesScalar(const unsigned char* text, size_t blocks, ScanMasks* masks);

namespace internal {
// Call only when the CPU has AVX2 and BMI2 / AVX-512 F, BW, DQ and VL (see kernels/minhash_internal.h).
void ClassifyBytesAvx2(const unsigned char* text, size_t size, ByteClassMasks* masks);
void ClassifyBytesAvx512(const unsigned char* text, size_t size, ByteClassMasks* masks);
void ScanBytesAvx2(const unsigned char* text, size_t blocks, ScanMasks* masks);
void ScanBytesAvx512(const unsigned char* text, size_t blocks, ScanMasks* masks);
}  // namespace internal

}  // namespace neardup

#endif  // NEARDUP_KERNELS_BYTE_CLASSES_H_
