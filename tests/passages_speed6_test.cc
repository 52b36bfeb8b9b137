// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// Pieces of the passage stage changed for speed (bench/README-passages.md, round 6), each against a
// plain reference: the word bounds the offsets step tokenizes for (WordTokenizer::TokenizeBounds) against
// the offsets of the words WordTokenizer::Tokenize gives. The suites are named Tokenize* and Kernel* so
// that tests/run_kernel_tests.sh runs them again once per NEARDUP_FORCE_KERNEL value.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "kernels/minhash.h"
#include "kernels/tokenize.h"
#include "kernels/tokenize_ascii.h"

namespace neardup {
namespace {

uint64_t Next(uint64_t* state) {
  *state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
  return *state >> 17;
}

// Pieces of random text: ASCII words, joiners and splitters, accented Latin (in the fast path's table),
// typographic punctuation, Cyrillic, Han, emoji (one with ZWJ), combining marks (after a letter and after
// whitespace), Greek, Thai, and every ASCII byte on its own.
std::vector<std::string> Pieces() {
  std::vector<std::string> pieces = {"alpha",
                                     "Beta",
                                     "x",
                                     "42",
                                     "3.5",
                                     "1,000",
                                     "don't",
                                     "e.g.",
                                     "a_b",
                                     "__",
                                     "_",
                                     "x@y.com",
                                     "na\xC3\xAFve",
                                     "\xC3\x98re",
                                     "Stra\xC3\x9F"
                                     "e",
                                     "\xC3\xA9t\xC3\xA9",
                                     "don\xE2\x80\x99t",
                                     "\xE2\x80\x9Cq\xE2\x80\x9D",
                                     "\xE2\x80\x94",
                                     "\xC2\xA0",
                                     "a\xC2\xB7"
                                     "b",
                                     "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0",
                                     "\xD0\xB4",
                                     "\xE4\xB8\xAD",
                                     "\xE6\x9D\xB1\xE4\xBA\xAC\xE9\x83\xBD",
                                     "\xF0\x9F\x98\x80",
                                     "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x92\xBB",
                                     "e\xCC\x81",
                                     "\xCC\x81",
                                     "\xCE\x95\xCE\xBB\xCE\xBB\xCE\xAC\xCE\xB4\xCE\xB1",
                                     "\xE0\xB8\xA0\xE0\xB8\xB2\xE0\xB8\xA9\xE0\xB8\xB2"};
  for (int c = 0; c < 0x80; ++c) pieces.emplace_back(1, static_cast<char>(c));
  return pieces;
}

// The pieces the fast path takes: those without a code point outside its table.
std::vector<std::string> FastPieces() {
  const internal::FastPathTable* table = internal::SharedFastPathTable();
  std::vector<std::string> fast;
  for (const std::string& piece : Pieces()) {
    const auto* p = reinterpret_cast<const unsigned char*>(piece.data());
    bool known = true;
    for (size_t i = 0; i < piece.size(); ++i) {
      size_t length;
      if (p[i] >= 0xC0 && internal::FindEncoded(*table, p + i, piece.size() - i, &length) == nullptr)
        known = false;
    }
    if (known) fast.push_back(piece);
  }
  return fast;
}

// Random text of about `bytes` bytes: pieces separated (or not) by ASCII whitespace; with `ascii_bias`,
// mostly ASCII words; with `fast_only`, only pieces the fast path takes.
std::string RandomText(uint64_t* state, size_t bytes, int ascii_bias, bool fast_only = false) {
  static const std::vector<std::string> all = Pieces();
  static const std::vector<std::string> fast = FastPieces();
  const std::vector<std::string>& pieces = fast_only ? fast : all;
  static constexpr std::string_view kSpaces[] = {" ", " ", " ", "  ", "\n", "\t", "\r\n", "\v", "\f", ""};
  std::string text;
  while (text.size() < bytes) {
    const size_t pick = Next(state) % (pieces.size() + ascii_bias);
    text += pick < pieces.size() ? pieces[pick] : std::string_view("word");
    text += kSpaces[Next(state) % std::size(kSpaces)];
  }
  return text;
}

std::string Escape(std::string_view s) {
  std::string out;
  for (const unsigned char c : s) {
    if (c >= 0x20 && c < 0x7F) {
      out += static_cast<char>(c);
    } else {
      static constexpr char kHex[] = "0123456789ABCDEF";
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::vector<WordBounds> BoundsOf(const std::vector<Word>& words) {
  std::vector<WordBounds> bounds;
  for (const Word& w : words) bounds.push_back({w.start, w.end});
  return bounds;
}

// The index of the first word whose bounds differ, or SIZE_MAX when both lists are equal.
size_t FirstDifference(const std::vector<WordBounds>& want, const std::vector<WordBounds>& got) {
  for (size_t i = 0; i < want.size() && i < got.size(); ++i) {
    if (want[i].start != got[i].start || want[i].end != got[i].end) return i;
  }
  return want.size() == got.size() ? SIZE_MAX : std::min(want.size(), got.size());
}

std::string Describe(std::string_view text, const std::vector<WordBounds>& want,
                     const std::vector<WordBounds>& got, size_t k) {
  std::string out = std::to_string(text.size()) + " bytes, " + std::to_string(want.size()) + " vs " +
                    std::to_string(got.size()) + " words, first difference at word " + std::to_string(k);
  if (k < want.size())
    out += ": want [" + std::to_string(want[k].start) + ", " + std::to_string(want[k].end) + ")";
  if (k < got.size())
    out += ", got [" + std::to_string(got[k].start) + ", " + std::to_string(got[k].end) + ")";
  return out + " in '" + Escape(text.substr(0, 200)) + "'";
}

// The offsets step tokenizes code point ranges cut anywhere: every cut of the text at a code point
// boundary, tokenized piece by piece with TokenizeBounds, gives the offsets Tokenize gives on the same
// pieces; and blocks cut before ASCII whitespace (as RangeWords cuts them) give the whole text's.
void ExpectBoundsOfTokenize(WordTokenizer* tokenizer, const std::string& text, uint32_t cp_base,
                            uint64_t* state, size_t* failures) {
  std::vector<Word> words;
  tokenizer->Tokenize(text, cp_base, &words);
  const std::vector<WordBounds> want = BoundsOf(words);
  std::vector<WordBounds> got;
  tokenizer->TokenizeBounds(text, cp_base, &got);
  if (const size_t k = FirstDifference(want, got); k != SIZE_MAX) {
    if (++*failures <= 5) ADD_FAILURE() << "whole text: " << Describe(text, want, got, k);
    return;
  }
  // Random cuts at code point boundaries, each piece on its own.
  std::vector<WordBounds> want_pieces, got_pieces;
  words.clear();
  uint32_t cp = cp_base;
  for (size_t pos = 0; pos < text.size();) {
    size_t end = std::min(text.size(), pos + 1 + Next(state) % 700);
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
    const std::string_view piece = std::string_view(text).substr(pos, end - pos);
    tokenizer->Tokenize(piece, cp, &words);
    tokenizer->TokenizeBounds(piece, cp, &got_pieces);
    cp += static_cast<uint32_t>(CountCodePoints(piece));
    pos = end;
  }
  want_pieces = BoundsOf(words);
  if (const size_t k = FirstDifference(want_pieces, got_pieces); k != SIZE_MAX) {
    if (++*failures <= 5) ADD_FAILURE() << "cut anywhere: " << Describe(text, want_pieces, got_pieces, k);
    return;
  }
  // Blocks ending before ASCII whitespace: the whole text's words.
  got_pieces.clear();
  cp = cp_base;
  const size_t block = 1 + Next(state) % 1100;
  for (size_t pos = 0; pos < text.size();) {
    size_t end = std::min(text.size(), pos + block);
    while (end < text.size() && !(text[end] == ' ' || (text[end] >= '\t' && text[end] <= '\r'))) ++end;
    const std::string_view piece = std::string_view(text).substr(pos, end - pos);
    tokenizer->TokenizeBounds(piece, cp, &got_pieces);
    cp += static_cast<uint32_t>(CountCodePoints(piece));
    pos = end;
  }
  if (const size_t k = FirstDifference(want, got_pieces); k != SIZE_MAX) {
    if (++*failures <= 5)
      ADD_FAILURE() << "blocks of " << block << ": " << Describe(text, want, got_pieces, k);
  }
}

// TokenizeBounds against Tokenize, with the fast path (whichever kernel is active: run_kernel_tests.sh
// forces each) and ICU only, on random text of 0-5,000 bytes: mostly ASCII words, or any piece.
TEST(TokenizeBoundsTest, BoundsAreTheOffsetsOfTheWordsTokenizeGives) {
  for (const WordTokenizer::Mode mode : {WordTokenizer::Mode::kAuto, WordTokenizer::Mode::kIcuOnly}) {
    WordTokenizer tokenizer(mode);
    ASSERT_TRUE(tokenizer.ok());
    uint64_t state = 61;
    size_t failures = 0;
    for (int round = 0; round < (mode == WordTokenizer::Mode::kAuto ? 1500 : 300); ++round) {
      const size_t bytes = round < 200 ? static_cast<size_t>(round) : Next(&state) % 5001;
      const std::string text = RandomText(&state, bytes, round % 3 == 0 ? 0 : 60);
      ExpectBoundsOfTokenize(&tokenizer, text, static_cast<uint32_t>(Next(&state) % 100000), &state,
                             &failures);
    }
    EXPECT_EQ(failures, 0u) << (mode == WordTokenizer::Mode::kAuto ? "kAuto" : "kIcuOnly");
  }
}

// The fast path's bounds with every classifier this CPU can run, against its words with the same
// classifier and against the scalar loop: the same bounds and the same stop (the piece holding the first
// code point outside the table), at sizes around the classifier's blocks and chunks.
TEST(KernelTokenizeBounds, EveryClassifierGivesTheOffsetsOfItsWords) {
  const internal::FastPathTable* table = internal::SharedFastPathTable();
  ASSERT_NE(table, nullptr);
  uint64_t state = 67;
  std::string scratch;
  size_t failures = 0;
  std::vector<size_t> sizes;
  for (size_t size = 0; size <= 300; ++size) sizes.push_back(size);
  for (size_t size : {4000, 4094, 4095, 4096, 4097, 4098, 4100, 5000, 8190, 8192, 8194, 20000})
    sizes.push_back(size);
  for (const size_t size : sizes) {
    for (int k = 0; k < 4; ++k) {
      const std::string text = RandomText(&state, size, k % 2 ? 0 : 60, k < 3);
      const uint32_t cp_base = static_cast<uint32_t>(Next(&state) % 1000);
      std::vector<Word> scalar;
      const size_t stop = internal::TokenizeFast(text, cp_base, table, &scratch, &scalar);
      scalar.clear();
      internal::TokenizeFastScalar(std::string_view(text).substr(0, stop), cp_base, table, &scratch, &scalar);
      const std::vector<WordBounds> want = BoundsOf(scalar);
      for (const KernelTable* kernel : AvailableKernels()) {
        std::vector<Word> words;
        std::vector<WordBounds> got;
        const size_t word_stop =
            internal::TokenizeFastWith(kernel->classify_bytes, text, cp_base, table, &scratch, &words);
        const size_t bounds_stop =
            internal::TokenizeFastWith(kernel->classify_bytes, text, cp_base, table, &got);
        EXPECT_EQ(bounds_stop, word_stop) << kernel->name << ", '" << Escape(text.substr(0, 200)) << "'";
        EXPECT_EQ(bounds_stop, stop) << kernel->name << ", '" << Escape(text.substr(0, 200)) << "'";
        for (const std::vector<WordBounds>& reference : {want, BoundsOf(words)}) {
          if (const size_t d = FirstDifference(reference, got); d != SIZE_MAX && ++failures <= 5) {
            ADD_FAILURE() << kernel->name << ": " << Describe(text, reference, got, d);
          }
        }
      }
      std::vector<WordBounds> active;
      EXPECT_EQ(internal::TokenizeFast(text, cp_base, table, &active), stop);
      if (const size_t d = FirstDifference(want, active); d != SIZE_MAX && ++failures <= 5) {
        ADD_FAILURE() << "active kernel: " << Describe(text, want, active, d);
      }
    }
  }
  EXPECT_EQ(failures, 0u);
}

}  // namespace
}  // namespace neardup
