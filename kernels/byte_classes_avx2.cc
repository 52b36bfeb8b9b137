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

// The boilerplate scanner's classes of one block (ScanMasks).
inline void ScanBlock(const unsigned char* p, ScanMasks* m) {
  const __m256i lo = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
  const __m256i hi = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + 32));
  const __m256i case_bit = _mm256_set1_epi8(0x20), a = _mm256_set1_epi8('a'), span25 = _mm256_set1_epi8(25);
  const __m256i zero = _mm256_set1_epi8('0'), span9 = _mm256_set1_epi8(9);
  const __m256i tab = _mm256_set1_epi8('\t'), span4 = _mm256_set1_epi8(4), vtab = _mm256_set1_epi8('\v');
  const __m256i blank = _mm256_set1_epi8(' '), gt = _mm256_set1_epi8('>'), dollar = _mm256_set1_epi8('$');
  auto letter = [&](__m256i v) { return AtMost(_mm256_sub_epi8(_mm256_or_si256(v, case_bit), a), span25); };
  auto digit = [&](__m256i v) { return AtMost(_mm256_sub_epi8(v, zero), span9); };
  // \t \n \v \f \r and space, less \v.
  auto space = [&](__m256i v) {
    return _mm256_andnot_si256(
        _mm256_cmpeq_epi8(v, vtab),
        _mm256_or_si256(_mm256_cmpeq_epi8(v, blank), AtMost(_mm256_sub_epi8(v, tab), span4)));
  };
  m->letter = Bits(letter(lo), letter(hi));
  m->digit = Bits(digit(lo), digit(hi));
  m->space = Bits(space(lo), space(hi));
  m->high = Bits(lo, hi);  // movemask takes the top bit
  m->gt = Bits(_mm256_cmpeq_epi8(lo, gt), _mm256_cmpeq_epi8(hi, gt));
  m->dollar = Bits(_mm256_cmpeq_epi8(lo, dollar), _mm256_cmpeq_epi8(hi, dollar));
}

}  // namespace

void ScanBytesAvx2(const unsigned char* text, size_t blocks, ScanMasks* masks) {
  for (size_t b = 0; b < blocks; ++b) ScanBlock(text + 64 * b, &masks[b]);
}

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
