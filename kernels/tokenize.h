// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Words of a text: ICU word boundaries (UAX #29 plus ICU's dictionaries for Chinese, Japanese, Thai...),
// each word normalized (NFKC, Unicode case folding, apostrophe variants folded to U+0027) and hashed
// with XXH3-64. Segments that ICU classes as non-words (spaces, punctuation, symbols, emoji) are not
// words. Curly vs straight quotes, NBSP, full-width forms and case therefore never change the words.
//
// A whitespace-separated stretch made only of ASCII and of a table of common non-ASCII code points
// (typographic quotes and dashes, NBSP, accented Latin letters; the table is built from ICU's own
// properties at start-up) takes a fast path that gives exactly the words, offsets and hashes the ICU path
// gives (tests/tokenize_test.cc and tests/tokenize_fastpath_test.cc prove it on exhaustive, random and
// adversarial input). Everything else goes through ICU.

#ifndef NEARDUP_KERNELS_TOKENIZE_H_
#define NEARDUP_KERNELS_TOKENIZE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace neardup {

// One word: the hash of its normalized form and where it is in the original text.
struct Word {
  uint64_t hash;   ///< XXH3-64 of the normalized word (UTF-8), seed kWordHashSeed
  uint32_t start;  ///< code point offset of the first code point, in the whole text
  uint32_t end;    ///< code point offset one past the last code point
};

inline constexpr uint64_t kWordHashSeed = 0x6e656172647570ULL;  // "neardup"

// Where one word is, without its hash: Word::start and Word::end.
struct WordBounds {
  uint32_t start;  ///< code point offset of the first code point, in the whole text
  uint32_t end;    ///< code point offset one past the last code point
};

// Splits text into words. Not thread-safe: keep one per thread (it owns ICU break iterators and
// scratch buffers). Construction never fails on a working ICU installation; if ICU data is missing,
// ok() is false and Tokenize() falls back to the ASCII rules for every byte.
class WordTokenizer {
 public:
  enum class Mode {
    kAuto,     // ASCII fast path where the text is ASCII, ICU elsewhere (default)
    kIcuOnly,  // every byte through ICU: the reference the fast path is tested against
  };

  explicit WordTokenizer(Mode mode = Mode::kAuto);
  ~WordTokenizer();
  WordTokenizer(const WordTokenizer&) = delete;
  WordTokenizer& operator=(const WordTokenizer&) = delete;

  bool ok() const;

  // Appends the words of `utf8` to *out (does not clear it). `utf8` must be valid UTF-8 (readers
  // repair input first). `cp_base` is the code point offset of utf8[0] in the whole text and is
  // added to every Word's start/end, so a caller may tokenize a text piecewise (for instance the
  // pieces between boilerplate spans) and get offsets into the whole text.
  void Tokenize(std::string_view utf8, uint32_t cp_base, std::vector<Word>* out);

  // Appends the hashes of the words of `utf8` (Word::hash of what Tokenize gives, in the same order) to
  // *out (does not clear it): the words for shingles and signatures, without computing offsets.
  void TokenizeHashes(std::string_view utf8, std::vector<uint64_t>* out);

  // Appends the bounds of the words of `utf8` (Word::start and Word::end of what Tokenize gives, in the
  // same order, with the same `cp_base`) to *out (does not clear it): where the words are, without
  // normalizing or hashing them.
  void TokenizeBounds(std::string_view utf8, uint32_t cp_base, std::vector<WordBounds>* out);

  // The normalized form of one word, as hashed (for tests, reports and debugging).
  std::string Normalize(std::string_view word_utf8);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Number of code points in valid UTF-8 (counts bytes that are not continuation bytes).
size_t CountCodePoints(std::string_view utf8);

}  // namespace neardup

#endif  // NEARDUP_KERNELS_TOKENIZE_H_
