// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.

#include "pipeline/io/utf8.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "pipeline/io/reader.h"

namespace neardup {
namespace {

struct RepairCase {
  std::string in;
  std::string expected;
  size_t replacements;
};

#define FFFD "\xEF\xBF\xBD"  // U+FFFD

// Expected values are Python 3.11's bytes.decode("utf-8", "replace") re-encoded as UTF-8, computed
// when this test was written (CI has no Python).
const std::vector<RepairCase>& PythonCases() {
  static const std::vector<RepairCase> cases = {
      {"abc", "abc", 0},
      {"", "", 0},
      {"\xC3\xA9", "\xC3\xA9", 0},
      {"\xC3", FFFD, 1},  // truncated 2-byte sequence
      {"a\xC3", "a" FFFD, 1},
      {"\xE2\x82", FFFD, 1},  // truncated 3-byte sequence: one U+FFFD
      {"\xE2\x82x", FFFD "x", 1},
      {"\xE2\x82\xAC", "\xE2\x82\xAC", 0},
      {"\xF0\x9F\x98", FFFD, 1},  // truncated 4-byte sequence
      {"\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80", 0},
      {"\xC0\x80", FFFD FFFD, 2},  // overlong NUL
      {"\xC1\xBF", FFFD FFFD, 2},
      {"\xE0\x80\x80", FFFD FFFD FFFD, 3},  // overlong
      {"\xE0\x9F\xBF", FFFD FFFD FFFD, 3},
      {"\xF0\x80\x80\x80", FFFD FFFD FFFD FFFD, 4},
      {"\xF0\x8F\xBF\xBF", FFFD FFFD FFFD FFFD, 4},
      {"\xED\xA0\x80", FFFD FFFD FFFD, 3},  // UTF-8-encoded surrogate D800
      {"\xED\xBF\xBF", FFFD FFFD FFFD, 3},
      {"\xED\x9F\xBF", "\xED\x9F\xBF", 0},           // U+D7FF is fine
      {"\xF4\x90\x80\x80", FFFD FFFD FFFD FFFD, 4},  // U+110000
      {"\xF4\x8F\xBF\xBF", "\xF4\x8F\xBF\xBF", 0},   // U+10FFFF is fine
      {"\x80", FFFD, 1},                             // lone continuation bytes
      {"\x80\x80x\xBF", FFFD FFFD "x" FFFD, 3},
      {"\xF8\x88\x80\x80\x80", FFFD FFFD FFFD FFFD FFFD, 5},  // old 5-byte form
      {"\xF5", FFFD, 1},
      {"\xFE\xFF", FFFD FFFD, 2},
      {"\xFF", FFFD, 1},
      {"\xE1\x80\xC3\xA9", FFFD "\xC3\xA9", 1},  // a cut sequence does not swallow the next one
      {"\xF1\x80\x80", FFFD, 1},
      {"\xF1\x80\x80\xE2\x82\xAC", FFFD "\xE2\x82\xAC", 1},
      {"a\xED"
       "b",
       "a" FFFD "b", 1},
      {"\xEF\xBB\xBF", "\xEF\xBB\xBF", 0},  // a BOM is a valid character here
      {"\xC2\x80\xDF\xBF", "\xC2\x80\xDF\xBF", 0},
  };
  return cases;
}

TEST(Utf8Test, RepairMatchesPython) {
  for (const RepairCase& c : PythonCases()) {
    std::string out = "stale";
    EXPECT_EQ(RepairUtf8(c.in, &out), c.replacements) << ::testing::PrintToString(c.in);
    EXPECT_EQ(out, c.expected) << ::testing::PrintToString(c.in);
  }
}

TEST(Utf8Test, RepairInPlaceMatchesRepairAndKeepsSlack) {
  for (const RepairCase& c : PythonCases()) {
    std::string s = c.in;
    EXPECT_EQ(RepairUtf8InPlace(&s, 64), c.replacements);
    EXPECT_EQ(s, c.expected);
    EXPECT_GE(s.capacity(), s.size() + 64);
  }
}

TEST(Utf8Test, RepairInsideLongValidRuns) {
  // The fast path validates whole strings; damage far from the start must still be found.
  const std::string ascii(1000, 'a');
  const std::string two_byte = "\xC3\xA9";
  std::string in = ascii + "\xE0\x80\x80" + ascii + two_byte + "\xF0\x9F\x98";
  std::string out;
  EXPECT_EQ(RepairUtf8(in, &out), 4u);
  EXPECT_EQ(out, ascii + FFFD FFFD FFFD + ascii + two_byte + FFFD);
}

// A reference written from the definition: at each position take a complete well-formed sequence if
// there is one, else replace the longest prefix of any well-formed sequence (at least one byte).
class ReferenceDecoder {
 public:
  ReferenceDecoder() {
    for (uint32_t cp = 0x80; cp <= 0x10FFFF; ++cp) {
      if (cp >= 0xD800 && cp <= 0xDFFF) continue;
      const std::string enc = Encode(cp);
      for (size_t k = 1; k < enc.size(); ++k) prefixes_.insert(enc.substr(0, k));
      if (enc.size() == 4 && (cp & 0xFFF) != 0) continue;  // keep the full set small: sample 4-byte ones
      complete_.insert(enc);
    }
  }

  size_t Decode(const std::string& in, std::string* out) const {
    out->clear();
    size_t count = 0;
    size_t i = 0;
    while (i < in.size()) {
      const auto b = static_cast<unsigned char>(in[i]);
      if (b < 0x80) {
        out->push_back(in[i++]);
        continue;
      }
      size_t len = 0;
      for (size_t k = 2; k <= 4 && i + k <= in.size(); ++k) {
        if (IsComplete(in.substr(i, k))) len = k;
      }
      if (len > 0) {
        out->append(in, i, len);
        i += len;
        continue;
      }
      size_t bad = 1;
      for (size_t k = 1; k <= 3 && i + k <= in.size(); ++k) {
        if (prefixes_.count(in.substr(i, k)) != 0) bad = k;
      }
      out->append(FFFD);
      ++count;
      i += bad;
    }
    return count;
  }

 private:
  static std::string Encode(uint32_t cp) {
    std::string s;
    if (cp < 0x800) {
      s += static_cast<char>(0xC0 | (cp >> 6));
    } else if (cp < 0x10000) {
      s += static_cast<char>(0xE0 | (cp >> 12));
      s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    } else {
      s += static_cast<char>(0xF0 | (cp >> 18));
      s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    }
    s += static_cast<char>(0x80 | (cp & 0x3F));
    return s;
  }

  // Complete 4-byte sequences are recognized by their 3-byte prefix plus any continuation byte.
  bool IsComplete(const std::string& s) const {
    if (s.size() == 4) {
      const auto last = static_cast<unsigned char>(s[3]);
      return prefixes_.count(s.substr(0, 3)) != 0 && last >= 0x80 && last <= 0xBF;
    }
    return complete_.count(s) != 0;
  }

  std::set<std::string> prefixes_;
  std::set<std::string> complete_;
};

TEST(Utf8Test, RepairMatchesReferenceOnRandomBytes) {
  const ReferenceDecoder reference;
  // Bytes around every boundary of the decoding table, so that random strings hit edge cases.
  const std::vector<unsigned char> alphabet = {'a',  0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF,
                                               0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE,
                                               0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF8, 0xFE, 0xFF};
  std::mt19937 rng(42);
  for (int round = 0; round < 20000; ++round) {
    std::string in;
    const int len = static_cast<int>(rng() % 12);
    for (int i = 0; i < len; ++i) in.push_back(static_cast<char>(alphabet[rng() % alphabet.size()]));
    std::string got;
    std::string want;
    const size_t got_count = RepairUtf8(in, &got);
    const size_t want_count = reference.Decode(in, &want);
    ASSERT_EQ(got, want) << ::testing::PrintToString(in);
    ASSERT_EQ(got_count, want_count) << ::testing::PrintToString(in);
    ASSERT_TRUE(IsValidUtf8(got));
  }
}

TEST(Utf8Test, TrimSpaceLikePythonStrip) {
  EXPECT_EQ(TrimSpace("  a b \t\r\n"), "a b");
  EXPECT_EQ(TrimSpace("\xC2\xA0\xE3\x80\x80title\xE2\x80\xA8"), "title");  // NBSP, U+3000, U+2028
  EXPECT_EQ(TrimSpace("\x1C\x1Fx\x0B\x0C"), "x");
  EXPECT_EQ(TrimSpace("\xE2\x80\x8B"
                      "x"),
            "\xE2\x80\x8B"
            "x");  // U+200B is not whitespace in Python
  EXPECT_EQ(TrimSpace("   "), "");
  EXPECT_EQ(TrimSpace(""), "");
  EXPECT_EQ(TrimSpace("\xC3\xA9"), "\xC3\xA9");
}

TEST(Utf8Test, FirstNonEmptyLine) {
  EXPECT_EQ(FirstNonEmptyLine("\n  \r\n  Title here  \r\nbody"), "Title here");
  EXPECT_EQ(FirstNonEmptyLine("one line"), "one line");
  EXPECT_EQ(FirstNonEmptyLine("old\rmac"), "old");
  EXPECT_EQ(FirstNonEmptyLine(" \n\t\n"), "");
  EXPECT_EQ(FirstNonEmptyLine(""), "");
}

#undef FFFD

}  // namespace
}  // namespace neardup
