// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.

#include "kernels/tokenize_ascii.h"

#include "kernels/minhash.h"

#include <algorithm>
#include <array>
#include <bit>
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

// XXH3-64 of a word with seed kWordHashSeed. Words are short, and the public entry point is too large
// for the compiler to inline at every call, so the 0-16 byte case calls XXH3's own short-input function
// directly: XXH3_64bits_withSeed does exactly this for those lengths (the tests compare every word hash
// with the ICU path, which calls the public function).
inline uint64_t WordHash(const void* data, size_t len) {
  if (len <= 16) {
    return XXH3_len_0to16_64b(static_cast<const xxh_u8*>(data), len, XXH3_kSecret, kWordHashSeed);
  }
  return XXH3_64bits_withSeed(data, len, kWordHashSeed);
}

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
// words be served from a single earlier store instead of stalling on byte-wise stores. `has_upper` may be
// true for a word without upper-case letters (it only costs a lowercasing); words of up to 16 bytes are
// lowercased whatever it says.
inline uint64_t HashAsciiWord(const unsigned char* word, size_t len, size_t readable, bool has_upper,
                              std::string* scratch) {
#if defined(__SSE2__)
  if (len <= 16 && readable >= 16) {
    alignas(16) unsigned char buf[16];
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(word));
    _mm_store_si128(reinterpret_cast<__m128i*>(buf), Lowercase16(v));
    return WordHash(buf, len);
  }
#endif
  if (!has_upper) return WordHash(word, len);
  if (len > kStackWord) {
    AsciiLowercase(std::string_view(reinterpret_cast<const char*>(word), len), scratch);
    return WordHash(scratch->data(), scratch->size());
  }
  alignas(16) char buf[kStackWord];
#if defined(__SSE2__)
  if (((len + 15) & ~size_t{15}) <= readable) {
    for (size_t k = 0; k < len; k += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(word + k));
      _mm_store_si128(reinterpret_cast<__m128i*>(buf + k), Lowercase16(v));
    }
    return WordHash(buf, len);
  }
#endif
  for (size_t i = 0; i < len; ++i) buf[i] = ToLower(word[i]);
  return WordHash(buf, len);
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
  return WordHash(buf, w);
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

void AsciiLowercase(std::string_view text, std::string* out) {
  out->resize(text.size());
  for (size_t i = 0; i < text.size(); ++i) (*out)[i] = ToLower(static_cast<unsigned char>(text[i]));
}

namespace {

template <typename Sink>
void ScalarImpl(std::string_view text, uint32_t cp_base, const FastPathTable* table, std::string* scratch,
                const Sink& sink) {
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
    sink.Emit(
        [&] {
          return (seen & kNotAscii)
                     ? HashMixedWord(p + start, i - start, *table, scratch)
                     : HashAsciiWord(p + start, i - start, n - start, (seen & kUpper) != 0, scratch);
        },
        cp_base + start - start_extra, cp_base + i - extra);
  }
}

// Text classified per call of the classifier: 64 blocks of 64 bytes, so that the masks stay on the stack
// and in L1.
constexpr size_t kChunkBlocks = 64;
constexpr size_t kChunkBytes = kChunkBlocks * 64;

// Below this size the scalar loop is as fast as classifying a block.
constexpr size_t kMinMaskedBytes = 24;

// Masks of one chunk, derived from the byte classes: `word` marks the bytes that belong to a word when
// the text around them is ASCII (letters, digits, extenders, and mid characters between two letters or
// two digits), `start` the first byte of each run of `word`.
struct ChunkBits {
  uint64_t word[kChunkBlocks];
  uint64_t start[kChunkBlocks];
  uint64_t last[kChunkBlocks];  ///< last byte of each run of `word`
  uint64_t upper[kChunkBlocks];
  uint64_t high[kChunkBlocks];
  uint64_t space[kChunkBlocks];
};

// Index of the first set bit of masks at or after `from`, or `limit` (limit <= 64 * blocks).
inline size_t NextSet(const uint64_t* masks, size_t from, size_t limit) {
  if (from >= limit) return limit;
  size_t b = from >> 6;
  uint64_t w = masks[b] & (~uint64_t{0} << (from & 63));
  const size_t last = (limit - 1) >> 6;
  while (w == 0) {
    if (++b > last) return limit;
    w = masks[b];
  }
  return std::min(limit, (b << 6) + static_cast<size_t>(std::countr_zero(w)));
}

// Index of the first clear bit of masks at or after `from`, or `limit`.
inline size_t NextClear(const uint64_t* masks, size_t from, size_t limit) {
  if (from >= limit) return limit;
  size_t b = from >> 6;
  uint64_t w = ~masks[b] & (~uint64_t{0} << (from & 63));
  const size_t last = (limit - 1) >> 6;
  while (w == 0) {
    if (++b > last) return limit;
    w = ~masks[b];
  }
  return std::min(limit, (b << 6) + static_cast<size_t>(std::countr_zero(w)));
}

// Index of the last set bit of masks in [from, to), or SIZE_MAX.
inline size_t LastSetBefore(const uint64_t* masks, size_t from, size_t to) {
  while (to > from) {
    const size_t b = (to - 1) >> 6;
    const size_t top = to - (b << 6);  // bits [0, top) of block b are below `to`
    uint64_t w = top == 64 ? masks[b] : masks[b] & ((uint64_t{1} << top) - 1);
    if (w != 0) {
      const size_t at = (b << 6) + 63 - static_cast<size_t>(std::countl_zero(w));
      return at >= from ? at : SIZE_MAX;
    }
    to = b << 6;
  }
  return SIZE_MAX;
}

// Whether any bit of masks in [from, to) is set.
inline bool AnySet(const uint64_t* masks, size_t from, size_t to) { return NextSet(masks, from, to) < to; }

void DeriveBits(const ByteClassMasks* m, size_t blocks, ChunkBits* bits) {
  uint64_t prev_letter = 0, prev_digit = 0, prev_word = 0;
  for (size_t b = 0; b < blocks; ++b) {
    const uint64_t letter = m[b].letter;
    const uint64_t digit = m[b].digit;
    const uint64_t next_letter = (letter >> 1) | (b + 1 < blocks ? m[b + 1].letter << 63 : 0);
    const uint64_t next_digit = (digit >> 1) | (b + 1 < blocks ? m[b + 1].digit << 63 : 0);
    const uint64_t before_letter = (letter << 1) | prev_letter;
    const uint64_t before_digit = (digit << 1) | prev_digit;
    const uint64_t between_digits = before_digit & next_digit;
    const uint64_t joins = (m[b].mid_letter_number & ((before_letter & next_letter) | between_digits)) |
                           (m[b].mid_number & between_digits);
    const uint64_t word = letter | digit | m[b].extender | joins;
    bits->word[b] = word;
    if (b > 0) bits->last[b - 1] = bits->word[b - 1] & ~((bits->word[b - 1] >> 1) | (word << 63));
    bits->start[b] = word & ~((word << 1) | prev_word);
    bits->upper[b] = m[b].upper;
    bits->high[b] = m[b].high;
    bits->space[b] = m[b].space;
    prev_letter = letter >> 63;
    prev_digit = digit >> 63;
    prev_word = word >> 63;
  }
  if (blocks > 0) bits->last[blocks - 1] = bits->word[blocks - 1] & ~(bits->word[blocks - 1] >> 1);
}

inline bool IsSpaceByte(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

inline size_t ContinuationBytes(const unsigned char* p, size_t n) {
  size_t k = 0;
  for (size_t i = 0; i < n; ++i) k += (p[i] & 0xC0) == 0x80;
  return k;
}

// Whether the code point whose lead byte is at p is outside `table`.
inline bool IsUnknownAt(const FastPathTable& table, const unsigned char* p, size_t avail) {
  size_t length;
  return FindEncoded(table, p, avail, &length) == nullptr;
}

// Offset of the first code point not in `table` in p[from, to) (lead bytes only are looked at), or `to`.
inline size_t FirstUnknown(const FastPathTable& table, const unsigned char* p, size_t from, size_t to,
                           size_t n) {
  for (size_t i = from; i < to; ++i) {
    if (p[i] >= 0xC0 && IsUnknownAt(table, p + i, n - i)) return i;
  }
  return to;
}

// How the masks stay exact: they classify every byte >= 0x80 as "other", which is wrong only next to
// such a byte (it may be a letter, or join two letters). A word [s, e) found in the masks is therefore
// emitted only when the first byte >= 0x80 after the scan position lies at e + 2 or beyond: then every
// byte whose class decides the word's extent (s - 1 ... e + 1) is ASCII, and the byte before s is ASCII
// too, because every earlier byte >= 0x80 was consumed by a piece that ended at ASCII whitespace.
// Otherwise the text from the last whitespace before the word (or before that byte) to the first
// whitespace after both goes to the scalar loop: ASCII whitespace never joins anything, so cutting
// there is exact, as is cutting at the end of a word already emitted.
//
// Code points outside the table are found chunk by chunk from the `high` masks, before any word of the
// chunk is emitted, and past the chunk's end up to the first whitespace, so that a piece (a stretch
// between ASCII whitespace) is checked whole by the first chunk that holds its start. At the first one,
// the text is cut before its piece (after the whitespace) and tokenized as if it ended there, which is
// exact for the same reason.
template <typename Sink>
size_t MaskedImpl(ClassifyBytesFn classify, std::string_view text, uint32_t cp_base, const FastPathTable* table,
                  std::string* scratch, const Sink& sink) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  size_t n = text.size();  // cut before the first piece holding a code point outside the table
  ByteClassMasks masks[kChunkBlocks];
  ChunkBits bits;
  size_t pos = 0;    // text before pos is done
  size_t extra = 0;  // continuation bytes before pos
  size_t checked = table == nullptr ? n : 0;  // text before `checked` holds only table code points
  // The scalar loop on text[from, to) (absolute), keeping `extra` up to date.
  const auto scalar = [&](size_t from, size_t to) {
    ScalarImpl(text.substr(from, to - from), static_cast<uint32_t>(cp_base + from - extra), table, scratch,
               sink);
    extra += ContinuationBytes(p + from, to - from);
  };
  while (pos < n) {
    size_t len = std::min(n - pos, kChunkBytes);
    classify(p + pos, len, masks);
    if (checked < n) {
      size_t unknown = n;
      const size_t first = std::max(checked, pos) - pos;  // chunk offset
      for (size_t b = first >> 6; b < (len + 63) / 64 && unknown == n; ++b) {
        uint64_t high = masks[b].high;
        if (b == first >> 6) high &= ~uint64_t{0} << (first & 63);
        for (; high != 0; high &= high - 1) {
          const size_t at = pos + (b << 6) + static_cast<size_t>(std::countr_zero(high));
          if (p[at] >= 0xC0 && IsUnknownAt(*table, p + at, n - at)) {
            unknown = at;
            break;
          }
        }
      }
      if (unknown == n) {
        // The rest of the piece that crosses the chunk's end.
        size_t to = std::max(checked, pos + len);
        while (to < n && !IsSpaceByte(p[to])) ++to;
        const size_t found = FirstUnknown(*table, p, std::max(checked, pos + len), to, n);
        if (found < to) unknown = found;
        checked = to;
      }
      if (unknown < n) {
        size_t piece = unknown;
        while (piece > pos && !IsSpaceByte(p[piece - 1])) --piece;
        n = piece;
        checked = n;
        if (pos >= n) break;
        len = std::min(n - pos, kChunkBytes);
        classify(p + pos, len, masks);
      }
    }
    const size_t blocks = (len + 63) / 64;
    DeriveBits(masks, blocks, &bits);
    const bool at_end = pos + len == n;
    // A run ending (at its first byte outside the word) at or before `complete` is known to end there:
    // the classes of the last two bytes depend on bytes not classified yet.
    const size_t complete = at_end ? len : len - 2;
    const unsigned char* c = p + pos;
    size_t cur = 0;  // chunk offset: everything before it is done
    size_t high = NextSet(bits.high, 0, len);
    size_t next_pos = len;  // where the next chunk starts (chunk offset)
    // Whether the code point at chunk offset h (a byte >= 0x80) is in class "other" (curly double
    // quotes, dashes, NBSP, ellipsis...): the masks already treat its bytes as "other" bytes, which is
    // exact, so the words around it need no scalar loop; *length receives its length in bytes.
    const auto other_at = [&](size_t h, size_t* length) {
      if (table == nullptr) return false;
      const FastPathTable::Entry* entry = FindEncoded(*table, c + h, n - pos - h, length);
      return entry != nullptr && (entry->fast_class & ~kNotAscii) == kOther;
    };
    const auto OtherAt = [&](size_t h) {
      size_t length;
      return other_at(h, &length);
    };
    // Steps over the code point at `high` if it is "other"; false (and nothing done) if it is not.
    // The hash of the ASCII word c[s, e). Short words are lowercased anyway: only long ones need to know
    // whether they hold an upper-case letter.
    const auto ascii_hash = [&](size_t s, size_t e) {
      const bool upper = e - s <= 16 || AnySet(bits.upper, s, e);
      return HashAsciiWord(c + s, e - s, text.size() - pos - s, upper, scratch);
    };
    const auto absorb = [&] {
      size_t length;
      if (!other_at(high, &length)) return false;
      extra += length - 1;
      cur = high + length;
      high = NextSet(bits.high, cur, len);
      return true;
    };
    for (;;) {
      // The common case, a block at a time: runs that start and end in the block, are complete, and
      // have no byte >= 0x80 within one byte of them. Starts and ends of runs alternate, so the k-th
      // start and the k-th end of the block belong together.
      while (cur < len) {
        const size_t base = cur & ~size_t{63};
        const uint64_t keep = ~uint64_t{0} << (cur & 63);
        uint64_t starts = bits.start[base >> 6] & keep;
        uint64_t lasts = bits.last[base >> 6] & keep;
        bool slow = false;
        while (starts != 0) {
          const size_t s = base + static_cast<size_t>(std::countr_zero(starts));
          if (lasts == 0) {  // the run goes on into the next block
            slow = true;
            break;
          }
          const size_t e = base + static_cast<size_t>(std::countr_zero(lasts)) + 1;
          if (e > complete) {
            slow = true;
            break;
          }
          while (high < s && absorb()) {
          }
          if (high < s || (high <= e + 1 && !(high >= e && OtherAt(high)))) {
            slow = true;
            break;
          }
          cur = e;
          starts &= starts - 1;
          lasts &= lasts - 1;
          if (e - s == 1 && c[s] == '_') continue;  // a lone extender is not a word
          sink.Emit([&] { return ascii_hash(s, e); }, cp_base + pos + s - extra, cp_base + pos + e - extra);
        }
        if (slow) break;
        while (high < base + 64 && absorb()) {
        }
        if (high < base + 64) break;
        cur = std::max(cur, std::min(len, base + 64));
      }
      const size_t s = NextSet(bits.start, cur, len);
      if (s == len && high == len) {
        next_pos = std::max(len, cur);  // cur is past len when a code point absorbed last crosses it
        break;
      }
      size_t e = s < len ? NextClear(bits.word, s + 1, len) : len;
      const bool unfinished = s < len && e > complete;
      if (unfinished && high > s) {
        if (s > 0) {  // the chunk ends inside an ASCII word: start the next chunk there
          next_pos = s;
          break;
        }
        // A word as long as the chunk: the scalar loop takes it, up to the next whitespace.
        size_t abs = pos + len;
        while (abs < n && !IsSpaceByte(p[abs])) ++abs;
        scalar(pos, abs);
        next_pos = abs - pos;
        break;
      }
      if (high <= e + 1 || s == len) {
        // To the scalar loop: from the whitespace before the word or the high byte, whichever comes
        // first, to the whitespace after both.
        const size_t first = std::min(s, high);
        const size_t ws = LastSetBefore(bits.space, cur, first);
        const size_t from = ws == SIZE_MAX ? cur : ws + 1;
        size_t to = NextSet(bits.space, std::max(high + 1, s == len ? high + 1 : e), len);
        if (to == len && !at_end) {  // the piece goes on past the chunk
          size_t abs = pos + len;
          while (abs < n && !IsSpaceByte(p[abs])) ++abs;
          scalar(pos + from, abs);
          next_pos = abs - pos;
          break;
        }
        scalar(pos + from, pos + to);
        cur = to;
        high = NextSet(bits.high, cur, len);
        continue;
      }
      // An ASCII word [s, e), all of whose context is ASCII.
      cur = e;
      if (e - s == 1 && c[s] == '_') continue;  // a lone extender is not a word
      sink.Emit([&] { return ascii_hash(s, e); }, cp_base + pos + s - extra, cp_base + pos + e - extra);
    }
    pos += next_pos;
  }
  return n;
}

template <typename Sink>
size_t FastImpl(std::string_view text, uint32_t cp_base, const FastPathTable* table, std::string* scratch,
                const Sink& sink) {
  if (text.size() >= kMinMaskedBytes) {
    return MaskedImpl(ActiveKernel().classify_bytes, text, cp_base, table, scratch, sink);
  }
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  size_t n = text.size();
  if (table != nullptr) {
    n = FirstUnknown(*table, p, 0, n, n);
    while (n > 0 && n < text.size() && !IsSpaceByte(p[n - 1])) --n;
  }
  ScalarImpl(text.substr(0, n), cp_base, table, scratch, sink);
  return n;
}

}  // namespace

void TokenizeFastScalar(std::string_view text, uint32_t cp_base, const FastPathTable* table,
                        std::string* scratch, std::vector<Word>* out) {
  ScalarImpl(text, cp_base, table, scratch, WordSink{out});
}

size_t TokenizeFastWith(ClassifyBytesFn classify, std::string_view text, uint32_t cp_base,
                        const FastPathTable* table, std::string* scratch, std::vector<Word>* out) {
  return MaskedImpl(classify, text, cp_base, table, scratch, WordSink{out});
}

size_t TokenizeFastWith(ClassifyBytesFn classify, std::string_view text, const FastPathTable* table,
                        std::string* scratch, std::vector<uint64_t>* out) {
  return MaskedImpl(classify, text, 0, table, scratch, HashSink{out});
}

size_t TokenizeFastWith(ClassifyBytesFn classify, std::string_view text, uint32_t cp_base,
                        const FastPathTable* table, std::vector<WordBounds>* out) {
  return MaskedImpl(classify, text, cp_base, table, nullptr, BoundsSink{out});
}

size_t TokenizeFast(std::string_view text, uint32_t cp_base, const FastPathTable* table, std::string* scratch,
                    std::vector<Word>* out) {
  return FastImpl(text, cp_base, table, scratch, WordSink{out});
}

size_t TokenizeFast(std::string_view text, const FastPathTable* table, std::string* scratch,
                    std::vector<uint64_t>* out) {
  return FastImpl(text, 0, table, scratch, HashSink{out});
}

size_t TokenizeFast(std::string_view text, uint32_t cp_base, const FastPathTable* table,
                    std::vector<WordBounds>* out) {
  return FastImpl(text, cp_base, table, nullptr, BoundsSink{out});
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
