// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// The template tokenizer of round 6 (templates.cc): it writes a unit's words through a pointer and finds
// the first word after its pass, hashes a short word with its byte mask from a table, and looks the date
// and clock words up by a multiplied hash. Held to plain references kept here:
// - the words the rule prefilter sees (ScanWords, and MaskUnit's as the stage calls it, with the text
//   read in place followed by letters) against a byte loop: every maximal run of ASCII letters,
//   lower-cased and hashed with HashBytes, the first one's first 16 bytes, the runs between whitespace,
//   the leading digit and number, and the characters flagged wherever they are;
// - the template and the token hashes of the fast path against the reference tokenizer's (a code point
//   at a time, HashBytes of the folded text);
// - the masks of the listed month, day, clock and unit words (a list kept here) and of words not listed.
// On random texts of words, numbers, every ASCII byte and non-ASCII letters, marks and symbols, cut at
// every length from 0 to 300 bytes, and on every ASCII byte in a few contexts.

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

using boilerplate_internal::HashBytes;
using boilerplate_internal::MaskUnit;
using boilerplate_internal::ScanWords;
using boilerplate_internal::TitleMask;
using boilerplate_testing::CheckFastPaths;

// Pieces of text: words of every length (a short word's mask covers 1 to 8 bytes), numbers and words
// glued to digits, ASCII bytes of every kind, and UTF-8 letters, marks, quotes, chevrons and symbols.
std::string RandomText(std::mt19937_64* rng, size_t min_bytes) {
  static const char* const kNonAscii[] = {
      "\xC3\xA9",          // é
      "\xC3\x89",          // É
      "\xE2\x80\x99",      // ’
      "\xE2\x80\x9C",      // “
      "\xE2\x80\x94",      // —
      "\xC2\xBB",          // »
      "\xE2\x80\xBA",      // ›
      "\xC2\xA9",          // ©
      "\xC5\xBF",          // ſ
      "\xE2\x84\xAA",      // K (Kelvin)
      "\xCC\x81",          // combining acute
      "\xE4\xB8\xAD",      // 中
      "\xF0\x9F\x98\x80",  // an emoji
      "\xC2\xA0",          // no-break space
      "\xE2\x82\xAC",      // €
  };
  static const char* const kWords[] = {"January", "nov", "5",    "am",    "Hours", "ago", "2024",   "may",
                                       "p",       "m",   "Sept", "today", "a",     "St",  "minutes"};
  auto pick = [&](size_t n) { return static_cast<size_t>((*rng)() % n); };
  std::string s;
  while (s.size() < min_bytes) {
    switch (pick(8)) {
      case 0:
      case 1: {  // a word of 1 to 24 letters, capitalized or not
        const size_t len = 1 + pick(pick(4) == 0 ? 24 : 9);
        for (size_t k = 0; k < len; ++k) {
          const char c = static_cast<char>('a' + pick(26));
          s.push_back(k == 0 && pick(2) == 0 ? static_cast<char>(c - ('a' - 'A')) : c);
        }
        break;
      }
      case 2:  // a number, or digits glued to letters
        s += std::to_string(pick(100000));
        if (pick(3) == 0) s += "th";
        if (pick(4) == 0) s += "x";
        break;
      case 3:
        s += kWords[pick(std::size(kWords))];
        break;
      case 4:  // any ASCII byte
        s.push_back(static_cast<char>(pick(128)));
        break;
      case 5:
        s += kNonAscii[pick(std::size(kNonAscii))];
        break;
      default:
        s += " ,.>$-:/\n"[pick(9)];
        break;
    }
    if (pick(3) != 0) s.push_back(pick(6) == 0 ? '\t' : ' ');
  }
  return s;
}

// `s` cut to at most `len` bytes at a character boundary.
std::string_view Cut(std::string_view s, size_t len) {
  if (len >= s.size()) return s;
  while (len > 0 && (static_cast<unsigned char>(s[len]) & 0xC0) == 0x80) --len;
  return s.substr(0, len);
}

// Letters after a text read in place, which its words must not run into.
const std::string& Trailer() {
  static const std::string trailer(boilerplate_internal::kScanPadding, 'q');
  return trailer;
}

TEST(BoilerplateSpeed6Test, RandomTextsOfEveryLength) {
  std::mt19937_64 rng(20261207);
  const TitleMask no_title;
  const TitleMask title("Council Approves New Harbor Budget");
  for (int round = 0; round < 12; ++round) {
    const std::string text = RandomText(&rng, 320);
    for (size_t len = 0; len <= 300; ++len) {
      CheckFastPaths(Cut(text, len), len % 2 == 0 ? no_title : title, Trailer());
      if (testing::Test::HasFailure()) return;
    }
  }
}

TEST(BoilerplateSpeed6Test, EveryAsciiByte) {
  const TitleMask no_title;
  for (int c = 0; c < 128; ++c) {
    const std::string b(1, static_cast<char>(c));
    for (const std::string& text :
         {b, b + "word", "word" + b, "ab" + b + "cd", "5" + b + "pm",
          b + b + "Long" + b + "sentence" + b + "x", std::string(70, 'w') + b + std::string(70, 'z'),
          "\xC3\xA9" + b + "t\xC3\xA9" + b}) {
      CheckFastPaths(text, no_title, Trailer());
    }
    if (testing::Test::HasFailure()) return;
  }
}

TEST(BoilerplateSpeed6Test, WordsOfEveryLengthAcrossBlocks) {
  // Runs of 1 to 80 letters at every offset of a 64-byte block (a run crosses into the next block), and
  // a text of only one long word.
  const TitleMask no_title;
  for (size_t len = 1; len <= 80; ++len) {
    for (size_t at = 0; at < 66; at += 5) {
      std::string text(at, ' ');
      for (size_t k = 0; k < len; ++k) text.push_back(static_cast<char>((k % 3 == 0 ? 'A' : 'a') + k % 26));
      text += " 12 Mar";
      CheckFastPaths(text, no_title, Trailer());
      CheckFastPaths(text.substr(at), no_title, Trailer());
    }
  }
}

// The date and clock words as the masker lists them, kept here: a full month or day name is always
// masked, an abbreviation next to a number, a clock word or unit when it follows a mask; any other word
// never.
TEST(BoilerplateSpeed6Test, DateAndClockWordsAndNoOthers) {
  const std::vector<std::string> dates = {"january",  "february", "march",     "april",     "june",
                                          "july",     "august",   "september", "october",   "november",
                                          "december", "monday",   "tuesday",   "wednesday", "thursday",
                                          "friday",   "saturday", "sunday",    "today"};
  const std::vector<std::string> abbrs = {"jan", "feb",  "mar",  "apr",   "may", "jun", "jul", "aug",
                                          "sep", "sept", "oct",  "nov",   "dec", "mon", "tue", "tues",
                                          "wed", "thu",  "thur", "thurs", "fri", "sat", "sun"};
  const std::vector<std::string> clock = {
      "am",    "pm",     "a",       "p",    "m",     "gmt", "utc",    "est",     "edt", "cst",  "cdt",
      "pst",   "pdt",    "cet",     "cest", "bst",   "ist", "st",     "nd",      "rd",  "th",   "min",
      "mins",  "minute", "minutes", "h",    "hr",    "hrs", "hour",   "hours",   "day", "days", "week",
      "weeks", "month",  "months",  "year", "years", "sec", "second", "seconds", "ago"};
  const TitleMask no_title;
  auto masked = [&](const std::string& text) {
    std::string display;
    MaskUnit(text, no_title, &display);
    return display;
  };
  auto fast_key = [&](const std::string& text) { return MaskUnit(text, no_title).key; };
  // The fast path's key of a text equals the key of its masked form written out (masks as a number).
  auto expect = [&](const std::string& text, const std::string& want) {
    EXPECT_EQ(masked(text), want) << text;
    std::string as_number = want;
    for (size_t at; (at = as_number.find("<n>")) != std::string::npos;) as_number.replace(at, 3, "7");
    EXPECT_EQ(fast_key(text), fast_key(as_number)) << text;
  };
  for (const std::string& w : dates) {
    expect("the " + w + " issue", "the <n> issue");
    std::string capital = w;
    capital[0] = static_cast<char>(capital[0] - ('a' - 'A'));
    expect("the " + capital + " issue", "the <n> issue");
  }
  for (const std::string& w : abbrs) {
    expect("the " + w + " issue", "the " + w + " issue");
    expect("the 5 " + w + " issue", "the <n> issue");
  }
  for (const std::string& w : clock) {
    expect("the " + w + " issue", "the " + w + " issue");
    expect("the 5 " + w + " issue", "the <n> issue");
  }
  // Words not listed, of one to twelve letters, after a number: kept.
  std::mt19937_64 rng(7);
  std::vector<std::string> listed = dates;
  listed.insert(listed.end(), abbrs.begin(), abbrs.end());
  listed.insert(listed.end(), clock.begin(), clock.end());
  for (int k = 0; k < 20000; ++k) {
    std::string w;
    const size_t len = 1 + rng() % 12;
    for (size_t i = 0; i < len; ++i) w.push_back(static_cast<char>('a' + rng() % 26));
    if (std::find(listed.begin(), listed.end(), w) != listed.end()) continue;
    expect("the 5 " + w + " issue", "the <n> " + w + " issue");
    if (testing::Test::HasFailure()) return;
  }
}

}  // namespace
}  // namespace neardup
