// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// The ASCII fast path of WordTokenizer (internal to kernels/). On text whose bytes are all < 0x80 it
// gives exactly the words, offsets and hashes that ICU 72's root word break iterator plus
// NFKC_Casefold give; tests/tokenize_test.cc checks that exhaustively on short strings and randomly on
// long ones. What ICU 72 does on ASCII, found by experiment:
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

#ifndef NEARDUP_KERNELS_TOKENIZE_ASCII_H_
#define NEARDUP_KERNELS_TOKENIZE_ASCII_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kernels/tokenize.h"

namespace neardup::internal {

// Appends the words of `text` to *out with offsets starting at cp_base (one code point per byte).
// Every byte of `text` must be < 0x80. `scratch` is reused for words too long for a stack buffer.
void TokenizeAscii(std::string_view text, uint32_t cp_base, std::string* scratch, std::vector<Word>* out);

// The tokenizer without ICU (WordTokenizer::ok() false): valid UTF-8 under the ASCII rules above, with
// every non-ASCII code point in class "other", so non-ASCII characters break words and are never part
// of one. Offsets are code points.
void TokenizeAsciiIgnoringOthers(std::string_view utf8, uint32_t cp_base, std::string* scratch,
                                 std::vector<Word>* out);

// ASCII-lowercases `text` into *out (replacing its contents); bytes >= 0x80 are copied unchanged.
void AsciiLowercase(std::string_view text, std::string* out);

}  // namespace neardup::internal

#endif  // NEARDUP_KERNELS_TOKENIZE_ASCII_H_
