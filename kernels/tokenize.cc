// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Dispatch in Mode::kAuto: the text is cut at ASCII whitespace (space, \t, \n, \v, \f, \r) into pieces.
// A piece made only of ASCII and of code points in the fast-path table (Latin letters, curly quotes,
// dashes, NBSP...: see BuildFastPathTable) goes to the fast path; a piece holding any other code point
// goes to ICU. Consecutive pieces of the same kind form one run. This is exact because an ASCII
// whitespace character always starts a fresh segment in ICU's rules: nothing before it joins with it
// except another whitespace (CR LF, space space), and what follows it (a combining mark, ZWJ, a format
// character) can only extend the whitespace segment, which is not a word. An ICU run starts at the
// whitespace character before its first piece, so that a mark at the start of the piece sees the same
// context as in the whole text (ICU 72 gives the same words without it, but that is not a rule of
// UAX #29), and ends at the whitespace after its last piece. Grouping pieces into runs only saves ICU
// calls: cutting at every whitespace would be just as exact. tests/tokenize_test.cc and
// tests/tokenize_fastpath_test.cc check all of this against Mode::kIcuOnly.

#include "kernels/tokenize.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <unicode/brkiter.h>
#include <unicode/bytestream.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstring>
#include <limits>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "kernels/tokenize_ascii.h"

namespace neardup {
namespace {

constexpr uint64_t kHighBits = 0x8080808080808080ULL;

inline uint64_t Load64(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, sizeof(v));
  return v;
}

inline bool IsAsciiSpace(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// Index of the first byte >= 0x80 at or after pos, or s.size().
size_t FindNonAscii(std::string_view s, size_t pos) {
  const size_t n = s.size();
  while (pos + 8 <= n && (Load64(s.data() + pos) & kHighBits) == 0) pos += 8;
  while (pos < n && static_cast<unsigned char>(s[pos]) < 0x80) ++pos;
  return pos;
}

// Index of the first ASCII whitespace at or after pos, or s.size().
size_t FindSpace(std::string_view s, size_t pos) {
  while (pos < s.size() && !IsAsciiSpace(static_cast<unsigned char>(s[pos]))) ++pos;
  return pos;
}

// Index of the first byte of the first code point at or after pos that the fast path must not see
// (one not in `table`), or s.size().
size_t FindUnknown(std::string_view s, size_t pos, const internal::FastPathTable& table) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  for (;;) {
    pos = FindNonAscii(s, pos);
    if (pos == n) return n;
    size_t length;
    if (internal::FindEncoded(table, p + pos, n - pos, &length) == nullptr) return pos;
    pos += length;
  }
}

bool HasUnknown(std::string_view s, const internal::FastPathTable& table) {
  return FindUnknown(s, 0, table) < s.size();
}

// How far after an ICU run TokenizeAuto looks for the next code point outside the table before it hands
// the rest of the text to the fast path, which finds them itself.
constexpr size_t kNearbyBytes = 256;

// ICU break iterators index with int32_t. Longer ICU runs are cut at ASCII whitespace, which is exact
// (see the file comment); a run without whitespace that long is cut anywhere on a code point boundary.
constexpr size_t kMaxIcuRun = static_cast<size_t>(std::numeric_limits<int32_t>::max());

// Apostrophe variants folded to U+0027 after NFKC_Casefold (which already maps U+FF07 FULLWIDTH
// APOSTROPHE to U+0027): U+2018 and U+2019 (curly single quotes; U+2019 is the usual typographic
// apostrophe and joins words like U+0027 does), U+201B (reversed-9 quote), U+02BC (modifier letter
// apostrophe, a letter in ICU so it sits inside words) and U+2032 (prime, a common OCR/keyboard
// substitute). Folding in place only ever shrinks the string.
void FoldApostrophes(std::string* s) {
  if (s->find_first_of("\xCA\xE2") == std::string::npos) return;
  char* d = s->data();
  const size_t n = s->size();
  size_t w = 0;
  for (size_t r = 0; r < n;) {
    const auto b0 = static_cast<unsigned char>(d[r]);
    if (b0 == 0xCA && r + 1 < n && static_cast<unsigned char>(d[r + 1]) == 0xBC) {  // U+02BC
      d[w++] = '\'';
      r += 2;
      continue;
    }
    if (b0 == 0xE2 && r + 2 < n && static_cast<unsigned char>(d[r + 1]) == 0x80) {
      const auto b2 = static_cast<unsigned char>(d[r + 2]);
      if (b2 == 0x98 || b2 == 0x99 || b2 == 0x9B || b2 == 0xB2) {  // U+2018 U+2019 U+201B U+2032
        d[w++] = '\'';
        r += 3;
        continue;
      }
    }
    d[w++] = d[r++];
  }
  s->resize(w);
}

std::string NormalizeWithIcu(const icu::Normalizer2& nfkc_casefold, std::string_view word) {
  std::string dst;
  UErrorCode status = U_ZERO_ERROR;
  icu::StringByteSink<std::string> sink(&dst);
  nfkc_casefold.normalizeUTF8(0, icu::StringPiece(word.data(), static_cast<int32_t>(word.size())), sink,
                              nullptr, status);
  if (U_FAILURE(status)) dst.assign(word);  // only on invalid UTF-8, which the contract excludes
  FoldApostrophes(&dst);
  return dst;
}

// The fast-path table, derived from the running ICU so that it cannot drift from it. A code point of
// the table's ranges is in when
//  * its Word_Break class is one the fast path implements: ALetter, Numeric, ExtendNumLet, MidNumLet,
//    MidNum, MidLetter, or Other/WSegSpace (never part of a word; WSegSpace x WSegSpace only glues
//    spaces together). Extend, Format and ZWJ (which attach to the preceding character), Newline,
//    the quote classes, Hebrew, Katakana, regional indicators... are out;
//  * it has a normalization boundary before it under NFKC_Casefold, so a word's normalized form is the
//    concatenation of its code points' forms (this leaves out, e.g., U+200B, which folds to nothing);
//  * its normalized form fits the table (6 bytes).
// ICU 72's root rules deviate from the UCD classes only on code points outside these ranges (':' and
// U+FE55 U+FF1A leave MidLetter; '@' joins ALetter, which the ASCII table has already).
// tests/tokenize_fastpath_test.cc checks every entry against the break iterator itself.
std::unique_ptr<internal::FastPathTable> BuildFastPathTable(const icu::Normalizer2& nfkc_casefold) {
  auto table = std::make_unique<internal::FastPathTable>();
  const auto consider = [&](UChar32 c) {
    uint8_t fast_class;
    switch (u_getIntPropertyValue(c, UCHAR_WORD_BREAK)) {
      case U_WB_ALETTER:
        fast_class = internal::kLetter;
        break;
      case U_WB_NUMERIC:
        fast_class = internal::kDigit;
        break;
      case U_WB_EXTENDNUMLET:
        fast_class = internal::kExtender;
        break;
      case U_WB_MIDNUMLET:
        fast_class = internal::kMidLetterOrNumber;
        break;
      case U_WB_MIDNUM:
        fast_class = internal::kMidNumber;
        break;
      case U_WB_MIDLETTER:
        fast_class = internal::kMidLetter;
        break;
      case U_WB_OTHER:
      case U_WB_WSEGSPACE:
        fast_class = internal::kOther;
        break;
      default:
        return;
    }
    if (!nfkc_casefold.hasBoundaryBefore(c)) return;
    char utf8[4];
    int32_t length = 0;
    U8_APPEND_UNSAFE(utf8, length, c);
    table->Add(static_cast<uint32_t>(c), fast_class | internal::kNotAscii,
               NormalizeWithIcu(nfkc_casefold, std::string_view(utf8, static_cast<size_t>(length))));
  };
  using T = internal::FastPathTable;
  for (UChar32 c = 0x80; c < static_cast<UChar32>(T::kLatinEnd); ++c) consider(c);
  for (uint32_t k = 0; k < T::kLatinAdditionalSize; ++k)
    consider(static_cast<UChar32>(T::kLatinAdditionalBegin + k));
  for (uint32_t k = 0; k < T::kPunctuationSize; ++k) consider(static_cast<UChar32>(T::kPunctuationBegin + k));
  return table;
}

}  // namespace

namespace internal {

const FastPathTable* SharedFastPathTable() {
  // One table per process: building it costs about a thousand normalizations. Never freed.
  static const FastPathTable* const table = []() -> const FastPathTable* {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc_casefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status) || nfkc_casefold == nullptr) return nullptr;
    return BuildFastPathTable(*nfkc_casefold).release();
  }();
  return table;
}

}  // namespace internal

size_t CountCodePoints(std::string_view utf8) {
  // A continuation byte is 10xxxxxx; every other byte of valid UTF-8 starts one code point.
  const size_t n = utf8.size();
  const char* p = utf8.data();
  size_t continuation = 0;
  size_t i = 0;
#if defined(__SSE2__)
  // 16 bytes a step into byte-wide counters, summed every 255 steps before they can overflow. As signed
  // bytes, continuation bytes (0x80..0xBF) are -128..-65: the ones below -64. Twice the bytes per step of
  // the eight-byte loop below, which the boilerplate stage's byte loops measured (round 10).
  const __m128i limit = _mm_set1_epi8(-64);
  const __m128i zero = _mm_setzero_si128();
  while (n - i >= 16) {
    const size_t steps = std::min<size_t>((n - i) / 16, 255);
    __m128i lanes = zero;
    for (size_t k = 0; k < steps; ++k, i += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
      lanes = _mm_sub_epi8(lanes, _mm_cmplt_epi8(v, limit));
    }
    const __m128i sums = _mm_sad_epu8(lanes, zero);
    continuation +=
        static_cast<size_t>(_mm_cvtsi128_si32(sums)) + static_cast<size_t>(_mm_extract_epi16(sums, 4));
  }
#endif
  // Eight bytes at a time (the tail of the loop above, or all of it without SSE2): no popcount, which the
  // baseline x86-64 build would call in libgcc.
  while (i + 8 <= n) {
    uint64_t lanes = 0;
    for (int round = 0; round < 255 && i + 8 <= n; ++round, i += 8) {
      const uint64_t v = Load64(p + i);
      lanes += (v & ~(v << 1) & kHighBits) >> 7;
    }
    const uint64_t pairs = (lanes & 0x00FF00FF00FF00FFULL) + ((lanes >> 8) & 0x00FF00FF00FF00FFULL);
    continuation += static_cast<size_t>((pairs * 0x0001000100010001ULL) >> 48);
  }
  for (; i < n; ++i) continuation += (static_cast<unsigned char>(p[i]) & 0xC0) == 0x80;
  return n - continuation;
}

// The ICU path puts each word in one of the fast path's sinks (tokenize_ascii.h): `hash` normalizes and
// hashes the word, and only the sinks keeping the hash call it.
using internal::BoundsSink;
using internal::HashSink;
using internal::WordSink;

struct WordTokenizer::Impl {
  Mode mode = Mode::kAuto;
  bool ok = false;
  std::unique_ptr<icu::BreakIterator> breaker;
  const icu::Normalizer2* nfkc_casefold = nullptr;      // owned by ICU
  const internal::FastPathTable* fast_table = nullptr;  // shared, never freed
  UText* utext = nullptr;                               // reopened over each ICU run
  std::string normalized;                               // scratch: normalized form of the current word
  std::string ascii_scratch;                            // scratch for long ASCII words

  ~Impl() { utext_close(utext); }

  void NormalizeInto(std::string_view word, std::string* dst);
  template <typename Sink>
  void TokenizeIcu(std::string_view run, uint32_t cp_start, const Sink& sink);
  template <typename Sink>
  void TokenizeIcuChunk(std::string_view chunk, uint32_t cp_start, const Sink& sink);
  template <typename Out>
  void TokenizeAuto(std::string_view text, uint32_t cp_base, Out* out);

  // The fast path on text (see internal::TokenizeFast), for each kind of output.
  size_t Fast(std::string_view text, uint32_t cp, std::vector<Word>* out) {
    return internal::TokenizeFast(text, cp, fast_table, &ascii_scratch, out);
  }
  size_t Fast(std::string_view text, uint32_t /*cp*/, std::vector<uint64_t>* out) {
    return internal::TokenizeFast(text, fast_table, &ascii_scratch, out);
  }
  size_t Fast(std::string_view text, uint32_t cp, std::vector<WordBounds>* out) {
    return internal::TokenizeFast(text, cp, fast_table, out);
  }
  static WordSink SinkOf(std::vector<Word>* out) { return WordSink{out}; }
  static HashSink SinkOf(std::vector<uint64_t>* out) { return HashSink{out}; }
  static BoundsSink SinkOf(std::vector<WordBounds>* out) { return BoundsSink{out}; }
};

void WordTokenizer::Impl::NormalizeInto(std::string_view word, std::string* dst) {
  if (!ok) {
    internal::AsciiLowercase(word, dst);
    return;
  }
  *dst = NormalizeWithIcu(*nfkc_casefold, word);
}

template <typename Sink>
void WordTokenizer::Impl::TokenizeIcu(std::string_view run, uint32_t cp_start, const Sink& sink) {
  while (run.size() > kMaxIcuRun) {
    size_t cut = kMaxIcuRun;
    while (cut > 0 && !IsAsciiSpace(static_cast<unsigned char>(run[cut]))) --cut;
    if (cut == 0) {
      cut = kMaxIcuRun;
      while ((static_cast<unsigned char>(run[cut]) & 0xC0) == 0x80) --cut;
    }
    TokenizeIcuChunk(run.substr(0, cut), cp_start, sink);
    cp_start += static_cast<uint32_t>(CountCodePoints(run.substr(0, cut)));
    run.remove_prefix(cut);
  }
  TokenizeIcuChunk(run, cp_start, sink);
}

template <typename Sink>
void WordTokenizer::Impl::TokenizeIcuChunk(std::string_view chunk, uint32_t cp_start, const Sink& sink) {
  if (chunk.empty()) return;
  UErrorCode status = U_ZERO_ERROR;
  utext = utext_openUTF8(utext, chunk.data(), static_cast<int64_t>(chunk.size()), &status);
  breaker->setText(utext, status);
  if (U_FAILURE(status)) return;
  // ICU reports UTF-8 byte indices; code point offsets advance segment by segment, so the
  // conversion costs one pass over the chunk.
  int32_t begin = breaker->first();
  uint32_t begin_cp = cp_start;
  for (int32_t end = breaker->next(); end != icu::BreakIterator::DONE; begin = end, end = breaker->next()) {
    const std::string_view segment =
        chunk.substr(static_cast<size_t>(begin), static_cast<size_t>(end - begin));
    const uint32_t end_cp = begin_cp + static_cast<uint32_t>(CountCodePoints(segment));
    const int32_t rule_status = breaker->getRuleStatus();
    if (rule_status < UBRK_WORD_NONE || rule_status >= UBRK_WORD_NONE_LIMIT) {
      sink.Emit(
          [&] {
            NormalizeInto(segment, &normalized);
            return XXH3_64bits_withSeed(normalized.data(), normalized.size(), kWordHashSeed);
          },
          begin_cp, end_cp);
    }
    begin_cp = end_cp;
  }
}

template <typename Out>
void WordTokenizer::Impl::TokenizeAuto(std::string_view text, uint32_t cp_base, Out* out) {
  const internal::FastPathTable& table = *fast_table;
  const size_t n = text.size();
  size_t pos = 0;
  uint32_t cp = cp_base;
  while (pos < n) {
    // The fast path stops at the start of the first piece holding a code point outside the table. After
    // an ICU run the next such piece is usually a few bytes away (a number or a dash between words of
    // the same script): it is looked for first, so that the fast path does not classify a whole chunk
    // to find it.
    size_t end = n;
    if (pos > 0) {
      const size_t nearby = std::min(n, pos + kNearbyBytes);
      const size_t unknown = FindUnknown(text.substr(0, nearby), pos, table);
      if (unknown < nearby) {
        end = unknown;
        while (end > pos && !IsAsciiSpace(static_cast<unsigned char>(text[end - 1]))) --end;
      }
    }
    const size_t stop = pos + Fast(text.substr(pos, end - pos), cp, out);
    if (stop == n) return;
    // The ICU run starts at the whitespace before that piece, or at pos if the piece starts there (then
    // pos is the text start or the whitespace that ended the previous ICU run).
    const size_t icu_begin = stop > pos ? stop - 1 : pos;
    cp += static_cast<uint32_t>(CountCodePoints(text.substr(pos, icu_begin - pos)));
    // Extend the run over following pieces while they hold code points the fast path cannot take.
    size_t icu_end = FindSpace(text, stop);
    while (icu_end < n) {
      size_t next = icu_end;
      while (next < n && IsAsciiSpace(static_cast<unsigned char>(text[next]))) ++next;
      if (next == n) {
        icu_end = n;
        break;
      }
      const size_t next_end = FindSpace(text, next);
      if (!HasUnknown(text.substr(next, next_end - next), table)) break;
      icu_end = next_end;
    }
    const std::string_view run = text.substr(icu_begin, icu_end - icu_begin);
    TokenizeIcu(run, cp, SinkOf(out));
    cp += static_cast<uint32_t>(CountCodePoints(run));
    pos = icu_end;
  }
}

WordTokenizer::WordTokenizer(Mode mode) : impl_(std::make_unique<Impl>()) {
  impl_->mode = mode;
  UErrorCode status = U_ZERO_ERROR;
  impl_->breaker.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status) || impl_->breaker == nullptr) return;
  impl_->nfkc_casefold = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status) || impl_->nfkc_casefold == nullptr) return;
  impl_->fast_table = internal::SharedFastPathTable();
  if (impl_->fast_table == nullptr) return;
  impl_->ok = true;
}

WordTokenizer::~WordTokenizer() = default;

bool WordTokenizer::ok() const { return impl_->ok; }

void WordTokenizer::Tokenize(std::string_view utf8, uint32_t cp_base, std::vector<Word>* out) {
  if (!impl_->ok) {
    internal::TokenizeAsciiIgnoringOthers(utf8, cp_base, &impl_->ascii_scratch, out);
  } else if (impl_->mode == Mode::kIcuOnly) {
    impl_->TokenizeIcu(utf8, cp_base, WordSink{out});
  } else {
    impl_->TokenizeAuto(utf8, cp_base, out);
  }
}

void WordTokenizer::TokenizeHashes(std::string_view utf8, std::vector<uint64_t>* out) {
  if (!impl_->ok) {
    std::vector<Word> words;
    internal::TokenizeAsciiIgnoringOthers(utf8, 0, &impl_->ascii_scratch, &words);
    for (const Word& w : words) out->push_back(w.hash);
  } else if (impl_->mode == Mode::kIcuOnly) {
    impl_->TokenizeIcu(utf8, 0, HashSink{out});
  } else {
    impl_->TokenizeAuto(utf8, 0, out);
  }
}

void WordTokenizer::TokenizeBounds(std::string_view utf8, uint32_t cp_base, std::vector<WordBounds>* out) {
  if (!impl_->ok) {
    std::vector<Word> words;
    internal::TokenizeAsciiIgnoringOthers(utf8, cp_base, &impl_->ascii_scratch, &words);
    for (const Word& w : words) out->push_back(WordBounds{w.start, w.end});
  } else if (impl_->mode == Mode::kIcuOnly) {
    impl_->TokenizeIcu(utf8, cp_base, BoundsSink{out});
  } else {
    impl_->TokenizeAuto(utf8, cp_base, out);
  }
}

std::string WordTokenizer::Normalize(std::string_view word_utf8) {
  std::string result;
  impl_->NormalizeInto(word_utf8, &result);
  return result;
}

}  // namespace neardup
