// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// The fast path of WordTokenizer (internal to kernels/). On text made of ASCII and of the code points
// of a FastPathTable it gives exactly the words, offsets and hashes that ICU 72's root word break
// iterator plus NFKC_Casefold (and apostrophe folding) give; tests/tokenize_test.cc and
// tests/tokenize_fastpath_test.cc check that exhaustively on short strings and randomly on long ones.
// What ICU 72 does on ASCII, found by experiment:
//
//   class         characters   joins
//   letter        A-Z a-z @    letter-letter, letter-digit, digit-letter
//   digit         0-9          digit-digit
//   extender      _            with any letter, digit or extender on either side
//   mid letter/   . '          between two letters ("a.b", "don't") or two digits ("3.5")
//     number
//   mid number    , ;          between two digits ("3,000", "1;2")
//   other         the rest     nothing (':' too: ICU's root rules drop it from MidLetter)
//
// '@' counts as a letter because ICU 72 keeps e-mail addresses whole ("x@y.com" is one word, and so
// is a lone "@"). A mid character joins only when the characters on both sides are of the named kind,
// so "a_.b", "1.a", "a..b" and "e.g." split at the dot. Every segment containing a letter or a digit
// is a word; a segment of extenders only is a word when it has two or more ("__" is, "_" is not).
// The normalized form of an ASCII word is its ASCII lowercase.
//
// Beyond ASCII the same rules apply with the Unicode Word_Break classes (UAX #29), and one more class,
// "mid letter" (U+00B7 MIDDLE DOT, U+2027), which joins only between two letters. A FastPathTable
// holds the non-ASCII code points whose class is one of the above (as ICU reports it) and whose
// NFKC_Casefold form can be computed one code point at a time; everything else (combining marks,
// format characters, other scripts' special classes, emoji...) is not in the table and the caller
// must send the text holding it to ICU.

#ifndef NEARDUP_KERNELS_TOKENIZE_ASCII_H_
#define NEARDUP_KERNELS_TOKENIZE_ASCII_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kernels/byte_classes.h"
#include "kernels/tokenize.h"

namespace neardup::internal {

// Word-break classes as bit flags so that "may continue a word" is one mask test.
enum FastClass : uint8_t {
  kOther = 0,
  kLetter = 1,
  kDigit = 2,
  kExtender = 4,
  kMidLetterOrNumber = 8,  // . '  U+2018 U+2019 U+2024 (Word_Break=MidNumLet)
  kMidNumber = 16,         // , ;  U+2044 (Word_Break=MidNum)
  kMidLetter = 32,         // U+00B7 U+2027 (Word_Break=MidLetter)
  kUpper = 64,             // on top of kLetter for A-Z: the word needs lowercasing
  kNotAscii = 128,         // on top of the class for table code points: the word needs the table
};

// Non-ASCII code points the fast path handles, with their class and normalized form. Built once from
// ICU (see WordTokenizer), so it always agrees with the ICU library the process runs with.
class FastPathTable {
 public:
  struct Entry {
    uint8_t fast_class = kUnknown;  // FastClass | kNotAscii, or kUnknown
    uint8_t length = 0;             // bytes of `normalized` in use
    char normalized[6] = {};        // NFKC_Casefold + apostrophe folding, UTF-8
  };
  static constexpr uint8_t kUnknown = 0xFF;
  static constexpr size_t kMaxNormalized = sizeof(Entry::normalized);

  // The entry for code point cp, or nullptr when the fast path must not see cp.
  const Entry* Find(uint32_t cp) const {
    size_t index;
    if (cp < kLatinEnd) {
      if (cp < 0x80) return nullptr;
      index = cp - 0x80;
    } else if (cp - kLatinAdditionalBegin < kLatinAdditionalSize) {
      index = (kLatinEnd - 0x80) + (cp - kLatinAdditionalBegin);
    } else if (cp - kPunctuationBegin < kPunctuationSize) {
      index = (kLatinEnd - 0x80) + kLatinAdditionalSize + (cp - kPunctuationBegin);
    } else {
      return nullptr;
    }
    const Entry* e = &entries_[index];
    return e->fast_class == kUnknown ? nullptr : e;
  }

  // Adds cp (which must lie in one of the ranges below) with its class and normalized form; returns
  // false, leaving cp out, when the form does not fit.
  bool Add(uint32_t cp, uint8_t fast_class, std::string_view normalized);

  // The ranges the table may cover: Latin-1 Supplement, Latin Extended-A/B, IPA and spacing modifier
  // letters (U+0080-02FF); Latin Extended Additional (U+1E00-1EFF, Vietnamese); General Punctuation and
  // Currency Symbols (U+2000-20CF).
  static constexpr uint32_t kLatinEnd = 0x300;
  static constexpr uint32_t kLatinAdditionalBegin = 0x1E00;
  static constexpr uint32_t kLatinAdditionalSize = 0x100;
  static constexpr uint32_t kPunctuationBegin = 0x2000;
  static constexpr uint32_t kPunctuationSize = 0xD0;

 private:
  std::array<Entry, (kLatinEnd - 0x80) + kLatinAdditionalSize + kPunctuationSize> entries_{};
};

// The table WordTokenizer uses, built from ICU on first use (thread-safe); nullptr without ICU data.
const FastPathTable* SharedFastPathTable();

// Decodes the 2- or 3-byte UTF-8 sequence at p (lead byte p[0] >= 0xC0, valid UTF-8, at least `avail`
// bytes readable) and returns its table entry, or nullptr if it is not in the table (4-byte sequences
// never are). *length receives the sequence length in bytes.
inline const FastPathTable::Entry* FindEncoded(const FastPathTable& table, const unsigned char* p,
                                               size_t avail, size_t* length) {
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

// Appends the words of `text` to *out with code point offsets starting at cp_base. Every byte of
// `text` must be < 0x80 or belong to a code point `table` holds (table may be nullptr for ASCII-only
// text), up to the first ASCII-whitespace-delimited piece that holds a code point `table` does not
// hold: the text is then tokenized up to the start of that piece (just after the whitespace, or 0) and
// that offset is returned; otherwise text.size() is returned. With table == nullptr every byte >= 0x80
// is class "other" and the whole text is tokenized. `scratch` is reused for words too long for a stack
// buffer. Uses the active kernel's byte classifier (TokenizeFastWith) for all but short texts.
size_t TokenizeFast(std::string_view text, uint32_t cp_base, const FastPathTable* table, std::string* scratch,
                    std::vector<Word>* out);

// TokenizeFast appending only the words' hashes (Word::hash) to *out: no offsets are computed.
size_t TokenizeFast(std::string_view text, const FastPathTable* table, std::string* scratch,
                    std::vector<uint64_t>* out);

// TokenizeFast appending only the words' bounds (Word::start, Word::end) to *out: no word is lowercased,
// normalized or hashed (so no scratch either).
size_t TokenizeFast(std::string_view text, uint32_t cp_base, const FastPathTable* table,
                    std::vector<WordBounds>* out);

// The reference of TokenizeFast: one byte at a time, a class table lookup per byte. Every byte of `text`
// must be < 0x80 or belong to a code point `table` holds (it does not look for others).
void TokenizeFastScalar(std::string_view text, uint32_t cp_base, const FastPathTable* table,
                        std::string* scratch, std::vector<Word>* out);

// TokenizeFast through the masks of `classify` (kernels/byte_classes.h), with the same contract and
// result: 4 KB of text is classified at a time, code points outside the table are found from the masks
// of bytes >= 0x80, word boundaries of ASCII text come from bit operations on the masks, and each
// whitespace-delimited piece holding a byte >= 0x80 goes to TokenizeFastScalar. Gives exactly the words
// of TokenizeFastScalar (on the text up to the returned offset) for every classifier that gives the
// reference masks.
size_t TokenizeFastWith(ClassifyBytesFn classify, std::string_view text, uint32_t cp_base,
                        const FastPathTable* table, std::string* scratch, std::vector<Word>* out);
size_t TokenizeFastWith(ClassifyBytesFn classify, std::string_view text, const FastPathTable* table,
                        std::string* scratch, std::vector<uint64_t>* out);
size_t TokenizeFastWith(ClassifyBytesFn classify, std::string_view text, uint32_t cp_base,
                        const FastPathTable* table, std::vector<WordBounds>* out);

// TokenizeFast on text whose every byte is < 0x80.
inline void TokenizeAscii(std::string_view text, uint32_t cp_base, std::string* scratch,
                          std::vector<Word>* out) {
  TokenizeFast(text, cp_base, nullptr, scratch, out);
}

// The tokenizer without ICU (WordTokenizer::ok() false): valid UTF-8 under the ASCII rules above, with
// every non-ASCII code point in class "other", so non-ASCII characters break words and are never part
// of one. Offsets are code points.
void TokenizeAsciiIgnoringOthers(std::string_view utf8, uint32_t cp_base, std::string* scratch,
                                 std::vector<Word>* out);

// ASCII-lowercases `text` into *out (replacing its contents); bytes >= 0x80 are copied unchanged.
void AsciiLowercase(std::string_view text, std::string* out);

// Where the tokenizer loops (the fast path here, the ICU path in tokenize.cc) put each word: a Word with
// offsets, only its hash (the code point offsets are then never computed), or only its offsets. `hash` is
// a callable giving the word's hash, so that a sink keeping no hash never lowercases, normalizes or
// hashes a word: it never calls it (and the loops' `scratch`, which only hashing uses, may then be
// nullptr).
struct WordSink {
  std::vector<Word>* out;
  template <typename Hash>
  void Emit(const Hash& hash, size_t start_cp, size_t end_cp) const {
    out->push_back(Word{hash(), static_cast<uint32_t>(start_cp), static_cast<uint32_t>(end_cp)});
  }
};

struct HashSink {
  std::vector<uint64_t>* out;
  template <typename Hash>
  void Emit(const Hash& hash, size_t /*start_cp*/, size_t /*end_cp*/) const {
    out->push_back(hash());
  }
};

struct BoundsSink {
  std::vector<WordBounds>* out;
  template <typename Hash>
  void Emit(const Hash& /*hash*/, size_t start_cp, size_t end_cp) const {
    out->push_back(WordBounds{static_cast<uint32_t>(start_cp), static_cast<uint32_t>(end_cp)});
  }
};

}  // namespace neardup::internal

#endif  // NEARDUP_KERNELS_TOKENIZE_ASCII_H_
