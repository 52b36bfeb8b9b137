// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Byte classifier with AVX2: a 64-byte block as two 32-byte vectors, each class a compare and a
// movemask. Compiled with -mavx2 -mbmi2; reached only through the dispatch in minhash.cc. Defines only
// its entry point (see kernels/minhash_internal.h for why).

#include <immintrin.h>

#include <cstring>

#include "kernels/byte_classes.h"

namespace neardup::internal {
namespace {

// Lanes of x (as unsigned bytes) that are <= limit.
inline __m256i AtMost(__m256i x, __m256i limit) { return _mm256_cmpeq_epi8(_mm256_min_epu8(x, limit), x); }

inline uint64_t Bits(__m256i lo, __m256i hi) {
  return static_cast<uint32_t>(_mm256_movemask_epi8(lo)) |
         static_cast<uint64_t>(static_cast<uint32_t>(_mm256_movemask_epi8(hi))) << 32;
}

struct Classes {
  __m256i letter, digit, extender, mid_letter_number, mid_number, upper, high, space;
};

inline Classes Classify32(__m256i v) {
  Classes c;
  const __m256i span25 = _mm256_set1_epi8(25);
  c.upper = AtMost(_mm256_sub_epi8(v, _mm256_set1_epi8('A')), span25);
  c.letter = _mm256_or_si256(
      AtMost(_mm256_sub_epi8(_mm256_or_si256(v, _mm256_set1_epi8(0x20)), _mm256_set1_epi8('a')), span25),
      _mm256_cmpeq_epi8(v, _mm256_set1_epi8('@')));
  c.digit = AtMost(_mm256_sub_epi8(v, _mm256_set1_epi8('0')), _mm256_set1_epi8(9));
  c.extender = _mm256_cmpeq_epi8(v, _mm256_set1_epi8('_'));
  c.mid_letter_number =
      _mm256_or_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8('.')), _mm256_cmpeq_epi8(v, _mm256_set1_epi8('\'')));
  c.mid_number =
      _mm256_or_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8(',')), _mm256_cmpeq_epi8(v, _mm256_set1_epi8(';')));
  c.high = v;  // movemask takes the top bit
  c.space = _mm256_or_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8(' ')),
                            AtMost(_mm256_sub_epi8(v, _mm256_set1_epi8('\t')), _mm256_set1_epi8(4)));
  return c;
}

inline void ClassifyBlock(const unsigned char* p, ByteClassMasks* m) {
  const Classes lo = Classify32(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p)));
  const Classes hi = Classify32(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 32)));
  m->letter = Bits(lo.letter, hi.letter);
  m->digit = Bits(lo.digit, hi.digit);
  m->extender = Bits(lo.extender, hi.extender);
  m->mid_letter_number = Bits(lo.mid_letter_number, hi.mid_letter_number);
  m->mid_number = Bits(lo.mid_number, hi.mid_number);
  m->upper = Bits(lo.upper, hi.upper);
  m->high = Bits(lo.high, hi.high);
  m->space = Bits(lo.space, hi.space);
}

}  // namespace

void ClassifyBytesAvx2(const unsigned char* text, size_t size, ByteClassMasks* masks) {
  size_t at = 0;
  size_t b = 0;
  for (; at + 64 <= size; at += 64, ++b) ClassifyBlock(text + at, &masks[b]);
  if (at < size) {  // the tail, zero-padded: a zero byte has no class
    alignas(32) unsigned char tail[64] = {};
    std::memcpy(tail, text + at, size - at);
    ClassifyBlock(tail, &masks[b]);
  }
}

}  // namespace neardup::internal
