// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Byte-class bitmaps of 64 bytes at a time, for the scanners of the boilerplate stage (the rule
// prefilter and the template tokenizer). Finding where words start and end one byte at a time costs a
// mispredicted branch per word; with one bit per byte, words are visited with count-trailing-zeros and
// the branches follow the words, not the bytes. SSE2 (the x86-64 baseline) when available, else a plain
// loop that gives the same bits.

#ifndef NEARDUP_PIPELINE_BOILERPLATE_ASCII_SCAN_H_
#define NEARDUP_PIPELINE_BOILERPLATE_ASCII_SCAN_H_

#include <cstddef>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace neardup::boilerplate_internal {

// Bit i describes byte i of the block.
struct ByteMasks {
  uint64_t letter = 0;  ///< A-Z, a-z
  uint64_t digit = 0;   ///< 0-9
  uint64_t space = 0;   ///< \t \n \f \r and space (RE2's \s)
  uint64_t high = 0;    ///< >= 0x80: part of a multi-byte character
  uint64_t gt = 0;      ///< '>'
  uint64_t dollar = 0;  ///< '$'
};

// The masks of the 64 bytes at `p` (all readable).
inline ByteMasks ScanBlock(const char* p) {
  ByteMasks m;
#if defined(__SSE2__)
  for (int k = 0; k < 4; ++k) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
    // Letters: (v | 0x20) - 'a' < 26, as a signed compare after moving the range to the bottom.
    const __m128i lower = _mm_or_si128(v, _mm_set1_epi8(0x20));
    const __m128i shifted = _mm_sub_epi8(lower, _mm_set1_epi8(static_cast<char>('a' + 128)));
    const __m128i letter = _mm_cmplt_epi8(shifted, _mm_set1_epi8(static_cast<char>(-128 + 26)));
    const __m128i dshift = _mm_sub_epi8(v, _mm_set1_epi8(static_cast<char>('0' + 128)));
    const __m128i digit = _mm_cmplt_epi8(dshift, _mm_set1_epi8(static_cast<char>(-128 + 10)));
    // \t \n (\v) \f \r are 9..13; RE2's \s leaves out \v (11).
    const __m128i cshift = _mm_sub_epi8(v, _mm_set1_epi8(static_cast<char>(9 + 128)));
    const __m128i control = _mm_cmplt_epi8(cshift, _mm_set1_epi8(static_cast<char>(-128 + 5)));
    const __m128i space = _mm_andnot_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(11)),
                                           _mm_or_si128(control, _mm_cmpeq_epi8(v, _mm_set1_epi8(' '))));
    const __m128i gt = _mm_cmpeq_epi8(v, _mm_set1_epi8('>'));
    const __m128i dollar = _mm_cmpeq_epi8(v, _mm_set1_epi8('$'));
    const int shift = 16 * k;
    m.gt |= static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(gt))) << shift;
    m.dollar |= static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(dollar))) << shift;
    m.letter |= static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(letter))) << shift;
    m.digit |= static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(digit))) << shift;
    m.space |= static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(space))) << shift;
    m.high |= static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(v))) << shift;
  }
#else
  for (int i = 0; i < 64; ++i) {
    const auto c = static_cast<unsigned char>(p[i]);
    const uint64_t bit = uint64_t{1} << i;
    if (static_cast<unsigned char>((c | 0x20) - 'a') < 26) m.letter |= bit;
    if (c >= '0' && c <= '9') m.digit |= bit;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r') m.space |= bit;
    if (c >= 0x80) m.high |= bit;
    if (c == '>') m.gt |= bit;
    if (c == '$') m.dollar |= bit;
  }
#endif
  return m;
}

// What the template tokenizer needs of a block (bit i for byte i), from ScanBlock's classes combined
// before they become bits: four movemasks per 16 bytes rather than six, and the '>' test kept as a
// vector until the block's end.
struct TokenMasks {
  uint64_t alnum = 0;   ///< letter | digit
  uint64_t digit = 0;   ///< 0-9
  uint64_t start = 0;   ///< letter | digit | high | '$': the bytes that may start a token
  uint64_t space = 0;   ///< as ScanBlock's
  bool any_gt = false;  ///< some byte of the 64 is '>'
};

// The masks of the 64 bytes at `p` (all readable); the same bits as ScanBlock's combined.
inline TokenMasks ScanTokenBlock(const char* p) {
  TokenMasks m;
#if defined(__SSE2__)
  __m128i gt = _mm_setzero_si128();
  for (int k = 0; k < 4; ++k) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
    const __m128i lower = _mm_or_si128(v, _mm_set1_epi8(0x20));
    const __m128i shifted = _mm_sub_epi8(lower, _mm_set1_epi8(static_cast<char>('a' + 128)));
    const __m128i letter = _mm_cmplt_epi8(shifted, _mm_set1_epi8(static_cast<char>(-128 + 26)));
    const __m128i dshift = _mm_sub_epi8(v, _mm_set1_epi8(static_cast<char>('0' + 128)));
    const __m128i digit = _mm_cmplt_epi8(dshift, _mm_set1_epi8(static_cast<char>(-128 + 10)));
    const __m128i cshift = _mm_sub_epi8(v, _mm_set1_epi8(static_cast<char>(9 + 128)));
    const __m128i control = _mm_cmplt_epi8(cshift, _mm_set1_epi8(static_cast<char>(-128 + 5)));
    const __m128i space = _mm_andnot_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(11)),
                                           _mm_or_si128(control, _mm_cmpeq_epi8(v, _mm_set1_epi8(' '))));
    const __m128i alnum = _mm_or_si128(letter, digit);
    // A byte >= 0x80 has its top bit set already, which is what the movemask takes.
    const __m128i start = _mm_or_si128(_mm_or_si128(alnum, v), _mm_cmpeq_epi8(v, _mm_set1_epi8('$')));
    gt = _mm_or_si128(gt, _mm_cmpeq_epi8(v, _mm_set1_epi8('>')));
    const int shift = 16 * k;
    m.alnum |= static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(alnum))) << shift;
    m.digit |= static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(digit))) << shift;
    m.start |= static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(start))) << shift;
    m.space |= static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(space))) << shift;
  }
  m.any_gt = _mm_movemask_epi8(gt) != 0;
#else
  const ByteMasks b = ScanBlock(p);
  m.alnum = b.letter | b.digit;
  m.digit = b.digit;
  m.start = m.alnum | b.high | b.dollar;
  m.space = b.space;
  m.any_gt = b.gt != 0;
#endif
  return m;
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
