// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.

#include "kernels/tokenize_ascii.h"

#include <array>
#include <cstddef>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace neardup::internal {
namespace {

constexpr uint8_t kWordChar = kLetter | kDigit | kExtender;
constexpr uint8_t kMidAny = kMidLetterOrNumber | kMidNumber | kMidLetter;
constexpr uint8_t kJoinsLetters = kMidLetterOrNumber | kMidLetter;
constexpr uint8_t kJoinsDigits = kMidLetterOrNumber | kMidNumber;

// Class of each byte. A lead byte of a multi-byte sequence maps to kNotAscii alone, which no ASCII
// byte has: the code point must be decoded and looked up in the table. Continuation bytes never start
// a code point, so their entry is never read on valid UTF-8.
constexpr std::array<uint8_t, 256> MakeClassTable() {
  std::array<uint8_t, 256> table{};
  for (int c = 'a'; c <= 'z'; ++c) table[c] = kLetter;
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = kLetter | kUpper;
  for (int c = '0'; c <= '9'; ++c) table[c] = kDigit;
  table['@'] = kLetter;
  table['_'] = kExtender;
  table['.'] = kMidLetterOrNumber;
  table['\''] = kMidLetterOrNumber;
  table[','] = kMidNumber;
  table[';'] = kMidNumber;
  for (int c = 0xC0; c <= 0xFF; ++c) table[c] = kNotAscii;
  return table;
}
constexpr std::array<uint8_t, 256> kClass = MakeClassTable();

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

// Hash of the lowercase form of ASCII word[0, len). `readable` bytes from `word` on may be read (at
// least len): lowercasing 16 bytes at a time both saves work and lets XXH3's 4/8/16-byte loads of short
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

// Hash of the normalized form of a word holding table code points: the concatenation of the forms of
// its code points. That equals NFKC_Casefold of the whole word because every table code point (and
// every ASCII character) has a normalization boundary before it, which the table builder checks, and
// apostrophe folding rewrites whole code points only.
uint64_t HashMixedWord(const unsigned char* word, size_t len, const FastPathTable& table,
                       std::string* scratch) {
  // A code point of n >= 2 bytes normalizes to at most kMaxNormalized <= 3 * n bytes.
  static_assert(FastPathTable::kMaxNormalized <= 6);
  char stack[3 * kStackWord];
  char* buf = stack;
  if (3 * len > sizeof(stack)) {
    scratch->resize(3 * len);
    buf = scratch->data();
  }
  size_t w = 0;
  for (size_t i = 0; i < len;) {
    if (word[i] < 0x80) {
      buf[w++] = ToLower(word[i++]);
      continue;
    }
    size_t cp_len;
    const FastPathTable::Entry* e = FindEncoded(table, word + i, len - i, &cp_len);
    if (e != nullptr) {  // always, by the contract of TokenizeFast
      std::memcpy(buf + w, e->normalized, e->length);
      w += e->length;
    }
    i += cp_len;
  }
  return XXH3_64bits_withSeed(buf, w, kWordHashSeed);
}

// Class of the multi-byte code point at p; *length receives its length in bytes. Code points outside
// the table (a contract violation of TokenizeFast) count as "other".
inline uint8_t DecodeClass(const FastPathTable* table, const unsigned char* p, size_t avail, size_t* length) {
  if (table == nullptr) {
    *length = 1;
    while (*length < avail && (p[*length] & 0xC0) == 0x80) ++*length;
    return kOther;
  }
  const FastPathTable::Entry* e = FindEncoded(*table, p, avail, length);
  return e == nullptr ? uint8_t{kOther} : e->fast_class;
}

}  // namespace

bool FastPathTable::Add(uint32_t cp, uint8_t fast_class, std::string_view normalized) {
  if (normalized.size() > kMaxNormalized) return false;
  size_t index;
  if (cp >= 0x80 && cp < kLatinEnd) {
    index = cp - 0x80;
  } else if (cp - kLatinAdditionalBegin < kLatinAdditionalSize) {
    index = (kLatinEnd - 0x80) + (cp - kLatinAdditionalBegin);
  } else if (cp - kPunctuationBegin < kPunctuationSize) {
    index = (kLatinEnd - 0x80) + kLatinAdditionalSize + (cp - kPunctuationBegin);
  } else {
    return false;
  }
  Entry& e = entries_[index];
  e.fast_class = fast_class;
  e.length = static_cast<uint8_t>(normalized.size());
  std::memcpy(e.normalized, normalized.data(), normalized.size());
  return true;
}

const FastPathTable::Entry* FindEncoded(const FastPathTable& table, const unsigned char* p, size_t avail,
                                        size_t* length) {
  const unsigned char b0 = p[0];
  if (b0 < 0xE0) {
    *length = 2;
    if (avail < 2) return nullptr;
    return table.Find((static_cast<uint32_t>(b0 & 0x1F) << 6) | (p[1] & 0x3F));
  }
  if (b0 < 0xF0) {
    *length = 3;
    if (avail < 3) return nullptr;
    return table.Find((static_cast<uint32_t>(b0 & 0x0F) << 12) | (static_cast<uint32_t>(p[1] & 0x3F) << 6) |
                      (p[2] & 0x3F));
  }
  *length = 4;
  return nullptr;
}

void AsciiLowercase(std::string_view text, std::string* out) {
  out->resize(text.size());
  for (size_t i = 0; i < text.size(); ++i) (*out)[i] = ToLower(static_cast<unsigned char>(text[i]));
}

void TokenizeFast(std::string_view text, uint32_t cp_base, const FastPathTable* table, std::string* scratch,
                  std::vector<Word>* out) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  // Continuation bytes before p[i]: the code point offset of p[i] is cp_base + i - extra.
  size_t extra = 0;
  while (i < n) {
    uint8_t first = kClass[p[i]];
    size_t len = 1;
    if (first == kNotAscii) first = DecodeClass(table, p + i, n - i, &len);
    if ((first & kWordChar) == 0) {
      i += len;
      extra += len - 1;
      continue;
    }
    const size_t start = i;
    const size_t start_extra = extra;
    uint8_t last = first;
    uint8_t seen = first;
    i += len;
    extra += len - 1;
    while (i < n) {
      uint8_t c = kClass[p[i]];
      if (c & kWordChar) {
        last = c;
        seen |= c;
        ++i;
        continue;
      }
      len = 1;
      if (c == kNotAscii) {
        c = DecodeClass(table, p + i, n - i, &len);
        if (c & kWordChar) {
          last = c;
          seen |= c;
          i += len;
          extra += len - 1;
          continue;
        }
      }
      // A mid character joins only between two letters (MidLetter, MidNumLet) or two digits (MidNum,
      // MidNumLet); an extender before it never lets it join.
      if ((c & kMidAny) && i + len < n) {
        size_t after_len = 1;
        uint8_t after = kClass[p[i + len]];
        if (after == kNotAscii) after = DecodeClass(table, p + i + len, n - i - len, &after_len);
        if (((last & after & kLetter) && (c & kJoinsLetters)) ||
            ((last & after & kDigit) && (c & kJoinsDigits))) {
          last = after;
          seen |= c | after;
          i += len + after_len;
          extra += len - 1 + after_len - 1;
          continue;
        }
      }
      break;
    }
    // ICU gives a lone extender the non-word status (two or more are a word).
    if ((first & kExtender) && i - start - (extra - start_extra) == 1) continue;
    uint64_t hash;
    if (seen & kNotAscii) {
      hash = HashMixedWord(p + start, i - start, *table, scratch);
    } else {
      hash = HashAsciiWord(p + start, i - start, n - start, (seen & kUpper) != 0, scratch);
    }
    out->push_back(Word{hash, static_cast<uint32_t>(cp_base + start - start_extra),
                        static_cast<uint32_t>(cp_base + i - extra)});
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
