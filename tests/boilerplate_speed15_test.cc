// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// The template tokenizer of round 15 (templates.cc): the blocks' bits computed in a pass of their own
// (ScanBlocks, from the byte scanner kernel's masks), the ASCII loop apart with no call in it
// (AsciiSteps), which leaves to the code-point path only what it cannot take, and steps over the
// punctuation U+2010..U+2027 and the no-break space itself; the code-point path folds words of ASCII and
// Latin-1 letters by their bytes (Latin1Token). Held to plain references kept here (the scanner itself
// is tested against its reference in tests/kernel_scan_bytes_test.cc):
// - the words the rule prefilter sees (ScanWords, and MaskUnit's, read in place and copied) against a
//   byte loop, and the template and token hashes against the reference tokenizer's (a code point at a
//   time, ICU's classes), on units of ASCII words with one piece the ASCII loop must stop at, step over or
//   hand on (each punctuation mark it steps over and its neighbours in the code chart, letters, marks,
//   symbols, flagged characters, '$', '>', numbers with letters, long words, the Latin-1 letters the
//   code-point path folds by their bytes and words of them) at every offset across two
//   block edges, glued to the words around it or not, in units shorter and longer than a block and than
//   the tokenizer's stack copy; read in place, the unit is followed by bytes that would change a token
//   if the tokenizer looked past its end.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/boilerplate/ascii_scan.h"
#include "pipeline/boilerplate/templates.h"
#include "tests/boilerplate_paths_util.h"

namespace neardup {
namespace {

using boilerplate_internal::MaskUnit;
using boilerplate_internal::ScanWords;
using boilerplate_internal::TitleMask;
using boilerplate_testing::CheckFastPaths;
using boilerplate_testing::PlainLetter;

// Bytes after a unit read in place that would change its last token, or its flags, if the tokenizer
// read them as the unit's: a letter and a digit that would extend a word, a quotation mark and a
// no-break space that would end one, '>' and '»', an accented letter.
const std::string& Trailer() {
  static const std::string trailer = [] {
    std::string t;
    while (t.size() < boilerplate_internal::kScanPadding) t += "q7\xE2\x80\x99\xC2\xA0>\xC2\xBB\xC3\xA9";
    return t;
  }();
  return trailer;
}

// The pieces the ASCII loop must stop at, step over or hand on to the code-point path.
std::vector<std::string> RarePieces() {
  std::vector<std::string> pieces;
  // U+2008..U+202F: the punctuation the loop steps over (U+2010..U+2027) and its neighbours on both
  // sides (spaces, format characters, separators, the per mille sign), which it must not.
  for (int cp = 0x2008; cp <= 0x202F; ++cp) {
    pieces.push_back(std::string("\xE2") + static_cast<char>(0x80 | (cp >> 6 & 0x3F)) +
                     static_cast<char>(0x80 | (cp & 0x3F)));
  }
  // U+00A0 and its neighbours, as above; the chevrons, ©, ſ, the Kelvin sign, an accented letter, a
  // combining mark, a CJK letter, an emoji, a euro sign, an E2 80 lead with a letter's last byte
  // (U+2040, a connector: punctuation, taken by the code-point path).
  for (const char* s : {"\xC2\xA0", "\xC2\x9F", "\xC2\xA1", "\xC2\xBB", "\xE2\x80\xBA", "\xC2\xA9",
                        "\xC5\xBF", "\xE2\x84\xAA", "\xC3\xA9", "\xCC\x81", "\xE4\xB8\xAD",
                        "\xF0\x9F\x98\x80", "\xE2\x82\xAC", "\xE2\x81\x80"}) {
    pieces.push_back(s);
  }
  // ASCII that is not a plain word: '$', '>', numbers with letters in and around them, a date word and
  // an abbreviation next to a number, words of 9, 17 and 70 letters (the hash's long path, a run across
  // a block's end).
  for (const char* s : {"$", ">", "$5", "5th", "a1b2c3", "12", "2024x", "May 5", "January", "Sept 30th",
                        "abcdefghi", "Abcdefghijklmnopq", "x9"}) {
    pieces.push_back(s);
  }
  pieces.push_back(std::string(70, 'w'));
  pieces.push_back("9" + std::string(69, 'k') + "3");
  // U+00C0..U+00FF one by one (the letters folded by their bytes, × and ÷ that end a token), words of
  // them with digits and ASCII letters, followed by a mark, a letter beyond Latin-1 or punctuation (the
  // code-point path's, and one stepped over), and words of 44 to 52 folded bytes around the bound.
  for (int b = 0x80; b <= 0xBF; ++b) pieces.push_back(std::string("\xC3") + static_cast<char>(b));
  for (const char* s :
       {"Caf\xC3\xA9", "na\xC3\xAFve",
        "\xC3\x89"
        "COLE",
        "5\xC3\xA9",
        "\xC3\xA9"
        "5x",
        "\xC3\x9E\xC3\x9F\xC3\xBF",
        "a\xC3\x97"
        "b",
        "\xC3\xA9\xCC\x81", "\xC3\xA9\xC4\x87", "\xC3\xA9\xE2\x80\x99s", "\xC3\xA9\xE2\x80\xBA"}) {
    pieces.push_back(s);
  }
  for (size_t len = 44; len <= 52; ++len) {
    std::string word;
    while (word.size() + 2 <= len) word += len % 2 == 0 ? "\xC3\x89" : "\xC3\xA9";
    if (word.size() < len) word += "Z";
    pieces.push_back(word);
  }
  return pieces;
}

TEST(BoilerplateSpeed15Test, RarePiecesAtEveryOffsetAcrossBlocks) {
  const TitleMask no_title;
  const TitleMask title("Harbor Budget");
  const std::vector<std::string> pieces = RarePieces();
  // The words around a piece: capitalized and not, of 1 to 9 letters, one a date word.
  const std::string filler = "the Harbor budget a on Tuesday ferries to Gull Island resume ";
  size_t checked = 0;
  for (const std::string& piece : pieces) {
    for (size_t at = 0; at <= 140; ++at) {
      // Glued to the word before it, to the word after it, to both, or to neither.
      for (int glue = 0; glue < 4; ++glue) {
        std::string text;
        while (text.size() < at) text += filler;
        text.resize(at);
        if ((glue & 1) == 0 && !text.empty()) text.back() = ' ';
        if ((glue & 1) != 0 && !text.empty() && !PlainLetter(text.back())) text.back() = 'x';
        text += piece;
        text += (glue & 2) != 0 ? "word and more" : " word and more";
        CheckFastPaths(text, at % 3 == 0 ? title : no_title, Trailer());
        // The unit ending with the piece, and a unit longer than the tokenizer's stack copy.
        CheckFastPaths(std::string_view(text).substr(0, at + piece.size()), no_title, Trailer());
        if (at % 20 == 0) {
          std::string longer = text + " " + filler + filler + filler + filler + filler + filler + filler;
          longer += piece + "tail";
          CheckFastPaths(longer, no_title, Trailer());
        }
        ++checked;
        if (testing::Test::HasFailure()) return;
      }
    }
  }
  EXPECT_GT(checked, 30000u);
}

TEST(BoilerplateSpeed15Test, RandomUnitsOfRarePieces) {
  // Units of 1 to 40 pieces, ASCII words and rare pieces mixed, with and without spaces between them.
  std::mt19937_64 rng(2026120715);
  const std::vector<std::string> pieces = RarePieces();
  const char* const kWords[] = {"the", "Harbor", "budget", "a", "pm", "Nov", "ago", "Monday", "x", "1,200"};
  const TitleMask no_title;
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const size_t count = 1 + rng() % 40;
    for (size_t k = 0; k < count; ++k) {
      text += rng() % 3 == 0 ? pieces[rng() % pieces.size()] : std::string(kWords[rng() % std::size(kWords)]);
      if (rng() % 4 != 0) text += rng() % 8 == 0 ? "\t" : " ";
    }
    CheckFastPaths(text, no_title, Trailer());
    if (testing::Test::HasFailure()) return;
  }
}

}  // namespace
}  // namespace neardup
