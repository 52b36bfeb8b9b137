// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Byte classifier with AVX-512 BW: one 64-byte block per vector, each class a compare into a mask
// register. Compiled with -mavx512f/bw/dq/vl; reached only through the dispatch in minhash.cc. Defines
// only its entry point (see kernels/minhash_internal.h for why).

// GCC 12's AVX-512 intrinsics trip -Wmaybe-uninitialized (GCC bug 105593, fixed in GCC 13).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wuninitialized"
#include <immintrin.h>
#pragma GCC diagnostic pop
#else
#include <immintrin.h>
#endif

#include "kernels/byte_classes.h"

namespace neardup::internal {

void ClassifyBytesAvx512(const unsigned char* text, size_t size, ByteClassMasks* masks) {
  const __m512i lower_bit = _mm512_set1_epi8(0x20);
  const __m512i a_lower = _mm512_set1_epi8('a');
  const __m512i a_upper = _mm512_set1_epi8('A');
  const __m512i zero = _mm512_set1_epi8('0');
  const __m512i tab = _mm512_set1_epi8('\t');
  const __m512i span25 = _mm512_set1_epi8(25);
  const __m512i span9 = _mm512_set1_epi8(9);
  const __m512i span4 = _mm512_set1_epi8(4);
  for (size_t at = 0, b = 0; at < size; at += 64, ++b) {
    // A masked load reads (and may fault on) only the bytes it keeps; the others are zero, no class.
    const __mmask64 keep = size - at >= 64 ? ~__mmask64{0} : (__mmask64{1} << (size - at)) - 1;
    const __m512i v = _mm512_maskz_loadu_epi8(keep, text + at);
    const __m512i folded = _mm512_or_si512(v, lower_bit);
    ByteClassMasks& m = masks[b];
    m.upper = _mm512_cmple_epu8_mask(_mm512_sub_epi8(v, a_upper), span25);
    m.letter = _mm512_cmple_epu8_mask(_mm512_sub_epi8(folded, a_lower), span25) |
               _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8('@'));
    m.digit = _mm512_cmple_epu8_mask(_mm512_sub_epi8(v, zero), span9);
    m.extender = _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8('_'));
    m.mid_letter_number =
        _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8('.')) | _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8('\''));
    m.mid_number =
        _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8(',')) | _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8(';'));
    m.high = _mm512_movepi8_mask(v);
    m.space = _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8(' ')) |
              _mm512_cmple_epu8_mask(_mm512_sub_epi8(v, tab), span4);
  }
}

void ScanBytesAvx512(const unsigned char* text, size_t blocks, ScanMasks* masks) {
  const __m512i case_bit = _mm512_set1_epi8(0x20);
  const __m512i a = _mm512_set1_epi8('a');
  const __m512i zero = _mm512_set1_epi8('0');
  const __m512i tab = _mm512_set1_epi8('\t');
  const __m512i span25 = _mm512_set1_epi8(25);
  const __m512i span9 = _mm512_set1_epi8(9);
  const __m512i span4 = _mm512_set1_epi8(4);
  for (size_t b = 0; b < blocks; ++b) {
    const __m512i v = _mm512_loadu_si512(text + 64 * b);
    ScanMasks& m = masks[b];
    m.letter = _mm512_cmple_epu8_mask(_mm512_sub_epi8(_mm512_or_si512(v, case_bit), a), span25);
    m.digit = _mm512_cmple_epu8_mask(_mm512_sub_epi8(v, zero), span9);
    // \t \n \v \f \r and space, less \v.
    m.space = (_mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8(' ')) |
               _mm512_cmple_epu8_mask(_mm512_sub_epi8(v, tab), span4)) &
              ~_mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8('\v'));
    m.high = _mm512_movepi8_mask(v);
    m.gt = _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8('>'));
    m.dollar = _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8('$'));
  }
}

}  // namespace neardup::internal
