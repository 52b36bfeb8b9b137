// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// AppendJsonEscaped and AppendJsonString, which escape 16 bytes at a time into a window on the stack,
// against a byte-at-a-time escaper: random UTF-8 with every control character, quotes, backslashes,
// DEL and U+2028/U+2029 (which stay raw), at every alignment to the 16-byte blocks and across the
// window's edges, where escapes expand the text up to six times. AppendJsonEscapedTo, which also
// counts code points as it escapes, against the scalar AdvanceToCodePoint and that escaper.

#include <gtest/gtest.h>

#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "kernels/code_points.h"
#include "pipeline/io/json_string.h"
#include "pipeline/io/reader.h"

namespace neardup {
namespace {

// The reference: one byte at a time, as RFC 8259 and Python's json.dumps(ensure_ascii=False) write it.
std::string ReferenceEscaped(const std::string& s) {
  std::string out;
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof(buf), "\\u%04x", c);
          out += buf;
        } else {
          out.push_back(ch);
        }
    }
  }
  return out;
}

// Pieces the random texts are made of: every byte that must be escaped, and plain UTF-8.
std::vector<std::string> Pieces() {
  std::vector<std::string> pieces;
  for (int c = 0; c < 0x20; ++c) pieces.emplace_back(1, static_cast<char>(c));
  for (const char* p : {"\"", "\\", "/", "\x7f", "a", "Z", " ", "0", "\xC3\xA9", "\xE2\x82\xAC",
                        "\xF0\x9F\x98\x80", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xEF\xBF\xBD"}) {
    pieces.emplace_back(p);
  }
  return pieces;
}

void ExpectSameAsReference(const std::string& s) {
  std::string escaped = "prefix";
  AppendJsonEscaped(s, &escaped);
  ASSERT_EQ(escaped, "prefix" + ReferenceEscaped(s)) << "size " << s.size();
  std::string quoted = "prefix";
  AppendJsonString(s, &quoted);
  ASSERT_EQ(quoted, "prefix\"" + ReferenceEscaped(s) + "\"") << "size " << s.size();
}

TEST(IoJsonEscapeTest, RandomTextsMatchTheReference) {
  const std::vector<std::string> pieces = Pieces();
  std::mt19937_64 rng(14);
  for (int round = 0; round < 3000; ++round) {
    // Mostly plain text with escapes now and then, as in corpora; some texts dense with escapes.
    const int plain_run = static_cast<int>(rng() % 4 == 0 ? 0 : rng() % 200);
    const size_t target = rng() % (round % 10 == 0 ? 20000 : 600);
    std::string s;
    while (s.size() < target) {
      for (int k = static_cast<int>(rng() % (plain_run + 1)); k > 0; --k)
        s.push_back(static_cast<char>('a' + rng() % 26));
      s += pieces[rng() % pieces.size()];
    }
    ExpectSameAsReference(s);
  }
}

TEST(IoJsonEscapeTest, EveryAlignmentAndWindowEdge) {
  const std::vector<std::string> pieces = Pieces();
  // One escape at every offset of texts of every length up to a few blocks.
  for (size_t size = 0; size <= 70; ++size) {
    for (size_t at = 0; at < size; ++at) {
      for (const char* special : {"\"", "\\", "\n", "\x01", "\x1f"}) {
        std::string s(size, 'x');
        s[at] = special[0];
        ExpectSameAsReference(s);
      }
    }
  }
  // Around the 4096-byte window: plain runs that end just before, on and after its edge, followed by
  // escapes of both sizes, and texts made only of escapes (six bytes out per byte in).
  for (size_t size = 4000; size <= 4200; ++size) {
    for (const char* tail : {"\n", "\x01", "\"\x02\\", ""})
      ExpectSameAsReference(std::string(size, 'y') + tail);
  }
  for (const size_t size :
       {1u, 15u, 16u, 17u, 682u, 683u, 684u, 2047u, 2048u, 2049u, 4095u, 4096u, 4097u, 10000u}) {
    ExpectSameAsReference(std::string(size, '\x01'));
    ExpectSameAsReference(std::string(size, '\n'));
    std::string mixed;
    for (size_t i = 0; i < size; ++i) mixed += pieces[i % pieces.size()];
    ExpectSameAsReference(mixed);
  }
}

TEST(IoJsonEscapeTest, AppendsToWhatIsThere) {
  std::string out(5000, 'p');
  AppendJsonString(std::string(9000, '\t'), &out);
  EXPECT_EQ(out, std::string(5000, 'p') + "\"" + ReferenceEscaped(std::string(9000, '\t')) + "\"");
  std::string empty;
  AppendJsonString("", &empty);
  EXPECT_EQ(empty, "\"\"");
  AppendJsonEscaped("", &empty);
  EXPECT_EQ(empty, "\"\"");
}

// The reference of AppendJsonEscapedTo: a code point at a time, then the bytes passed escaped.
std::string ReferenceEscapedTo(const std::string& text, uint32_t target, Utf8Position* pos) {
  const size_t from = pos->byte;
  internal::AdvanceToCodePointScalar(text, target, pos);
  return ReferenceEscaped(text.substr(from, pos->byte - from));
}

// Walks `text` to each target in turn (as the clean output does between boilerplate spans, with a
// skip after every second target) and checks every step's output and position.
void ExpectWalkMatches(const std::string& text, const std::vector<uint32_t>& targets) {
  Utf8Position pos;
  Utf8Position ref;
  for (size_t i = 0; i < targets.size(); ++i) {
    if (i % 2 == 1) {
      AdvanceToCodePoint(text, targets[i], &pos);
      internal::AdvanceToCodePointScalar(text, targets[i], &ref);
    } else {
      std::string out = "prefix";
      AppendJsonEscapedTo(text, targets[i], &pos, &out);
      ASSERT_EQ(out, "prefix" + ReferenceEscapedTo(text, targets[i], &ref)) << "target " << targets[i];
    }
    ASSERT_EQ(pos.byte, ref.byte) << "target " << targets[i];
    ASSERT_EQ(pos.cp, ref.cp) << "target " << targets[i];
  }
}

TEST(IoJsonEscapeTest, EscapedToMatchesAdvanceAndEscape) {
  const std::vector<std::string> pieces = Pieces();
  std::mt19937_64 rng(15);
  for (int round = 0; round < 3000; ++round) {
    const int plain_run = static_cast<int>(rng() % 4 == 0 ? 0 : rng() % 100);
    const size_t size = rng() % (round % 10 == 0 ? 12000 : 500);
    std::string text;
    uint32_t code_points = 0;
    while (text.size() < size) {
      for (int k = static_cast<int>(rng() % (plain_run + 1)); k > 0; --k, ++code_points) {
        text.push_back(static_cast<char>('a' + rng() % 26));
      }
      text += pieces[rng() % pieces.size()];
      ++code_points;
    }
    // Increasing targets, some repeated or behind the position, the last ones past the end.
    std::vector<uint32_t> targets;
    uint32_t t = 0;
    for (int k = static_cast<int>(rng() % 12); k > 0; --k) {
      t += static_cast<uint32_t>(rng() % 4 == 0 ? 0 : rng() % (code_points / 4 + 2));
      targets.push_back(rng() % 8 == 0 && t > 0 ? t - 1 : t);
    }
    targets.push_back(code_points + static_cast<uint32_t>(rng() % 3));
    ExpectWalkMatches(text, targets);
  }
}

TEST(IoJsonEscapeTest, EscapedToAtEveryBlockOffset) {
  // Two-, three- and four-byte characters and escapes around every target within a few blocks.
  const std::string unit = "ab\xC3\xA9\n\xE2\x82\xAC\"\xF0\x9F\x98\x80x\x01yz";
  std::string text;
  while (text.size() < 200) text += unit;
  uint32_t code_points = 0;
  for (const char c : text) code_points += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  for (uint32_t first = 0; first <= 80; ++first) {
    for (uint32_t length = 0; length <= 40; ++length) {
      ExpectWalkMatches(text, {first, first + length, first + 2 * length + 1, code_points + 1});
    }
  }
  // Long texts of multi-byte characters only, walked far in one call: the continuation bytes tallied
  // per byte lane must be summed before a lane overflows (255 blocks).
  for (const char* character : {"\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80"}) {
    std::string many;
    for (int i = 0; i < 12000; ++i) many += character;
    for (const uint32_t far : {2000u, 4095u, 4096u, 4097u, 9000u, 11999u, 12000u})
      ExpectWalkMatches(many, {far, 12001});
    ExpectWalkMatches(many + "\n" + many, {12000, 12001, 20000, 24001});
  }
  // Texts shorter than a block, and a target on the last code point.
  for (uint32_t target = 0; target <= 8; ++target) ExpectWalkMatches("a\xC3\xA9\"b", {target, target + 1, 9});
}

}  // namespace
}  // namespace neardup
