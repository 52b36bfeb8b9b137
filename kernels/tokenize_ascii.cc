// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.

#include "kernels/tokenize_ascii.h"

#include <array>
#include <cstddef>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace neardup::internal {
namespace {

// Word-break classes as bit flags so that "may continue a word" is one mask test. Upper-case
// letters carry kUpper on top of kLetter: a word without it is hashed straight from the text.
enum : uint8_t {
  kOther = 0,
  kLetter = 1,
  kDigit = 2,
  kExtender = 4,
  kMidLetterOrNumber = 8,  // . '
  kMidNumber = 16,         // , ;
  kUpper = 32,
};
constexpr uint8_t kWordChar = kLetter | kDigit | kExtender;

constexpr std::array<uint8_t, 128> MakeClassTable() {
  std::array<uint8_t, 128> table{};
  for (int c = 'a'; c <= 'z'; ++c) table[c] = kLetter;
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = kLetter | kUpper;
  for (int c = '0'; c <= '9'; ++c) table[c] = kDigit;
  table['@'] = kLetter;
  table['_'] = kExtender;
  table['.'] = kMidLetterOrNumber;
  table['\''] = kMidLetterOrNumber;
  table[','] = kMidNumber;
  table[';'] = kMidNumber;
  return table;
}
constexpr std::array<uint8_t, 128> kClass = MakeClassTable();

inline char ToLower(unsigned char c) {
  return static_cast<char>(c + ((static_cast<unsigned>(c - 'A') < 26u) << 5));
}

#if defined(__SSE2__)
inline __m128i Lowercase16(__m128i v) {
  // 'A'..'Z' are the bytes that land in [-128, -103] once shifted by 128 - 'A' (signed compare).
  const __m128i shifted = _mm_add_epi8(v, _mm_set1_epi8(static_cast<char>(128 - 'A')));
  const __m128i upper = _mm_cmplt_epi8(shifted, _mm_set1_epi8(static_cast<char>(-128 + 26)));
  return _mm_or_si128(v, _mm_and_si128(upper, _mm_set1_epi8(0x20)));
}
#endif

// Lengths up to this are lowercased on the stack; longer words (rare: URLs, base64) use scratch.
constexpr size_t kStackWord = 64;

// Hash of the lowercase form of word[0, len). `readable` bytes from `word` on may be read (at least
// len): lowercasing 16 bytes at a time both saves work and lets XXH3's 4/8/16-byte loads of short
// words be served from a single earlier store instead of stalling on byte-wise stores.
inline uint64_t HashAsciiWord(const unsigned char* word, size_t len, size_t readable, bool has_upper,
                              std::string* scratch) {
  if (!has_upper) return XXH3_64bits_withSeed(word, len, kWordHashSeed);
  if (len > kStackWord) {
    AsciiLowercase(std::string_view(reinterpret_cast<const char*>(word), len), scratch);
    return XXH3_64bits_withSeed(scratch->data(), scratch->size(), kWordHashSeed);
  }
  alignas(16) char buf[kStackWord];
#if defined(__SSE2__)
  if (((len + 15) & ~size_t{15}) <= readable) {
    for (size_t k = 0; k < len; k += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(word + k));
      _mm_store_si128(reinterpret_cast<__m128i*>(buf + k), Lowercase16(v));
    }
    return XXH3_64bits_withSeed(buf, len, kWordHashSeed);
  }
#endif
  for (size_t i = 0; i < len; ++i) buf[i] = ToLower(word[i]);
  return XXH3_64bits_withSeed(buf, len, kWordHashSeed);
}

}  // namespace

void AsciiLowercase(std::string_view text, std::string* out) {
  out->resize(text.size());
  for (size_t i = 0; i < text.size(); ++i) (*out)[i] = ToLower(static_cast<unsigned char>(text[i]));
}

void TokenizeAscii(std::string_view text, uint32_t cp_base, std::string* scratch, std::vector<Word>* out) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    const uint8_t first = kClass[p[i]];
    if ((first & kWordChar) == 0) {
      ++i;
      continue;
    }
    const size_t start = i;
    uint8_t last = first;
    uint8_t seen = first;
    ++i;
    while (i < n) {
      const uint8_t c = kClass[p[i]];
      if (c & kWordChar) {
        last = c;
        seen |= c;
        ++i;
        continue;
      }
      // A mid character joins only between two letters (. ') or two digits (. ' , ;); an extender
      // before it never lets it join.
      if (i + 1 < n && (c & (kMidLetterOrNumber | kMidNumber))) {
        const uint8_t after = kClass[p[i + 1]];
        if (((last & after & kLetter) && c == kMidLetterOrNumber) || (last & after & kDigit)) {
          seen |= after;
          i += 2;
          continue;
        }
      }
      break;
    }
    // ICU gives a lone extender the non-word status (two or more are a word).
    if (i - start == 1 && first == kExtender) continue;
    out->push_back(Word{HashAsciiWord(p + start, i - start, n - start, (seen & kUpper) != 0, scratch),
                        static_cast<uint32_t>(cp_base + start), static_cast<uint32_t>(cp_base + i)});
  }
}

void TokenizeAsciiIgnoringOthers(std::string_view utf8, uint32_t cp_base, std::string* scratch,
                                 std::vector<Word>* out) {
  // A non-ASCII character is a hard break on both sides, and a mid character before it cannot join
  // (it needs a letter or digit after it), so each ASCII stretch can be tokenized on its own.
  const size_t n = utf8.size();
  size_t pos = 0;
  uint32_t cp = cp_base;
  while (pos < n) {
    size_t end = pos;
    while (end < n && static_cast<unsigned char>(utf8[end]) < 0x80) ++end;
    TokenizeAscii(utf8.substr(pos, end - pos), cp, scratch, out);
    cp += static_cast<uint32_t>(end - pos);
    for (pos = end; pos < n && static_cast<unsigned char>(utf8[pos]) >= 0x80; ++pos) {
      cp += (static_cast<unsigned char>(utf8[pos]) & 0xC0) != 0x80;
    }
  }
}

}  // namespace neardup::internal
